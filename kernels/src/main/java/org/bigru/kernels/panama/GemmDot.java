package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = alpha * A * B^T + beta * C for a few rows of A, as dot products: A's rows and B's rows are both
 * contiguous along k, so each C element is one pass over k, with no packing of B (which would cost as much
 * as the product itself when A has one or two rows, as in a recurrent step with batch 1).
 */
final class GemmDot {

  private final ConstantSpecies species;
  private final MultiplyAdd madd;

  GemmDot(VectorSpecies<Float> species, boolean fma) {
    this.species = ConstantSpecies.of(species);
    this.madd = MultiplyAdd.of(fma);
  }

  void gemm(int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
            float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      int ai = aOff + i * lda;
      int ci = cOff + i * ldc;
      int j = 0;
      for (; j + 3 < n; j += 4) {
        dot4(k, alpha, a, ai, b, bOff + j * ldb, ldb, beta, c, ci + j);
      }
      for (; j < n; j++) {
        int cij = ci + j;
        float sum = alpha * dot1(k, a, ai, b, bOff + j * ldb);
        c[cij] = beta == 0f ? sum : sum + beta * c[cij];
      }
    }
  }

  /** Four consecutive C elements of one row: one load of A serves four rows of B. */
  private void dot4(int k, float alpha, float[] a, int ai, float[] b, int bi, int ldb, float beta,
                    float[] c, int cij) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    FloatVector s0 = FloatVector.zero(vs), s1 = s0, s2 = s0, s3 = s0;
    int b1 = bi + ldb, b2 = bi + 2 * ldb, b3 = bi + 3 * ldb;
    int bound = vs.loopBound(k);
    int p = 0;
    for (; p < bound; p += lanes) {
      FloatVector x = FloatVector.fromArray(vs, a, ai + p);
      s0 = madd.apply(x, FloatVector.fromArray(vs, b, bi + p), s0);
      s1 = madd.apply(x, FloatVector.fromArray(vs, b, b1 + p), s1);
      s2 = madd.apply(x, FloatVector.fromArray(vs, b, b2 + p), s2);
      s3 = madd.apply(x, FloatVector.fromArray(vs, b, b3 + p), s3);
    }
    float t0 = s0.reduceLanes(VectorOperators.ADD), t1 = s1.reduceLanes(VectorOperators.ADD);
    float t2 = s2.reduceLanes(VectorOperators.ADD), t3 = s3.reduceLanes(VectorOperators.ADD);
    for (; p < k; p++) {
      float x = a[ai + p];
      t0 += x * b[bi + p];
      t1 += x * b[b1 + p];
      t2 += x * b[b2 + p];
      t3 += x * b[b3 + p];
    }
    store(alpha * t0, beta, c, cij);
    store(alpha * t1, beta, c, cij + 1);
    store(alpha * t2, beta, c, cij + 2);
    store(alpha * t3, beta, c, cij + 3);
  }

  private float dot1(int k, float[] a, int ai, float[] b, int bi) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    FloatVector s = FloatVector.zero(vs);
    int bound = vs.loopBound(k);
    int p = 0;
    for (; p < bound; p += lanes) {
      s = madd.apply(FloatVector.fromArray(vs, a, ai + p), FloatVector.fromArray(vs, b, bi + p), s);
    }
    float t = s.reduceLanes(VectorOperators.ADD);
    for (; p < k; p++) {
      t += a[ai + p] * b[bi + p];
    }
    return t;
  }

  private static void store(float value, float beta, float[] c, int cij) {
    c[cij] = beta == 0f ? value : value + beta * c[cij];
  }

}
