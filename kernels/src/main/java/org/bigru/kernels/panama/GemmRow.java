package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * C = A B (+ C) for one or two rows of A with B as stored: the recurrent step at batch 1, h [1 x H] times
 * W_hh^T [H x 3H]. Each row of C is computed in blocks of eight vectors held in accumulators over the whole
 * k loop: eight independent multiply-add chains hide the FMA latency, where the blocked path's one-row tile
 * has two chains and waits on it. No packing: B's rows are read in place, one broadcast of A per k.
 *
 * <p>Every element is the chain acc = a[p] * b[p][j] + acc over p = 0..k-1 from zero (fused or not, as the
 * provider), then + C when accumulating; the scalar tail computes the same chain.
 */
final class GemmRow {

  /** Rows of A up to which this route is taken. */
  static final int MAX_ROWS = 2;

  private final ConstantSpecies species;
  private final MultiplyAdd madd;
  private final boolean fma;

  GemmRow(VectorSpecies<Float> species, boolean fma) {
    this.species = ConstantSpecies.of(species);
    this.madd = MultiplyAdd.of(fma);
    this.fma = fma;
  }

  /** Whether this route computes the product: A and B as stored, few rows, alpha 1, beta 0 or 1, k &ge; 1. */
  boolean applies(boolean transA, boolean transB, int m, int n, int k, float alpha, float beta) {
    return !transA && !transB && m >= 1 && m <= MAX_ROWS && n >= species.get().length() && k >= 1
        && alpha == 1f && (beta == 0f || beta == 1f);
  }

  /** The product, for arguments already checked; beta 1 adds to C, beta 0 overwrites it without reading. */
  void gemm(int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta,
            float[] c, int cOff, int ldc) {
    boolean accumulate = beta == 1f;
    int lanes = species.get().length();
    for (int i = 0; i < m; i++) {
      int ai = aOff + i * lda;
      int ci = cOff + i * ldc;
      int j = 0;
      for (; j + 8 * lanes <= n; j += 8 * lanes) {
        block8(k, a, ai, b, bOff + j, ldb, accumulate, c, ci + j);
      }
      for (; j + lanes <= n; j += lanes) {
        block1(k, a, ai, b, bOff + j, ldb, accumulate, c, ci + j);
      }
      for (; j < n; j++) {
        float acc = 0f;
        for (int p = 0, bi = bOff + j; p < k; p++, bi += ldb) {
          acc = fma ? Math.fma(a[ai + p], b[bi], acc) : a[ai + p] * b[bi] + acc;
        }
        c[ci + j] = accumulate ? acc + c[ci + j] : acc;
      }
    }
  }

  private void block8(int k, float[] a, int ai, float[] b, int bi, int ldb, boolean accumulate, float[] c, int ci) {
    VectorSpecies<Float> vs = species.get();
    int l = vs.length();
    FloatVector zero = FloatVector.zero(vs);
    FloatVector c0 = zero, c1 = zero, c2 = zero, c3 = zero, c4 = zero, c5 = zero, c6 = zero, c7 = zero;
    for (int p = 0; p < k; p++, bi += ldb) {
      FloatVector x = FloatVector.broadcast(vs, a[ai + p]);
      c0 = madd.apply(x, FloatVector.fromArray(vs, b, bi), c0);
      c1 = madd.apply(x, FloatVector.fromArray(vs, b, bi + l), c1);
      c2 = madd.apply(x, FloatVector.fromArray(vs, b, bi + 2 * l), c2);
      c3 = madd.apply(x, FloatVector.fromArray(vs, b, bi + 3 * l), c3);
      c4 = madd.apply(x, FloatVector.fromArray(vs, b, bi + 4 * l), c4);
      c5 = madd.apply(x, FloatVector.fromArray(vs, b, bi + 5 * l), c5);
      c6 = madd.apply(x, FloatVector.fromArray(vs, b, bi + 6 * l), c6);
      c7 = madd.apply(x, FloatVector.fromArray(vs, b, bi + 7 * l), c7);
    }
    if (accumulate) {
      c0 = c0.add(FloatVector.fromArray(vs, c, ci));
      c1 = c1.add(FloatVector.fromArray(vs, c, ci + l));
      c2 = c2.add(FloatVector.fromArray(vs, c, ci + 2 * l));
      c3 = c3.add(FloatVector.fromArray(vs, c, ci + 3 * l));
      c4 = c4.add(FloatVector.fromArray(vs, c, ci + 4 * l));
      c5 = c5.add(FloatVector.fromArray(vs, c, ci + 5 * l));
      c6 = c6.add(FloatVector.fromArray(vs, c, ci + 6 * l));
      c7 = c7.add(FloatVector.fromArray(vs, c, ci + 7 * l));
    }
    c0.intoArray(c, ci);
    c1.intoArray(c, ci + l);
    c2.intoArray(c, ci + 2 * l);
    c3.intoArray(c, ci + 3 * l);
    c4.intoArray(c, ci + 4 * l);
    c5.intoArray(c, ci + 5 * l);
    c6.intoArray(c, ci + 6 * l);
    c7.intoArray(c, ci + 7 * l);
  }

  private void block1(int k, float[] a, int ai, float[] b, int bi, int ldb, boolean accumulate, float[] c, int ci) {
    VectorSpecies<Float> vs = species.get();
    FloatVector acc = FloatVector.zero(vs);
    for (int p = 0; p < k; p++, bi += ldb) {
      acc = madd.apply(FloatVector.broadcast(vs, a[ai + p]), FloatVector.fromArray(vs, b, bi), acc);
    }
    if (accumulate) {
      acc = acc.add(FloatVector.fromArray(vs, c, ci));
    }
    acc.intoArray(c, ci);
  }
}
