package org.bigru.cli.table;

import java.util.List;

/**
 * Which columns of a table become the index, the features and the targets.
 *
 * @param indexColumn    whether the first column is an index or time stamp (kept for output, not a feature)
 * @param drop           columns to ignore
 * @param features       feature columns (a target among them too), or empty for every column left
 * @param targets        the target columns, or empty for the last column left
 * @param targetRequired whether the table must hold the targets (false for predict on new data)
 * @param labelTarget    whether the target holds class labels (classification) rather than numbers
 * @param missing        what to do with missing values
 */
public record TableOptions(boolean indexColumn, List<String> drop, List<String> features, List<String> targets,
                           boolean targetRequired, boolean labelTarget, MissingPolicy missing) {

  public TableOptions {
    drop = drop == null ? List.of() : List.copyOf(drop);
    features = features == null ? List.of() : List.copyOf(features);
    targets = targets == null ? List.of() : List.copyOf(targets);
    missing = missing == null ? MissingPolicy.ERROR : missing;
  }
}
