package org.bigru.model.train;

import org.bigru.model.ParameterArena;

/**
 * RMSProp with MATLAB's 'rmsprop' formula and defaults (SquaredGradientDecayFactor 0.9, Epsilon 1e-8,
 * learning rate 1e-3), chosen over PyTorch's defaults (alpha 0.99) because the MATLAB facade maps onto it:
 * <pre>
 * v = decay v + (1 - decay) g^2;   w -= lr g / (sqrt(v) + eps)
 * </pre>
 * This is also {@code torch.optim.RMSprop} with {@code alpha = decay} (no momentum, not centered).
 */
public final class RmsProp extends ArenaOptimizer {

  private final float decay;
  private final float eps;

  public RmsProp(float lr) {
    this(lr, 0.9f, 1e-8f);
  }

  public RmsProp(float lr, float decay, float eps) {
    super(lr, "square");
    this.decay = checkDecay("squared gradient decay", decay);
    this.eps = checkEpsilon("RMSProp epsilon", eps);
  }

  @Override
  void update(ParameterArena parameters, float[][] buffers, float lr, boolean firstStep) {
    float keep = 1f - decay;
    float[] v = buffers[0];
    float[] w = parameters.values();
    float[] g = parameters.grads();
    for (int i = 0; i < v.length; i++) {
      float gi = g[i];
      v[i] = decay * v[i] + keep * gi * gi;
      w[i] -= lr * gi / ((float) Math.sqrt(v[i]) + eps);
    }
  }
}
