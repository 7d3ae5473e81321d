package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner loops of {@link PanamaGemm}: a tile of 8, 4 or 1 rows of C by two vectors of
 * columns, held in accumulators for a whole run over k, then written once to {@code dest} (row r at
 * {@code destIdx + r * destStride}), added to what is there when {@code accumulate} is set.
 *
 * <p>Each step p broadcasts one element of A per row and multiplies it into two vectors of B. A is read
 * at {@code a[aIdx + row * aRowStride + p * aStep]}, so the same loop serves A as stored (row stride lda,
 * step 1) and transposed (row stride 1, step lda). B is read as two vectors at {@code b[bIdx + p * bStep]}:
 * a packed panel (step = tile width) or B's own rows (step = ldb).
 *
 * <p>dest is C itself when the tile lies inside C and alpha is 1 and beta 0 or 1; otherwise a tile buffer,
 * from which {@link #store} applies alpha and beta. (A store helper taking the accumulators would not do:
 * the JIT inlines only tiny methods outside a loop, and an out-of-line call boxes its vector arguments.)
 */
final class GemmMicroKernel {

  private final ConstantSpecies species;
  private final MultiplyAdd madd;

  GemmMicroKernel(VectorSpecies<Float> species, boolean fma) {
    this.species = ConstantSpecies.of(species);
    this.madd = MultiplyAdd.of(fma);
  }

  /** Columns of one tile: two vectors. */
  int width() {
    int lanes = species.get().length();
    return 2 * lanes;
  }

