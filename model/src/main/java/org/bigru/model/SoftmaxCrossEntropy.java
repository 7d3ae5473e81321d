package org.bigru.model;

import org.bigru.kernels.Kernels;

/** Softmax cross-entropy: the mean over the rows that have a class label (label -1: no label). */
final class SoftmaxCrossEntropy implements Loss {

  private static final Kernels K = Kernels.get();

  private int[] rowLabels = new int[0];
  private int labelledRows;
  private float[] scratch = new float[0];

  @Override
  public double evaluate(float[] output, int rows, int outputs, int[] targetRows, Targets targets, float[] grad) {
    int[] labels = targets.labels();
    rowLabels = Workspace.grow(rowLabels, rows);
    int count = 0;
    for (int r = 0; r < rows; r++) {
      int label = targetRows[r] < 0 ? -1 : labels[targetRows[r]];
      rowLabels[r] = label;
      if (label >= 0) {
        count++;
      }
    }
    float[] gradient = grad;
    if (gradient == null) {
      scratch = Workspace.grow(scratch, rows * outputs);
      gradient = scratch;
    }
    labelledRows = count;
    float scale = count == 0 ? 0f : 1f / count;
    double sum = K.softmaxCrossEntropy(rows, outputs, output, 0, rowLabels, 0, scale, gradient, 0);
    return count == 0 ? 0 : sum / count;
  }

  /**
   * The share of the rows of the last {@link #evaluate} that have a label and whose largest output is that label
   * (the first largest, on a tie); NaN when none has a label.
   */
  double accuracy(float[] output, int rows, int outputs) {
    if (labelledRows == 0) {
      return Double.NaN;
    }
    int correct = 0;
    for (int r = 0; r < rows; r++) {
      if (rowLabels[r] < 0) {
        continue;
      }
      int best = 0;
      for (int j = 1; j < outputs; j++) {
        if (output[r * outputs + j] > output[r * outputs + best]) {
          best = j;
        }
      }
      if (best == rowLabels[r]) {
        correct++;
      }
    }
    return (double) correct / labelledRows;
  }
}
