package org.bigru.model.train;

import java.util.List;
import org.bigru.kernels.Kernels;
import org.bigru.model.Parameter;

/** What the training step does to gradients between backward and the optimizer. */
final class Gradients {

  private Gradients() {
  }

  /** grad += l2 * w for weights only, as MATLAB's L2Regularization (biases are not regularized). */
  static void addL2(List<Parameter> parameters, float l2, Kernels kernels) {
    if (l2 == 0) {
      return;
    }
    for (Parameter p : parameters) {
      if (p.isWeight()) {
        kernels.axpy(p.size(), l2, p.value(), 0, p.grad(), 0);
      }
    }
  }

  /** Clamps every gradient element to [-limit, limit]. */
  static void clipByValue(List<Parameter> parameters, float limit) {
    if (limit == Float.POSITIVE_INFINITY) {
      return;
    }
    for (Parameter p : parameters) {
      float[] g = p.grad();
      for (int i = 0; i < g.length; i++) {
        g[i] = Math.max(-limit, Math.min(limit, g[i]));
      }
    }
  }

  /** Scales each parameter's gradient by threshold / norm when its own L2 norm exceeds the threshold. */
  static void clipEachByNorm(List<Parameter> parameters, double threshold, Kernels kernels) {
    if (threshold == Double.POSITIVE_INFINITY) {
      return;
    }
    for (Parameter p : parameters) {
      double norm = Math.sqrt(kernels.sumOfSquares(p.size(), p.grad(), 0));
      if (norm > threshold) {
        kernels.scale(p.size(), (float) (threshold / norm), p.grad(), 0);
      }
    }
  }

  /**
   * Scales all gradients by threshold / norm when their global L2 norm exceeds the threshold (PyTorch's
   * clip_grad_norm_ without its 1e-6). Returns the norm before clipping.
   */
  static double clipByGlobalNorm(List<Parameter> parameters, double threshold, Kernels kernels) {
    if (threshold == Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    double sum = 0;
    for (Parameter p : parameters) {
      sum += kernels.sumOfSquares(p.size(), p.grad(), 0);
    }
    double norm = Math.sqrt(sum);
    if (norm > threshold) {
      float factor = (float) (threshold / norm);
      for (Parameter p : parameters) {
        kernels.scale(p.size(), factor, p.grad(), 0);
      }
    }
    return norm;
  }
}
