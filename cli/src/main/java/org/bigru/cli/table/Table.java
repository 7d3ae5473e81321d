package org.bigru.cli.table;

import java.util.List;

/**
 * A numeric table ready for windowing: features per row, the targets per row (numbers for regression, one
 * column of labels for classification) and the index value of each row. A target may also be a feature (its
 * own past as input).
 *
 * @param source       the file name, for messages
 * @param indexName    name of the index column, or null when there is none
 * @param index        index value per row (the file's row number when there is no index column)
 * @param featureNames feature column names, in order
 * @param features     [rows][features]
 * @param targetNames  names of the target columns, in order (empty when the table has none)
 * @param targets      numeric targets, [targets][rows] (one array per target column), or null (no target, or a
 *                     label target)
 * @param labels       target text per row (classification), or null
 */
public record Table(String source, String indexName, String[] index, List<String> featureNames,
                   double[][] features, List<String> targetNames, double[][] targets, String[] labels) {

  public Table {
    targetNames = targetNames == null ? List.of() : List.copyOf(targetNames);
  }

  public int rows() {
    return features.length;
  }

  public int featureCount() {
    return featureNames.size();
  }

  public boolean hasTarget() {
    return !targetNames.isEmpty();
  }

  /** The first target's name, or null. */
  public String targetName() {
    return targetNames.isEmpty() ? null : targetNames.get(0);
  }

  /** Numeric targets row-major as floats, [rows, targets]. */
  public float[] targetRows() {
    int t = targets.length;
    float[] rowMajor = new float[rows() * t];
    for (int i = 0; i < t; i++) {
      for (int r = 0; r < rows(); r++) {
        rowMajor[r * t + i] = (float) targets[i][r];
      }
    }
    return rowMajor;
  }
}