  void rows8(int kc, float[] a, int aIdx, int aRowStride, int aStep, float[] b, int bIdx, int bStep,
             float[] dest, int destIdx, int destStride, boolean accumulate) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    FloatVector zero = FloatVector.zero(vs);
    FloatVector c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
    FloatVector c40 = zero, c41 = zero, c50 = zero, c51 = zero, c60 = zero, c61 = zero, c70 = zero, c71 = zero;
    int r1 = aRowStride, r2 = 2 * aRowStride, r3 = 3 * aRowStride, r4 = 4 * aRowStride;
    int r5 = 5 * aRowStride, r6 = 6 * aRowStride, r7 = 7 * aRowStride;
    int ai = aIdx;
    int bi = bIdx;
    for (int p = 0; p < kc; p++, ai += aStep, bi += bStep) {
      FloatVector b0 = FloatVector.fromArray(vs, b, bi);
      FloatVector b1 = FloatVector.fromArray(vs, b, bi + lanes);
      FloatVector x = FloatVector.broadcast(vs, a[ai]);
      c00 = madd.apply(x, b0, c00);
      c01 = madd.apply(x, b1, c01);
      x = FloatVector.broadcast(vs, a[ai + r1]);
      c10 = madd.apply(x, b0, c10);
      c11 = madd.apply(x, b1, c11);
      x = FloatVector.broadcast(vs, a[ai + r2]);
      c20 = madd.apply(x, b0, c20);
      c21 = madd.apply(x, b1, c21);
      x = FloatVector.broadcast(vs, a[ai + r3]);
      c30 = madd.apply(x, b0, c30);
      c31 = madd.apply(x, b1, c31);
      x = FloatVector.broadcast(vs, a[ai + r4]);
      c40 = madd.apply(x, b0, c40);
      c41 = madd.apply(x, b1, c41);
      x = FloatVector.broadcast(vs, a[ai + r5]);
      c50 = madd.apply(x, b0, c50);
      c51 = madd.apply(x, b1, c51);
      x = FloatVector.broadcast(vs, a[ai + r6]);
      c60 = madd.apply(x, b0, c60);
      c61 = madd.apply(x, b1, c61);
      x = FloatVector.broadcast(vs, a[ai + r7]);
      c70 = madd.apply(x, b0, c70);
      c71 = madd.apply(x, b1, c71);
    }
    int d0 = destIdx, d1 = d0 + destStride, d2 = d1 + destStride, d3 = d2 + destStride;
    int d4 = d3 + destStride, d5 = d4 + destStride, d6 = d5 + destStride, d7 = d6 + destStride;
    if (accumulate) {
      c00 = c00.add(FloatVector.fromArray(vs, dest, d0));
      c01 = c01.add(FloatVector.fromArray(vs, dest, d0 + lanes));
      c10 = c10.add(FloatVector.fromArray(vs, dest, d1));
      c11 = c11.add(FloatVector.fromArray(vs, dest, d1 + lanes));
      c20 = c20.add(FloatVector.fromArray(vs, dest, d2));
      c21 = c21.add(FloatVector.fromArray(vs, dest, d2 + lanes));
      c30 = c30.add(FloatVector.fromArray(vs, dest, d3));
      c31 = c31.add(FloatVector.fromArray(vs, dest, d3 + lanes));
      c40 = c40.add(FloatVector.fromArray(vs, dest, d4));
      c41 = c41.add(FloatVector.fromArray(vs, dest, d4 + lanes));
      c50 = c50.add(FloatVector.fromArray(vs, dest, d5));
      c51 = c51.add(FloatVector.fromArray(vs, dest, d5 + lanes));
      c60 = c60.add(FloatVector.fromArray(vs, dest, d6));
      c61 = c61.add(FloatVector.fromArray(vs, dest, d6 + lanes));
      c70 = c70.add(FloatVector.fromArray(vs, dest, d7));
      c71 = c71.add(FloatVector.fromArray(vs, dest, d7 + lanes));
    }
    c00.intoArray(dest, d0);
    c01.intoArray(dest, d0 + lanes);
    c10.intoArray(dest, d1);
    c11.intoArray(dest, d1 + lanes);
    c20.intoArray(dest, d2);
    c21.intoArray(dest, d2 + lanes);
    c30.intoArray(dest, d3);
    c31.intoArray(dest, d3 + lanes);
    c40.intoArray(dest, d4);
    c41.intoArray(dest, d4 + lanes);
    c50.intoArray(dest, d5);
    c51.intoArray(dest, d5 + lanes);
    c60.intoArray(dest, d6);
    c61.intoArray(dest, d6 + lanes);
    c70.intoArray(dest, d7);
    c71.intoArray(dest, d7 + lanes);
  }

  void rows4(int kc, float[] a, int aIdx, int aRowStride, int aStep, float[] b, int bIdx, int bStep,
             float[] dest, int destIdx, int destStride, boolean accumulate) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    FloatVector zero = FloatVector.zero(vs);
    FloatVector c00 = zero, c01 = zero, c10 = zero, c11 = zero, c20 = zero, c21 = zero, c30 = zero, c31 = zero;
    int r1 = aRowStride, r2 = 2 * aRowStride, r3 = 3 * aRowStride;
    int ai = aIdx;
    int bi = bIdx;
    for (int p = 0; p < kc; p++, ai += aStep, bi += bStep) {
      FloatVector b0 = FloatVector.fromArray(vs, b, bi);
      FloatVector b1 = FloatVector.fromArray(vs, b, bi + lanes);
      FloatVector x = FloatVector.broadcast(vs, a[ai]);
      c00 = madd.apply(x, b0, c00);
      c01 = madd.apply(x, b1, c01);
      x = FloatVector.broadcast(vs, a[ai + r1]);
      c10 = madd.apply(x, b0, c10);
      c11 = madd.apply(x, b1, c11);
      x = FloatVector.broadcast(vs, a[ai + r2]);
      c20 = madd.apply(x, b0, c20);
      c21 = madd.apply(x, b1, c21);
      x = FloatVector.broadcast(vs, a[ai + r3]);
      c30 = madd.apply(x, b0, c30);
      c31 = madd.apply(x, b1, c31);
    }
    int d0 = destIdx, d1 = d0 + destStride, d2 = d1 + destStride, d3 = d2 + destStride;
    if (accumulate) {
      c00 = c00.add(FloatVector.fromArray(vs, dest, d0));
      c01 = c01.add(FloatVector.fromArray(vs, dest, d0 + lanes));
      c10 = c10.add(FloatVector.fromArray(vs, dest, d1));
      c11 = c11.add(FloatVector.fromArray(vs, dest, d1 + lanes));
      c20 = c20.add(FloatVector.fromArray(vs, dest, d2));
      c21 = c21.add(FloatVector.fromArray(vs, dest, d2 + lanes));
      c30 = c30.add(FloatVector.fromArray(vs, dest, d3));
      c31 = c31.add(FloatVector.fromArray(vs, dest, d3 + lanes));
    }
    c00.intoArray(dest, d0);
    c01.intoArray(dest, d0 + lanes);
    c10.intoArray(dest, d1);
    c11.intoArray(dest, d1 + lanes);
    c20.intoArray(dest, d2);
    c21.intoArray(dest, d2 + lanes);
    c30.intoArray(dest, d3);
    c31.intoArray(dest, d3 + lanes);
  }

  /** One row. */
  void rows1(int kc, float[] a, int aIdx, int aStep, float[] b, int bIdx, int bStep,
             float[] dest, int destIdx, boolean accumulate) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    FloatVector zero = FloatVector.zero(vs);
    FloatVector c00 = zero, c01 = zero;
    int ai = aIdx;
    int bi = bIdx;
    for (int p = 0; p < kc; p++, ai += aStep, bi += bStep) {
      FloatVector x = FloatVector.broadcast(vs, a[ai]);
      c00 = madd.apply(x, FloatVector.fromArray(vs, b, bi), c00);
      c01 = madd.apply(x, FloatVector.fromArray(vs, b, bi + lanes), c01);
    }
    int d0 = destIdx;
    if (accumulate) {
      c00 = c00.add(FloatVector.fromArray(vs, dest, d0));
      c01 = c01.add(FloatVector.fromArray(vs, dest, d0 + lanes));
    }
    c00.intoArray(dest, d0);
    c01.intoArray(dest, d0 + lanes);
  }


  /**
   * C = alpha * tile + beta * C for the first rows x cols of a tile (beta 0: C is not read), whole vectors
   * first, then the columns past the last whole vector one by one.
   */
  void store(int rows, int cols, float[] tile, float alpha, float beta, float[] c, int cIdx, int ldc) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    int width = 2 * lanes;
    for (int r = 0; r < rows; r++) {
      int t = r * width;
      int ci = cIdx + r * ldc;
      int j = 0;
      for (; j + lanes <= cols; j += lanes) {
        FloatVector value = FloatVector.fromArray(vs, tile, t + j).mul(alpha);
        if (beta != 0f) {
          value = FloatVector.fromArray(vs, c, ci + j).mul(beta).add(value);
        }
        value.intoArray(c, ci + j);
      }
      for (; j < cols; j++) {
        float value = alpha * tile[t + j];
        c[ci + j] = beta == 0f ? value : value + beta * c[ci + j];
      }
    }
  }
}
