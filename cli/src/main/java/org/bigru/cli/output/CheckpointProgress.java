package org.bigru.cli.output;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.bigru.model.train.TrainingListener;

/** A training display plus the crash-safety events: warnings (skipped batches, bad checkpoints) on stderr. */
public final class CheckpointProgress {

  private CheckpointProgress() {
  }

  /** {@code display} for progress, with warnings going to {@code err}. */
  public static TrainingListener of(TrainingListener display, PrintWriter err) {
    return new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double loss) {
        display.onBatchEnd(epoch, iteration, batchIndex, batchesPerEpoch, loss);
      }

      @Override
      public void onValidation(int epoch, int iteration, double validationLoss, boolean best) {
        display.onValidation(epoch, iteration, validationLoss, best);
      }

      @Override
      public void onEpochEnd(int epoch, double loss, double validationLoss, double seconds) {
        display.onEpochEnd(epoch, loss, validationLoss, seconds);
      }

      @Override
      public void onCheckpoint(Path file, int epoch, int iteration) {
        display.onCheckpoint(file, epoch, iteration);
      }

      @Override
      public void onWarning(String message) {
        err.println("bigru: warning: " + message);
        err.flush();
      }

      @Override
      public boolean stopRequested() {
        return display.stopRequested();
      }
    };
  }
}
