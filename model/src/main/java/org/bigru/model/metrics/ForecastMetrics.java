package org.bigru.model.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * What a forecast of several targets and steps scores, in original units, against the naive forecasts of
 * {@link Baselines} made from the same windows. MASE here is the model's mean absolute error divided by the
 * seasonal naive forecast's on the same values: below 1, the model beats the seasonal naive forecast (the
 * benchmark is scored out of sample, on the values the model is scored on, rather than in sample as in Hyndman
 * and Koehler's original). Values are [windows, targets x steps], target-major.
 *
 * @param targets  per target, its scores over all its steps, and per step
 * @param overall  the naive and seasonal naive scores of every value together, with the interval's coverage
 */
public record ForecastMetrics(List<Target> targets, Scores overall) {

  /**
   * Scores of some values: the model's, the baselines' MAE (NaN where a baseline needs rows before the series),
   * and the share of values inside the interval (NaN without one).
   */
  public record Scores(RegressionMetrics model, double naiveMae, double seasonalNaiveMae, double coverage) {

    /** The model's MAE over the seasonal naive forecast's; NaN when that is not available or 0. */
    public double mase() {
      return seasonalNaiveMae > 0 ? model.mae() / seasonalNaiveMae : Double.NaN;
    }
  }

  /** One target's scores over all its steps, and per step (step 1 first). */
  public record Target(Scores all, List<Scores> steps) {
  }

  /**
   * @param actual   [n, targets x steps]
   * @param point    the model's point forecasts, same layout
   * @param naive    the naive forecasts, same layout
   * @param seasonal the seasonal naive forecasts, same layout
   * @param lower    the interval's lower ends, same layout, or null
   * @param upper    the interval's upper ends, or null
   */
  public static ForecastMetrics of(float[] actual, float[] point, float[] naive, float[] seasonal, float[] lower,
                                   float[] upper, int targets, int steps) {
    int width = targets * steps;
    if (actual.length == 0 || actual.length % width != 0 || point.length != actual.length
        || naive.length != actual.length || seasonal.length != actual.length) {
      throw new IllegalArgumentException(actual.length + " actual, " + point.length + " predicted, "
          + naive.length + " naive and " + seasonal.length + " seasonal naive values for rows of " + width);
    }
    List<Target> perTarget = new ArrayList<>();
    for (int i = 0; i < targets; i++) {
      List<Scores> perStep = new ArrayList<>();
      for (int s = 0; s < steps; s++) {
        perStep.add(scores(actual, point, naive, seasonal, lower, upper, width, i * steps + s, i * steps + s + 1));
      }
      perTarget.add(new Target(scores(actual, point, naive, seasonal, lower, upper, width, i * steps,
          (i + 1) * steps), List.copyOf(perStep)));
    }
    return new ForecastMetrics(List.copyOf(perTarget), scores(actual, point, naive, seasonal, lower, upper, width,
        0, width));
  }

  /** The scores of the columns [from, to) of every row. */
  private static Scores scores(float[] actual, float[] point, float[] naive, float[] seasonal, float[] lower,
                               float[] upper, int width, int from, int to) {
    int rows = actual.length / width;
    int n = rows * (to - from);
    float[] a = new float[n];
    float[] p = new float[n];
    double naiveSum = 0;
    double seasonalSum = 0;
    long inside = 0;
    int at = 0;
    for (int k = 0; k < rows; k++) {
      for (int j = from; j < to; j++) {
        int i = k * width + j;
        a[at] = actual[i];
        p[at++] = point[i];
        naiveSum += Math.abs((double) actual[i] - naive[i]);
        seasonalSum += Math.abs((double) actual[i] - seasonal[i]);
        if (lower != null && actual[i] >= lower[i] && actual[i] <= upper[i]) {
          inside++;
        }
      }
    }
    // A NaN baseline (a row before the series) makes its sum NaN: not available, rather than scored on fewer.
    return new Scores(RegressionMetrics.of(a, p), naiveSum / n, seasonalSum / n,
        lower == null ? Double.NaN : (double) inside / n);
  }
}
