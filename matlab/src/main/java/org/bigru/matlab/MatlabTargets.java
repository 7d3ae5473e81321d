package org.bigru.matlab;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bigru.model.data.Dataset;

/**
 * Training targets as MATLAB passes them, checked against their sequences and turned into a {@link Dataset}.
 *
 * <p>Labels cross as 1-based class codes (MATLAB's categorical codes, or the indices {@code unique} returns)
 * with the class names; NaN marks a missing label. Responses cross as a column-major matrix (one row per
 * sequence) or, per time step, as concatenated numResponses-by-numTimeSteps matrices.
 */
public final class MatlabTargets {

  private MatlabTargets() {
  }

  /** One label per sequence: {@code codes(i)} is the class of X{i}. */
  public static Dataset labelsPerSequence(Sequences x, String argument, Object codes, Object classNames) {
    String[] names = classNames(classNames, argument);
    double[] c = MatlabValues.doubles(codes, argument);
    if (c.length != x.size()) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, argument + " has " + c.length + " labels but " + x.argument() + " has "
          + x.size() + " sequences: expected one label per sequence");
    }
    int[] ids = new int[c.length];
    for (int i = 0; i < c.length; i++) {
      ids[i] = classId(c[i], names.length, argument + "(" + (i + 1) + ")");
    }
    return Dataset.sequenceClasses(x.values(), x.features(), ids, names.length);
  }

  /** One label per time step: {@code codes} concatenates the label rows Y{i}, of {@code counts(i)} labels. */
  public static Dataset labelsPerStep(Sequences x, String argument, Object codes, Object counts,
                                      Object classNames) {
    String[] names = classNames(classNames, argument);
    double[] c = MatlabValues.doubles(codes, argument);
    int[] n = stepCounts(x, argument, counts, "labels");
    List<int[]> ids = new ArrayList<>(x.size());
    int offset = 0;
    long total = 0;
    for (int count : n) {
      total += count;
    }
    // Checked before reading: fewer codes than the sizes promise would read past their end.
    checkTotal(argument, c.length, total);
    for (int i = 0; i < x.size(); i++) {
      int[] row = new int[n[i]];
      for (int t = 0; t < row.length; t++) {
        row[t] = classId(c[offset + t], names.length, Sequences.element(argument, i) + "(" + (t + 1) + ")");
      }
      offset += row.length;
      ids.add(row);
    }
    return Dataset.stepClasses(x.values(), x.features(), ids, names.length);
  }

  /** One row of responses per sequence: {@code values} is the column-major rows-by-columns matrix Y. */
  public static Dataset responsesPerSequence(Sequences x, String argument, Object values, double rows,
                                             double columns) {
    double[] v = MatlabValues.doubles(values, argument);
    int r = MatlabValues.count(rows, "the rows of " + argument, 0);
    int width = MatlabValues.count(columns, "the columns of " + argument, 1);
    if (r != x.size()) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, argument + " has " + r + " rows but " + x.argument() + " has " + x.size()
          + " sequences: expected one row of responses per sequence");
    }
    checkTotal(argument, v.length, (long) r * width);
    float[] rowMajor = new float[v.length];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < width; j++) {
        rowMajor[i * width + j] = response(v[j * r + i], argument + "(" + (i + 1) + "," + (j + 1) + ")");
      }
    }
    return Dataset.sequenceResponses(x.values(), x.features(), rowMajor, width);
  }

  /**
   * Responses per time step: {@code values} concatenates Y{1}(:), Y{2}(:), ... where Y{i} is
   * numResponses-by-numTimeSteps, with the rows and columns of each.
   */
  public static Dataset responsesPerStep(Sequences x, String argument, Object values, Object rows,
                                         Object columns) {
    double[] v = MatlabValues.doubles(values, argument);
    double[] r = MatlabValues.doubles(rows, argument + " sizes");
    if (r.length != x.size()) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, argument + " has " + r.length + " response sequences but "
          + x.argument() + " has " + x.size() + " sequences: expected one per sequence");
    }
    int[] n = stepCounts(x, argument, columns, "time steps");
    int width = 0;
    List<float[]> ys = new ArrayList<>(x.size());
    int offset = 0;
    for (int i = 0; i < x.size(); i++) {
      int w = MatlabValues.count(r[i], "the rows of " + Sequences.element(argument, i), 1);
      if (i == 0) {
        width = w;
      } else if (w != width) {
        throw new MatlabError(MatlabError.INVALID_TARGETS, Sequences.element(argument, i) + " has " + w + " responses (rows), but "
            + Sequences.element(argument, 0) + " has " + width);
      }
      float[] y = new float[w * n[i]];
      if (offset + y.length > v.length) {
        checkTotal(argument, v.length, offset + (long) y.length);
      }
      for (int j = 0; j < y.length; j++) {
        y[j] = response(v[offset + j], Sequences.element(argument, i) + "(" + (j % w + 1) + "," + (j / w + 1) + ")");
      }
      offset += y.length;
      ys.add(y);
    }
    checkTotal(argument, v.length, offset);
    return Dataset.stepResponses(x.values(), x.features(), ys, width);
  }

  /** The class names: at least one, none empty, no two alike. */
  static String[] classNames(Object classNames, String argument) {
    String[] names = MatlabValues.strings(classNames, "the classes of " + argument);
    if (names.length == 0) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, argument + " has no classes");
    }
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      if (name.isEmpty() || name.indexOf('\n') >= 0) {
        throw new MatlabError(MatlabError.INVALID_TARGETS, argument + " has a class named '" + name
            + "'; class names must be non-empty single lines");
      }
      if (!seen.add(name)) {
        throw new MatlabError(MatlabError.INVALID_TARGETS, argument + " names the class '" + name + "' twice");
      }
    }
    return names;
  }

  private static int[] stepCounts(Sequences x, String argument, Object counts, String what) {
    double[] c = MatlabValues.doubles(counts, argument + " sizes");
    if (c.length != x.size()) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, argument + " has " + c.length + " sequences but " + x.argument()
          + " has " + x.size() + ": expected one per sequence");
    }
    int[] n = new int[c.length];
    for (int i = 0; i < c.length; i++) {
      n[i] = MatlabValues.count(c[i], "the " + what + " of " + Sequences.element(argument, i), 0);
      if (n[i] != x.steps(i)) {
        throw new MatlabError(MatlabError.INVALID_TARGETS, Sequences.element(argument, i) + " has " + n[i] + " " + what + " but "
            + Sequences.element(x.argument(), i) + " has " + x.steps(i) + " time steps");
      }
    }
    return n;
  }

  private static int classId(double code, int classes, String where) {
    if (Double.isNaN(code)) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, where + " is undefined: every label needs a class");
    }
    if (!(code >= 1 && code <= classes && code == Math.rint(code))) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, where + " has class code " + MatlabValues.number(code)
          + ", expected 1 to " + classes);
    }
    return (int) code - 1;
  }

  private static float response(double value, String where) {
    if (!Double.isFinite(value) || Math.abs(value) > Float.MAX_VALUE) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, where + " is " + MatlabValues.number(value) + ": responses must be "
          + (Double.isFinite(value) ? "within single precision" : "finite numbers"));
    }
    return (float) value;
  }

  private static void checkTotal(String argument, long found, long expected) {
    if (found != expected) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, argument + " holds " + found + " values, but its sizes add up to "
          + expected);
    }
  }
}
