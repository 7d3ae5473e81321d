package org.bigru.model.data;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-column standardization as scikit-learn's {@code StandardScaler}: z = (x - mean) / scale, with the
 * population standard deviation (ddof 0) as scale, and scale 1 for a constant column. Fit on the training part
 * only. Statistics are computed in double precision, as two plain passes in row order: a library's (commons-math's
 * updating formulas) would round otherwise and change the bits of every model trained after it, and the
 * Spark module repeats exactly these sums per series.
 */
public final class StandardScaler {

  private final double[] mean;
  private final double[] scale;

  private StandardScaler(double[] mean, double[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Fits on the first {@code rows} rows of a row-major table of {@code columns} columns. */
  public static StandardScaler fit(float[] table, int rows, int columns) {
    if (columns < 1 || rows < 1) {
      throw new IllegalArgumentException("a scaler needs at least 1 row and 1 column, not " + rows + " x "
          + columns);
    }
    if (table == null || table.length < (long) rows * columns) {
      throw new IllegalArgumentException("the table holds " + (table == null ? 0 : table.length)
          + " values, fewer than " + rows + " x " + columns);
    }
    double[] mean = new double[columns];
    double[] scale = new double[columns];
    for (int c = 0; c < columns; c++) {
      double sum = 0;
      boolean constant = true;
      float first = table[c];
      for (int r = 0; r < rows; r++) {
        float v = table[r * columns + c];
        if (!Float.isFinite(v)) {
          throw new IllegalArgumentException("row " + r + " column " + c + " is " + v + "; cannot fit a scaler");
        }
        sum += v;
        constant &= v == first;
      }
      double m = constant ? first : sum / rows;
      double squares = 0;
      for (int r = 0; r < rows; r++) {
        double d = table[r * columns + c] - m;
        squares += d * d;
      }
      mean[c] = m;
      scale[c] = constant ? 1.0 : Math.sqrt(squares / rows);
    }
    return new StandardScaler(mean, scale);
  }

  /** A scaler with these statistics (scale entries must be finite and > 0). */
  public static StandardScaler of(double[] mean, double[] scale) {
    if (mean == null || scale == null || mean.length != scale.length || mean.length == 0) {
      throw new IllegalArgumentException("mean and scale must have the same, non-zero length");
    }
    for (int c = 0; c < mean.length; c++) {
      if (!Double.isFinite(mean[c]) || !(scale[c] > 0) || Double.isInfinite(scale[c])) {
        throw new IllegalArgumentException("column " + c + " has mean " + mean[c] + " and scale " + scale[c]
            + "; expected a finite mean and a finite scale > 0");
      }
    }
    return new StandardScaler(mean.clone(), scale.clone());
  }

  public int columns() {
    return mean.length;
  }

  /** Column means (a copy). */
  public double[] mean() {
    return mean.clone();
  }

  /** Column scales, the population standard deviations or 1 (a copy). */
  public double[] scale() {
    return scale.clone();
  }

  /** (x - mean) / scale of a row-major table with {@link #columns()} columns, as a new array. */
  public float[] transform(float[] table) {
    checkTable(table);
    float[] out = new float[table.length];
    int columns = mean.length;
    for (int i = 0; i < table.length; i++) {
      int c = i % columns;
      out[i] = (float) ((table[i] - mean[c]) / scale[c]);
    }
    return out;
  }

  /** x * scale + mean, the inverse of {@link #transform}, as a new array. */
  public float[] inverseTransform(float[] table) {
    checkTable(table);
    float[] out = new float[table.length];
    int columns = mean.length;
    for (int i = 0; i < table.length; i++) {
      int c = i % columns;
      out[i] = (float) (table[i] * scale[c] + mean[c]);
    }
    return out;
  }

  /** The statistics as {@code prefix.mean} and {@code prefix.scale}, comma-separated, exact. */
  public Map<String, String> toMap(String prefix) {
    Map<String, String> map = new HashMap<>();
    map.put(prefix + ".mean", join(mean));
    map.put(prefix + ".scale", join(scale));
    return map;
  }

  /** Reads what {@link #toMap} wrote. */
  public static StandardScaler fromMap(Map<String, String> map, String prefix) {
    return of(parse(map, prefix + ".mean"), parse(map, prefix + ".scale"));
  }

  private void checkTable(float[] table) {
    if (table == null || table.length % mean.length != 0) {
      throw new IllegalArgumentException("the table holds " + (table == null ? 0 : table.length)
          + " values, not a whole number of rows of " + mean.length + " columns");
    }
  }

  private static String join(double[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(Double.toString(values[i]));
    }
    return sb.toString();
  }

  private static double[] parse(Map<String, String> map, String key) {
    String text = map.get(key);
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("scaler metadata '" + key + "' is missing");
    }
    String[] parts = text.split(",");
    double[] values = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        values[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "scaler metadata '%s' entry %d is '%s', not a number", key, i, parts[i]));
      }
    }
    return values;
  }
}
