package org.bigru.model.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Look-back windows over a table in time order: the window ending at row t holds rows t - W + 1 .. t of the
 * features and predicts the target of row t + horizon. Horizon 0 predicts the row's own target (the reference
 * workflow, where the target is a separate column); horizon 1 forecasts the next row. Windows are in time
 * order, one per row t from W - 1 to rows - 1 - horizon.
 */
public final class SlidingWindows {

  private final float[][] windows;
  private final float[] targets;
  private final float[] targetColumn;
  private final int[] targetRows;
  private final int window;
  private final int features;
  private final int horizon;

  private SlidingWindows(float[][] windows, float[] targets, float[] targetColumn, int[] targetRows, int window,
                         int features, int horizon) {
    this.windows = windows;
    this.targets = targets;
    this.targetColumn = targetColumn;
    this.targetRows = targetRows;
    this.window = window;
    this.features = features;
    this.horizon = horizon;
  }

  /**
   * @param table    rows x features, row-major
   * @param features columns of the table
   * @param target   one target per row
   * @param window   W, rows per window (at least 1)
   * @param horizon  rows ahead of the window's last row whose target it predicts (at least 0)
   */
  public static SlidingWindows of(float[] table, int features, float[] target, int window, int horizon) {
    if (features < 1) {
      throw new IllegalArgumentException("features must be at least 1, not " + features);
    }
    if (table == null || table.length % features != 0) {
      throw new IllegalArgumentException("the table holds " + (table == null ? 0 : table.length)
          + " values, not a whole number of rows of " + features + " features");
    }
    int rows = table.length / features;
    if (target == null || target.length != rows) {
      throw new IllegalArgumentException((target == null ? 0 : target.length) + " targets for " + rows
          + " rows");
    }
    if (window < 1) {
      throw new IllegalArgumentException("the window must hold at least 1 row, not " + window);
    }
    if (horizon < 0) {
      throw new IllegalArgumentException("the horizon must be at least 0, not " + horizon);
    }
    int count = rows - window + 1 - horizon;
    if (count < 1) {
      throw new IllegalArgumentException("a window of " + window + " rows with horizon " + horizon
          + " needs at least " + ((long) window + horizon) + " rows, the data has " + rows);
    }
    float[][] windows = new float[count][];
    float[] targets = new float[count];
    int[] targetRows = new int[count];
    for (int k = 0; k < count; k++) {
      int end = k + window - 1;
      float[] w = new float[window * features];
      System.arraycopy(table, k * features, w, 0, window * features);
      windows[k] = w;
      targetRows[k] = end + horizon;
      targets[k] = target[end + horizon];
    }
    return new SlidingWindows(windows, targets, target.clone(), targetRows, window, features, horizon);
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

  /** Window k, [window, features] (shared). */
  public float[] window(int k) {
    return windows[k];
  }

  /** The target window k predicts. */
  public float target(int k) {
    return targets[k];
  }

  /** Targets of every window, in window order (a copy). */
  public float[] targets() {
    return targets.clone();
  }

  /** The table row whose target window k predicts. */
  public int targetRow(int k) {
    return targetRows[k];
  }

  /** The predicted row of every window (a copy). */
  public int[] targetRows() {
    return targetRows.clone();
  }

  /** The windows as a data set with one response per window (output mode 'last'). */
  public Dataset toDataset() {
    return Dataset.sequenceResponses(windowList(), features, targets, 1);
  }

  /**
   * The windows as a data set with one response per step (output mode 'sequence'): step j of window k has
   * the target of row (first row of the window) + j + horizon.
   */
  public Dataset toStepDataset() {
    List<float[]> responses = new ArrayList<>(windows.length);
    for (int k = 0; k < windows.length; k++) {
      float[] r = new float[window];
      System.arraycopy(targetColumn, targetRows[k] - window + 1, r, 0, window);
      responses.add(r);
    }
    return Dataset.stepResponses(windowList(), features, responses, 1);
  }

  private List<float[]> windowList() {
    return List.of(windows);
  }
}
