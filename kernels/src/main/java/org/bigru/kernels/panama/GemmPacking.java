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
    if (!transB) {
      packRows(kc, nc, b, bIdx, ldb, dest);
      return;
    }
    for (int q = 0, j = 0; j < nc; q++, j += width) {
      packTransposedPanel(kc, Math.min(width, nc - j), b, bIdx + j * ldb, ldb, dest, q * kc * width);
    }
  }

  /**
   * B stored k x n, read row by row (so a B too large for the caches streams in at full speed) and dealt
   * out to the panels: whole vectors where a panel is full.
   */
  private void packRows(int kc, int nc, float[] b, int bIdx, int ldb, float[] dest) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    int fullColumns = nc - nc % width;
    int panelSize = kc * width;
    for (int p = 0, src = bIdx; p < kc; p++, src += ldb) {
      int dst = p * width;
      int j = 0;
      for (; j < fullColumns; j += width, dst += panelSize) {
        for (int v = 0; v < width; v += lanes) {
          FloatVector.fromArray(vs, b, src + j + v).intoArray(dest, dst + v);
        }
      }
      if (j < nc) {
        System.arraycopy(b, src + j, dest, dst, nc - j);
        Arrays.fill(dest, dst + nc - j, dst + width, 0f);
      }
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
