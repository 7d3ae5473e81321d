package org.bigru.model;

import java.util.List;

/**
 * The pinball (quantile) loss: output j estimates quantile {@code levels[j % Q]} of response j / Q, and costs
 * {@code q (y - o)} when it is below the response y and {@code (1 - q) (o - y)} when above, so its minimizer
 * is the q-quantile. The loss is the mean over the rows that have a target and over the outputs, as
 * {@link MeanSquaredError}'s. At a tie the gradient taken is -q / n (one of the subgradients).
 */
final class PinballLoss implements Loss {

  private final double[] levels;

  PinballLoss(List<Double> levels) {
    this.levels = levels.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Override
  public double evaluate(float[] output, int rows, int outputs, int[] targetRows, Targets targets, float[] grad) {
    float[] expected = targets.values();
    int q = levels.length;
    int responses = outputs / q;
    long count = Loss.targetedRows(rows, outputs, targetRows, grad);
    if (count == 0) {
      return 0;
    }
    double denominator = (double) count * outputs;
    double sum = 0;
    for (int r = 0; r < rows; r++) {
      int target = targetRows[r];
      if (target < 0) {
        continue;
      }
      for (int j = 0; j < outputs; j++) {
        double level = levels[j % q];
        double diff = (double) expected[target * responses + j / q] - output[r * outputs + j];
        sum += diff > 0 ? level * diff : (level - 1) * diff;
        if (grad != null) {
          grad[r * outputs + j] = (float) ((diff < 0 ? 1 - level : -level) / denominator);
        }
      }
    }
    return sum / denominator;
  }
}
