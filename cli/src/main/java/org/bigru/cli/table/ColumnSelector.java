package org.bigru.cli.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bigru.cli.BadInputException;

/** Turns a {@link RawTable} into a numeric {@link Table} as {@link TableOptions} say, or says what is wrong. */
public final class ColumnSelector {

  private static final Set<String> MISSING = Set.of("", "na", "n/a", "#n/a", "nan", "null", "none");

  private ColumnSelector() {
  }

  public static Table select(RawTable raw, TableOptions options) {
    String source = raw.source();
    List<String> header = raw.header();
    int indexColumn = options.indexColumn() ? 0 : -1;
    if (options.indexColumn() && header.size() < 2) {
      throw new BadInputException(source + " has only the column '" + header.get(0)
          + "', which is taken as the index; use --no-index-col if it is data");
    }
    List<Integer> candidates = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      if (c != indexColumn) {
        candidates.add(c);
      }
    }
    for (String name : options.drop()) {
      candidates.remove(Integer.valueOf(column(raw, name, "--drop", indexColumn)));
    }
    List<Integer> targets = new ArrayList<>();
    for (String name : options.targets()) {
      int c = raw.columnIndex(name);
      if (c >= 0 && c != indexColumn) {
        c = column(raw, name, "--target", indexColumn);
        if (!targets.contains(c)) {
          targets.add(c);
        }
      } else if (options.targetRequired() || c == indexColumn && c >= 0) {
        column(raw, name, "--target", indexColumn);
      }
    }
    if (options.targets().isEmpty() && options.targetRequired()) {
      if (candidates.isEmpty()) {
        throw new BadInputException(source + ": no column is left for the target");
      }
      targets.add(candidates.get(candidates.size() - 1));
    }
    candidates.removeAll(targets);
    List<Integer> featureColumns = new ArrayList<>();
    if (options.features().isEmpty()) {
      featureColumns.addAll(candidates);
    } else {
      for (String name : options.features()) {
        int c = column(raw, name, "--features", indexColumn);
        if (!featureColumns.contains(c)) {
          featureColumns.add(c);
        }
      }
    }
    if (featureColumns.isEmpty()) {
      throw new BadInputException(source + ": no feature column is left (columns: " + ColumnNames.describe(header)
          + ")" + (targets.isEmpty() ? "" : "; a target's own past is an input when --features names it"));
    }
    return convert(raw, options, indexColumn, featureColumns, targets);
  }

  private static int column(RawTable raw, String name, String option, int indexColumn) {
    int c = raw.columnIndex(name);
    if (c < 0) {
      throw new BadInputException(option + " names column '" + name + "', which " + raw.source()
          + " does not have (columns: " + ColumnNames.describe(raw.header()) + ")");
    }
    if (c == indexColumn) {
      throw new BadInputException(option + " names column '" + name + "', which is the index column; "
          + "use --no-index-col to use the first column as data");
    }
    return c;
  }

  private static Table convert(RawTable raw, TableOptions options, int indexColumn, List<Integer> featureColumns,
                               List<Integer> targetColumns) {
    int rows = raw.rowCount();
    double[][] features = new double[rows][featureColumns.size()];
    for (int f = 0; f < featureColumns.size(); f++) {
      int c = featureColumns.get(f);
      for (int r = 0; r < rows; r++) {
        features[r][f] = number(raw, r, c);
      }
    }
    double[][] targetValues = null;
    String[] labels = null;
    if (!targetColumns.isEmpty()) {
      if (options.labelTarget()) {
        int target = targetColumns.get(0);
        labels = new String[rows];
        for (int r = 0; r < rows; r++) {
          String cell = raw.rows().get(r)[target];
          labels[r] = isMissing(cell) ? null : cell;
        }
      } else {
        targetValues = new double[targetColumns.size()][rows];
        for (int t = 0; t < targetColumns.size(); t++) {
          for (int r = 0; r < rows; r++) {
            targetValues[t][r] = number(raw, r, targetColumns.get(t));
          }
        }
      }
    }
    String[] index = new String[rows];
    for (int r = 0; r < rows; r++) {
      index[r] = indexColumn >= 0 ? raw.rows().get(r)[indexColumn] : Integer.toString(raw.rowNumbers()[r]);
    }
    List<String> featureNames = new ArrayList<>();
    featureColumns.forEach(c -> featureNames.add(raw.header().get(c)));
    List<String> targetNames = new ArrayList<>();
    targetColumns.forEach(c -> targetNames.add(raw.header().get(c)));
    Table table = new Table(raw.source(), indexColumn >= 0 ? raw.header().get(indexColumn) : null, index,
        featureNames, features, targetNames, targetValues, labels);
    return MissingValues.apply(table, raw.rowNumbers(), options.missing());
  }

  /** The cell as a number, NaN when missing; anything else that is not a finite number is refused. */
  private static double number(RawTable raw, int r, int c) {
    String cell = raw.rows().get(r)[c];
    if (isMissing(cell)) {
      return Double.NaN;
    }
    if (!Decimals.isDecimal(cell)) {
      String name = raw.header().get(c);
      throw new BadInputException(where(raw, r, c) + ": expected a number, found '" + abbreviate(cell)
          + "' (a column that is not numeric must be dropped: --drop " + name + ")");
    }
    double value = Double.parseDouble(cell);
    if (!Double.isFinite(value)) {
      throw new BadInputException(where(raw, r, c) + ": " + cell + " is beyond the range of a number");
    }
    if (Math.abs(value) > Float.MAX_VALUE) {
      // The network computes in float32, where this would be infinite.
      throw new BadInputException(where(raw, r, c) + ": " + cell + " is beyond the range of float32 (at most "
          + Float.MAX_VALUE + " in size), which the network computes in");
    }
    return value;
  }

  private static String where(RawTable raw, int r, int c) {
    return raw.source() + " row " + raw.rowNumbers()[r] + ", column '" + raw.header().get(c) + "'";
  }

  static boolean isMissing(String cell) {
    return cell == null || MISSING.contains(cell.trim().toLowerCase(Locale.ROOT));
  }

  private static String abbreviate(String cell) {
    return cell.length() <= 40 ? cell : cell.substring(0, 37) + "...";
  }
}
