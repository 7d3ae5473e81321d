package org.bigru.model.train;

import java.util.Map;
import org.bigru.kernels.Kernels;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;
import org.bigru.model.io.Tensor;

/**
 * Adam with PyTorch's formula ({@code torch.optim.Adam}, no weight decay, no amsgrad) and defaults
 * lr 1e-3, betas (0.9, 0.999), eps 1e-8:
 * <pre>
 * m = beta1 m + (1 - beta1) g          v = beta2 v + (1 - beta2) g^2
 * w -= (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * MATLAB's 'adam' (GradientDecayFactor, SquaredGradientDecayFactor, Epsilon) has the same defaults. Every
 * parameter steps together, so one step count t serves them all; checkpoints keep it per parameter, as
 * PyTorch's state does.
 */
public final class Adam extends ArenaOptimizer {

  private final Kernels kernels = Kernels.get();
  private final float beta1;
  private final float beta2;
  private final float eps;
  private int step;

  public Adam() {
    this(1e-3f);
  }

  public Adam(float lr) {
    this(lr, 0.9f, 0.999f, 1e-8f);
  }

  public Adam(float lr, float beta1, float beta2, float eps) {
    super(lr, "m", "v");
    this.beta1 = checkDecay("beta1", beta1);
    this.beta2 = checkDecay("beta2", beta2);
    this.eps = checkEpsilon("Adam eps", eps);
  }

  @Override
  void update(ParameterArena parameters, float[][] buffers, float lr, boolean firstStep) {
    if (firstStep) {
      step = 0;
    }
    step++;
    kernels.adam(parameters.size(), parameters.values(), 0, parameters.grads(), 0, buffers[0], 0, buffers[1], 0,
        lr, beta1, beta2, eps, step);
  }

  @Override
  void putExtraState(Parameter p, Map<String, Tensor> state) {
    state.put(p.name() + "/step", Tensor.ofLongs(new int[] {1}, new long[] {step}));
  }

  @Override
  void clearExtraState() {
    step = 0;
  }

  @Override
  void restoreExtraState(Parameter p, Map<String, Tensor> state) {
    Tensor t = state.get(p.name() + "/step");
    if (t == null || t.dtype().isFloating() || t.size() != 1 || t.longs()[0] < 1
        || t.longs()[0] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("Adam state of '" + p.name() + "' needs m, v and a positive step");
    }
    int restored = (int) t.longs()[0];
    if (step != 0 && restored != step) {
      throw new IllegalArgumentException("Adam state of '" + p.name() + "' is at step " + restored
          + ", the other parameters' at step " + step);
    }
    step = restored;
  }
}
