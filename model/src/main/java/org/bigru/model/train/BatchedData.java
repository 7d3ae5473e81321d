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
 * produce bitwise the gradient that one network pass over the whole batch produces, and {@link #evaluate} the
 * sums of the batches' {@code loss * rows} (and {@code accuracy * rows}) taken in batch order.
 */
public interface BatchedData {

  /** What a gradient pass over one batch gave: its mean loss, and the loss rows it holds. */
  record BatchLoss(double loss, long rows) {
  }

  /** The mean loss over a data set, and for classification the accuracy (NaN for regression). */
  record Evaluation(double loss, double accuracy) {
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
   * Iterations that batch {@code b} of the current order makes: one, unless the data splits its batches in time
   * (MATLAB's SequenceLength n), the recurrent states carried from each piece to the next.
   */
  default int pieces(int b) {
    return 1;
  }

  /**
   * Overwrites the gradients of the loop's network with those of the mean loss of piece {@code piece} of batch
   * {@code b} of the current order (the pieces of a batch in turn), with dropout drawn from {@code new
   * SplittableRandom(dropoutSeed)} when the network has dropout.
   */
  BatchLoss gradients(int b, int piece, long dropoutSeed);

  /** For classification, the accuracy of the last {@link #gradients} pass; NaN when regression or unknown. */
  default double lastAccuracy() {
    return Double.NaN;
  }

  /** The mean loss (and accuracy) of the loop's network over all sequences, rows weighted equally, without dropout. */
  Evaluation evaluate();

  /** Adds what identifies the data (inputs and targets) to a checkpoint folder's fingerprint. */
  void addToChecksum(Checksum checksum);
}
