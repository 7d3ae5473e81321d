package org.bigru.model.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Targets;

/**
 * Cuts a {@link Dataset} into mini-batches in an order that a seeded shuffle may change. Each batch is
 * right-padded to its longest sequence (MATLAB's SequenceLength 'longest'): padded inputs and responses are
 * zero, padded class ids -1. The last batch holds the remainder (it is kept, as Keras does).
 *
 * <p>Buffers are reused: a batch's arrays are valid until the next call of {@link #batch}. They are cached by
 * size, so once every batch shape has been seen no more are allocated.
 */
public final class MiniBatches {

  /**
   * One batch: the input, its targets (null without), the number of loss rows it holds (sequences, or real
   * steps for per-step targets), and the position in the current order of its first sequence.
   */
  public record Batch(SequenceBatch input, Targets targets, int rows, int first) {
  }

  private static final int MAX_CACHED_SHAPES = 64;

  private final Dataset data;
  private final int batchSize;
  private final int[] order;
  private final Map<Long, float[]> floatBuffers = new HashMap<>();
  private final Map<Integer, int[]> intBuffers = new HashMap<>();
  private final Map<Integer, int[]> lengthBuffers = new HashMap<>();

  public MiniBatches(Dataset data, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("mini-batch size must be at least 1, not " + batchSize);
    }
    this.data = data;
    this.batchSize = batchSize;
    this.order = new int[data.size()];
    resetOrder();
  }

  /** Batches per pass over the data. */
  public int count() {
    return (data.size() + batchSize - 1) / batchSize;
  }

  /** Back to data order. */
  public void resetOrder() {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
  }

  /** Fisher-Yates shuffle of the current order. */
  public void shuffle(RandomGenerator rng) {
    shuffle(order, rng);
  }

  /**
   * Fisher-Yates shuffle of {@code order} in place, drawing {@code rng.nextInt(i + 1)} for i from the last
   * position down: the one shuffle of every training order, wherever the data is held.
   */
  public static void shuffle(int[] order, RandomGenerator rng) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** The current order: position to data index (a copy, for a training checkpoint). */
  public int[] order() {
    return order.clone();
  }

  /** Sets the current order, a permutation of the data indices (from {@link #order()} of a checkpoint). */
  public void setOrder(int[] permutation) {
    requirePermutation(permutation, order.length);
    System.arraycopy(permutation, 0, order, 0, order.length);
  }

  /** Refuses an order that is not a permutation of 0..size-1 (a damaged checkpoint's). */
  public static void requirePermutation(int[] permutation, int size) {
    if (permutation.length != size) {
      throw new IllegalArgumentException("an order of " + permutation.length + " positions for " + size
          + " sequences");
    }
    boolean[] seen = new boolean[size];
    for (int index : permutation) {
      if (index < 0 || index >= size || seen[index]) {
        throw new IllegalArgumentException("the order is not a permutation of 0.." + (size - 1));
      }
      seen[index] = true;
    }
  }

  /** The data index of the sequence at this position of the current order. */
  public int indexAt(int position) {
    return order[position];
  }

  /** Batch number b of the current order, in reused buffers. */
  public Batch batch(int b) {
    if (b < 0 || b >= count()) {
      throw new IllegalArgumentException("batch " + b + " outside [0, " + count() + ")");
    }
    int first = b * batchSize;
    int size = Math.min(batchSize, order.length - first);
    int features = data.features();
    int steps = 0;
    boolean ragged = false;
    for (int k = 0; k < size; k++) {
      int len = data.length(order[first + k]);
      ragged |= k > 0 && len != steps;
      steps = Math.max(steps, len);
    }
    float[] x = floats(Math.multiplyExact(size * steps, features), 0);
    int[] lengths = ragged ? lengthBuffers.computeIfAbsent(size, int[]::new) : null;
    int realSteps = 0;
    for (int k = 0; k < size; k++) {
      int i = order[first + k];
      float[] s = data.sequence(i);
      System.arraycopy(s, 0, x, k * steps * features, s.length);
      if (lengths != null) {
        lengths[k] = data.length(i);
      }
      realSteps += data.length(i);
    }
    SequenceBatch input = new SequenceBatch(x, size, steps, features, lengths);
    TargetKind kind = data.kind();
    int outputs = data.outputs();
    Targets targets;
    switch (kind) {
      case NONE:
        return new Batch(input, null, 0, first);
      case SEQUENCE_RESPONSES: {
        float[] y = floats(size * outputs, 1);
        for (int k = 0; k < size; k++) {
          System.arraycopy(data.responses(order[first + k]), 0, y, k * outputs, outputs);
        }
        targets = Targets.responses(y, outputs);
        break;
      }
      case STEP_RESPONSES: {
        float[] y = floats(size * steps * outputs, 1);
        for (int k = 0; k < size; k++) {
          float[] r = data.responses(order[first + k]);
          System.arraycopy(r, 0, y, k * steps * outputs, r.length);
        }
        targets = Targets.responses(y, outputs);
        break;
      }
      case SEQUENCE_CLASSES: {
        int[] labels = ints(size);
        for (int k = 0; k < size; k++) {
          labels[k] = data.classIds(order[first + k])[0];
        }
        targets = Targets.classes(labels);
        break;
      }
      case STEP_CLASSES: {
        int[] labels = ints(size * steps);
        for (int k = 0; k < size; k++) {
          int[] c = data.classIds(order[first + k]);
          System.arraycopy(c, 0, labels, k * steps, c.length);
        }
        targets = Targets.classes(labels);
        break;
      }
      default:
        throw new AssertionError(kind);
    }
    return new Batch(input, targets, kind.isPerStep() ? realSteps : size, first);
  }

  /** A zeroed float buffer of exactly n values; slot separates inputs from responses of the same size. */
  private float[] floats(int n, int slot) {
    if (floatBuffers.size() > MAX_CACHED_SHAPES) {
      floatBuffers.clear();
    }
    float[] buffer = floatBuffers.computeIfAbsent(2L * n + slot, key -> new float[n]);
    Arrays.fill(buffer, 0f);
    return buffer;
  }

  /** An int buffer of exactly n values, all -1 (padding). */
  private int[] ints(int n) {
    if (intBuffers.size() > MAX_CACHED_SHAPES) {
      intBuffers.clear();
    }
    int[] buffer = intBuffers.computeIfAbsent(n, int[]::new);
    Arrays.fill(buffer, -1);
    return buffer;
  }
}
