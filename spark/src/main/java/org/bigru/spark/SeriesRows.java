package org.bigru.spark;

import java.io.Serializable;

/**
 * One series of a table, its rows in time order: the index value of each row (for output), the feature values
 * row-major, and the target per row (null for prediction). One series is held by one task.
 *
 * @param key      the series key (empty when the table is one series)
 * @param index    per row, the index column's value as text (its position in the series without an index column)
 * @param features rows x featureCount, row-major, as read (double)
 * @param target   per row, or null
 */
record SeriesRows(String key, String[] index, double[] features, int featureCount, double[] target)
    implements Serializable {

  int rows() {
    return index.length;
  }

  /** The features as the network's float32, as the bigru command converts them. */
  float[] featureTable() {
    return toFloats(features, features.length);
  }

  /** The first {@code rows} targets as float32. */
  float[] targetColumn() {
    return toFloats(target, target.length);
  }

  static float[] toFloats(double[] values, int count) {
    float[] f = new float[count];
    for (int i = 0; i < count; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }

  /** "series 'A'", or "the table" when the table is one series: for messages. */
  String describe() {
    return key.isEmpty() ? "the table" : "series '" + key + "'";
  }
}
