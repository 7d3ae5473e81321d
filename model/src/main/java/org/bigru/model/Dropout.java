package org.bigru.model;

import java.util.SplittableRandom;

/** Inverted dropout: keeps each value with probability 1 - p, scaled by 1 / (1 - p), so inference is the identity. */
final class Dropout {

  private final float probability;
  private final float keptScale;
  private float[] mask = new float[0];
  private float[] output = new float[0];
  private int count;

  Dropout(double probability) {
    this.probability = (float) probability;
    this.keptScale = (float) (1.0 / (1.0 - probability));
  }

  /** y = x * mask over count values, drawing a fresh mask from rng in index order. */
  float[] forward(float[] x, int valueCount, SplittableRandom rng) {
    count = valueCount;
    mask = Workspace.grow(mask, count);
    output = Workspace.grow(output, count);
    for (int i = 0; i < count; i++) {
      mask[i] = uniform(rng) < probability ? 0f : keptScale;
      output[i] = x[i] * mask[i];
    }
    return output;
  }

  /** Uniform in [0, 1) from the top 24 bits, spelled out so that it cannot change with the JDK. */
  private static float uniform(SplittableRandom rng) {
    return (rng.nextInt() >>> 8) * 0x1.0p-24f;
  }

  /** dx = dy * mask, in place in dy. */
  void backwardInPlace(float[] outputGrad) {
    for (int i = 0; i < count; i++) {
      outputGrad[i] *= mask[i];
    }
  }
}
