package org.bigru.model.train;

import java.nio.file.Path;
import java.util.function.DoubleSupplier;

/**
 * Progress callbacks of {@link Trainer#fit}, for displays (a command-line bar, MATLAB's table); all optional.
 * Epochs and iterations are 1-based, batch indices 0-based.
 */
public interface TrainingListener {

  /** A listener that does nothing. */
  TrainingListener NONE = new TrainingListener() {
  };

  /**
   * One optimizer step.
   *
   * @param loss     the mean loss of the batch before the step
   * @param accuracy for a classification network, the share of the batch's labelled rows whose largest output was
   *                 their class in that same forward pass (computed when asked, valid during the call); NaN for
   *                 regression
   */
  record Step(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double loss, DoubleSupplier accuracy) {
  }

  /**
   * One validation.
   *
   * @param iteration the iterations taken when it ran (0: before the first)
   * @param loss      the mean validation loss
   * @param accuracy  for a classification network the share of validation rows classified right, else NaN
   * @param best      whether it is the best validation so far by the options' objective (never at iteration 0)
   */
  record Validation(int epoch, int iteration, double loss, double accuracy, boolean best) {
  }

  /** After each optimizer step; {@code loss} is the mean loss of that batch before the step. */
  default void onBatchEnd(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double loss) {
  }

  /** After each optimizer step, with what the step saw; by default {@link #onBatchEnd(int, int, int, int, double)}. */
  default void onBatchEnd(Step step) {
    onBatchEnd(step.epoch(), step.iteration(), step.batchIndex(), step.batchesPerEpoch(), step.loss());
  }

  /** After each validation; {@code best} tells whether it is the lowest validation loss so far. */
  default void onValidation(int epoch, int iteration, double validationLoss, boolean best) {
  }

  /** After each validation, with all it measured; by default {@link #onValidation(int, int, double, boolean)}. */
  default void onValidation(Validation validation) {
    onValidation(validation.epoch(), validation.iteration(), validation.loss(), validation.best());
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
