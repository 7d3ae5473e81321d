package org.bigru.model.train;

import org.bigru.kernels.Kernels;
import org.bigru.model.ParameterArena;

/**
 * Stochastic gradient descent with momentum, PyTorch's formula ({@code torch.optim.SGD}, dampening 0, not
 * Nesterov) with MATLAB's 'sgdm' defaults (momentum 0.9, learning rate 0.01):
 * <pre>
 * b = g (first step), b = momentum b + g (later steps);   w -= lr b
 * </pre>
 * With a constant learning rate this equals MATLAB's {@code v = momentum v - lr g; w += v}; they differ only
 * in when a changed learning rate takes effect on the velocity.
 */
public final class SgdMomentum extends ArenaOptimizer {

  private final Kernels kernels = Kernels.get();
  private final float momentum;

  public SgdMomentum(float lr) {
    this(lr, 0.9f);
  }

  public SgdMomentum(float lr, float momentum) {
    super(lr, "velocity");
    this.momentum = checkDecay("momentum", momentum);
  }

  @Override
  void update(ParameterArena parameters, float[][] buffers, float lr, boolean firstStep) {
    int n = parameters.size();
    float[] velocity = buffers[0];
    if (firstStep) {
      System.arraycopy(parameters.grads(), 0, velocity, 0, n);
    } else {
      kernels.scale(n, momentum, velocity, 0);
      kernels.axpy(n, 1f, parameters.grads(), 0, velocity, 0);
    }
    kernels.axpy(n, -lr, velocity, 0, parameters.values(), 0);
  }
}
