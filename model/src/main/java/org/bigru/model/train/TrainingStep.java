package org.bigru.model.train;

import org.bigru.kernels.Kernels;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;

/**
 * What follows the gradients of a batch, in this order: the non-finite check, L2 regularization of the weights,
 * clipping (by value, per parameter, by global norm), and the optimizer's update. {@link Trainer} drives it
 * after each batch's backward pass; another driver (a cluster summing the gradients of several workers into
 * the arena) drives it the same way, so that both give the same weights from the same gradients.
 */
public final class TrainingStep {

  private final Kernels kernels = Kernels.get();
  private final ParameterArena parameters;
  private final Optimizer optimizer;
  private final float l2;
  private final float clipValue;
  private final double parameterThreshold;
  private final double globalThreshold;

  /** A step over {@code parameters} with the options' regularization, clipping and a fresh optimizer. */
  public TrainingStep(ParameterArena parameters, TrainingOptions options) {
    this.parameters = parameters;
    this.optimizer = options.createOptimizer();
    this.l2 = (float) options.l2Regularization();
    this.clipValue = (float) options.gradientClipValue();
    this.parameterThreshold = options.parameterGradientThreshold();
    this.globalThreshold = options.gradientThreshold();
  }

  public ParameterArena parameters() {
    return parameters;
  }

  /** The optimizer, for its learning rate and its state in checkpoints. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /**
   * Applies the arena's gradients for a batch whose loss was {@code loss}: returns null when it did, or, when
   * the loss or a gradient is not finite, what is not finite, changing nothing.
   */
  public String apply(double loss) {
    String fault = nonFinite(loss);
    if (fault != null) {
      return fault;
    }
    Gradients.addL2(parameters, l2, kernels);
    Gradients.clipByValue(parameters, clipValue);
    Gradients.clipEachByNorm(parameters, parameterThreshold, kernels);
    Gradients.clipByGlobalNorm(parameters, globalThreshold, kernels);
    optimizer.step(parameters);
    return null;
  }

  /** What is not finite about the loss and the gradients, or null when all are finite. */
  private String nonFinite(double loss) {
    if (!Double.isFinite(loss)) {
      return "non-finite loss " + loss;
    }
    float[] g = parameters.grads();
    for (int i = 0; i < g.length; i++) {
      if (!Float.isFinite(g[i])) {
        for (Parameter p : parameters.parameters()) {
          if (i < p.offset() + p.size()) {
            return "non-finite gradient " + g[i] + " of '" + p.name() + "' at element " + (i - p.offset());
          }
        }
      }
    }
    return null;
  }
}
