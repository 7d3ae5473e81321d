package org.bigru.model.train;

import java.util.List;

/**
 * What {@link Trainer#fit} did.
 *
 * @param epochs             one record per epoch run (the last may be partial when training stopped inside it)
 * @param iterations         optimizer steps taken
 * @param bestEpoch          epoch of the best validation (by the options' {@link ValidationObjective}; the lowest
 *                           loss by default), or 0 without validation data
 * @param bestIteration      iteration of the best validation, or 0 without validation data
 * @param bestValidationLoss the validation loss of the best validation (the lowest one by default), NaN without
 *                           validation data
 * @param stopReason         why training ended
 * @param restoredBest       whether the weights of the best validation were restored at the end
 * @param skippedBatches     batches skipped for a non-finite loss or gradient ({@link NonFinitePolicy#SKIP})
 * @param stopMessage        what stopped training early, with epoch and batch; empty after all epochs
 */
public record TrainingHistory(List<Epoch> epochs, int iterations, int bestEpoch, int bestIteration,
                              double bestValidationLoss, StopReason stopReason, boolean restoredBest,
                              int skippedBatches, String stopMessage) {

  /**
   * One epoch.
   *
   * @param epoch          1-based
   * @param loss           mean training loss over the batches it stepped on (each before its step), weighted by
   *                       rows; NaN when a non-finite loss stopped training at its first batch
   * @param validationLoss mean validation loss at its end ({@link ValidationSchedule#EPOCH_ENDS}), or of its last
 *                       validation (NaN if none ran in it), NaN without validation data
   * @param seconds        wall-clock seconds of the epoch, validation included
   * @param learningRate   the learning rate used
   */
  public record Epoch(int epoch, double loss, double validationLoss, double seconds, double learningRate) {
  }

  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }

  /**
   * Why training ended, in the words every front end shows: the stop reason's, and for a non-finite loss or
   * gradient where it happened ("Stopped: the loss became NaN or infinite; non-finite loss NaN at epoch 2, ...").
   */
  public String stopDescription() {
    return stopReason == StopReason.NOT_FINITE_LOSS ? stopReason.words() + "; " + stopMessage : stopReason.words();
  }

  /** Whether validation patience stopped training before the last epoch. */
  public boolean stoppedEarly() {
    return stopReason == StopReason.VALIDATION_PATIENCE;
  }

  /** Training loss per epoch. */
  public double[] losses() {
    return epochs.stream().mapToDouble(Epoch::loss).toArray();
  }

  /** Validation loss per epoch (NaN without validation data). */
  public double[] validationLosses() {
    return epochs.stream().mapToDouble(Epoch::validationLoss).toArray();
  }
}
