package org.bigru.model;

import java.util.Arrays;

/**
 * A batch sorted by length, longest first, as PyTorch's packed sequences: step t then concerns only the first
 * {@link #active}(t) sorted rows, so padded steps cost nothing and change nothing. Converts between the
 * caller's batch-first, original order and the layers' time-major, sorted layout, where row i of step t is
 * row {@code t * size + i}.
 */
final class BatchOrder {

  private int size;
  private int batchSteps;
  private int steps;
  private int[] original = new int[0];   // sorted position -> original sequence
  private int[] lengths = new int[0];    // sorted position -> real steps
  private int[] active = new int[0];     // step -> rows with a real step there
  private int[] countByLength = new int[0];
  private int[] targetRows = new int[0];

  /** Sorts the batch by length, descending and stable (a counting sort: no allocation in steady state). */
  void set(SequenceBatch batch) {
    size = batch.size();
    batchSteps = batch.steps();
    original = Workspace.grow(original, size);
    lengths = Workspace.grow(lengths, size);
    countByLength = Workspace.grow(countByLength, batchSteps + 2);
    Arrays.fill(countByLength, 0, batchSteps + 2, 0);
    steps = 0;
    for (int i = 0; i < size; i++) {
      int length = batch.length(i);
      countByLength[length]++;
      steps = Math.max(steps, length);
    }
    // countByLength[L] becomes the first sorted position of length L: after every longer sequence
    int start = 0;
    for (int length = batchSteps; length >= 1; length--) {
      int count = countByLength[length];
      countByLength[length] = start;
      start += count;
    }
    for (int i = 0; i < size; i++) {
      int length = batch.length(i);
      int position = countByLength[length]++;
      original[position] = i;
      lengths[position] = length;
    }
    active = Workspace.grow(active, steps);
    int rows = size;
    for (int t = 0; t < steps; t++) {
      while (rows > 0 && lengths[rows - 1] <= t) {
        rows--;
      }
      active[t] = rows;
    }
  }

  /** Sequences in the batch. */
  int size() {
    return size;
  }

  /** Steps computed: the longest real length. */
  int steps() {
    return steps;
  }

  /** Steps of the caller's arrays (at least {@link #steps()}). */
  int batchSteps() {
    return batchSteps;
  }

  /** Rows with a real step t; they are the sorted positions 0 to active(t) - 1. */
  int active(int t) {
    return active[t];
  }

  /** Real steps of the sequence at sorted position i. */
  int length(int i) {
    return lengths[i];
  }

  /** The original index of the sequence at sorted position i. */
  int original(int i) {
    return original[i];
  }

  /** Batch-first, original order [size][batchSteps][width] to time-major, sorted [steps][size][width]; padding set to zero. */
  void toTimeMajor(float[] src, int width, float[] dst) {
    for (int t = 0; t < steps; t++) {
      int rows = active[t];
      for (int i = 0; i < rows; i++) {
        System.arraycopy(src, (original[i] * batchSteps + t) * width, dst, (t * size + i) * width, width);
      }
      Arrays.fill(dst, (t * size + rows) * width, (t + 1) * size * width, 0f);
    }
  }

  /** Time-major, sorted [steps][size][width] to batch-first, original order [size][batchSteps][width]; zeros on padding. */
  void toBatchFirst(float[] src, int width, float[] dst) {
    for (int i = 0; i < size; i++) {
      int first = original[i] * batchSteps * width;
      for (int t = 0; t < lengths[i]; t++) {
        System.arraycopy(src, (t * size + i) * width, dst, first + t * width, width);
      }
      Arrays.fill(dst, first + lengths[i] * width, first + batchSteps * width, 0f);
    }
  }

  /** Sorted rows [size][width] to original order. */
  void unsortRows(float[] src, int width, float[] dst) {
    for (int i = 0; i < size; i++) {
      System.arraycopy(src, i * width, dst, original[i] * width, width);
    }
  }

  /**
   * For each row of the dense part (sorted sequences, or time-major steps when {@code perStep}), the row of
   * the caller's targets it answers to, or -1 for a padded step.
   */
  int[] targetRows(boolean perStep) {
    int rows = perStep ? steps * size : size;
    targetRows = Workspace.grow(targetRows, rows);
    if (!perStep) {
      System.arraycopy(original, 0, targetRows, 0, size);
      return targetRows;
    }
    for (int t = 0; t < steps; t++) {
      for (int i = 0; i < size; i++) {
        targetRows[t * size + i] = t < lengths[i] ? original[i] * batchSteps + t : -1;
      }
    }
    return targetRows;
  }
}
