package org.bigru.kernels;

/**
 * What a kernel provider implements: the computations of {@link Kernels}, with its shapes and formulas,
 * assuming arguments that {@link Kernels} has checked. Not for direct use: call {@link Kernels}.
 */
public interface KernelSupport {

  /** {@code "panama"} or {@code "scalar"}. */
  String name();

  /** Width in bits of the float vectors used; 32 for the scalar provider. */
  int vectorBits();

  /** Whether multiply-adds are fused (one rounding). */
  boolean usesFma();

  // ---------------------------------------------------------------- GEMM

  void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b,
            int bOff, int ldb, float beta, float[] c, int cOff, int ldc);

  // ---------------------------------------------------------------- activations

  void sigmoid(int n, float[] x, int xOff, float[] y, int yOff);

  void tanh(int n, float[] x, int xOff, float[] y, int yOff);

  // ---------------------------------------------------------------- GRU gates, reset after

  void gruForwardResetAfter(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                            int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved, int savedOff);

  void gruBackwardResetAfter(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff, float[] saved,
                             int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff, float[] dh, int dhOff);

  // ---------------------------------------------------------------- GRU gates, reset before

  void gruResetBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias, int biasOff,
                      float[] h, int hOff, float[] rh, int rhOff, float[] saved, int savedOff);

  void gruCandidateBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                          int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved, int savedOff);

  void gruBackwardCandidateBefore(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                                  float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                                  float[] dh, int dhOff);

  void gruBackwardResetBefore(int rows, int hidden, float[] drh, int drhOff, float[] h, int hOff, float[] saved,
                              int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff, float[] dh, int dhOff);

  // ---------------------------------------------------------------- LSTM gates

  void lstmForward(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias, int biasOff,
                   float[] c, int cOff, float[] cNew, int cNewOff, float[] hNew, int hNewOff, float[] saved,
                   int savedOff);

  void lstmBackward(int rows, int hidden, float[] dhNew, int dhNewOff, float[] dcNew, int dcNewOff, float[] c,
                    int cOff, float[] saved, int savedOff, float[] dGates, int dGatesOff, float[] dc, int dcOff);

  // ---------------------------------------------------------------- the rest of a training step

  void addBiasRows(int rows, int cols, float[] bias, int biasOff, float[] c, int cOff, int ldc);

  void columnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff);

  void multiplyAdd(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff);

  void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff);

  void scale(int n, float alpha, float[] x, int xOff);

  double sumOfSquares(int n, float[] x, int xOff);

  double softmaxCrossEntropy(int rows, int classes, float[] logits, int logitsOff, int[] labels, int labelsOff,
                             float gradScale, float[] grad, int gradOff);

  void adam(int n, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff, float lr,
            float beta1, float beta2, float eps, int step);
}
