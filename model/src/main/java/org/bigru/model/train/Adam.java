package org.bigru.model.train;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.kernels.Kernels;
import org.bigru.model.Parameter;
import org.bigru.model.io.Tensor;

/**
 * Adam with PyTorch's formula ({@code torch.optim.Adam}, no weight decay, no amsgrad) and defaults
 * lr 1e-3, betas (0.9, 0.999), eps 1e-8; the step count is kept per parameter as PyTorch does:
 * <pre>
 * m = beta1 m + (1 - beta1) g          v = beta2 v + (1 - beta2) g^2
 * w -= (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * MATLAB's 'adam' (GradientDecayFactor, SquaredGradientDecayFactor, Epsilon) has the same defaults.
 */
public final class Adam implements Optimizer {

  private static final class State {
    final float[] m;
    final float[] v;
    int step;

    State(int size) {
      m = new float[size];
      v = new float[size];
    }
  }

  private final Kernels kernels = Kernels.get();
  private final Map<Parameter, State> states = new IdentityHashMap<>();
  private final float beta1;
  private final float beta2;
  private final float eps;
  private double learningRate;

  public Adam() {
    this(1e-3f);
  }

  public Adam(float lr) {
    this(lr, 0.9f, 0.999f, 1e-8f);
  }

  public Adam(float lr, float beta1, float beta2, float eps) {
    this.learningRate = Optimizer.checkLearningRate(lr);
    this.beta1 = checkDecay("beta1", beta1);
    this.beta2 = checkDecay("beta2", beta2);
    if (!(eps > 0) || Float.isInfinite(eps)) {
      throw new IllegalArgumentException("Adam eps must be finite and > 0, not " + eps);
    }
    this.eps = eps;
  }

  static float checkDecay(String name, float decay) {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), not " + decay);
    }
    return decay;
  }

  @Override
  public void step(List<Parameter> parameters) {
    float lr = (float) learningRate;
    for (Parameter p : parameters) {
      State s = states.computeIfAbsent(p, q -> new State(q.size()));
      s.step++;
      kernels.adam(p.size(), p.value(), 0, p.grad(), 0, s.m, 0, s.v, 0, lr, beta1, beta2, eps, s.step);
    }
  }

  @Override
  public Map<String, Tensor> state(List<Parameter> parameters) {
    Map<String, Tensor> state = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      State s = states.get(p);
      if (s != null) {
        state.put(p.name() + "/m", Tensor.ofFloats(new int[] {p.size()}, s.m.clone()));
        state.put(p.name() + "/v", Tensor.ofFloats(new int[] {p.size()}, s.v.clone()));
        state.put(p.name() + "/step", Tensor.ofLongs(new int[] {1}, new long[] {s.step}));
      }
    }
    return state;
  }

  @Override
  public void restoreState(List<Parameter> parameters, Map<String, Tensor> state) {
    states.clear();
    for (Parameter p : parameters) {
      float[] m = Optimizer.buffer(state, p, "m");
      float[] v = Optimizer.buffer(state, p, "v");
      Tensor step = state.get(p.name() + "/step");
      if (m == null && v == null && step == null) {
        continue;
      }
      if (m == null || v == null || step == null || step.dtype().isFloating() || step.size() != 1
          || step.longs()[0] < 1 || step.longs()[0] > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("Adam state of '" + p.name() + "' needs m, v and a positive step");
      }
      State s = new State(p.size());
      System.arraycopy(m, 0, s.m, 0, m.length);
      System.arraycopy(v, 0, s.v, 0, v.length);
      s.step = (int) step.longs()[0];
      states.put(p, s);
    }
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
