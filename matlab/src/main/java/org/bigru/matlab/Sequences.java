package org.bigru.matlab;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cell array of sequences received in one call. trainNetwork's sequences X{i} are numFeatures-by-numTimeSteps
 * matrices; trainnet's are numTimeSteps-by-numChannels (the transpose). The caller concatenates X{1}(:), X{2}(:),
 * ... and passes the rows and columns of each. Being column-major, X{i}(:) of a features-by-steps matrix lists
 * the features of step 1, then of step 2, ...: the row-major [steps, features] layout of the model, so such a
 * sequence is converted, not reordered; a steps-by-channels matrix is transposed on the way.
 */
public final class Sequences {

  private final String argument;
  private final boolean timeByChannel;
  private final List<float[]> sequences;
  private final int features;
  private final int[] steps;

  private Sequences(String argument, boolean timeByChannel, List<float[]> sequences, int features, int[] steps) {
    this.argument = argument;
    this.timeByChannel = timeByChannel;
    this.sequences = sequences;
    this.features = features;
    this.steps = steps;
  }

  /**
   * Reads and checks a cell array of numFeatures-by-numTimeSteps sequences (trainNetwork's).
   *
   * @param argument how the MATLAB user calls it in messages, for example {@code X} or {@code ValidationData X}
   * @param values   X{1}(:); X{2}(:); ... concatenated
   * @param rows     rows (features) of each X{i}
   * @param columns  columns (time steps) of each X{i}
   */
  public static Sequences fromMatlab(String argument, Object values, Object rows, Object columns) {
    return read(argument, false, values, rows, columns);
  }

  /** Reads and checks a cell array of numTimeSteps-by-numChannels sequences (trainnet's); rows are time steps. */
  public static Sequences fromMatlabTimeByChannel(String argument, Object values, Object rows, Object columns) {
    return read(argument, true, values, rows, columns);
  }

  private static Sequences read(String argument, boolean timeByChannel, Object values, Object rows, Object columns) {
    double[] data = MatlabValues.doubles(values, argument);
    double[] r = MatlabValues.doubles(rows, argument + " sizes");
    double[] c = MatlabValues.doubles(columns, argument + " sizes");
    String shape = timeByChannel ? "numTimeSteps-by-numChannels" : "numFeatures-by-numTimeSteps";
    if (r.length == 0) {
      throw new MatlabError(MatlabError.INVALID_DATA, argument + " is empty: expected a cell array of " + shape
          + " matrices, at least one");
    }
    if (r.length != c.length) {
      throw new MatlabError(MatlabError.INVALID_DATA, argument + ": " + r.length + " row counts but " + c.length
          + " column counts");
    }
    int n = r.length;
    double[] featureCounts = timeByChannel ? c : r;
    double[] stepCounts = timeByChannel ? r : c;
    String featureWord = timeByChannel ? "channels (columns)" : "features (rows)";
    int[] lengths = new int[n];
    int features = 0;
    long total = 0;
    for (int i = 0; i < n; i++) {
      if (r[i] < 1 || c[i] < 1) {
        throw new MatlabError(MatlabError.INVALID_DATA, element(argument, i) + " is empty ("
            + MatlabValues.number(r[i]) + "-by-" + MatlabValues.number(c[i]) + "): every sequence needs at least "
            + "one feature and one time step");
      }
      int f = MatlabValues.count(featureCounts[i], "the " + (timeByChannel ? "columns" : "rows") + " of "
          + element(argument, i), 1);
      lengths[i] = MatlabValues.count(stepCounts[i], "the " + (timeByChannel ? "rows" : "columns") + " of "
          + element(argument, i), 1);
      if (i == 0) {
        features = f;
      } else if (f != features) {
        throw new MatlabError(MatlabError.INVALID_DATA, element(argument, i) + " has " + f + " " + featureWord
            + ", but " + element(argument, 0) + " has " + features + ": every sequence needs the same number of "
            + (timeByChannel ? "channels" : "features") + transposeHint(argument, timeByChannel, stepCounts));
      }
      total += (long) f * lengths[i];
    }
    if (total != data.length) {
      throw new MatlabError(MatlabError.INVALID_DATA, argument + " holds " + data.length + " values, but the sizes "
          + "of its matrices add up to " + total);
    }
    List<float[]> list = new ArrayList<>(n);
    int offset = 0;
    for (int i = 0; i < n; i++) {
      int steps = lengths[i];
      float[] s = new float[features * steps];
      for (int t = 0; t < steps; t++) {
        for (int f = 0; f < features; f++) {
          // column-major X{i}: features-by-steps (f, t) at f + t * features; steps-by-channels (t, f) at t + f * steps
          double v = data[offset + (timeByChannel ? t + f * steps : f + t * features)];
          if (!Double.isFinite(v) || Math.abs(v) > Float.MAX_VALUE) {
            String at = timeByChannel ? "(" + (t + 1) + "," + (f + 1) + ")" : "(" + (f + 1) + "," + (t + 1) + ")";
            String what = timeByChannel ? "time step " + (t + 1) + ", channel " + (f + 1)
                : "feature " + (f + 1) + ", time step " + (t + 1);
            throw new MatlabError(MatlabError.INVALID_DATA, element(argument, i) + at + " is "
                + MatlabValues.number(v) + " (" + what + "): " + (Double.isFinite(v) ? "beyond single precision"
                    : "sequences must hold finite numbers" + (Double.isNaN(v) ? " (fill or remove missing values first)"
                        : "")));
          }
          s[t * features + f] = (float) v;
        }
      }
      offset += s.length;
      list.add(s);
    }
    return new Sequences(argument, timeByChannel, Collections.unmodifiableList(list), features, lengths);
  }

