package org.bigru.model;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Inverted dropout: keeps each value with probability 1 - p, scaled by 1 / (1 - p), so inference is the
 * identity. Active only in passes that carry a dropout generator (training).
 */
final class Dropout implements Layer {

  private final int width;
  private final float probability;
  private final float keptScale;
  private float[] mask = new float[0];
  private float[] output = new float[0];
  private int count;
  private boolean active;

  Dropout(int width, double probability) {
    this.width = width;
    this.probability = (float) probability;
    this.keptScale = (float) (1.0 / (1.0 - probability));
  }

  @Override
  public List<Parameter> parameters() {
    return List.of();
  }

  @Override
  public void initialize(Initializer init) {
  }

  @Override
  public int outputWidth() {
    return width;
  }

  /** y = x * mask, drawing a fresh mask in index order; x itself when the pass has no dropout generator. */
  @Override
  public float[] forward(float[] x, Pass pass) {
    SplittableRandom rng = pass.dropoutRng();
    active = rng != null;
    if (!active) {
      return x;
    }
    count = Workspace.size(pass.rows(), width);
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
  @Override
  public float[] backward(float[] dy, Pass pass, boolean wantInputGrad) {
    if (!wantInputGrad) {
      return null;
    }
    if (active) {
      for (int i = 0; i < count; i++) {
        dy[i] *= mask[i];
      }
    }
    return dy;
  }
}
