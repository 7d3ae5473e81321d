package org.bigru.model;

import java.util.List;

/**
 * The output layer {@code fc}, linear, that ends every stack: responses for regression, class scores for
 * classification (softmax is part of the classification loss).
 *
 * <p>With {@code quantiles} (regression only), each response has one output per quantile level, the levels
 * innermost ({@code size} = responses x levels), trained with the pinball loss ({@link PinballLoss}); at
 * prediction each response's quantiles are put in ascending order ({@link Network#predict}).
 *
 * @param size      outputs
 * @param quantiles quantile levels, ascending, each in (0, 1); empty for a point prediction (the usual case)
 */
public record OutputLayerSpec(int size, List<Double> quantiles) implements LayerSpec {

  public OutputLayerSpec {
    if (size < 1) {
      throw new IllegalArgumentException("output size must be at least 1, not " + size);
    }
    quantiles = quantiles == null ? List.of() : List.copyOf(quantiles);
    checkQuantiles(quantiles);
    if (!quantiles.isEmpty() && size % quantiles.size() != 0) {
      throw new IllegalArgumentException(size + " outputs are not a whole number of responses of "
          + quantiles.size() + " quantiles each");
    }
  }

  /** A point-prediction output layer. */
  public OutputLayerSpec(int size) {
    this(size, List.of());
  }

  /**
   * Refuses quantile levels that are not strictly ascending numbers in (0, 1) ("quantile 2 is 1.5, expected a
   * level in (0, 1)", "quantile 2 (0.1) is not above quantile 1 (0.5): levels must be given in ascending order").
   */
  public static void checkQuantiles(List<Double> levels) {
    for (int i = 0; i < levels.size(); i++) {
      Double q = levels.get(i);
      if (q == null || !(q > 0 && q < 1)) {
        throw new IllegalArgumentException("quantile " + (i + 1) + " is " + q + ", expected a level in (0, 1)");
      }
      if (i > 0 && !(q > levels.get(i - 1))) {
        throw new IllegalArgumentException("quantile " + (i + 1) + " (" + q + ") is not above quantile " + i + " ("
            + levels.get(i - 1) + "): levels must be given in ascending order, each once");
      }
    }
  }

  /** Responses the outputs stand for: {@code size} without quantiles, else size / levels. */
  public int responses() {
    return quantiles.isEmpty() ? size : size / quantiles.size();
  }

  @Override
  public int outputWidth(int inputWidth) {
    return size;
  }
}