  /**
   * When the sequences' other dimension is the same for all of them (as the features of transposed sequences
   * are), the advice to transpose them; else "".
   */
  private static String transposeHint(String argument, boolean timeByChannel, double[] otherDimension) {
    for (double d : otherDimension) {
      if (d != otherDimension[0]) {
        return "";
      }
    }
    return "; " + argument + " looks transposed (every sequence has " + MatlabValues.number(otherDimension[0])
        + (timeByChannel ? " rows" : " columns") + "): " + advice(timeByChannel);
  }

  /** How to give transposed sequences as the function reads them. */
  private static String advice(boolean timeByChannel) {
    return timeByChannel
        ? "give numTimeSteps-by-numChannels sequences (transpose each, X = cellfun(@transpose, X, 'UniformOutput', "
            + "false)), or give 'InputDataFormats', 'CTB' to read numChannels-by-numTimeSteps ones"
        : "give numFeatures-by-numTimeSteps sequences (transpose each, X = cellfun(@transpose, X, 'UniformOutput', "
            + "false))";
  }

  /** {@code X{3}}: how MATLAB names element i (0-based here) of the cell array. */
  static String element(String argument, int index) {
    return argument + "{" + (index + 1) + "}";
  }

  /**
   * Refuses sequences of another width than {@code expected} ({@code network} names what expects it), saying when
   * the sequences look transposed: when each one's other dimension has the expected size.
   */
  void requireFeatures(int expected, String network) {
    if (features == expected) {
      return;
    }
    boolean transposed = true;
    for (int length : steps) {
      transposed &= length == expected;
    }
    String message = argument + " has " + features + " features per time step, but " + network + " expects "
        + expected;
    if (transposed) {
      message += "; " + argument + " looks transposed (every sequence has " + expected
          + (timeByChannel ? " rows" : " columns") + "): " + advice(timeByChannel);
    }
    throw new MatlabError(MatlabError.FEATURE_COUNT, message);
  }

  /** The same sequences with other values of the same sizes (normalized ones). */
  Sequences withValues(List<float[]> values) {
    return new Sequences(argument, timeByChannel, Collections.unmodifiableList(values), features, steps);
  }

  public String argument() {
    return argument;
  }

  /** Whether the MATLAB matrices were numTimeSteps-by-numChannels (trainnet's), not numFeatures-by-numTimeSteps. */
  public boolean timeByChannel() {
    return timeByChannel;
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
