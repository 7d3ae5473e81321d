package org.bigru.matlab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cell array of sequences received in one call. MATLAB holds sequence i as a numFeatures-by-numTimeSteps
 * matrix X{i}; the caller concatenates X{1}(:), X{2}(:), ... and passes the rows and columns of each. Being
 * column-major, X{i}(:) lists the features of step 1, then of step 2, ...: the row-major [steps, features]
 * layout of the model, so each sequence is converted, not reordered.
 */
public final class Sequences {

  private final String argument;
  private final List<float[]> sequences;
  private final int features;
  private final int[] steps;

  private Sequences(String argument, List<float[]> sequences, int features, int[] steps) {
    this.argument = argument;
    this.sequences = sequences;
    this.features = features;
    this.steps = steps;
  }

  /**
   * Reads and checks a cell array of sequences.
   *
   * @param argument how the MATLAB user calls it in messages, for example {@code X} or {@code ValidationData X}
   * @param values   X{1}(:); X{2}(:); ... concatenated
   * @param rows     rows (features) of each X{i}
   * @param columns  columns (time steps) of each X{i}
   */
  public static Sequences fromMatlab(String argument, Object values, Object rows, Object columns) {
    double[] data = MatlabValues.doubles(values, argument);
    double[] r = MatlabValues.doubles(rows, argument + " sizes");
    double[] c = MatlabValues.doubles(columns, argument + " sizes");
    if (r.length == 0) {
      throw new IllegalArgumentException(argument + " is empty: expected a cell array of "
          + "numFeatures-by-numTimeSteps matrices, at least one");
    }
    if (r.length != c.length) {
      throw new IllegalArgumentException(argument + ": " + r.length + " row counts but " + c.length
          + " column counts");
    }
    int n = r.length;
    int[] stepCounts = new int[n];
    int features = 0;
    long total = 0;
    for (int i = 0; i < n; i++) {
      if (r[i] < 1 || c[i] < 1) {
        throw new IllegalArgumentException(element(argument, i) + " is empty (" + MatlabValues.number(r[i])
            + "-by-" + MatlabValues.number(c[i]) + "): every sequence needs at least one feature and one time step");
      }
      int f = MatlabValues.count(r[i], "the rows of " + element(argument, i), 1);
      stepCounts[i] = MatlabValues.count(c[i], "the columns of " + element(argument, i), 1);
      if (i == 0) {
        features = f;
      } else if (f != features) {
        throw new IllegalArgumentException(element(argument, i) + " has " + f + " features (rows), but "
            + element(argument, 0) + " has " + features + ": every sequence needs the same number of features");
      }
      total += (long) f * stepCounts[i];
    }
    if (total != data.length) {
      throw new IllegalArgumentException(argument + " holds " + data.length + " values, but the sizes of its "
          + "matrices add up to " + total);
    }
    List<float[]> list = new ArrayList<>(n);
    int offset = 0;
    for (int i = 0; i < n; i++) {
      float[] s = new float[features * stepCounts[i]];
      for (int j = 0; j < s.length; j++) {
        double v = data[offset + j];
        if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
          throw new IllegalArgumentException(element(argument, i) + "(" + (j % features + 1) + "," + (j / features + 1)
              + ") is " + MatlabValues.number(v) + " (feature " + (j % features + 1) + ", time step "
              + (j / features + 1) + "): "
              + (Double.isFinite(v) ? "beyond single precision" : "sequences must hold finite numbers"
                  + (Double.isNaN(v) ? " (fill or remove missing values first)" : "")));
        }
        s[j] = (float) v;
      }
      offset += s.length;
      list.add(s);
    }
    return new Sequences(argument, Collections.unmodifiableList(list), features, stepCounts);
  }

  /** {@code X{3}}: how MATLAB names element i (0-based here) of the cell array. */
  static String element(String argument, int index) {
    return argument + "{" + (index + 1) + "}";
  }

  public String argument() {
    return argument;
  }

  /** Number of sequences. */
  public int size() {
    return sequences.size();
  }

  public int features() {
    return features;
  }

  /** Time steps of sequence i (0-based). */
  public int steps(int i) {
    return steps[i];
  }

  /** Total time steps over all sequences. */
  public long totalSteps() {
    long sum = 0;
    for (int s : steps) {
      sum += s;
    }
    return sum;
  }

  /** Time steps of the longest sequence. */
  public int maxSteps() {
    int max = 0;
    for (int s : steps) {
      max = Math.max(max, s);
    }
    return max;
  }

  /** The sequences, each [steps, features] row-major (shared). */
  public List<float[]> values() {
    return sequences;
  }
}
