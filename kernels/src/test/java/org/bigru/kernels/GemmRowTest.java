package org.bigru.kernels;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The few-row route of the Panama GEMM (one or two rows of A times B as stored, alpha 1, beta 0 or 1: a
 * recurrent step at batch 1) against the scalar reference, at every vector width, on tail sizes of n and k.
 */
class GemmRowTest {

  private static final long SEED = 6061L;
  private static final float GUARD = -777.25f;

  @Test
  void matchesScalarOnTailShapesAtEveryWidth() {
    Random random = new Random(SEED);
    for (Kernels panama : KernelTesting.panamaAtEveryWidth()) {
      int lanes = KernelTesting.lanes(panama);
      int[] columns = {lanes, lanes + 1, 8 * lanes - 1, 8 * lanes, 8 * lanes + 3, 12 * lanes, 207, 1021};
      for (int m = 1; m <= 2; m++) {
        for (int n : columns) {
          for (int k : KernelTesting.tailSizes(panama)) {
            for (float beta : new float[] {0f, 1f}) {
              check(panama, random, m, n, k, beta);
            }
          }
        }
      }
    }
  }

  private static void check(Kernels panama, Random random, int m, int n, int k, float beta) {
    long seed = random.nextLong();
    Random values = new Random(seed);
    int lda = k + values.nextInt(3);
    int ldb = n + values.nextInt(3);
    int ldc = n + values.nextInt(3);
    int off = values.nextInt(4);
    float[] a = KernelTesting.randomArray(values, off + m * lda, 1f);
    float[] b = KernelTesting.randomArray(values, off + k * ldb, 1f);
    float[] c = new float[off + m * ldc + 2];
    Arrays.fill(c, GUARD);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        // beta 0 must not read C: NaN there would show in the result
        c[off + i * ldc + j] = beta == 0f ? Float.NaN : values.nextFloat() * 2f - 1f;
      }
    }
    float[] expected = c.clone();
    float[] actual = c.clone();
    KernelTesting.SCALAR.gemm(false, false, m, n, k, 1f, a, off, lda, b, off, ldb, beta, expected, off, ldc);
    panama.gemm(false, false, m, n, k, 1f, a, off, lda, b, off, ldb, beta, actual, off, ldc);
    KernelTesting.assertClose(expected, actual, 1e-5 * k, 1e-5, seed,
        panama.describe() + " m=" + m + " n=" + n + " k=" + k + " beta=" + beta);
  }
}
