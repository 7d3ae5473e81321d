package org.bigru.model.data;

import java.util.ArrayList;
import java.util.List;

/**
 * In-memory sequences of possibly different lengths, each [length, features] row-major, with their targets
 * (see {@link TargetKind}). The arrays are shared, not copied: do not change them while the data set is used.
 *
 * <p>{@link #outputs()} is the width of a response row for regression, and the number of classes for
 * classification.
 */
public final class Dataset {

  private final List<float[]> sequences;
  private final int features;
  private final TargetKind kind;
  private final List<float[]> responses;
  private final List<int[]> classes;
  private final int outputs;
  private final int maxLength;

  private Dataset(List<float[]> sequences, int features, TargetKind kind, List<float[]> responses,
                  List<int[]> classes, int outputs) {
    this.sequences = sequences;
    this.features = features;
    this.kind = kind;
    this.responses = responses;
    this.classes = classes;
    this.outputs = outputs;
    int longest = 0;
    for (float[] s : sequences) {
      longest = Math.max(longest, s.length / features);
    }
    this.maxLength = longest;
  }

  /** Inputs only, to predict on. */
  public static Dataset inputs(List<float[]> sequences, int features) {
    return new Dataset(checkSequences(sequences, features), features, TargetKind.NONE, null, null, 0);
  }

  /** Regression with one row of {@code outputs} responses per sequence, {@code responses} [n, outputs]. */
  public static Dataset sequenceResponses(List<float[]> sequences, int features, float[] responses, int outputs) {
    List<float[]> xs = checkSequences(sequences, features);
    checkWidth(outputs);
    if (responses == null || responses.length != (long) xs.size() * outputs) {
      throw new IllegalArgumentException((responses == null ? 0 : responses.length) + " responses for "
          + xs.size() + " sequences of " + outputs + " outputs; expected " + (long) xs.size() * outputs);
    }
    List<float[]> rows = new ArrayList<>(xs.size());
    for (int i = 0; i < xs.size(); i++) {
      float[] row = new float[outputs];
      System.arraycopy(responses, i * outputs, row, 0, outputs);
      checkFinite(row, "response of sequence " + i);
      rows.add(row);
    }
    return new Dataset(xs, features, TargetKind.SEQUENCE_RESPONSES, rows, null, outputs);
  }

  /** Regression with {@code outputs} responses per time step: responses.get(i) is [length(i), outputs]. */
  public static Dataset stepResponses(List<float[]> sequences, int features, List<float[]> responses, int outputs) {
    List<float[]> xs = checkSequences(sequences, features);
    checkWidth(outputs);
    List<float[]> ys = checkCount(responses, xs.size(), "response sequences");
    for (int i = 0; i < xs.size(); i++) {
      int steps = xs.get(i).length / features;
      if (ys.get(i).length != (long) steps * outputs) {
        throw new IllegalArgumentException("sequence " + i + " has " + steps + " steps but "
            + ys.get(i).length + " responses; expected " + (long) steps * outputs);
      }
      checkFinite(ys.get(i), "responses of sequence " + i);
    }
    return new Dataset(xs, features, TargetKind.STEP_RESPONSES, ys, null, outputs);
  }

  /** Classification with one class id in [0, numClasses) per sequence. */
  public static Dataset sequenceClasses(List<float[]> sequences, int features, int[] classIds, int numClasses) {
    List<float[]> xs = checkSequences(sequences, features);
    checkWidth(numClasses);
    if (classIds == null || classIds.length != xs.size()) {
      throw new IllegalArgumentException((classIds == null ? 0 : classIds.length) + " class ids for "
          + xs.size() + " sequences");
    }
    List<int[]> ids = new ArrayList<>(xs.size());
    for (int i = 0; i < xs.size(); i++) {
      ids.add(new int[] {checkClass(classIds[i], numClasses, "sequence " + i)});
    }
    return new Dataset(xs, features, TargetKind.SEQUENCE_CLASSES, null, ids, numClasses);
  }

  /** Classification with one class id in [0, numClasses) per time step: classIds.get(i) is [length(i)]. */
  public static Dataset stepClasses(List<float[]> sequences, int features, List<int[]> classIds, int numClasses) {
    List<float[]> xs = checkSequences(sequences, features);
    checkWidth(numClasses);
    List<int[]> ids = checkCount(classIds, xs.size(), "class id sequences");
    for (int i = 0; i < xs.size(); i++) {
      int steps = xs.get(i).length / features;
      if (ids.get(i).length != steps) {
        throw new IllegalArgumentException("sequence " + i + " has " + steps + " steps but "
            + ids.get(i).length + " class ids");
      }
      for (int t = 0; t < steps; t++) {
        checkClass(ids.get(i)[t], numClasses, "sequence " + i + " step " + t);
      }
    }
    return new Dataset(xs, features, TargetKind.STEP_CLASSES, null, ids, numClasses);
  }

