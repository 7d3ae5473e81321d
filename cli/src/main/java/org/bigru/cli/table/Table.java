package org.bigru.cli.table;

import java.util.List;

/**
 * A numeric table ready for windowing: features per row, the target per row (numbers for regression,
 * labels for classification) and the index value of each row.
 *
 * @param source       the file name, for messages
 * @param indexName    name of the index column, or null when there is none
 * @param index        index value per row (the file's row number when there is no index column)
 * @param featureNames feature column names, in order
 * @param features     [rows][features]
 * @param targetName   name of the target column, or null when the table has none
 * @param target       numeric target per row, or null (no target, or a label target that is not numeric)
 * @param labels       target text per row (classification), or null
 */
public record Table(String source, String indexName, String[] index, List<String> featureNames,
                   double[][] features, String targetName, double[] target, String[] labels) {

  public int rows() {
    return features.length;
  }

  public int featureCount() {
    return featureNames.size();
  }

  public boolean hasTarget() {
    return targetName != null;
  }
}
