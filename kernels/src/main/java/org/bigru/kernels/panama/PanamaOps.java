package org.bigru.kernels.panama;

import jdk.incubator.vector.VectorSpecies;
import org.bigru.kernels.ScalarKernels;

/** PLACEHOLDER: delegates to scalar until the vector version lands. */
final class PanamaOps {
  final ScalarKernels scalar = new ScalarKernels();
  PanamaOps(VectorSpecies<Float> species, boolean fma) {
  }

  void addBiasRows(int rows, int cols, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    scalar.addBiasRows(rows, cols, bias, biasOff, c, cOff, ldc);
  }

  void columnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
    scalar.columnSums(rows, cols, a, aOff, lda, sums, sumsOff);
  }

  void multiplyAdd(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
    scalar.multiplyAdd(n, a, aOff, b, bOff, c, cOff);
  }

  void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    scalar.axpy(n, alpha, x, xOff, y, yOff);
  }

  void scale(int n, float alpha, float[] x, int xOff) {
    scalar.scale(n, alpha, x, xOff);
  }

  double sumOfSquares(int n, float[] x, int xOff) {
    return scalar.sumOfSquares(n, x, xOff);
  }

  double softmaxCrossEntropy(int rows, int classes, float[] logits, int logitsOff, int[] labels, int labelsOff, float gradScale, float[] grad, int gradOff) {
    return scalar.softmaxCrossEntropy(rows, classes, logits, logitsOff, labels, labelsOff, gradScale, grad, gradOff);
  }

  void adam(int n, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff, float lr, float beta1, float beta2, float eps, int step) {
    scalar.adam(n, w, wOff, g, gOff, m, mOff, v, vOff, lr, beta1, beta2, eps, step);
  }
}
