package org.bigru.cli.table;

import java.util.Arrays;
import org.bigru.cli.BadInputException;

/** Applies a {@link MissingPolicy} to the used columns of a table (missing numbers are NaN, labels null). */
final class MissingValues {

  private MissingValues() {
  }

  static Table apply(Table table, int[] rowNumbers, MissingPolicy policy) {
    switch (policy) {
      case ERROR:
        refuseAny(table, rowNumbers);
        return table;
      case DROP:
        return dropRows(table);
      case FFILL:
      case INTERPOLATE:
        fill(table, rowNumbers, policy);
        return table;
      default:
        throw new IllegalStateException("unhandled policy " + policy);
    }
  }

  private static void refuseAny(Table table, int[] rowNumbers) {
    for (int r = 0; r < table.rows(); r++) {
      for (int f = 0; f < table.featureCount(); f++) {
        if (Double.isNaN(table.features()[r][f])) {
          throw missing(table, rowNumbers[r], table.featureNames().get(f));
        }
      }
      String target = missingTarget(table, r);
      if (target != null) {
        throw missing(table, rowNumbers[r], target);
      }
    }
  }

  private static BadInputException missing(Table table, int rowNumber, String column) {
    return new BadInputException(table.source() + " row " + rowNumber + ", column '" + column
        + "': missing value (use --missing drop, ffill or interpolate to handle missing values)");
  }

  /** The name of the first target missing in row r, or null. */
  private static String missingTarget(Table table, int r) {
    for (int i = 0; table.targets() != null && i < table.targets().length; i++) {
      if (Double.isNaN(table.targets()[i][r])) {
        return table.targetNames().get(i);
      }
    }
    return table.labels() != null && table.labels()[r] == null ? table.targetName() : null;
  }

  private static Table dropRows(Table table) {
    int[] keep = new int[table.rows()];
    int kept = 0;
    for (int r = 0; r < table.rows(); r++) {
      boolean complete = missingTarget(table, r) == null;
      for (double v : table.features()[r]) {
        complete &= !Double.isNaN(v);
      }
      if (complete) {
        keep[kept++] = r;
      }
    }
    if (kept == 0) {
      throw new BadInputException(table.source() + ": every row has a missing value, so --missing drop leaves none");
    }
    int[] rows = Arrays.copyOf(keep, kept);
    double[][] features = new double[kept][];
    String[] index = new String[kept];
    double[][] targets = table.targets() == null ? null : new double[table.targets().length][kept];
    String[] labels = table.labels() == null ? null : new String[kept];
    for (int i = 0; i < kept; i++) {
      features[i] = table.features()[rows[i]];
      index[i] = table.index()[rows[i]];
      for (int t = 0; targets != null && t < targets.length; t++) {
        targets[t][i] = table.targets()[t][rows[i]];
      }
      if (labels != null) {
        labels[i] = table.labels()[rows[i]];
      }
    }
    return new Table(table.source(), table.indexName(), index, table.featureNames(), features,
        table.targetNames(), targets, labels);
  }

  private static void fill(Table table, int[] rowNumbers, MissingPolicy policy) {
    int rows = table.rows();
    double[] column = new double[rows];
    for (int f = 0; f < table.featureCount(); f++) {
      for (int r = 0; r < rows; r++) {
        column[r] = table.features()[r][f];
      }
      fillColumn(table, rowNumbers, table.featureNames().get(f), column, policy);
      for (int r = 0; r < rows; r++) {
        table.features()[r][f] = column[r];
      }
    }
    for (int t = 0; table.targets() != null && t < table.targets().length; t++) {
      fillColumn(table, rowNumbers, table.targetNames().get(t), table.targets()[t], policy);
    }
    if (table.labels() != null) {
      String[] labels = table.labels();
      for (int r = 0; r < rows; r++) {
        if (labels[r] == null) {
          if (r == 0) {
            throw new BadInputException(table.source() + " row " + rowNumbers[0] + ", column '"
                + table.targetName() + "': missing label with no row above to fill it from");
          }
          labels[r] = labels[r - 1];
        }
      }
    }
  }

  private static void fillColumn(Table table, int[] rowNumbers, String name, double[] v, MissingPolicy policy) {
    int n = v.length;
    int firstValue = 0;
    while (firstValue < n && Double.isNaN(v[firstValue])) {
      firstValue++;
    }
    if (firstValue == n) {
      throw new BadInputException(table.source() + ", column '" + name + "': every value is missing");
    }
    if (firstValue > 0) {
      if (policy == MissingPolicy.FFILL) {
        throw new BadInputException(table.source() + " row " + rowNumbers[0] + ", column '" + name
            + "': missing value with no row above to fill it from (use --missing interpolate or drop)");
      }
      Arrays.fill(v, 0, firstValue, v[firstValue]);
    }
    int last = firstValue;
    for (int r = firstValue + 1; r < n; r++) {
      if (Double.isNaN(v[r])) {
        continue;
      }
      if (r > last + 1) {
        for (int k = last + 1; k < r; k++) {
          v[k] = policy == MissingPolicy.FFILL ? v[last] : v[last] + (v[r] - v[last]) * (k - last) / (r - last);
        }
      }
      last = r;
    }
    Arrays.fill(v, last + 1, n, v[last]);
  }
}
