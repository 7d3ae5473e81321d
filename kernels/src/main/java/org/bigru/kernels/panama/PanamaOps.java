package org.bigru.kernels.panama;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise and reduction kernels of a training step besides GEMM and the gates: bias add and
 * bias gradient, axpy-like updates, the squared norm for clipping, softmax cross-entropy and Adam.
 * Each loop is a vector loop and a scalar tail (masked tails cost the JIT's inlining budget, see
 * {@link PanamaGru}); the memory-bound reductions keep several accumulators so consecutive adds do not
 * wait on each other.
 */
final class PanamaOps {

  private final ConstantSpecies species;
  private final VectorSpecies<Double> doubles;
  private final boolean fma;

  PanamaOps(VectorSpecies<Float> species, boolean fma) {
    this.species = ConstantSpecies.of(species);
    // Same bit size, half the lanes: a float vector widens into two of these.
    this.doubles = DoubleVector.SPECIES_PREFERRED.withShape(species.vectorShape());
    this.fma = fma;
  }

  /** a * b + c, fused when the CPU fuses. */
  private FloatVector mulAdd(FloatVector a, FloatVector b, FloatVector c) {
    return fma ? a.fma(b, c) : a.mul(b).add(c);
  }

  /** a * b + c, fused exactly when the vector form is. */
  private float mulAdd(float a, float b, float c) {
    return fma ? Math.fma(a, b, c) : a * b + c;
  }

  // c[i][j] += bias[j]
  void addBiasRows(int rows, int cols, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    VectorSpecies<Float> vs = species.get();
    int bound = vs.loopBound(cols);
    for (int i = 0; i < rows; i++) {
      int row = cOff + i * ldc;
      int j = 0;
      for (; j < bound; j += vs.length()) {
        FloatVector.fromArray(vs, c, row + j).add(FloatVector.fromArray(vs, bias, biasOff + j)).intoArray(c, row + j);
      }
      for (; j < cols; j++) {
        c[row + j] += bias[biasOff + j];
      }
    }
  }

