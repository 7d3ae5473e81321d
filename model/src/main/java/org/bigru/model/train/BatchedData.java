package org.bigru.model.train;

import java.util.random.RandomGenerator;
import java.util.zip.Checksum;

/**
 * Training data as the training loop sees it: sequences in an order that a seeded shuffle may change, cut into
 * mini-batches in that order, and for each batch the gradient and the loss of the loop's network on it. {@link
 * Trainer#fit(org.bigru.model.Network, org.bigru.model.data.Dataset, org.bigru.model.data.Dataset, TrainingOptions,
 * TrainingListener)} runs over data in memory; a cluster runs the same loop (shuffles, steps, validation,
 * checkpoints, resume) over data that its workers hold, computing each batch where the data is ({@link
 * Trainer#fit(org.bigru.model.Network, BatchedData, BatchedData, TrainingOptions, TrainingListener, boolean)}).
 *
 * <p>For the loop to give bitwise the weights of a run over the same data in memory, {@link #gradients} must
 * produce bitwise the gradient that one network pass over the whole batch produces, and {@link #meanLoss} the
 * sum of the batches' {@code loss * rows} taken in batch order.
 */
public interface BatchedData {

  /** What a gradient pass over one batch gave: its mean loss, and the loss rows it holds. */
  record BatchLoss(double loss, long rows) {
  }

  /** Sequences. */
  int size();

  /** Mini-batches per pass over the data (the last one holds the remainder). */
  int batchCount();

  /** Shuffles the current order (Fisher-Yates, as {@link org.bigru.model.data.MiniBatches#shuffle}). */
  void shuffle(RandomGenerator rng);

  /** The current order: position to sequence index (a copy). */
  int[] order();

  /** Sets the current order, a permutation of the sequence indices (from a checkpoint). */
  void setOrder(int[] permutation);

  /**
   * Overwrites the gradients of the loop's network with those of the mean loss of batch {@code b} of the current
   * order, with dropout drawn from {@code new SplittableRandom(dropoutSeed)} when the network has dropout.
   */
  BatchLoss gradients(int b, long dropoutSeed);

  /** The mean loss of the loop's network over all sequences (rows weighted equally), without dropout. */
  double meanLoss();

  /** Adds what identifies the data (inputs and targets) to a checkpoint folder's fingerprint. */
  void addToChecksum(Checksum checksum);
}
