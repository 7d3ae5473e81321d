package org.bigru.cli.pipeline;

import java.util.Arrays;
import java.util.List;
import org.bigru.cli.BadInputException;
import org.bigru.cli.table.Table;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.ChronologicalSplit;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.data.SlidingWindows;
import org.bigru.model.data.StandardScaler;

/**
 * From a table to training sequences: the window (the default, or the longest the data allows), the split
 * of the windows in time order, and scalers fitted on the rows of the training part only.
 */
public final class TablePreparation {

  /** The look-back window used when none is given and the data is long enough. */
  public static final int DEFAULT_WINDOW = 24;

  /** What preparation produced. */
  public record Prepared(Preprocessing preprocessing, PreparedSequences sequences, Split split, List<String> classes) {
  }

  /**
   * How rows become sequences, as the options give it.
   *
   * @param window     look-back rows (0: the default, or the longest the data allows)
   * @param horizon    --horizon: rows ahead of a window's last row
   * @param steps      --steps: rows predicted per target, from the row after the horizon (0: not given, one value
   *                   at the horizon itself)
   * @param rowSteps   --row-steps (0: windows)
   * @param difference --difference
   * @param season     --season (0: from the index)
   */
  public record Layout(int window, int horizon, int steps, int rowSteps, boolean difference, int season) {

    /** Rows ahead of a window's last row of its first predicted row. */
    public int first() {
      return horizon + (steps > 0 ? 1 : 0);
    }

    /** Rows predicted per target. */
    public int count() {
      return Math.max(1, steps);
    }
  }

  private TablePreparation() {
  }

  /** The sequences a table gives: {@code count} of {@code steps} rows (or steps of a row) each. */
  private record Shape(int steps, int count) {
  }

  /**
   * The window (the default, or the longest the data allows, when {@code window} is 0) and what it gives;
   * refused when the rows are too few for it.
   */
  private static Shape shape(Table table, Layout layout, double valSize, double testSize) {
    int horizon = layout.horizon();
    if (horizon < 0) {
      throw new BadInputException("--horizon must be 0 or more, not " + horizon);
    }
    int rows = table.rows();
    if (layout.rowSteps() > 0) {
      return new Shape(layout.rowSteps(), rows);
    }
    // Rows a window needs after its last one, and the rows before the first window can start (differencing).
    long ahead = (long) layout.first() + layout.count() - 1;
    int usable = rows - (layout.difference() ? 1 : 0);
    // Without --window, the longest window up to the default that leaves a sequence for every part.
    int parts = ChronologicalSplit.partCount(valSize, testSize);
    int window = layout.window();
    int steps = window > 0 ? window : (int) Math.max(1, Math.min(DEFAULT_WINDOW, usable - ahead - parts + 1));
    if ((long) usable - steps + 1 - ahead < 1) {
      if (layout.steps() > 1) {
        // The most steps that still leave a window for each part of the split.
        long most = usable - steps - layout.first() + 1 - (parts - 1);
        throw new BadInputException(table.source() + ": " + rows(rows) + (rows == 1 ? " is" : " are")
            + " too few for --steps " + layout.steps() + ": a window of " + rows(steps) + " and the "
            + (layout.first() + layout.count() - 1) + " rows after it need " + (steps + ahead
                + (layout.difference() ? 1 : 0)) + (most >= 1 ? "; at most --steps " + most + " here" : "")
            + (window > 0 ? " (or choose a shorter --window)" : ""));
      }
      throw new BadInputException(table.source() + ": " + rows(rows) + (rows == 1 ? " is" : " are")
          + " too few for a window of " + rows(steps) + (ahead > 0 ? " and horizon " + ahead : "")
          + (window > 0 ? " (choose a shorter --window)" : ""));
    }
    return new Shape(steps, (int) (usable - steps + 1 - ahead));
  }

  public static Prepared prepare(Table table, Task task, OutputMode mode, Layout layout, boolean header,
                                 boolean indexColumn, double valSize, double testSize) {
    Split.checkFractions(valSize, testSize);
    List<String> classes = task == Task.CLASSIFICATION ? Labels.classes(table) : List.of();
    int rows = table.rows();
    int rowSteps = layout.rowSteps();
    Shape shape = shape(table, layout, valSize, testSize);
    int steps = rowSteps > 0 ? 0 : shape.steps();
    Split split = Split.of(shape.count(), valSize, testSize, table.source() + " (" + rows(rows) + ")");
    int lastTrain = split.train().end() - 1;
    int first = layout.difference() ? 1 : 0;
    int featureRows = rowSteps > 0 ? lastTrain + 1 : lastTrain + steps;
    int targetRows = rowSteps > 0 ? lastTrain + 1 : lastTrain + steps + layout.first() + layout.count() - 1;
    Preprocessing unscaled = new Preprocessing(Preprocessing.TABLE, header, indexColumn, table.featureNames(),
        table.targetNames(), steps, rowSteps > 0 ? 0 : layout.first(), layout.count(), rowSteps, layout.difference(),
        layout.season(), null, null);
    StandardScaler featureScaler = StandardScaler.fit(unscaled.inputRows(flatten(table.features())), featureRows,
        table.featureCount());
    StandardScaler targetScaler = null;
    if (task == Task.REGRESSION) {
      int targets = table.targetNames().size();
      float[] values = table.targetRows();
      if (layout.difference()) {
        // One column per target and step: the changes of the training windows.
        SlidingWindows windows = SlidingWindows.of(new float[rows - first], 1,
            Arrays.copyOfRange(values, first * targets, rows * targets), targets, steps, layout.first(),
            layout.count());
        int training = lastTrain + 1;
        float[] last = new float[training * targets];
        for (int k = 0; k < training; k++) {
          System.arraycopy(values, (first + windows.lastRows()[k]) * targets, last, k * targets, targets);
        }
        float[] changes = unscaled.changes(Arrays.copyOf(windows.targets(), training * unscaled.responses()), last);
        targetScaler = StandardScaler.fit(changes, training, unscaled.responses());
      } else {
        targetScaler = StandardScaler.fit(values, targetRows, targets);
      }
    }
    Preprocessing pre = unscaled.withScalers(featureScaler, targetScaler);
    PreparedSequences sequences = TableSequences.build(table, pre, task, mode, classes, true);
    return new Prepared(pre, sequences, split, classes);
  }

  private static String rows(long count) {
    return count == 1 ? "1 row" : count + " rows";
  }

  static float[] flatten(double[][] rows) {
    int columns = rows.length == 0 ? 0 : rows[0].length;
    float[] flat = new float[rows.length * columns];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < columns; c++) {
        flat[r * columns + c] = (float) rows[r][c];
      }
    }
    return flat;
  }
}
