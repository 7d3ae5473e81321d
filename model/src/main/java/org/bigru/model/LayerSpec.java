package org.bigru.model;

/**
 * One layer of a network's stack, as a {@link ModelConfig} lists them: recurrent (either cell), dense,
 * dropout, or the output layer that ends every stack.
 */
public sealed interface LayerSpec permits RecurrentLayerSpec, DenseLayerSpec, DropoutLayerSpec, OutputLayerSpec {

  /** Width of what the layer passes on, given the width it receives. */
  int outputWidth(int inputWidth);
}
