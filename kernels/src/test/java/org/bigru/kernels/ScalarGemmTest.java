package org.bigru.kernels;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scalar GEMM, the oracle of the Panama one, against a plain triple loop in double precision. */
class ScalarGemmTest {

  private static final long SEED = 77L;

  @Test
  void matchesDoublePrecisionTripleLoopOnEveryTranspose() {
    Random random = new Random(SEED);
    int[] sizes = {1, 2, 5, 17, 40};
    for (int m : sizes) {
      for (int n : sizes) {
        for (int k : new int[] {1, 3, 33}) {
          for (int t = 0; t < 4; t++) {
            boolean transA = (t & 1) != 0;
            boolean transB = (t & 2) != 0;
            float alpha = random.nextBoolean() ? 1f : -1.5f;
            float beta = new float[] {0f, 1f, 0.5f}[random.nextInt(3)];
            int lda = (transA ? m : k) + random.nextInt(2);
            int ldb = (transB ? k : n) + random.nextInt(2);
            int ldc = n + random.nextInt(2);
            int aOff = random.nextInt(3);
            int bOff = random.nextInt(3);
            int cOff = random.nextInt(3);
            float[] a = KernelTesting.randomArray(random, aOff + (transA ? k : m) * lda, 1f);
            float[] b = KernelTesting.randomArray(random, bOff + (transB ? n : k) * ldb, 1f);
            float[] c = KernelTesting.randomArray(random, cOff + m * ldc, 1f);
            float[] expected = c.clone();
            for (int i = 0; i < m; i++) {
              for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                  double aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                  double bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                  sum += aip * bpj;
                }
                int ij = cOff + i * ldc + j;
                expected[ij] = (float) (alpha * sum + (beta == 0f ? 0.0 : beta * (double) c[ij]));
              }
            }
            if (beta == 0f) {
              for (int i = 0; i < m; i++) {
                c[cOff + i * ldc] = Float.NaN;
              }
            }
            KernelTesting.SCALAR.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
            KernelTesting.assertClose(expected, c, 1e-6 * k * 4, 1e-5, SEED,
                "scalar gemm " + (transA ? "A^T" : "A") + (transB ? " B^T" : " B") + " m=" + m + " n=" + n + " k=" + k
                    + " alpha=" + alpha + " beta=" + beta);
          }
        }
      }
    }
  }
}
