package org.bigru.model.train;

import java.nio.file.Path;

/**
 * Progress callbacks of {@link Trainer#fit}, for displays (a command-line bar, MATLAB's table); all optional.
 * Epochs and iterations are 1-based, batch indices 0-based.
 */
public interface TrainingListener {

  /** A listener that does nothing. */
  TrainingListener NONE = new TrainingListener() {
  };

  /** After each optimizer step; {@code loss} is the mean loss of that batch before the step. */
  default void onBatchEnd(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double loss) {
  }

  /** After each validation; {@code best} tells whether it is the lowest validation loss so far. */
  default void onValidation(int epoch, int iteration, double validationLoss, boolean best) {
  }

  /** After each epoch; validation loss is NaN without validation data. */
  default void onEpochEnd(int epoch, double loss, double validationLoss, double seconds) {
  }

  /** After each checkpoint is written. */
  default void onCheckpoint(Path file, int epoch, int iteration) {
  }

  /** Something the user should know that does not stop training (a skipped batch, an unusable checkpoint). */
  default void onWarning(String message) {
    System.err.println("warning: " + message);
  }

  /** Polled after each iteration: true stops training there (a Stop button, a time budget). */
  default boolean stopRequested() {
    return false;
  }
}
