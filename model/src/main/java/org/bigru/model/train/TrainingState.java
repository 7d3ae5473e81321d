package org.bigru.model.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a training run is and what it has seen: everything of the loop, besides the weights and the
 * optimizer's buffers, that a {@link Checkpoint} must hold so that a resumed run continues bitwise as if it had
 * never stopped. The run updates it in place; a checkpoint saves it whole.
 */
final class TrainingState {

  /** The epoch (1-based) and the batch of it to run next. */
  int epoch = 1;
  int nextBatch;
  /** Optimizer steps taken. */
  int iteration;
  /** The shuffle and dropout streams, both drawn from the options' seed. */
  final SplitMix64 shuffleRng;
  final SplitMix64 dropoutRng;
  /** The data order of the current epoch (synced from the batches when saved). */
  int[] order;
  /** The current epoch's loss sum over its rows so far, and its seconds before a resume. */
  double lossSum;
  long rows;
  double epochSeconds;
  /**
   * Early stopping: the best validation's score by the objective (lower is better; the loss, or minus the
   * accuracy) and its loss, when it was seen, and validations since.
   */
  double bestScore = Double.POSITIVE_INFINITY;
  double bestLoss = Double.POSITIVE_INFINITY;
  int bestEpoch;
  int bestIteration;
  int validationsWithoutProgress;
  /** Why training ended, null while it goes on. */
  StopReason stopReason;
  int skippedBatches;
  final List<TrainingHistory.Epoch> epochs = new ArrayList<>();

  /** A run at its start: the two streams split from the seed. */
  TrainingState(long seed) {
    SplitMix64 root = new SplitMix64(seed);
    shuffleRng = new SplitMix64(root.nextLong());
    dropoutRng = new SplitMix64(root.nextLong());
  }

  /** Starts the next epoch's sums. */
  void endEpoch() {
    nextBatch = 0;
    lossSum = 0;
    rows = 0;
    epochSeconds = 0;
  }

  /** Takes over every field of {@code other}. */
  void copyFrom(TrainingState other) {
    epoch = other.epoch;
    nextBatch = other.nextBatch;
    iteration = other.iteration;
    shuffleRng.setState(other.shuffleRng.state());
    dropoutRng.setState(other.dropoutRng.state());
    order = other.order == null ? null : other.order.clone();
    lossSum = other.lossSum;
    rows = other.rows;
    epochSeconds = other.epochSeconds;
    bestScore = other.bestScore;
    bestLoss = other.bestLoss;
    bestEpoch = other.bestEpoch;
    bestIteration = other.bestIteration;
    validationsWithoutProgress = other.validationsWithoutProgress;
    stopReason = other.stopReason;
    skippedBatches = other.skippedBatches;
    epochs.clear();
    epochs.addAll(other.epochs);
  }
}
