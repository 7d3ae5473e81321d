package org.bigru.model;

/** A hidden fully connected layer, acting on each row (sequence or step) it receives. */
public record DenseLayerSpec(int units, Activation activation) implements LayerSpec {

  public DenseLayerSpec {
    if (units < 1) {
      throw new IllegalArgumentException("a dense layer needs at least 1 unit, not " + units);
    }
    if (activation == null) {
      throw new IllegalArgumentException("activation is required");
    }
  }

  @Override
  public int outputWidth(int inputWidth) {
    return units;
  }
}
