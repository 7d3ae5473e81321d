package org.bigru.cli.pipeline;

import java.util.List;
import org.bigru.cli.BadInputException;
import org.bigru.cli.table.Table;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.StandardScaler;

/**
 * From a table to training sequences: the window (the default, or the longest the data allows), the split
 * of the windows in time order, and scalers fitted on the rows of the training part only.
 */
public final class TablePreparation {

  /** The look-back window used when none is given and the data is long enough. */
  public static final int DEFAULT_WINDOW = 24;

  /** What preparation produced. */
  public record Prepared(Preprocessing preprocessing, Sequences sequences, Split split, List<String> classes) {
  }

  private TablePreparation() {
  }

  /**
   * @param window 0 for the default
   */
  public static Prepared prepare(Table table, Task task, OutputMode mode, int window, int horizon, int rowSteps,
                                 boolean header, boolean indexColumn, double valSize, double testSize) {
    Split.checkFractions(valSize, testSize);
    if (horizon < 0) {
      throw new BadInputException("--horizon must be 0 or more, not " + horizon);
    }
    List<String> classes = task == Task.CLASSIFICATION ? Labels.classes(table) : List.of();
    int rows = table.rows();
    int parts = Split.partCount(valSize, testSize);
    int steps;
    int count;
    if (rowSteps > 0) {
      steps = 0;
      count = rows;
    } else {
      steps = window > 0 ? window : Math.min(DEFAULT_WINDOW, rows - horizon - parts + 1);
      if (steps < 1 || (long) rows - steps + 1 - horizon < 1) {
        throw new BadInputException(table.source() + ": " + rows + " rows are too few for a window of "
            + (window > 0 ? window : 1) + " rows" + (horizon > 0 ? " and horizon " + horizon : "")
            + (window > 0 ? " (choose a shorter --window)" : ""));
      }
      count = rows - steps + 1 - horizon;
    }
    Split split = Split.of(count, valSize, testSize, table.source() + " (" + rows + " rows)");
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
    Sequences sequences = TableSequences.build(table, pre, task, mode, classes, true);
    return new Prepared(pre, sequences, split, classes);
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
