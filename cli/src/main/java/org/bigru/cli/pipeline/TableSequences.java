package org.bigru.cli.pipeline;

import java.util.ArrayList;
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
    float[] scaled = pre.featureScaler().transform(TablePreparation.flatten(table.features()));
    int[] classIds = withTargets && task == Task.CLASSIFICATION ? Labels.ids(table, classes) : null;
    float[] targetColumn = new float[rows];
    if (withTargets && task == Task.REGRESSION) {
      for (int r = 0; r < rows; r++) {
        targetColumn[r] = (float) table.target()[r];
      }
    }
    if (pre.rowSteps() > 0) {
      return rowsAsSequences(table, pre, task, scaled, targetColumn, classIds, classes, withTargets);
    }
    int horizon = withTargets ? pre.horizon() : 0;
    checkSize(table, pre.window(), features, rows - pre.window() + 1 - horizon);
    float[] windowTarget = classIds != null ? toFloats(classIds)
        : withTargets ? pre.targetScaler().transform(targetColumn) : new float[rows];
    SlidingWindows windows = windows(table, scaled, features, windowTarget, pre.window(), horizon);
    int n = windows.count();
    String[] index = new String[n];
    List<float[]> list = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      index[k] = table.index()[windows.targetRow(k)];
      list.add(windows.window(k));
    }
    if (!withTargets) {
      return new PreparedSequences(Dataset.inputs(list, features), index, null, null, 1, true);
    }
    boolean perStep = mode == OutputMode.SEQUENCE;
    if (task == Task.REGRESSION) {
      float[] actual = new float[n];
      for (int k = 0; k < n; k++) {
        actual[k] = targetColumn[windows.targetRow(k)];
      }
      Dataset data = perStep ? windows.toStepDataset() : windows.toDataset();
      return new PreparedSequences(data, index, actual, null, 1, true);
    }
    int[] actualClasses = new int[n];
    List<int[]> stepIds = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      int targetRow = windows.targetRow(k);
      actualClasses[k] = classIds[targetRow];
      int[] ids = new int[pre.window()];
      System.arraycopy(classIds, targetRow - pre.window() + 1, ids, 0, pre.window());
      stepIds.add(ids);
    }
    Dataset data = perStep ? Dataset.stepClasses(list, features, stepIds, classes.size())
        : Dataset.sequenceClasses(list, features, actualClasses, classes.size());
    return new PreparedSequences(data, index, null, actualClasses, 1, true);
  }

  private static SlidingWindows windows(Table table, float[] scaled, int features, float[] target, int window,
                                        int horizon) {
    try {
      return SlidingWindows.of(scaled, features, target, window, horizon);
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
      float[] scaledTarget = pre.targetScaler().transform(targetColumn);
      return new PreparedSequences(Dataset.sequenceResponses(list, perStep, scaledTarget, 1), index, targetColumn, null, 1,
          true);
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
