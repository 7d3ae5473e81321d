package org.bigru.model;

import java.util.Arrays;

/** A loss over the rows of the output layer, each answering to one row of the targets (or none: padding). */
interface Loss {

  /**
   * The mean loss over the rows that have a target; when grad is not null, also writes its gradient
   * [rows x outputs] there (zeros on rows without a target).
   *
   * @param output     [rows x outputs] from the output layer
   * @param targetRows for each row, the target row it answers to, or -1
   */
  double evaluate(float[] output, int rows, int outputs, int[] targetRows, Targets targets, float[] grad);

  /**
   * The start of a loss that is a mean over targeted rows and outputs: zeros the gradient (when not null) and
   * returns the number of rows that have a target.
   */
  static long targetedRows(int rows, int outputs, int[] targetRows, float[] grad) {
    long count = 0;
    for (int r = 0; r < rows; r++) {
      if (targetRows[r] >= 0) {
        count++;
      }
    }
    if (grad != null) {
      Arrays.fill(grad, 0, rows * outputs, 0f);
    }
    return count;
  }
}