  /** The sequences at these indices (in this order), with their targets; arrays are shared. */
  public Dataset subset(int[] indices) {
    List<float[]> xs = new ArrayList<>(indices.length);
    List<float[]> ys = responses == null ? null : new ArrayList<>(indices.length);
    List<int[]> cs = classes == null ? null : new ArrayList<>(indices.length);
    for (int index : indices) {
      if (index < 0 || index >= size()) {
        throw new IllegalArgumentException("index " + index + " outside the data set of " + size() + " sequences");
      }
      xs.add(sequences.get(index));
      if (ys != null) {
        ys.add(responses.get(index));
      }
      if (cs != null) {
        cs.add(classes.get(index));
      }
    }
    if (xs.isEmpty()) {
      throw new IllegalArgumentException("a subset needs at least one sequence");
    }
    return new Dataset(List.copyOf(xs), features, kind, ys == null ? null : List.copyOf(ys),
        cs == null ? null : List.copyOf(cs), outputs);
  }

  /** Sequences from (inclusive) to (exclusive), in order. */
  public Dataset range(int from, int to) {
    if (from < 0 || to > size() || from >= to) {
      throw new IllegalArgumentException("range [" + from + ", " + to + ") is not a non-empty part of "
          + size() + " sequences");
    }
    int[] indices = new int[to - from];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = from + i;
    }
    return subset(indices);
  }

  public int size() {
    return sequences.size();
  }

  public int features() {
    return features;
  }

  public TargetKind kind() {
    return kind;
  }

  /** Response width (regression) or number of classes (classification); 0 without targets. */
  public int outputs() {
    return outputs;
  }

  /** Time steps of sequence i. */
  public int length(int i) {
    return sequences.get(i).length / features;
  }

  public int maxLength() {
    return maxLength;
  }

  /** Sequence i, [length(i), features] (shared). */
  public float[] sequence(int i) {
    return sequences.get(i);
  }

  /** Responses of sequence i: [outputs] or [length(i), outputs] (shared); regression only. */
  public float[] responses(int i) {
    if (responses == null) {
      throw new IllegalStateException("this data set holds " + kind + ", not responses");
    }
    return responses.get(i);
  }

  /** Class ids of sequence i: [1] or [length(i)] (shared); classification only. */
  public int[] classIds(int i) {
    if (classes == null) {
      throw new IllegalStateException("this data set holds " + kind + ", not class ids");
    }
    return classes.get(i);
  }

  private static List<float[]> checkSequences(List<float[]> sequences, int features) {
    if (features < 1) {
      throw new IllegalArgumentException("features per step must be at least 1, not " + features);
    }
    if (sequences == null || sequences.isEmpty()) {
      throw new IllegalArgumentException("a data set needs at least one sequence");
    }
    for (int i = 0; i < sequences.size(); i++) {
      float[] s = sequences.get(i);
      if (s == null || s.length == 0 || s.length % features != 0) {
        throw new IllegalArgumentException("sequence " + i + " holds " + (s == null ? 0 : s.length)
            + " values, expected a whole number (at least 1) of steps of " + features + " features");
      }
      for (int j = 0; j < s.length; j++) {
        if (!Float.isFinite(s[j])) {
          throw new IllegalArgumentException("sequence " + i + " step " + j / features + " feature "
              + j % features + " is " + s[j] + "; inputs must be finite");
        }
      }
    }
    return List.copyOf(sequences);
  }

  private static <T> List<T> checkCount(List<T> targets, int expected, String what) {
    if (targets == null || targets.size() != expected) {
      throw new IllegalArgumentException((targets == null ? 0 : targets.size()) + " " + what + " for "
          + expected + " sequences");
    }
    for (int i = 0; i < targets.size(); i++) {
      if (targets.get(i) == null) {
        throw new IllegalArgumentException("the targets of sequence " + i + " are missing");
      }
    }
    return List.copyOf(targets);
  }

  private static void checkWidth(int outputs) {
    if (outputs < 1) {
      throw new IllegalArgumentException("outputs (responses or classes) must be at least 1, not " + outputs);
    }
  }

  private static int checkClass(int id, int numClasses, String where) {
    if (id < 0 || id >= numClasses) {
      throw new IllegalArgumentException("class id " + id + " of " + where + " is outside [0, " + numClasses + ")");
    }
    return id;
  }

  private static void checkFinite(float[] values, String what) {
    for (float v : values) {
      if (!Float.isFinite(v)) {
        throw new IllegalArgumentException(what + " holds " + v + "; targets must be finite");
      }
    }
  }
}
