package org.bigru.model.train;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.Parameter;
import org.bigru.model.io.Tensor;

/**
 * RMSProp with MATLAB's 'rmsprop' formula and defaults (SquaredGradientDecayFactor 0.9, Epsilon 1e-8,
 * learning rate 1e-3), chosen over PyTorch's defaults (alpha 0.99) because the MATLAB facade maps onto it:
 * <pre>
 * v = decay v + (1 - decay) g^2;   w -= lr g / (sqrt(v) + eps)
 * </pre>
 * This is also {@code torch.optim.RMSprop} with {@code alpha = decay} (no momentum, not centered).
 */
public final class RmsProp implements Optimizer {

  private final Map<Parameter, float[]> squares = new IdentityHashMap<>();
  private final float decay;
  private final float eps;
  private double learningRate;

  public RmsProp(float lr) {
    this(lr, 0.9f, 1e-8f);
  }

  public RmsProp(float lr, float decay, float eps) {
    this.learningRate = Optimizer.checkLearningRate(lr);
    this.decay = Adam.checkDecay("squared gradient decay", decay);
    if (!(eps > 0) || Float.isInfinite(eps)) {
      throw new IllegalArgumentException("RMSProp epsilon must be finite and > 0, not " + eps);
    }
    this.eps = eps;
  }

  @Override
  public void step(List<Parameter> parameters) {
    float lr = (float) learningRate;
    float keep = 1f - decay;
    for (Parameter p : parameters) {
      float[] v = squares.computeIfAbsent(p, q -> new float[q.size()]);
      float[] w = p.value();
      float[] g = p.grad();
      for (int i = 0; i < v.length; i++) {
        float gi = g[i];
        v[i] = decay * v[i] + keep * gi * gi;
        w[i] -= lr * gi / ((float) Math.sqrt(v[i]) + eps);
      }
    }
  }

  @Override
  public Map<String, Tensor> state(List<Parameter> parameters) {
    return Optimizer.bufferState(parameters, squares, "square");
  }

  @Override
  public void restoreState(List<Parameter> parameters, Map<String, Tensor> state) {
    Optimizer.restoreBuffers(parameters, state, squares, "square");
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
