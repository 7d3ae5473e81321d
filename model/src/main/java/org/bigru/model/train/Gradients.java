package org.bigru.model.train;

import org.bigru.kernels.Kernels;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;

/** What the training step does to gradients between backward and the optimizer. */
final class Gradients {

  private Gradients() {
  }

  /** grad += l2 * w for weights only, as MATLAB's L2Regularization (biases are not regularized). */
  static void addL2(ParameterArena parameters, float l2, Kernels kernels) {
    if (l2 == 0) {
      return;
    }
    for (Parameter p : parameters.parameters()) {
      if (p.isWeight()) {
        kernels.axpy(p.size(), l2, p.values(), p.offset(), p.grads(), p.offset());
      }
    }
  }

  /** Clamps every gradient element to [-limit, limit]. */
  static void clipByValue(ParameterArena parameters, float limit) {
    if (limit == Float.POSITIVE_INFINITY) {
      return;
    }
    float[] g = parameters.grads();
    for (int i = 0; i < g.length; i++) {
      g[i] = Math.max(-limit, Math.min(limit, g[i]));
    }
  }

  /** Scales each parameter's gradient by threshold / norm when its own L2 norm exceeds the threshold. */
  static void clipEachByNorm(ParameterArena parameters, double threshold, Kernels kernels) {
    if (threshold == Double.POSITIVE_INFINITY) {
      return;
    }
    for (Parameter p : parameters.parameters()) {
      double norm = Math.sqrt(kernels.sumOfSquares(p.size(), p.grads(), p.offset()));
      if (norm > threshold) {
        kernels.scale(p.size(), (float) (threshold / norm), p.grads(), p.offset());
      }
    }
  }

  /**
   * Scales all gradients by threshold / norm when their global L2 norm exceeds the threshold (PyTorch's
   * clip_grad_norm_ without its 1e-6); the norm sums each parameter's square sum, as PyTorch does. Returns the
   * norm before clipping.
   */
  static double clipByGlobalNorm(ParameterArena parameters, double threshold, Kernels kernels) {
    if (threshold == Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    double sum = 0;
    for (Parameter p : parameters.parameters()) {
      sum += kernels.sumOfSquares(p.size(), p.grads(), p.offset());
    }
    double norm = Math.sqrt(sum);
    if (norm > threshold) {
      kernels.scale(parameters.size(), (float) (threshold / norm), parameters.grads(), 0);
    }
    return norm;
  }
}
