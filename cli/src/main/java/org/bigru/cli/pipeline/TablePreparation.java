package org.bigru.cli.pipeline;

import java.util.List;
import org.bigru.cli.BadInputException;
import org.bigru.cli.table.Table;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.Preprocessing;
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

  private TablePreparation() {
  }

  /** The sequences a table gives: {@code count} of {@code steps} rows (or steps of a row) each. */
  private record Shape(int steps, int count) {
  }

  /**
   * The window (the default, or the longest the data allows, when {@code window} is 0) and what it gives;
   * refused when the rows are too few for it.
   */
  private static Shape shape(Table table, int window, int horizon, int rowSteps, double valSize, double testSize) {
    if (horizon < 0) {
      throw new BadInputException("--horizon must be 0 or more, not " + horizon);
    }
    int rows = table.rows();
    if (rowSteps > 0) {
      return new Shape(rowSteps, rows);
    }
    // Without --window, the longest window up to the default that leaves a sequence for every part.
    int parts = Split.partCount(valSize, testSize);
    int steps = window > 0 ? window : Math.max(1, Math.min(DEFAULT_WINDOW, rows - horizon - parts + 1));
    if ((long) rows - steps + 1 - horizon < 1) {
      throw new BadInputException(table.source() + ": " + rows(rows) + (rows == 1 ? " is" : " are")
          + " too few for a window of " + rows(steps) + (horizon > 0 ? " and horizon " + horizon : "")
          + (window > 0 ? " (choose a shorter --window)" : ""));
    }
    return new Shape(steps, rows - steps + 1 - horizon);
  }

  /**
   * @param window 0 for the default
   */
  public static Prepared prepare(Table table, Task task, OutputMode mode, int window, int horizon, int rowSteps,
                                 boolean header, boolean indexColumn, double valSize, double testSize) {
    Split.checkFractions(valSize, testSize);
    List<String> classes = task == Task.CLASSIFICATION ? Labels.classes(table) : List.of();
    int rows = table.rows();
    Shape shape = shape(table, window, horizon, rowSteps, valSize, testSize);
    int steps = rowSteps > 0 ? 0 : shape.steps();
    Split split = Split.of(shape.count(), valSize, testSize, table.source() + " (" + rows(rows) + ")");
    int lastTrain = split.train().end() - 1;
    int featureRows = rowSteps > 0 ? lastTrain + 1 : lastTrain + steps;
    int targetRows = rowSteps > 0 ? lastTrain + 1 : lastTrain + steps + horizon;
    StandardScaler featureScaler = StandardScaler.fit(flatten(table.features()), featureRows, table.featureCount());
    StandardScaler targetScaler = null;
    if (task == Task.REGRESSION) {
      float[] target = new float[rows];
      for (int r = 0; r < rows; r++) {
        target[r] = (float) table.target()[r];
      }
      targetScaler = StandardScaler.fit(target, targetRows, 1);
    }
    Preprocessing pre = new Preprocessing(Preprocessing.TABLE, header, indexColumn, table.featureNames(),
        table.targetName(), steps, horizon, rowSteps, featureScaler, targetScaler);
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
