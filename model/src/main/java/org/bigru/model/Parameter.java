package org.bigru.model;

import java.util.Arrays;

/**
 * A trainable tensor, named as in PyTorch's {@code state_dict} (for example {@code gru.weight_ih_l0_reverse},
 * {@code fc.bias}): a named view of {@link #size()} consecutive floats in a {@link ParameterArena}'s values,
 * and the same range of its gradients. Values are row-major float32.
 *
 * <p>A parameter is declared by its layer, then bound once to the arena that holds it; kernels read and write
 * it in place as {@code (values(), offset())}.
 */
public final class Parameter {

  private final String name;
  private final int[] shape;
  private final int size;
  private final boolean weight;
  private ParameterArena arena;
  private int offset;

  /**
   * @param weight true for weight matrices (L2 regularization applies), false for biases
   */
  public Parameter(String name, int[] shape, boolean weight) {
    this.name = name;
    this.shape = shape.clone();
    int count = 1;
    for (int d : shape) {
      if (d < 1) {
        throw new IllegalArgumentException("parameter '" + name + "' has shape " + Arrays.toString(shape)
            + ": every dimension must be at least 1");
      }
      count = Math.multiplyExact(count, d);
    }
    this.size = count;
    this.weight = weight;
  }

  void bind(ParameterArena owner, int start) {
    if (arena != null) {
      throw new IllegalStateException("parameter '" + name + "' already belongs to an arena");
    }
    arena = owner;
    offset = start;
  }

  public String name() {
    return name;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int size() {
    return size;
  }

  /** Whether this is a weight (regularized) rather than a bias. */
  public boolean isWeight() {
    return weight;
  }

  /** The arena's values, shared: this parameter is {@code [offset(), offset() + size())} of it. */
  public float[] values() {
    return arena().values();
  }

  /** The arena's gradients, shared; same layout as {@link #values()}. */
  public float[] grads() {
    return arena().grads();
  }

  /** Where this parameter starts in {@link #values()} and {@link #grads()}. */
  public int offset() {
    arena();
    return offset;
  }

  public float get(int i) {
    return values()[offset + check(i)];
  }

  public void set(int i, float value) {
    values()[offset + check(i)] = value;
  }

  public float grad(int i) {
    return grads()[offset + check(i)];
  }

  /** A copy of the values. */
  public float[] copyOfValues() {
    return Arrays.copyOfRange(values(), offset, offset + size);
  }

  /** A copy of the gradient. */
  public float[] copyOfGrads() {
    return Arrays.copyOfRange(grads(), offset, offset + size);
  }

  /** Overwrites the values with {@code source}, which must hold exactly {@link #size()} floats. */
  public void setValues(float[] source) {
    if (source.length != size) {
      throw new IllegalArgumentException("parameter '" + name + "' holds " + size + " values, not " + source.length);
    }
    System.arraycopy(source, 0, values(), offset, size);
  }

  /** Overwrites the gradient with {@code source}, which must hold exactly {@link #size()} floats. */
  public void setGrads(float[] source) {
    if (source.length != size) {
      throw new IllegalArgumentException("parameter '" + name + "' holds " + size + " values, not " + source.length);
    }
    System.arraycopy(source, 0, grads(), offset, size);
  }

  private ParameterArena arena() {
    if (arena == null) {
      throw new IllegalStateException("parameter '" + name + "' is not in an arena yet");
    }
    return arena;
  }

  private int check(int i) {
    if (i < 0 || i >= size) {
      throw new IndexOutOfBoundsException("element " + i + " of parameter '" + name + "' of size " + size);
    }
    return i;
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