  // sums[j] += sum_i a[i][j]: the whole vectors of columns, then the rest apart. The vector loops live in their own
  // method so that its compiled code never meets a call it has not seen: a dense head's single column is all tail,
  // a GRU's 3H columns have none, and C2, compiling from a profile that held only the latter, left the tail out
  // and threw the method back to the interpreter at the next head (125,920 bytes of heap vectors per step in
  // `bench` M until it was compiled again).
  void columnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
    int whole = cols - cols % species.get().length();
    if (whole > 0) {
      columnSumsOfVectors(rows, whole, a, aOff, lda, sums, sumsOff);
    }
    for (int j = whole; j < cols; j++) {
      float sum = 0f;
      for (int i = 0; i < rows; i++) {
        sum += a[aOff + i * lda + j];
      }
      sums[sumsOff + j] += sum;
    }
  }

  // columnSums over cols, a whole number of vectors: blocks of four vectors of columns, each vector summed down
  // the rows in its own accumulator, so each row is read as four adjacent cache lines (a block of one vector per
  // pass over the rows read one line per row, and took twice as long on the bias gradients of a training step);
  // then single vectors.
  private void columnSumsOfVectors(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
    VectorSpecies<Float> vs = species.get();
    int lanes = vs.length();
    int j = 0;
    for (; j + 4 * lanes <= cols; j += 4 * lanes) {
      FloatVector acc0 = FloatVector.zero(vs);
      FloatVector acc1 = acc0;
      FloatVector acc2 = acc0;
      FloatVector acc3 = acc0;
      for (int i = 0, at = aOff + j; i < rows; i++, at += lda) {
        acc0 = acc0.add(FloatVector.fromArray(vs, a, at));
        acc1 = acc1.add(FloatVector.fromArray(vs, a, at + lanes));
        acc2 = acc2.add(FloatVector.fromArray(vs, a, at + 2 * lanes));
        acc3 = acc3.add(FloatVector.fromArray(vs, a, at + 3 * lanes));
      }
      int out = sumsOff + j;
      FloatVector.fromArray(vs, sums, out).add(acc0).intoArray(sums, out);
      FloatVector.fromArray(vs, sums, out + lanes).add(acc1).intoArray(sums, out + lanes);
      FloatVector.fromArray(vs, sums, out + 2 * lanes).add(acc2).intoArray(sums, out + 2 * lanes);
      FloatVector.fromArray(vs, sums, out + 3 * lanes).add(acc3).intoArray(sums, out + 3 * lanes);
    }
    for (; j + lanes <= cols; j += lanes) {
      FloatVector acc = FloatVector.zero(vs);
      for (int i = 0, at = aOff + j; i < rows; i++, at += lda) {
        acc = acc.add(FloatVector.fromArray(vs, a, at));
      }
      FloatVector.fromArray(vs, sums, sumsOff + j).add(acc).intoArray(sums, sumsOff + j);
    }
  }

  // c[i] += a[i] * b[i]
  void multiplyAdd(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
    VectorSpecies<Float> vs = species.get();
    int i = 0;
    for (int bound = vs.loopBound(n); i < bound; i += vs.length()) {
      mulAdd(FloatVector.fromArray(vs, a, aOff + i), FloatVector.fromArray(vs, b, bOff + i),
          FloatVector.fromArray(vs, c, cOff + i)).intoArray(c, cOff + i);
    }
    for (; i < n; i++) {
      c[cOff + i] = mulAdd(a[aOff + i], b[bOff + i], c[cOff + i]);
    }
  }

  // y[i] += alpha * x[i]
  void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    VectorSpecies<Float> vs = species.get();
    FloatVector alphas = FloatVector.broadcast(vs, alpha);
    int i = 0;
    for (int bound = vs.loopBound(n); i < bound; i += vs.length()) {
      mulAdd(alphas, FloatVector.fromArray(vs, x, xOff + i), FloatVector.fromArray(vs, y, yOff + i))
          .intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] = mulAdd(alpha, x[xOff + i], y[yOff + i]);
    }
  }

  // x[i] *= alpha
  void scale(int n, float alpha, float[] x, int xOff) {
    VectorSpecies<Float> vs = species.get();
    int i = 0;
    for (int bound = vs.loopBound(n); i < bound; i += vs.length()) {
      FloatVector.fromArray(vs, x, xOff + i).mul(alpha).intoArray(x, xOff + i);
    }
    for (; i < n; i++) {
      x[xOff + i] *= alpha;
    }
  }

  // sum of x[i]^2: each float lane widened to double (its square is then exact), two accumulators per half
  double sumOfSquares(int n, float[] x, int xOff) {
    VectorSpecies<Float> vs = species.get();
    int step = vs.length();
    DoubleVector low0 = DoubleVector.zero(doubles);
    DoubleVector high0 = low0;
    DoubleVector low1 = low0;
    DoubleVector high1 = low0;
    int i = 0;
    for (; i + 2 * step <= n; i += 2 * step) {
      FloatVector v0 = FloatVector.fromArray(vs, x, xOff + i);
      FloatVector v1 = FloatVector.fromArray(vs, x, xOff + i + step);
      low0 = squareAdd(widen(v0, 0), low0);
      high0 = squareAdd(widen(v0, 1), high0);
      low1 = squareAdd(widen(v1, 0), low1);
      high1 = squareAdd(widen(v1, 1), high1);
    }
    for (; i + step <= n; i += step) {
      FloatVector v = FloatVector.fromArray(vs, x, xOff + i);
      low0 = squareAdd(widen(v, 0), low0);
      high0 = squareAdd(widen(v, 1), high0);
    }
    double sum = low0.add(high0).add(low1.add(high1)).reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      double v = x[xOff + i];
      sum += v * v;
    }
    return sum;
  }

  private DoubleVector widen(FloatVector v, int half) {
    return (DoubleVector) v.convertShape(VectorOperators.F2D, doubles, half);
  }

  private DoubleVector squareAdd(DoubleVector d, DoubleVector acc) {
    return fma ? d.fma(d, acc) : d.mul(d).add(acc);
  }

  /**
   * Per row: max, then e_j = exp(x_j - max) written to grad with their sum, then grad = gradScale * e / sum
   * minus gradScale at the label. The label's logit is read before grad (which may alias logits) is written.
   */
  double softmaxCrossEntropy(int rows, int classes, float[] logits, int logitsOff, int[] labels, int labelsOff,
                             float gradScale, float[] grad, int gradOff) {
    double loss = 0;
    for (int row = 0; row < rows; row++) {
      int in = logitsOff + row * classes;
      int out = gradOff + row * classes;
      int label = labels[labelsOff + row];
      if (label < 0) {
        Arrays.fill(grad, out, out + classes, 0f);
        continue;
      }
      float max = rowMax(classes, logits, in);
      float labelLogit = logits[in + label];
      float sum = expMinusMax(classes, max, logits, in, grad, out);
      loss += Math.log(sum) - ((double) labelLogit - max);
      float labelProbability = grad[out + label] / sum;
      scale(classes, gradScale / sum, grad, out);
      grad[out + label] = gradScale * (labelProbability - 1f);
    }
    return loss;
  }

  private float rowMax(int n, float[] x, int off) {
    VectorSpecies<Float> vs = species.get();
    int step = vs.length();
    FloatVector max0 = FloatVector.broadcast(vs, Float.NEGATIVE_INFINITY);
    FloatVector max1 = max0;
    int i = 0;
    for (; i + 2 * step <= n; i += 2 * step) {
      max0 = max0.max(FloatVector.fromArray(vs, x, off + i));
      max1 = max1.max(FloatVector.fromArray(vs, x, off + i + step));
    }
    for (; i + step <= n; i += step) {
      max0 = max0.max(FloatVector.fromArray(vs, x, off + i));
    }
    float max = max0.max(max1).reduceLanes(VectorOperators.MAX);
    for (; i < n; i++) {
      max = Math.max(max, x[off + i]);
    }
    return max;
  }

  // e[i] = exp(x[i] - max) into e; returns their sum. One accumulator: the exp, not the add, is the
  // critical path, and a second exp in the loop would push the JIT past its inlining budget.
  private float expMinusMax(int n, float max, float[] x, int xOff, float[] e, int eOff) {
    VectorSpecies<Float> vs = species.get();
    FloatVector sums = FloatVector.zero(vs);
    int i = 0;
    for (int bound = vs.loopBound(n); i < bound; i += vs.length()) {
      FloatVector ei = PanamaActivations.exp(FloatVector.fromArray(vs, x, xOff + i).sub(max));
      ei.intoArray(e, eOff + i);
      sums = sums.add(ei);
    }
    float sum = sums.reduceLanes(VectorOperators.ADD);
    for (; i < n; i++) {
      float ei = PanamaActivations.exp(x[xOff + i] - max);
      e[eOff + i] = ei;
      sum += ei;
    }
    return sum;
  }

  /** Values per call of {@link #adamOfVectors}. */
  private static final int ADAM_CHUNK = 4096;

  /**
   * PyTorch's Adam: m, v moments, bias corrections folded into the step size and the sqrt(v) divisor. In calls of
   * at most {@value #ADAM_CHUNK} values, whole vectors, then the rest apart: the JIT compiles a method for its
   * calls only after some tens of them, and one call a step over every parameter ran on heap-allocated vectors
   * for the first 30 steps (35 MB a step in `bench` L), or in code compiled for its loop under way, thrown away
   * at the loop's first exit, which its profile had never seen. Element-wise, so the split changes no value.
   */
  void adam(int n, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
            float lr, float beta1, float beta2, float eps, int step) {
    float stepSize = (float) (lr / (1.0 - Math.pow(beta1, step)));
    float correction2Sqrt = (float) Math.sqrt(1.0 - Math.pow(beta2, step));
    int whole = n - n % species.get().length();
    for (int i = 0; i < whole; i += ADAM_CHUNK) {
      adamOfVectors(Math.min(ADAM_CHUNK, whole - i), w, wOff + i, g, gOff + i, m, mOff + i, v, vOff + i,
          beta1, beta2, eps, stepSize, correction2Sqrt);
    }
    for (int i = whole; i < n; i++) {
      float gi = g[gOff + i];
      float mi = mulAdd(beta1, m[mOff + i], (1f - beta1) * gi);
      float vi = mulAdd(beta2, v[vOff + i], (1f - beta2) * gi * gi);
      m[mOff + i] = mi;
      v[vOff + i] = vi;
      w[wOff + i] -= stepSize * mi / ((float) Math.sqrt(vi) / correction2Sqrt + eps);
    }
  }

  // adam over n values, a whole number of vectors.
  private void adamOfVectors(int n, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v,
                             int vOff, float beta1, float beta2, float eps, float stepSize, float correction2Sqrt) {
    VectorSpecies<Float> vs = species.get();
    FloatVector b1 = FloatVector.broadcast(vs, beta1);
    FloatVector b2 = FloatVector.broadcast(vs, beta2);
    FloatVector oneMinusB1 = FloatVector.broadcast(vs, 1f - beta1);
    FloatVector oneMinusB2 = FloatVector.broadcast(vs, 1f - beta2);
    for (int i = 0; i < n; i += vs.length()) {
      FloatVector gi = FloatVector.fromArray(vs, g, gOff + i);
      FloatVector mi = mulAdd(b1, FloatVector.fromArray(vs, m, mOff + i), oneMinusB1.mul(gi));
      FloatVector vi = mulAdd(b2, FloatVector.fromArray(vs, v, vOff + i), oneMinusB2.mul(gi).mul(gi));
      mi.intoArray(m, mOff + i);
      vi.intoArray(v, vOff + i);
      FloatVector denominator = vi.sqrt().div(correction2Sqrt).add(eps);
      FloatVector.fromArray(vs, w, wOff + i).sub(mi.mul(stepSize).div(denominator)).intoArray(w, wOff + i);
    }
  }
}
