package org.bigru.model.metrics;

/**
 * Regression scores as scikit-learn computes them, in double precision: root mean squared error, mean
 * absolute error, and R^2 = 1 - SS_res / SS_tot (1 for a perfect fit of constant actuals, 0 for an imperfect
 * one, as sklearn's {@code r2_score} with {@code force_finite=True}).
 */
public record RegressionMetrics(double rmse, double mae, double r2, int count) {

  /** Scores of {@code predicted} against {@code actual}, element by element. */
  public static RegressionMetrics of(float[] actual, float[] predicted) {
    if (actual == null || predicted == null || actual.length != predicted.length || actual.length == 0) {
      throw new IllegalArgumentException((actual == null ? 0 : actual.length) + " actual and "
          + (predicted == null ? 0 : predicted.length) + " predicted values; expected the same, non-zero count");
    }
    int n = actual.length;
    double mean = 0;
    for (float a : actual) {
      mean += a;
    }
    mean /= n;
    double squared = 0;
    double absolute = 0;
    double total = 0;
    for (int i = 0; i < n; i++) {
      double error = (double) actual[i] - predicted[i];
      squared += error * error;
      absolute += Math.abs(error);
      double deviation = actual[i] - mean;
      total += deviation * deviation;
    }
    double r2 = total == 0 ? (squared == 0 ? 1.0 : 0.0) : 1 - squared / total;
    return new RegressionMetrics(Math.sqrt(squared / n), absolute / n, r2, n);
  }
}
