package org.bigru.model;

import java.util.SplittableRandom;

/**
 * Deterministic weight initialization from one random stream: Glorot uniform and orthogonal blocks (Keras's
 * defaults for a GRU's kernel and recurrent kernel). Uses StrictMath, so the same seed gives the same bits on
 * every JVM.
 */
final class Initializer {

  private final SplittableRandom random;

  Initializer(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Uniform in [-limit, limit] with limit = sqrt(6 / (fanIn + fanOut)). */
  void glorotUniform(Parameter parameter, int fanIn, int fanOut) {
    double limit = StrictMath.sqrt(6.0 / (fanIn + fanOut));
    for (int i = 0; i < parameter.size(); i++) {
      parameter.set(i, (float) ((2 * random.nextDouble() - 1) * limit));
    }
  }

  /**
   * Fills each of the {@code blocks} consecutive n x n row blocks of the parameter with an orthogonal matrix:
   * Gram-Schmidt on the columns of a Gaussian matrix, in double (the Q of its QR with a positive diagonal R).
   */
  void orthogonalBlocks(Parameter parameter, int blocks, int n) {
    float[] values = parameter.values();
    double[] q = new double[n * n];  // column-major: column c at c * n
    for (int block = 0; block < blocks; block++) {
      for (int i = 0; i < q.length; i++) {
        q[i] = gaussian();
      }
      for (int c = 0; c < n; c++) {
        for (int p = 0; p < c; p++) {
          double dot = 0;
          for (int i = 0; i < n; i++) {
            dot += q[p * n + i] * q[c * n + i];
          }
          for (int i = 0; i < n; i++) {
            q[c * n + i] -= dot * q[p * n + i];
          }
        }
        double norm = 0;
        for (int i = 0; i < n; i++) {
          norm += q[c * n + i] * q[c * n + i];
        }
        norm = StrictMath.sqrt(norm);
        for (int i = 0; i < n; i++) {
          q[c * n + i] /= norm;
        }
      }
      int offset = parameter.offset() + block * n * n;
      for (int i = 0; i < n; i++) {
        for (int c = 0; c < n; c++) {
          values[offset + i * n + c] = (float) q[c * n + i];
        }
      }
    }
  }

  /** A standard normal value (Box-Muller). */
  private double gaussian() {
    double u = 1.0 - random.nextDouble();  // (0, 1]: log is finite
    double v = random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
  }
}
