package org.bigru.cli.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigru.cli.BadInputException;
import org.bigru.cli.table.Table;
import org.bigru.model.MemoryBudget;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.data.SlidingWindows;

/**
 * PreparedSequences from a table: look-back windows of rows (each predicting the target of its last row plus the
 * horizon), or, with {@code rowSteps}, each row read as one sequence of that many steps.
 */
public final class TableSequences {

  /** Upper bound on the floats all sequences may hold together (4 GiB of windows is not a table's job). */
  static final long MAX_VALUES = 1L << 29;

  private TableSequences() {
  }

  /**
   * @param withTargets false to build inputs only (prediction), with a window ending at every row
   */
  public static PreparedSequences build(Table table, Preprocessing pre, Task task, OutputMode mode, List<String> classes,
                                boolean withTargets) {
    int rows = table.rows();
    int features = table.featureCount();
    float[] scaled = pre.featureScaler().transform(pre.inputRows(TablePreparation.flatten(table.features())));
    int[] classIds = withTargets && task == Task.CLASSIFICATION ? Labels.ids(table, classes) : null;
    boolean responses = withTargets && task == Task.REGRESSION;
    if (pre.rowSteps() > 0) {
      float[] targetColumn = responses ? table.targetRows() : new float[rows];
      return rowsAsSequences(table, pre, task, scaled, targetColumn, classIds, classes, withTargets);
    }
    // With differencing the table's first row only serves as the row before the second: windows start after it.
    int first = pre.firstRow();
    int usable = rows - first;
    int horizon = withTargets ? pre.horizon() : 0;
    int steps = withTargets ? pre.steps() : 1;
    checkSize(table, pre.window(), features, (long) usable - pre.window() + 1 - horizon - (steps - 1));
    float[][] series = table.targets() == null ? null : columns(table);
    int targets = responses ? series.length : 1;
    boolean perStep = mode == OutputMode.SEQUENCE;
    float[] windowTargets;
    if (classIds != null) {
      windowTargets = toFloats(Arrays.copyOfRange(classIds, first, rows));
    } else if (responses) {
      float[] raw = Arrays.copyOfRange(table.targetRows(), first * targets, rows * targets);
      // Per-step training scores rows, not windows: its targets are scaled as rows (one step, no differencing).
      windowTargets = perStep ? pre.networkTargets(raw, null) : raw;
    } else {
      windowTargets = new float[usable];
    }
    SlidingWindows windows = windows(table, scaled, features, windowTargets, targets, pre.window(), horizon, steps);
    int n = windows.count();
    String[] index = new String[n];
    int[] lastRows = new int[n];
    for (int k = 0; k < n; k++) {
      index[k] = table.index()[first + windows.targetRow(k)];
      lastRows[k] = first + windows.lastRows()[k];
    }
    PreparedSequences.Origins origins = new PreparedSequences.Origins(series, lastRows,
        series == null ? null : lastValues(series, lastRows));
    List<float[]> list = windows.windowList();
    if (!withTargets) {
      return new PreparedSequences(Dataset.inputs(list, features), index, null, null, 1, true, origins);
    }
    if (task == Task.REGRESSION) {
      int width = targets * steps;
      float[] actual = new float[n * width];
      for (int k = 0; k < n; k++) {
        for (int j = 0; j < width; j++) {
          actual[k * width + j] = series[j / steps][lastRows[k] + horizon + j % steps];
        }
      }
      Dataset data = perStep ? windows.toStepDataset()
          : Dataset.sequenceResponses(list, features, pre.networkTargets(windows.targets(), origins.last()), width);
      return new PreparedSequences(data, index, actual, null, width, true, origins);
    }
    int[] actualClasses = new int[n];
    List<int[]> stepIds = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int targetRow = first + windows.targetRow(k);
      actualClasses[k] = classIds[targetRow];
      int[] ids = new int[pre.window()];
      System.arraycopy(classIds, targetRow - pre.window() + 1, ids, 0, pre.window());
      stepIds.add(ids);
    }
    Dataset data = perStep ? Dataset.stepClasses(list, features, stepIds, classes.size())
        : Dataset.sequenceClasses(list, features, actualClasses, classes.size());
    return new PreparedSequences(data, index, null, actualClasses, 1, true, origins);
  }

  /** The numeric target columns as floats, [targets][rows]. */
  private static float[][] columns(Table table) {
    float[][] series = new float[table.targets().length][table.rows()];
    for (int t = 0; t < series.length; t++) {
      for (int r = 0; r < table.rows(); r++) {
        series[t][r] = (float) table.targets()[t][r];
      }
    }
    return series;
  }

  /** Each target at each window's last row, [windows, targets]. */
  private static float[] lastValues(float[][] series, int[] lastRows) {
    float[] last = new float[lastRows.length * series.length];
    for (int k = 0; k < lastRows.length; k++) {
      for (int t = 0; t < series.length; t++) {
        last[k * series.length + t] = series[t][lastRows[k]];
      }
    }
    return last;
  }

  private static SlidingWindows windows(Table table, float[] scaled, int features, float[] targets, int targetCount,
                                        int window, int horizon, int steps) {
    try {
      return SlidingWindows.of(scaled, features, targets, targetCount, window, horizon, steps);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(table.source() + ": " + e.getMessage(), e);
    }
  }

  private static PreparedSequences rowsAsSequences(Table table, Preprocessing pre, Task task, float[] scaled,
                                           float[] targetColumn, int[] classIds, List<String> classes,
                                           boolean withTargets) {
    int rows = table.rows();
    int features = table.featureCount();
    int steps = pre.rowSteps();
    if (features % steps != 0) {
      throw new BadInputException(table.source() + ": " + features + " feature columns cannot be read as "
          + steps + " steps (--row-steps must divide the number of feature columns)");
    }
    checkSize(table, steps, features / steps, rows);
    List<float[]> list = new ArrayList<>(rows);
    for (int r = 0; r < rows; r++) {
      float[] row = new float[features];
      System.arraycopy(scaled, r * features, row, 0, features);
      list.add(row);
    }
    int perStep = features / steps;
    String[] index = table.index().clone();
    if (!withTargets) {
      return new PreparedSequences(Dataset.inputs(list, perStep), index, null, null, 1, true);
    }
    if (task == Task.REGRESSION) {
      int targets = pre.targetNames().size();
      float[] scaledTarget = pre.targetScaler().transform(targetColumn);
      return new PreparedSequences(Dataset.sequenceResponses(list, perStep, scaledTarget, targets), index,
          targetColumn, null, targets, true);
    }
    return new PreparedSequences(Dataset.sequenceClasses(list, perStep, classIds, classes.size()), index, null, classIds, 1,
        true);
  }

  /**
   * Refuses, before any window is built, windows that would not fit: more than {@link #MAX_VALUES} floats, or,
   * with the table they come from, more than the Java heap holds ({@link MemoryBudget}).
   */
  private static void checkSize(Table table, int steps, int features, long sequences) {
    long values = Math.max(0, sequences) * steps * features;
    long bytes = values * Float.BYTES;
    if (values > MAX_VALUES) {
      throw new BadInputException(table.source() + ": " + sequences + " sequences of " + steps + " x " + features
          + " values need " + (bytes >> 20) + " MiB, more than the " + (MAX_VALUES * Float.BYTES >> 20)
          + " MiB allowed; use a shorter --window or fewer rows");
    }
    // The table's numbers (doubles), their scaled copy (floats, twice on the way) and the windows.
    long tableBytes = (long) table.rows() * table.featureCount() * (Double.BYTES + 2 * Float.BYTES);
    MemoryBudget.require(tableBytes + bytes, table.source() + " as " + sequences + " sequences of " + steps + " x "
        + features + " values", "use a shorter --window or fewer rows or columns");
  }

  private static float[] toFloats(int[] ids) {
    float[] f = new float[ids.length];
    for (int i = 0; i < ids.length; i++) {
      f[i] = ids[i];
    }
    return f;
  }
}
