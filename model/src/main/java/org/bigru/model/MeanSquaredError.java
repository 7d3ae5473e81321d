package org.bigru.model;

/** Mean squared error: the mean over the rows that have a target and over the outputs. */
final class MeanSquaredError implements Loss {

  @Override
  public double evaluate(float[] output, int rows, int outputs, int[] targetRows, Targets targets, float[] grad) {
    float[] expected = targets.values();
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
        double diff = (double) output[r * outputs + j] - expected[target * outputs + j];
        sum += diff * diff;
        if (grad != null) {
          grad[r * outputs + j] = (float) (2 * diff / denominator);
        }
      }
    }
    return sum / denominator;
  }
}
