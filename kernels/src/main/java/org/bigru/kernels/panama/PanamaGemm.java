package org.bigru.kernels.panama;

import java.util.Arrays;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = alpha * op(A) * op(B) + beta * C on the Vector API, as specified by
 * {@link org.bigru.kernels.Kernels#gemm}.
 *
 * <p>The general path is blocked for the caches (k in blocks of {@code kc}, n in blocks of {@code nc}, m in
 * blocks of {@code mc}) around the register-blocked {@link GemmMicroKernel}. B is packed into unit-stride
 * panels when it is transposed or when enough rows of A reuse it; A is read in place (its elements are
 * broadcast, so either layout is a plain strided read). Shapes the general path would waste lanes on take
 * their own routes:
 * <ul>
 *   <li>A * B^T with a few rows (a recurrent step at batch 1): dot products, no packing;</li>
 *   <li>C^T = op(B)^T op(A)^T into scratch, then transposed into C, when that is estimated cheaper: when n
 *       is narrower than a tile and m is not (the vectors then run along m), or when B^T is much larger
 *       than A (a recurrent step at batch 32 packs its few rows of A instead of all of W^T).</li>
 * </ul>
 * Each call's result depends only on its arguments and the species, never on the thread or earlier calls.
 * Thread-safe: the packing buffers are per thread and reused.
 */
final class PanamaGemm {

  /**
   * Rows of A up to which A * B^T is computed as dot products (when k spans at least two vectors: the JIT
   * compiles a loop first met with zero trips badly, so a vector loop must not be reached that way).
   */
  private static final int DOT_MAX_ROWS = 4;
  /**
   * Rows of A from which packing an untransposed B that fits the caches pays for itself: packing costs one pass
   * over B, which fewer rows of A (a recurrent step, batch rows times W_hh^T) do not win back, so below it the
   * tiles read B's rows in place.
   */
  private static final int PACK_B_MIN_ROWS = 256;
  /** Elements of a B beyond which it is not expected in cache: packing streams it in, row by row. */
  private static final long CACHED_B_ELEMENTS = 128 * 1024;
  private static final int L1_FLOATS = 32 * 1024 / Float.BYTES;
  /** Rows of the micro-kernel's largest tile. */
  private static final int TILE_ROWS = 8;
  /** Bytes of one packed B panel (kc x tile width), sized to stay in L1 next to the A rows it meets. */
  private static final int PANEL_BYTES = 16 * 1024;
  private static final int BLOCK_COLUMNS = 1024;
  private static final int BLOCK_ROWS = 256;
  /** Measured costs per element, in cycles, of packing B as stored or transposed, and of merging C^T. */
  private static final double PACK_CYCLES = 0.25;
  private static final double PACK_TRANSPOSED_CYCLES = 1.5;
  private static final double MERGE_CYCLES = 1.5;

  private final GemmMicroKernel kernel;
  private final GemmPacking packing;
  private final GemmDot dot;
  private final GemmRow row;
  private final int width;
  private final int kc;
  private final ThreadLocal<GemmScratch> scratch = ThreadLocal.withInitial(GemmScratch::new);

  PanamaGemm(VectorSpecies<Float> species, boolean fma) {
    this.kernel = new GemmMicroKernel(species, fma);
    this.width = kernel.width();
    this.packing = new GemmPacking(species, width);
    this.dot = new GemmDot(species, fma);
    this.row = new GemmRow(species, fma);
    this.kc = PANEL_BYTES / (Float.BYTES * width);
  }

  void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
            float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0 || alpha == 0f) {
      scale(m, n, beta, c, cOff, ldc);
    } else if (row.applies(transA, transB, m, n, k, alpha, beta)) {
      // one or two rows times B as stored (a recurrent step at batch 1): eight accumulator chains per row
      row.gemm(m, n, k, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    } else if (transB && !transA && m <= DOT_MAX_ROWS && k >= width) {
      dot.gemm(m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    } else if (cycles(!transA, n, m, k) + MERGE_CYCLES * m * n < cycles(transB, m, n, k)) {
      transposed(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    } else {
      blocked(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
    }
  }

  /**
   * Rough cost in cycles of the blocked path for op(A) m x k times op(B) k x n: one vector multiply-add
   * per cycle over whole tiles (a narrow n wastes lanes), plus packing B (transposed: element by element).
   */
  private double cycles(boolean transB, int m, int n, int k) {
    double multiplyAdds = (double) m * panels(n) * width * k / (width / 2);
    double packing = transB ? PACK_TRANSPOSED_CYCLES * n * k : m >= PACK_B_MIN_ROWS ? PACK_CYCLES * n * k : 0;
    return multiplyAdds + packing;
  }

  /** C = beta * C, the whole product when k is 0 or alpha is 0; beta 0 clears C without reading it. */
  private static void scale(int m, int n, float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      if (beta == 0f) {
        Arrays.fill(c, row, row + n, 0f);
      } else if (beta != 1f) {
        for (int j = row; j < row + n; j++) {
          c[j] *= beta;
        }
      }
    }
  }

  /** T = alpha * op(B)^T op(A)^T into scratch (n x m), then C = T^T + beta * C. */
  private void transposed(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                          int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    float[] t = scratch.get().transposedC(n * m);
    blocked(!transB, !transA, n, m, k, alpha, b, bOff, ldb, a, aOff, lda, 0f, t, 0, m);
    for (int i = 0; i < m; i++) {
      int row = cOff + i * ldc;
      for (int j = 0; j < n; j++) {
        float value = t[j * m + i];
        c[row + j] = beta == 0f ? value : value + beta * c[row + j];
      }
    }
  }

  private void blocked(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff,
                       int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    GemmScratch buffers = scratch.get();
    // one tile of rows reads B once: packing it would only copy it (dW_ih = x^T dxg, through C^T, at I = 8)
    boolean packB = transB || m > TILE_ROWS && (m >= PACK_B_MIN_ROWS || (long) k * n > CACHED_B_ELEMENTS);
    for (int jc = 0; jc < n; jc += BLOCK_COLUMNS) {
      int nc = Math.min(BLOCK_COLUMNS, n - jc);
      for (int pc = 0; pc < k; pc += kc) {
        int kb = Math.min(kc, k - pc);
        // Later k blocks add to what the earlier ones stored.
        float betaBlock = pc == 0 ? beta : 1f;
        float[] packed = null;
        if (packB) {
          packed = buffers.packedB(panels(nc) * kb * width);
          int bIdx = transB ? bOff + jc * ldb + pc : bOff + pc * ldb + jc;
          packing.packB(transB, kb, nc, b, bIdx, ldb, packed);
        }
        // A packed block small enough for L1 stays there for any number of rows: then take the rows one
        // tile at a time, so that C (all that moves when k is small) is written row after row.
        int blockRows = packB && kb * panels(nc) * width <= L1_FLOATS ? TILE_ROWS : BLOCK_ROWS;
        for (int ic = 0; ic < m; ic += blockRows) {
          int mc = Math.min(blockRows, m - ic);
          for (int q = 0, jr = 0; jr < nc; q++, jr += width) {
            int cols = Math.min(width, nc - jr);
            float[] panel = packed;
            int panelIdx = q * kb * width;
            int panelStep = width;
            if (!packB && cols == width) {
              panel = b;
              panelIdx = bOff + pc * ldb + jc + jr;
              panelStep = ldb;
            } else if (!packB) {
              panel = buffers.packedB(kb * width);
              panelIdx = 0;
              packing.packB(false, kb, cols, b, bOff + pc * ldb + jc + jr, ldb, panel);
            }
            int aIdx = transA ? aOff + pc * lda + ic : aOff + ic * lda + pc;
            int cIdx = cOff + ic * ldc + jc + jr;
            rowTiles(transA, mc, cols, kb, alpha, a, aIdx, lda, panel, panelIdx, panelStep, betaBlock, c, cIdx, ldc,
                buffers);
          }
        }
      }
    }
  }

  private int panels(int columns) {
    return (columns + width - 1) / width;
  }

  /**
   * One column panel against rows of A: tiles of 8 rows, then 4, then single rows. A tile goes straight
   * into C when that needs no scaling (alpha 1, beta 0 or 1) and it lies inside C; otherwise through the
   * tile buffer.
   */
  private void rowTiles(boolean transA, int rows, int cols, int kb, float alpha, float[] a, int aIdx, int lda,
                        float[] panel, int panelIdx, int panelStep, float beta, float[] c, int cIdx, int ldc,
                        GemmScratch buffers) {
    int aRowStride = transA ? 1 : lda;
    int aStep = transA ? lda : 1;
    boolean direct = cols == width && alpha == 1f && (beta == 0f || beta == 1f);
    float[] dest = direct ? c : buffers.tile(8 * width);
    int destStride = direct ? ldc : width;
    boolean accumulate = direct && beta == 1f;
    for (int i = 0; i < rows; ) {
      int ai = aIdx + i * aRowStride;
      int destIdx = direct ? cIdx + i * ldc : 0;
      int tileRows;
      if (rows - i >= 8) {
        tileRows = 8;
        kernel.rows8(kb, a, ai, aRowStride, aStep, panel, panelIdx, panelStep, dest, destIdx, destStride, accumulate);
      } else if (rows - i >= 4) {
        tileRows = 4;
        kernel.rows4(kb, a, ai, aRowStride, aStep, panel, panelIdx, panelStep, dest, destIdx, destStride, accumulate);
      } else {
        tileRows = 1;
        kernel.rows1(kb, a, ai, aStep, panel, panelIdx, panelStep, dest, destIdx, accumulate);
      }
      if (!direct) {
        kernel.store(tileRows, cols, dest, alpha, beta, c, cIdx + i * ldc, ldc);
      }
      i += tileRows;
    }
  }
}
