package org.bigru.model;

/** A hidden fully connected layer between the recurrent stack and the output layer. */
public record DenseLayerSpec(int units, Activation activation) {

  public DenseLayerSpec {
    if (units < 1) {
      throw new IllegalArgumentException("a dense layer needs at least 1 unit, not " + units);
    }
    if (activation == null) {
      throw new IllegalArgumentException("activation is required");
    }
  }
}
