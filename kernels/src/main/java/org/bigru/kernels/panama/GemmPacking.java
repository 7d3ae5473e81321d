package org.bigru.kernels.panama;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Copies a kc x nc block of op(B) into panels the micro-kernel reads with unit stride: panel q holds
 * columns [q * width, (q + 1) * width) as kc rows of {@code width} floats, the columns past nc set to 0.
 * Panel q starts at {@code q * kc * width}.
 */
final class GemmPacking {

  private final ConstantSpecies species;
  private final int width;

  GemmPacking(VectorSpecies<Float> species, int width) {
    this.species = ConstantSpecies.of(species);
    this.width = width;
  }

  /**
   * @param bIdx index of op(B)'s element (0, 0) of the block: B stored k x n, or n x k when transposed
   */
  void packB(boolean transB, int kc, int nc, float[] b, int bIdx, int ldb, float[] dest) {
    for (int q = 0, j = 0; j < nc; q++, j += width) {
      int cols = Math.min(width, nc - j);
      int panel = q * kc * width;
      if (transB) {
        packTransposedPanel(kc, cols, b, bIdx + j * ldb, ldb, dest, panel);
      } else {
        packPanel(kc, cols, b, bIdx + j, ldb, dest, panel);
      }
    }
  }

  /** Rows of B are contiguous along n: whole vectors where the panel is full. */
  private void packPanel(int kc, int cols, float[] b, int bIdx, int ldb, float[] dest, int panel) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    if (cols == width) {
      for (int p = 0, src = bIdx, dst = panel; p < kc; p++, src += ldb, dst += width) {
        for (int v = 0; v < width; v += lanes) {
          FloatVector.fromArray(vs, b, src + v).intoArray(dest, dst + v);
        }
      }
      return;
    }
    for (int p = 0, src = bIdx, dst = panel; p < kc; p++, src += ldb, dst += width) {
      System.arraycopy(b, src, dest, dst, cols);
      Arrays.fill(dest, dst + cols, dst + width, 0f);
    }
  }

  /** B stored n x k: column jj of the panel is row jj of B, read along k and written with stride width. */
  private void packTransposedPanel(int kc, int cols, float[] b, int bIdx, int ldb, float[] dest, int panel) {
    for (int jj = 0; jj < cols; jj++) {
      int src = bIdx + jj * ldb;
      for (int p = 0, dst = panel + jj; p < kc; p++, dst += width) {
        dest[dst] = b[src + p];
      }
    }
    for (int jj = cols; jj < width; jj++) {
      for (int p = 0, dst = panel + jj; p < kc; p++, dst += width) {
        dest[dst] = 0f;
      }
    }
  }
}
