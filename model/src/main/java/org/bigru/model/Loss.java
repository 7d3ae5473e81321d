package org.bigru.model;

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
}
