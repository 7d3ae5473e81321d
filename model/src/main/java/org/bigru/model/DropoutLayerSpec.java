package org.bigru.model;

/** Inverted dropout on what the previous layer passes on, during training only. */
public record DropoutLayerSpec(double probability) implements LayerSpec {

  public DropoutLayerSpec {
    if (!(probability >= 0 && probability < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), not " + probability);
    }
  }

  @Override
  public int outputWidth(int inputWidth) {
    return inputWidth;
  }
}
