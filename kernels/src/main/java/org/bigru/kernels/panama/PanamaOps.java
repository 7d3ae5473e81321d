package org.bigru.kernels.panama;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The element-wise and reduction kernels of a training step besides GEMM and the gates: bias add and
 * bias gradient, axpy-like updates, the squared norm for clipping, softmax cross-entropy and Adam.
 * Each loop is full vectors and then one masked vector for the tail; reductions keep several
 * accumulators so consecutive adds do not wait on each other.
 */
final class PanamaOps {

  private final Lanes lanes;
  private final VectorSpecies<Float> species;
  private final VectorSpecies<Double> doubles;
  private final boolean fma;

  PanamaOps(VectorSpecies<Float> species, boolean fma) {
    this.lanes = new Lanes(species);
    this.species = species;
    // Same bit size, half the lanes: a float vector widens into two of these.
    this.doubles = DoubleVector.SPECIES_PREFERRED.withShape(species.vectorShape());
    this.fma = fma;
  }

  /** a * b + c, fused when the CPU fuses. */
  private FloatVector mulAdd(FloatVector a, FloatVector b, FloatVector c) {
    return fma ? a.fma(b, c) : a.mul(b).add(c);
  }

  // c[i][j] += bias[j]
  void addBiasRows(int rows, int cols, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    int step = species.length();
    for (int j = 0; j < cols; j += step) {
      VectorMask<Float> tail = lanes.tail(j, cols);
      FloatVector b = lanes.load(bias, biasOff + j, tail);
      for (int i = 0; i < rows; i++) {
        int at = cOff + i * ldc + j;
        Lanes.store(lanes.load(c, at, tail).add(b), c, at, tail);
      }
    }
  }

