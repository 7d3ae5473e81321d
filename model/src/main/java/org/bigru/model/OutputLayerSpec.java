package org.bigru.model;

/**
 * The output layer {@code fc}, linear, that ends every stack: responses for regression, class scores for
 * classification (softmax is part of the classification loss).
 */
public record OutputLayerSpec(int size) implements LayerSpec {

  public OutputLayerSpec {
    if (size < 1) {
      throw new IllegalArgumentException("output size must be at least 1, not " + size);
    }
  }

  @Override
  public int outputWidth(int inputWidth) {
    return size;
  }
}
