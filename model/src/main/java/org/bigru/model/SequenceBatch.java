package org.bigru.model;

/**
 * A batch of sequences, batch-first and right-padded: {@code x} is [size, steps, features] row-major, and
 * sequence i has {@code lengths[i]} real steps (1 to steps); what lies past them is padding and is ignored.
 *
 * @param lengths real steps per sequence, or null when every sequence has all {@code steps}
 */
public record SequenceBatch(float[] x, int size, int steps, int features, int[] lengths) {

  public SequenceBatch {
    if (size < 1 || steps < 1 || features < 1) {
      throw new IllegalArgumentException("a batch needs at least 1 sequence, step and feature, not "
          + size + " x " + steps + " x " + features);
    }
    if (x == null || x.length != (long) size * steps * features) {
      throw new IllegalArgumentException("x holds " + (x == null ? 0 : x.length) + " values, expected "
          + size + " x " + steps + " x " + features);
    }
    if (lengths != null) {
      if (lengths.length != size) {
        throw new IllegalArgumentException(lengths.length + " lengths for " + size + " sequences");
      }
      for (int i = 0; i < size; i++) {
        if (lengths[i] < 1 || lengths[i] > steps) {
          throw new IllegalArgumentException("sequence " + i + " has length " + lengths[i]
              + ", expected 1 to " + steps);
        }
      }
    }
  }

  /** Every sequence of full length. */
  public static SequenceBatch of(float[] x, int size, int steps, int features) {
    return new SequenceBatch(x, size, steps, features, null);
  }

  /** Real steps of sequence i. */
  public int length(int i) {
    return lengths == null ? steps : lengths[i];
  }
}
