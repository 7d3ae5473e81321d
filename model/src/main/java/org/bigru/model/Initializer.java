package org.bigru.model;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

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
   * the Q of the QR decomposition (Householder, in double) of a Gaussian matrix, its columns signed so that R
   * has a positive diagonal, which makes Q unique (Keras's and PyTorch's orthogonal initializers).
   */
  void orthogonalBlocks(Parameter parameter, int blocks, int n) {
    float[] values = parameter.values();
    double[][] gaussian = new double[n][n];
    for (int block = 0; block < blocks; block++) {
      // drawn column by column, the order the values were always drawn in
      for (int c = 0; c < n; c++) {
        for (int i = 0; i < n; i++) {
          gaussian[i][c] = gaussian();
        }
      }
      QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(gaussian, false));
      RealMatrix q = qr.getQ();
      RealMatrix r = qr.getR();
      int offset = parameter.offset() + block * n * n;
      for (int c = 0; c < n; c++) {
        double sign = r.getEntry(c, c) < 0 ? -1 : 1;
        for (int i = 0; i < n; i++) {
          values[offset + i * n + c] = (float) (sign * q.getEntry(i, c));
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
