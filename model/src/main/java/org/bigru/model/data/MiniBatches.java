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
 * zero, padded class ids -1. The last batch holds the remainder (it is kept, as Keras does). A
 * {@link SequenceLength} other than the longest cuts each batch to its shortest sequence, or splits it in time
 * into {@link #pieces} of a fixed number of steps, aligned as the {@link PaddingDirection} says.
 *
 * <p>Buffers are reused: a batch's arrays are valid until the next call of {@link #batch}. They are cached by
 * size, so once every batch shape has been seen no more are allocated.
 */
public final class MiniBatches {

  /**
   * One batch: the input, its targets (null without), the number of loss rows it holds (sequences, or real
   * steps for per-step targets), the position in the current order of its first sequence, and for each row its
   * place in the mini-batch (0 to the batch size; a piece of a split batch holds only the sequences that have
   * real steps in it).
   */
  public record Batch(SequenceBatch input, Targets targets, int rows, int first, int[] members) {
  }

  private static final int MAX_CACHED_SHAPES = 64;

  private final Dataset data;
  private final int batchSize;
  private final SequenceLength length;
  private final PaddingDirection direction;
  private final int[] order;
  private final Map<Long, float[]> floatBuffers = new HashMap<>();
  private final Map<Integer, int[]> intBuffers = new HashMap<>();
  private final Map<Integer, int[]> lengthBuffers = new HashMap<>();
  private final Map<Integer, int[]> memberBuffers = new HashMap<>();
  private int[] from = new int[0];
  private int[] to = new int[0];

  /** Batches padded to their longest sequence. */
  public MiniBatches(Dataset data, int batchSize) {
    this(data, batchSize, SequenceLength.LONGEST, PaddingDirection.RIGHT);
  }

  public MiniBatches(Dataset data, int batchSize, SequenceLength length, PaddingDirection direction) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("mini-batch size must be at least 1, not " + batchSize);
    }
    if (length == null || direction == null) {
      throw new IllegalArgumentException("a sequence length and a padding direction are required");
    }
    this.data = data;
    this.batchSize = batchSize;
    this.length = length;
    this.direction = direction;
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

  /** Batch number b of the current order, in reused buffers (its first piece when it is split). */
  public Batch batch(int b) {
    return piece(b, 0);
  }

  /**
   * The training iterations batch b makes: 1, or with a splitting {@link SequenceLength} its longest sequence's
   * steps divided into pieces (rounded up).
   */
  public int pieces(int b) {
    checkBatch(b);
    if (length.kind() != SequenceLength.Kind.SPLIT) {
      return 1;
    }
    int first = b * batchSize;
    int size = Math.min(batchSize, order.length - first);
    int longest = 0;
    for (int k = 0; k < size; k++) {
      longest = Math.max(longest, data.length(order[first + k]));
    }
    return (longest + length.steps() - 1) / length.steps();
  }

  /**
   * Piece p of batch b, in reused buffers. Each sequence keeps the steps the sequence length gives it: all of
   * them ('longest'); as many as the batch's shortest has, its first ones (right) or last ones (left)
   * ('shortest'); or, split, the steps of piece p of the batch padded to its longest sequence (right: from
   * step 0, left: aligned on the last step), a sequence without steps there left out of the piece.
   */
  public Batch piece(int b, int p) {
    checkBatch(b);
    int first = b * batchSize;
    int size = Math.min(batchSize, order.length - first);
    if (from.length < size) {
      from = new int[size];
      to = new int[size];
    }
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (int k = 0; k < size; k++) {
      int len = data.length(order[first + k]);
      shortest = Math.min(shortest, len);
      longest = Math.max(longest, len);
    }
    int[] members = memberBuffers.computeIfAbsent(size, int[]::new);
    int rowsIn = 0;
    for (int k = 0; k < size; k++) {
      int len = data.length(order[first + k]);
      int lo = 0;
      int hi = len;
      switch (length.kind()) {
        case SHORTEST:
          lo = direction == PaddingDirection.RIGHT ? 0 : len - shortest;
          hi = lo + shortest;
          break;
        case SPLIT: {
          int offset = direction == PaddingDirection.RIGHT ? 0 : longest - len;
          int start = p * length.steps();
          int end = Math.min(start + length.steps(), longest);
          lo = Math.max(start, offset) - offset;
          hi = Math.min(end, offset + len) - offset;
          break;
        }
        default:
          break;
      }
      if (hi > lo) {
        members[rowsIn] = k;
        from[rowsIn] = lo;
        to[rowsIn] = hi;
        rowsIn++;
      }
    }
    if (rowsIn == 0) {
      throw new IllegalArgumentException("piece " + p + " of batch " + b + " holds no steps");
    }
    return assemble(first, rowsIn, members);
  }

  private void checkBatch(int b) {
    if (b < 0 || b >= count()) {
      throw new IllegalArgumentException("batch " + b + " outside [0, " + count() + ")");
    }
  }

  /** The batch of the rows of members, each its steps from[k] to to[k], in reused buffers. */
  private Batch assemble(int first, int size, int[] members) {
    int features = data.features();
    int steps = 0;
    boolean ragged = false;
    for (int k = 0; k < size; k++) {
      int len = to[k] - from[k];
      ragged |= k > 0 && len != steps;
      steps = Math.max(steps, len);
    }
    float[] x = floats(Math.multiplyExact(size * steps, features), 0);
    int[] lengths = ragged ? lengthBuffers.computeIfAbsent(size, int[]::new) : null;
    int realSteps = 0;
    for (int k = 0; k < size; k++) {
      int i = order[first + members[k]];
      int len = to[k] - from[k];
      System.arraycopy(data.sequence(i), from[k] * features, x, k * steps * features, len * features);
      if (lengths != null) {
        lengths[k] = len;
      }
      realSteps += len;
    }
    SequenceBatch input = new SequenceBatch(x, size, steps, features, lengths);
    TargetKind kind = data.kind();
    int outputs = data.outputs();
    Targets targets;
    switch (kind) {
      case NONE:
        return new Batch(input, null, 0, first, members);
      case SEQUENCE_RESPONSES: {
        float[] y = floats(size * outputs, 1);
        for (int k = 0; k < size; k++) {
          System.arraycopy(data.responses(order[first + members[k]]), 0, y, k * outputs, outputs);
        }
        targets = Targets.responses(y, outputs);
        break;
      }
      case STEP_RESPONSES: {
        float[] y = floats(size * steps * outputs, 1);
        for (int k = 0; k < size; k++) {
          float[] r = data.responses(order[first + members[k]]);
          System.arraycopy(r, from[k] * outputs, y, k * steps * outputs, (to[k] - from[k]) * outputs);
        }
        targets = Targets.responses(y, outputs);
        break;
      }
      case SEQUENCE_CLASSES: {
        int[] labels = ints(size);
        for (int k = 0; k < size; k++) {
          labels[k] = data.classIds(order[first + members[k]])[0];
        }
        targets = Targets.classes(labels);
        break;
      }
      case STEP_CLASSES: {
        int[] labels = ints(size * steps);
        for (int k = 0; k < size; k++) {
          int[] c = data.classIds(order[first + members[k]]);
          System.arraycopy(c, from[k], labels, k * steps, to[k] - from[k]);
        }
        targets = Targets.classes(labels);
        break;
      }
      default:
        throw new AssertionError(kind);
    }
    return new Batch(input, targets, kind.isPerStep() ? realSteps : size, first, members);
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
