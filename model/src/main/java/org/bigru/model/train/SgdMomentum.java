package org.bigru.model.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.kernels.Kernels;
import org.bigru.model.Parameter;
import org.bigru.model.io.Tensor;

/**
 * Stochastic gradient descent with momentum, PyTorch's formula ({@code torch.optim.SGD}, dampening 0, not
 * Nesterov) with MATLAB's 'sgdm' defaults (momentum 0.9, learning rate 0.01):
 * <pre>
 * b = g (first step), b = momentum b + g (later steps);   w -= lr b
 * </pre>
 * With a constant learning rate this equals MATLAB's {@code v = momentum v - lr g; w += v}; they differ only
 * in when a changed learning rate takes effect on the velocity.
 */
public final class SgdMomentum implements Optimizer {

  private final Kernels kernels = Kernels.get();
  private final Map<Parameter, float[]> velocities = new IdentityHashMap<>();
  private final float momentum;
  private double learningRate;

  public SgdMomentum(float lr) {
    this(lr, 0.9f);
  }

  public SgdMomentum(float lr, float momentum) {
    this.learningRate = Optimizer.checkLearningRate(lr);
    this.momentum = Adam.checkDecay("momentum", momentum);
  }

  @Override
  public void step(List<Parameter> parameters) {
    float lr = (float) learningRate;
    for (Parameter p : parameters) {
      int n = p.size();
      float[] buffer = velocities.get(p);
      if (buffer == null) {
        buffer = p.grad().clone();
        velocities.put(p, buffer);
      } else {
        kernels.scale(n, momentum, buffer, 0);
        kernels.axpy(n, 1f, p.grad(), 0, buffer, 0);
      }
      kernels.axpy(n, -lr, buffer, 0, p.value(), 0);
    }
  }

  @Override
  public Map<String, Tensor> state(List<Parameter> parameters) {
    return Optimizer.bufferState(parameters, velocities, "velocity");
  }

  @Override
  public void restoreState(List<Parameter> parameters, Map<String, Tensor> state) {
    Optimizer.restoreBuffers(parameters, state, velocities, "velocity");
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double learningRate) {
    this.learningRate = Optimizer.checkLearningRate(learningRate);
  }
}
