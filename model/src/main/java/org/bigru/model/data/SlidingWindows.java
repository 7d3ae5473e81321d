package org.bigru.model.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Look-back windows over a table in time order: the window ending at row t holds rows t - W + 1 .. t of the
 * features and predicts, for each of T targets, the K rows t + horizon .. t + horizon + K - 1 (K steps, one
 * network output each: direct multi-output). Horizon 0 with one step predicts the row's own target (the
 * reference workflow, where the target is a separate column); horizon 1 forecasts the next row. Windows are
 * in time order, one per row t from W - 1 to rows - horizon - K.
 *
 * <p>A window's responses are target-major: target i's step s is response i K + s.
 */
public final class SlidingWindows {

  private final float[][] windows;
  private final float[] responses;
  private final float[] targetValues;
  private final int[] lastRows;
  private final int window;
  private final int features;
  private final int targets;
  private final int horizon;
  private final int steps;

  private SlidingWindows(float[][] windows, float[] responses, float[] targetValues, int[] lastRows, int window,
                         int features, int targets, int horizon, int steps) {
    this.windows = windows;
    this.responses = responses;
    this.targetValues = targetValues;
    this.lastRows = lastRows;
    this.window = window;
    this.features = features;
    this.targets = targets;
    this.horizon = horizon;
    this.steps = steps;
  }

  /**
   * One target, one step.
   *
   * @param table    rows x features, row-major
   * @param features columns of the table
   * @param target   one target per row
   * @param window   W, rows per window (at least 1)
   * @param horizon  rows ahead of the window's last row whose target it predicts (at least 0)
   */
  public static SlidingWindows of(float[] table, int features, float[] target, int window, int horizon) {
    return of(table, features, target, 1, window, horizon, 1);
  }

  /**
   * @param table        rows x features, row-major
   * @param features     columns of the table
   * @param targetValues rows x targets, row-major
   * @param targets      T, target columns (at least 1)
   * @param window       W, rows per window (at least 1)
   * @param horizon      rows ahead of the window's last row of the first predicted row (at least 0)
   * @param steps        K, consecutive rows predicted (at least 1)
   */
  public static SlidingWindows of(float[] table, int features, float[] targetValues, int targets, int window,
                                  int horizon, int steps) {
    if (features < 1) {
      throw new IllegalArgumentException("features must be at least 1, not " + features);
    }
    if (table == null || table.length % features != 0) {
      throw new IllegalArgumentException("the table holds " + (table == null ? 0 : table.length)
          + " values, not a whole number of rows of " + features + " features");
    }
    int rows = table.length / features;
    if (targets < 1) {
      throw new IllegalArgumentException("targets must be at least 1, not " + targets);
    }
    if (targetValues == null || targetValues.length != (long) rows * targets) {
      throw new IllegalArgumentException((targetValues == null ? 0 : targetValues.length) + " target values for "
          + rows + " rows of " + targets + (targets == 1 ? " target" : " targets"));
    }
    if (window < 1) {
      throw new IllegalArgumentException("the window must hold at least 1 row, not " + window);
    }
    if (horizon < 0) {
      throw new IllegalArgumentException("the horizon must be at least 0, not " + horizon);
    }
    if (steps < 1) {
      throw new IllegalArgumentException("the steps must be at least 1, not " + steps);
    }
    long needed = (long) window + horizon + steps - 1;
    long count = rows - needed + 1;
    if (count < 1) {
      throw new IllegalArgumentException("a window of " + window + " rows with horizon " + horizon
          + (steps > 1 ? " and " + steps + " steps" : "") + " needs at least " + needed + " rows, the data has "
          + rows);
    }
    int n = (int) count;
    float[][] windows = new float[n][];
    int width = targets * steps;
    float[] responses = new float[Math.multiplyExact(n, width)];
    int[] lastRows = new int[n];
    for (int k = 0; k < n; k++) {
      int end = k + window - 1;
      float[] w = new float[window * features];
      System.arraycopy(table, k * features, w, 0, window * features);
      windows[k] = w;
      lastRows[k] = end;
      for (int i = 0; i < targets; i++) {
        for (int s = 0; s < steps; s++) {
          responses[k * width + i * steps + s] = targetValues[(end + horizon + s) * targets + i];
        }
      }
    }
    return new SlidingWindows(windows, responses, targetValues.clone(), lastRows, window, features, targets,
        horizon, steps);
  }

  /** Number of windows. */
  public int count() {
    return windows.length;
  }

  public int window() {
    return window;
  }

  public int features() {
    return features;
  }

  public int horizon() {
    return horizon;
  }

  public int steps() {
    return steps;
  }

  /** Responses per window: targets x steps. */
  public int width() {
    return targets * steps;
  }

  /** Window k, [window, features] (shared). */
  public float[] window(int k) {
    return windows[k];
  }

  /** The first response of window k (its first target's first step). */
  public float target(int k) {
    return responses[k * width()];
  }

  /** Responses of every window, [count, targets x steps] in window order (a copy). */
  public float[] targets() {
    return responses.clone();
  }

  /** The table row of window k's first predicted row (its last row plus the horizon). */
  public int targetRow(int k) {
    return lastRows[k] + horizon;
  }

  /** The first predicted row of every window (a copy). */
  public int[] targetRows() {
    int[] rows = new int[lastRows.length];
    for (int k = 0; k < rows.length; k++) {
      rows[k] = targetRow(k);
    }
    return rows;
  }

  /** The last row of every window (a copy): where each forecast is made from. */
  public int[] lastRows() {
    return lastRows.clone();
  }

  /** The windows as they are, a list of [window, features] arrays (shared). */
  public List<float[]> windowList() {
    return List.of(windows);
  }

  /** The windows as a data set with one row of responses per window (output mode 'last'). */
  public Dataset toDataset() {
    return Dataset.sequenceResponses(windowList(), features, responses, width());
  }

  /**
   * The windows as a data set with responses per step (output mode 'sequence'), one step ahead each: step j of
   * window k has the targets of row (first row of the window) + j + horizon.
   */
  public Dataset toStepDataset() {
    if (steps != 1) {
      throw new IllegalStateException("responses per time step predict one row each, not " + steps + " steps");
    }
    List<float[]> perStep = new ArrayList<>(windows.length);
    for (int k = 0; k < windows.length; k++) {
      float[] r = new float[window * targets];
      System.arraycopy(targetValues, (targetRow(k) - window + 1) * targets, r, 0, window * targets);
      perStep.add(r);
    }
    return Dataset.stepResponses(windowList(), features, perStep, targets);
  }
}
