package org.bigru.model;

import java.util.Arrays;

/**
 * A trainable tensor with its gradient, named as in PyTorch's {@code state_dict} (for example
 * {@code gru.weight_ih_l0_reverse}, {@code fc.bias}). Values are row-major float32.
 */
public final class Parameter {

  private final String name;
  private final int[] shape;
  private final float[] value;
  private final float[] grad;
  private final boolean weight;

  /**
   * @param weight true for weight matrices (L2 regularization applies), false for biases
   */
  public Parameter(String name, int[] shape, boolean weight) {
    this.name = name;
    this.shape = shape.clone();
    int size = 1;
    for (int d : shape) {
      size = Math.multiplyExact(size, d);
    }
    this.value = new float[size];
    this.grad = new float[size];
    this.weight = weight;
  }

  public String name() {
    return name;
  }

  public int[] shape() {
    return shape.clone();
  }

  public int size() {
    return value.length;
  }

  /** The values, shared (not a copy): layers compute on them in place. */
  public float[] value() {
    return value;
  }

  /** The gradient, shared (not a copy); same layout as the values. */
  public float[] grad() {
    return grad;
  }

  /** Whether this is a weight (regularized) rather than a bias. */
  public boolean isWeight() {
    return weight;
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape);
  }
}
