package org.bigru.model.metrics;

/**
 * The naive forecasts a model must beat, made from the same origins as its own. A window ending at row t that
 * predicts row r = t + horizon + s knows the target up to row t, or up to row t - 1 when it predicts row t
 * itself (horizon 0: the target of the window's last row is what is predicted). From the last known row:
 * <ul>
 *   <li>naive: the last known value;</li>
 *   <li>seasonal naive: the value of the same season's latest known row, r - S ceil((r - known) / S), for a
 *       season of S rows (with S = 1 it is the naive forecast).</li>
 * </ul>
 * Results are [windows, steps], NaN where the row they need is before the series starts.
 */
public final class Baselines {

  private Baselines() {
  }

  /** The naive forecast of each window's steps: the last value known at its last row. */
  public static float[] naive(float[] series, int[] lastRows, int horizon, int steps) {
    return seasonalNaive(series, lastRows, horizon, steps, 1);
  }

  /** The seasonal naive forecast of each window's steps, for a season of {@code season} rows. */
  public static float[] seasonalNaive(float[] series, int[] lastRows, int horizon, int steps, int season) {
    if (season < 1 || steps < 1 || horizon < 0) {
      throw new IllegalArgumentException("season " + season + ", steps " + steps + ", horizon " + horizon
          + ": expected a season and steps of at least 1 and a horizon of at least 0");
    }
    float[] forecast = new float[lastRows.length * steps];
    for (int k = 0; k < lastRows.length; k++) {
      for (int s = 0; s < steps; s++) {
        long row = (long) lastRows[k] + horizon + s;
        long known = Math.min(lastRows[k], row - 1);
        long seasons = (row - known + season - 1) / season;
        long from = row - seasons * season;
        forecast[k * steps + s] = from >= 0 && from < series.length ? series[(int) from] : Float.NaN;
      }
    }
    return forecast;
  }
}