  // sums[j] += sum_i a[i][j]: four accumulators over rows i = 0,1,2,3 (mod 4), per block of columns
  void columnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
    int step = species.length();
    for (int j = 0; j < cols; j += step) {
      VectorMask<Float> tail = lanes.tail(j, cols);
      FloatVector acc0 = FloatVector.zero(species);
      FloatVector acc1 = acc0;
      FloatVector acc2 = acc0;
      FloatVector acc3 = acc0;
      int at = aOff + j;
      int i = 0;
      for (; i + 3 < rows; i += 4, at += 4 * lda) {
        acc0 = acc0.add(lanes.load(a, at, tail));
        acc1 = acc1.add(lanes.load(a, at + lda, tail));
        acc2 = acc2.add(lanes.load(a, at + 2 * lda, tail));
        acc3 = acc3.add(lanes.load(a, at + 3 * lda, tail));
      }
      for (; i < rows; i++, at += lda) {
        acc0 = acc0.add(lanes.load(a, at, tail));
      }
      FloatVector total = acc0.add(acc1).add(acc2.add(acc3));
      Lanes.store(lanes.load(sums, sumsOff + j, tail).add(total), sums, sumsOff + j, tail);
    }
  }

  // c[i] += a[i] * b[i]
  void multiplyAdd(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
    int step = species.length();
    for (int i = 0; i < n; i += step) {
      VectorMask<Float> tail = lanes.tail(i, n);
      FloatVector sum = mulAdd(lanes.load(a, aOff + i, tail), lanes.load(b, bOff + i, tail),
          lanes.load(c, cOff + i, tail));
      Lanes.store(sum, c, cOff + i, tail);
    }
  }

  // y[i] += alpha * x[i]
  void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    int step = species.length();
    FloatVector alphas = FloatVector.broadcast(species, alpha);
    for (int i = 0; i < n; i += step) {
      VectorMask<Float> tail = lanes.tail(i, n);
      Lanes.store(mulAdd(alphas, lanes.load(x, xOff + i, tail), lanes.load(y, yOff + i, tail)), y, yOff + i, tail);
    }
  }

  // x[i] *= alpha
  void scale(int n, float alpha, float[] x, int xOff) {
    int step = species.length();
    for (int i = 0; i < n; i += step) {
      VectorMask<Float> tail = lanes.tail(i, n);
      Lanes.store(lanes.load(x, xOff + i, tail).mul(alpha), x, xOff + i, tail);
    }
  }

  // sum of x[i]^2: each float lane widened to double (its square is then exact), two accumulators per half
  double sumOfSquares(int n, float[] x, int xOff) {
    int step = species.length();
    DoubleVector low0 = DoubleVector.zero(doubles);
    DoubleVector high0 = low0;
    DoubleVector low1 = low0;
    DoubleVector high1 = low0;
    int i = 0;
    for (; i + 2 * step <= n; i += 2 * step) {
      FloatVector v0 = FloatVector.fromArray(species, x, xOff + i);
      FloatVector v1 = FloatVector.fromArray(species, x, xOff + i + step);
      low0 = squareAdd(widen(v0, 0), low0);
      high0 = squareAdd(widen(v0, 1), high0);
      low1 = squareAdd(widen(v1, 0), low1);
      high1 = squareAdd(widen(v1, 1), high1);
    }
    for (; i < n; i += step) {
      // Masked-off lanes load as 0 and add nothing.
      FloatVector v = lanes.load(x, xOff + i, lanes.tail(i, n));
      low0 = squareAdd(widen(v, 0), low0);
      high0 = squareAdd(widen(v, 1), high0);
    }
    return low0.add(high0).add(low1.add(high1)).reduceLanes(VectorOperators.ADD);
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
        fill(classes, 0f, grad, out);
        continue;
      }
      if (label >= classes) {
        throw new IllegalArgumentException("label " + label + " of row " + row + " is not a class index in [0, "
            + classes + ")");
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
    int step = species.length();
    FloatVector max0 = FloatVector.broadcast(species, Float.NEGATIVE_INFINITY);
    FloatVector max1 = max0;
    int i = 0;
    for (; i + 2 * step <= n; i += 2 * step) {
      max0 = max0.max(FloatVector.fromArray(species, x, off + i));
      max1 = max1.max(FloatVector.fromArray(species, x, off + i + step));
    }
    for (; i < n; i += step) {
      VectorMask<Float> tail = lanes.tail(i, n);
      FloatVector v = lanes.load(x, off + i, tail);
      max0 = tail == null ? max0.max(v) : max0.lanewise(VectorOperators.MAX, v, tail);
    }
    return max0.max(max1).reduceLanes(VectorOperators.MAX);
  }

  // e[i] = exp(x[i] - max) into e; returns their sum
  private float expMinusMax(int n, float max, float[] x, int xOff, float[] e, int eOff) {
    int step = species.length();
    FloatVector sum0 = FloatVector.zero(species);
    FloatVector sum1 = sum0;
    int i = 0;
    for (; i + 2 * step <= n; i += 2 * step) {
      FloatVector e0 = PanamaActivations.exp(FloatVector.fromArray(species, x, xOff + i).sub(max));
      FloatVector e1 = PanamaActivations.exp(FloatVector.fromArray(species, x, xOff + i + step).sub(max));
      e0.intoArray(e, eOff + i);
      e1.intoArray(e, eOff + i + step);
      sum0 = sum0.add(e0);
      sum1 = sum1.add(e1);
    }
    for (; i < n; i += step) {
      VectorMask<Float> tail = lanes.tail(i, n);
      FloatVector ei = PanamaActivations.exp(lanes.load(x, xOff + i, tail).sub(max));
      Lanes.store(ei, e, eOff + i, tail);
      sum0 = tail == null ? sum0.add(ei) : sum0.add(ei, tail);
    }
    return sum0.add(sum1).reduceLanes(VectorOperators.ADD);
  }

  private void fill(int n, float value, float[] x, int off) {
    FloatVector values = FloatVector.broadcast(species, value);
    for (int i = 0; i < n; i += species.length()) {
      Lanes.store(values, x, off + i, lanes.tail(i, n));
    }
  }

  /** PyTorch's Adam: m, v moments, bias corrections folded into the step size and the sqrt(v) divisor. */
  void adam(int n, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
            float lr, float beta1, float beta2, float eps, int step) {
    float stepSize = (float) (lr / (1.0 - Math.pow(beta1, step)));
    float correction2Sqrt = (float) Math.sqrt(1.0 - Math.pow(beta2, step));
    FloatVector b1 = FloatVector.broadcast(species, beta1);
    FloatVector b2 = FloatVector.broadcast(species, beta2);
    FloatVector oneMinusB1 = FloatVector.broadcast(species, 1f - beta1);
    FloatVector oneMinusB2 = FloatVector.broadcast(species, 1f - beta2);
    for (int i = 0; i < n; i += species.length()) {
      VectorMask<Float> tail = lanes.tail(i, n);
      FloatVector gi = lanes.load(g, gOff + i, tail);
      FloatVector mi = mulAdd(b1, lanes.load(m, mOff + i, tail), oneMinusB1.mul(gi));
      FloatVector vi = mulAdd(b2, lanes.load(v, vOff + i, tail), oneMinusB2.mul(gi).mul(gi));
      Lanes.store(mi, m, mOff + i, tail);
      Lanes.store(vi, v, vOff + i, tail);
      FloatVector denominator = vi.sqrt().div(correction2Sqrt).add(eps);
      FloatVector wi = lanes.load(w, wOff + i, tail);
      Lanes.store(wi.sub(mi.mul(stepSize).div(denominator)), w, wOff + i, tail);
    }
  }
}
