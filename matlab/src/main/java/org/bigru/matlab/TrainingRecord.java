package org.bigru.matlab;

import java.util.Arrays;
import org.bigru.model.train.TrainingListener;
import org.bigru.model.train.TrainingOptions;

/**
 * What trainNetwork's second output reports, per iteration: training loss, validation loss (NaN where none
 * ran) and base learning rate; it also feeds the verbose table.
 */
final class TrainingRecord implements TrainingListener {

  private final TrainingOptions options;
  private final ProgressTable table;
  private double[] loss = new double[64];
  private double[] validationLoss = new double[64];
  private double[] learnRate = new double[64];
  private int iterations;

  /** @param table the verbose table, or null when not verbose */
  TrainingRecord(TrainingOptions options, ProgressTable table) {
    this.options = options;
    this.table = table;
  }

  @Override
  public void onBatchEnd(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double batchLoss) {
    if (iteration > loss.length) {
      int size = Math.max(iteration, 2 * loss.length);
      loss = Arrays.copyOf(loss, size);
      validationLoss = Arrays.copyOf(validationLoss, size);
      learnRate = Arrays.copyOf(learnRate, size);
    }
    iterations = iteration;
    loss[iteration - 1] = batchLoss;
    validationLoss[iteration - 1] = Double.NaN;
    learnRate[iteration - 1] = options.learningRateAt(epoch);
    if (table != null) {
      table.batch(epoch, iteration, batchLoss, learnRate[iteration - 1]);
    }
  }

  @Override
  public void onValidation(int epoch, int iteration, double loss, boolean best) {
    if (iteration >= 1) {
      validationLoss[iteration - 1] = loss;
    }
    if (table != null) {
      table.validation(iteration, loss);
    }
  }

  double[] loss() {
    return Arrays.copyOf(loss, iterations);
  }

  double[] validationLoss() {
    return Arrays.copyOf(validationLoss, iterations);
  }

  double[] learnRate() {
    return Arrays.copyOf(learnRate, iterations);
  }
}
