package org.bigru.spark;

import java.io.Serializable;
import java.util.List;
import org.bigru.model.data.StandardScaler;

/**
 * {@link StandardScaler#fit} over the training rows of many series, each series summed where it is held: per
 * column, the sum of a series' values in row order, then the series' sums added in key order, the mean, and the
 * squared deviations from it the same way. For one series this is StandardScaler.fit's arithmetic step for step,
 * so the scaler is bitwise the bigru command's.
 */
final class ScalerStatistics {

  private ScalerStatistics() {
  }

  /** One series' first pass: per column, the sum, the first value and whether every value equals it. */
  record Sums(double[] sum, float[] first, boolean[] constant, long rows) implements Serializable {
  }

  static Sums sums(float[] table, int rows, int columns) {
    double[] sum = new double[columns];
    float[] first = new float[columns];
    boolean[] constant = new boolean[columns];
    for (int c = 0; c < columns; c++) {
      first[c] = table[c];
      constant[c] = true;
      for (int r = 0; r < rows; r++) {
        float v = table[r * columns + c];
        sum[c] += v;
        constant[c] &= v == first[c];
      }
    }
    return new Sums(sum, first, constant, rows);
  }

  /** Column means over the series' sums, taken in the list's (key) order; constant columns keep their value. */
  static double[] means(List<Sums> series) {
    int columns = series.get(0).sum().length;
    double[] mean = new double[columns];
    for (int c = 0; c < columns; c++) {
      mean[c] = constant(series, c) ? series.get(0).first()[c] : sum(series, c) / rows(series);
    }
    return mean;
  }

  /** One series' second pass: per column, the sum of squared deviations from the mean, in row order. */
  static double[] squares(float[] table, int rows, int columns, double[] mean) {
    double[] squares = new double[columns];
    for (int c = 0; c < columns; c++) {
      for (int r = 0; r < rows; r++) {
        double d = table[r * columns + c] - mean[c];
        squares[c] += d * d;
      }
    }
    return squares;
  }

  /** The scaler: the means, and the population standard deviations (1 for a constant column). */
  static StandardScaler scaler(List<Sums> series, double[] mean, List<double[]> squares) {
    int columns = mean.length;
    double[] scale = new double[columns];
    for (int c = 0; c < columns; c++) {
      double total = 0;
      for (double[] s : squares) {
        total += s[c];
      }
      scale[c] = constant(series, c) ? 1.0 : Math.sqrt(total / rows(series));
    }
    return StandardScaler.of(mean, scale);
  }

  private static boolean constant(List<Sums> series, int c) {
    float first = series.get(0).first()[c];
    for (Sums s : series) {
      if (!s.constant()[c] || s.first()[c] != first) {
        return false;
      }
    }
    return true;
  }

  private static double sum(List<Sums> series, int c) {
    double total = 0;
    for (Sums s : series) {
      total += s.sum()[c];
    }
    return total;
  }

  private static long rows(List<Sums> series) {
    long rows = 0;
    for (Sums s : series) {
      rows += s.rows();
    }
    return rows;
  }
}
