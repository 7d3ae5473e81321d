package org.bigru.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Panama GEMM against the scalar reference, at every vector width, on tails and on the BiGRU shapes. */
class GemmTest {

  private static final float GUARD = -777.25f;
  private static final long SEED = 20261126L;
  /** Cases whose m * n * k exceed this are "big"; only a few are drawn, to keep the suite fast. */
  private static final long SMALL_VOLUME = 3_000_000L;
  private static final long MAX_VOLUME = 45_000_000L;
  private static final int BIG_CASES = 3;

  /** One product: shape, layout, scalars, and the C array with its slice. */
  private record Case(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta,
                      float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff, int ldc,
                      long seed) {

    static Case random(Random random, long seed, int m, int n, int k, boolean transA, boolean transB) {
      float[] alphas = {1f, -0.5f, 2.25f};
      float[] betas = {0f, 1f, 0.75f};
      float alpha = alphas[random.nextInt(alphas.length)];
      float beta = betas[random.nextInt(betas.length)];
      int lda = (transA ? m : k) + random.nextInt(3);
      int ldb = (transB ? k : n) + random.nextInt(3);
      int ldc = n + random.nextInt(3);
      int aOff = random.nextInt(4);
      int bOff = random.nextInt(4);
      int cOff = random.nextInt(4);
      float[] a = KernelTesting.randomArray(random, aOff + (transA ? k : m) * lda, 1f);
      float[] b = KernelTesting.randomArray(random, bOff + (transB ? n : k) * ldb, 1f);
      float[] c = new float[cOff + m * ldc + 3];
      java.util.Arrays.fill(c, GUARD);
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < n; j++) {
          // beta = 0 must not read C: NaN there would show up in the result.
          c[cOff + i * ldc + j] = beta == 0f ? Float.NaN : random.nextFloat() * 2f - 1f;
        }
      }
      return new Case(transA, transB, m, n, k, alpha, beta, a, aOff, lda, b, bOff, ldb, c, cOff, ldc, seed);
    }

    float[] run(Kernels kernels) {
      float[] result = c.clone();
      kernels.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, result, cOff, ldc);
      return result;
    }

    boolean inSlice(int index) {
      int rel = index - cOff;
      return rel >= 0 && rel / ldc < m && rel % ldc < n;
    }

    String describe() {
      return (transA ? "A^T" : "A") + (transB ? " B^T" : " B") + " m=" + m + " n=" + n + " k=" + k
          + " alpha=" + alpha + " beta=" + beta + " offsets " + aOff + "/" + bOff + "/" + cOff
          + " ld " + lda + "/" + ldb + "/" + ldc;
    }
  }

  private static void checkAgainstScalar(Case test) {
    List<Kernels> widths = KernelTesting.panamaAtEveryWidth();
    if (widths.isEmpty()) {
      return; // this run forces the scalar provider: nothing to compare
    }
    float[] expected = test.run(KernelTesting.SCALAR);
    // Float sums over k carry rounding error growing with k; scaled by |alpha| and the unit-sized inputs.
    double abs = 1e-5 + 2e-6 * test.k * Math.max(1f, Math.abs(test.alpha));
    for (Kernels panama : widths) {
      float[] actual = test.run(panama);
      String what = panama.describe() + ", " + test.describe();
      KernelTesting.assertClose(expected, actual, abs, 1e-5, test.seed, what);
      for (int i = 0; i < actual.length; i++) {
        if (test.inSlice(i)) {
          if (Float.isNaN(actual[i])) {
            fail(what + ": NaN at " + i + " (seed " + test.seed + ")");
          }
        } else if (Float.floatToRawIntBits(actual[i]) != Float.floatToRawIntBits(GUARD)) {
          fail(what + ": wrote " + actual[i] + " at " + i + ", outside the C slice (seed " + test.seed + ")");
        }
      }
    }
  }

  @Test
  void matchesScalarOnTailShapesAtEveryWidth() {
    Random random = new Random(SEED);
    // Tail sizes of every width at once (each case runs at every width), plus sizes that end mid-tile.
    List<Integer> pool = new ArrayList<>();
    for (Kernels panama : KernelTesting.panamaAtEveryWidth()) {
      int lanes = KernelTesting.lanes(panama);
      for (int size : KernelTesting.tailSizes(panama)) {
        if (!pool.contains(size)) {
          pool.add(size);
        }
      }
      for (int size : new int[] {2 * lanes + 1, 8 * lanes + 3}) {
        if (!pool.contains(size)) {
          pool.add(size);
        }
      }
    }
    if (pool.isEmpty()) {
      return; // this run forces the scalar provider: nothing to compare
    }
    int big = 0;
    for (int caseNumber = 0; caseNumber < 160; ) {
      long seed = random.nextLong();
      Random caseRandom = new Random(seed);
      int m = pool.get(caseRandom.nextInt(pool.size()));
      int n = pool.get(caseRandom.nextInt(pool.size()));
      int k = pool.get(caseRandom.nextInt(pool.size()));
      long volume = (long) m * n * k;
      if (volume > MAX_VOLUME || volume > SMALL_VOLUME && big == BIG_CASES) {
        continue;
      }
      big += volume > SMALL_VOLUME ? 1 : 0;
      checkAgainstScalar(Case.random(caseRandom, seed, m, n, k, caseRandom.nextBoolean(), caseRandom.nextBoolean()));
      caseNumber++;
    }
  }

  @Test
  void matchesScalarOnEveryTransposeOfTinyShapes() {
    Random random = new Random(SEED + 1);
    for (int m = 1; m <= 9; m += 4) {
      for (int n = 1; n <= 9; n += 4) {
        for (int k = 1; k <= 9; k += 4) {
          for (int t = 0; t < 4; t++) {
            long seed = random.nextLong();
            checkAgainstScalar(Case.random(new Random(seed), seed, m, n, k, (t & 1) != 0, (t & 2) != 0));
          }
        }
      }
    }
  }

  @Test
  void matchesScalarOnBiGruShapes() {
    Random random = new Random(SEED + 2);
    int inputs = 8;
    int steps = 32;
    for (int batch : new int[] {1, 32, 256}) {
      for (int hidden : new int[] {64, 128, 256}) {
        int gates = 3 * hidden;
        int[][] shapes = {
            // {transA, transB, m, n, k}
            {0, 1, batch, gates, hidden},           // recurrent step: [B x 3H] = h [B x H] * W_hh^T
            {0, 1, batch * steps, gates, inputs},   // input projection: [BT x 3H] = x [BT x I] * W_ih^T
            {1, 0, gates, inputs, batch * steps},   // dW_ih [3H x I] = dXg^T [3H x BT] * x [BT x I]
            {1, 0, gates, hidden, batch},           // dW_hh [3H x H] = dHg^T [3H x B] * h [B x H]
            {0, 0, batch, hidden, gates},           // dh [B x H] = dHg [B x 3H] * W_hh [3H x H]
            {0, 0, batch * steps, inputs, gates},   // dx [BT x I] = dXg [BT x 3H] * W_ih [3H x I]
        };
        for (int[] s : shapes) {
          if ((long) s[2] * s[3] * s[4] > MAX_VOLUME) {
            continue;
          }
          long seed = random.nextLong();
          checkAgainstScalar(Case.random(new Random(seed), seed, s[2], s[3], s[4], s[0] == 1, s[1] == 1));
        }
      }
    }
  }

  @Test
  void zeroDepthOrZeroAlphaScalesCByBeta() {
    for (Kernels panama : KernelTesting.panamaAtEveryWidth()) {
      float[] a = {1f, 2f, 3f, 4f};
      float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
      panama.gemm(false, false, 2, 2, 0, 1f, a, 0, 1, a, 0, 2, 0f, c, 0, 2);
      assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, c, panama.describe() + ": k = 0, beta = 0 clears C");
      float[] d = {1f, -2f, 3f, 5f};
      panama.gemm(false, false, 2, 2, 2, 0f, a, 0, 2, a, 0, 2, 0.5f, d, 0, 2);
      assertArrayEquals(new float[] {0.5f, -1f, 1.5f, 2.5f}, d, panama.describe() + ": alpha = 0 scales C by beta");
    }
  }

  @Test
  void sameInputsGiveTheSameBitsOnAnyThread() throws InterruptedException {
    for (Kernels panama : KernelTesting.panamaAtEveryWidth()) {
      long seed = SEED + 3;
      Case test = Case.random(new Random(seed), seed, 70, 300, 333, false, true);
      float[] first = test.run(panama);
      float[][] other = new float[1][];
      Thread thread = new Thread(() -> other[0] = test.run(panama));
      thread.start();
      thread.join();
      float[] again = test.run(panama);
      for (int i = 0; i < first.length; i++) {
        assertEquals(Float.floatToRawIntBits(first[i]), Float.floatToRawIntBits(again[i]), "repeat, index " + i);
        assertEquals(Float.floatToRawIntBits(first[i]), Float.floatToRawIntBits(other[0][i]), "thread, index " + i);
      }
    }
  }

}
