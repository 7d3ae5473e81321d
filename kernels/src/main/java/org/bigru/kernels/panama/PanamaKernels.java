package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.bigru.kernels.KernelSupport;

/**
 * Kernels on the JDK Vector API. Each kernel family lives in its own class; this one picks the species
 * and routes the calls.
 */
public final class PanamaKernels implements KernelSupport {

  private final VectorSpecies<Float> species;
  private final boolean fma;
  private final PanamaGemm gemm;
  private final PanamaActivations activations;
  private final PanamaGru gru;
  private final PanamaLstm lstm;
  private final PanamaOps ops;

  /**
   * @param requestedBits 0 for the machine's preferred width, or 128, 256 or 512 to force a narrower one
   */
  public PanamaKernels(int requestedBits) {
    this.species = speciesFor(requestedBits);
    this.fma = CpuFeatures.hasFma();
    this.gemm = new PanamaGemm(species, fma);
    this.activations = new PanamaActivations(species);
    this.gru = new PanamaGru(species);
    this.lstm = new PanamaLstm(species);
    this.ops = new PanamaOps(species, fma);
  }

  static VectorSpecies<Float> speciesFor(int requestedBits) {
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    if (requestedBits == 0) {
      return preferred;
    }
    if (requestedBits != 64 && requestedBits != 128 && requestedBits != 256 && requestedBits != 512) {
      throw new IllegalArgumentException("bigru.vectorBits must be 128, 256 or 512, not " + requestedBits);
    }
    if (requestedBits > preferred.vectorBitSize()) {
      throw new IllegalArgumentException("bigru.vectorBits=" + requestedBits + " is wider than this CPU's "
          + preferred.vectorBitSize() + "-bit vectors");
    }
    return FloatVector.SPECIES_PREFERRED.withShape(VectorShape.forBitSize(requestedBits));
  }

  @Override
  public String name() {
    return "panama";
  }

  @Override
  public int vectorBits() {
    return species.vectorBitSize();
  }

  @Override
  public boolean usesFma() {
    return fma;
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float beta, float[] c, int cOff, int ldc) {
    gemm.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  @Override
  public void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
    activations.sigmoid(n, x, xOff, y, yOff);
  }

  @Override
  public void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
    activations.tanh(n, x, xOff, y, yOff);
  }

  @Override
  public void gruForwardResetAfter(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                                   int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved,
                                   int savedOff) {
    gru.forwardResetAfter(rows, hidden, xg, xgOff, hg, hgOff, bias, biasOff, h, hOff, hNew, hNewOff, saved,
        savedOff);
  }

  @Override
  public void gruBackwardResetAfter(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                                    float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                                    float[] dh, int dhOff) {
    gru.backwardResetAfter(rows, hidden, dhNew, dhNewOff, h, hOff, saved, savedOff, dxg, dxgOff, dhg, dhgOff,
        dh, dhOff);
  }

  @Override
  public void gruResetBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                             int biasOff, float[] h, int hOff, float[] rh, int rhOff, float[] saved, int savedOff) {
    gru.resetBefore(rows, hidden, xg, xgOff, hg, hgOff, bias, biasOff, h, hOff, rh, rhOff, saved, savedOff);
  }

  @Override
  public void gruCandidateBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                                 int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved,
                                 int savedOff) {
    gru.candidateBefore(rows, hidden, xg, xgOff, hg, hgOff, bias, biasOff, h, hOff, hNew, hNewOff, saved,
        savedOff);
  }

  @Override
  public void gruBackwardCandidateBefore(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                                         float[] saved, int savedOff, float[] dxg, int dxgOff,
                                         float[] dhg, int dhgOff, float[] dh, int dhOff) {
    gru.backwardCandidateBefore(rows, hidden, dhNew, dhNewOff, h, hOff, saved, savedOff, dxg, dxgOff,
        dhg, dhgOff, dh, dhOff);
  }

  @Override
  public void gruBackwardResetBefore(int rows, int hidden, float[] drh, int drhOff, float[] h, int hOff,
                                     float[] saved, int savedOff, float[] dxg, int dxgOff,
                                     float[] dhg, int dhgOff, float[] dh, int dhOff) {
    gru.backwardResetBefore(rows, hidden, drh, drhOff, h, hOff, saved, savedOff, dxg, dxgOff, dhg, dhgOff,
        dh, dhOff);
  }

  @Override
  public void lstmForward(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                          int biasOff, float[] c, int cOff, float[] cNew, int cNewOff, float[] hNew, int hNewOff,
                          float[] saved, int savedOff) {
    lstm.forward(rows, hidden, xg, xgOff, hg, hgOff, bias, biasOff, c, cOff, cNew, cNewOff, hNew, hNewOff,
        saved, savedOff);
  }

  @Override
  public void lstmBackward(int rows, int hidden, float[] dhNew, int dhNewOff, float[] dcNew, int dcNewOff,
                           float[] c, int cOff, float[] saved, int savedOff, float[] dGates, int dGatesOff,
                           float[] dc, int dcOff) {
    lstm.backward(rows, hidden, dhNew, dhNewOff, dcNew, dcNewOff, c, cOff, saved, savedOff, dGates, dGatesOff,
        dc, dcOff);
  }

  @Override
  public void addBiasRows(int rows, int cols, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    ops.addBiasRows(rows, cols, bias, biasOff, c, cOff, ldc);
  }

  @Override
  public void columnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
    ops.columnSums(rows, cols, a, aOff, lda, sums, sumsOff);
  }

  @Override
  public void multiplyAdd(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
    ops.multiplyAdd(n, a, aOff, b, bOff, c, cOff);
  }

  @Override
  public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    ops.axpy(n, alpha, x, xOff, y, yOff);
  }

  @Override
  public void scale(int n, float alpha, float[] x, int xOff) {
    ops.scale(n, alpha, x, xOff);
  }

  @Override
  public double sumOfSquares(int n, float[] x, int xOff) {
    return ops.sumOfSquares(n, x, xOff);
  }

  @Override
  public double softmaxCrossEntropy(int rows, int classes, float[] logits, int logitsOff, int[] labels,
                                    int labelsOff, float gradScale, float[] grad, int gradOff) {
    return ops.softmaxCrossEntropy(rows, classes, logits, logitsOff, labels, labelsOff, gradScale, grad, gradOff);
  }

  @Override
  public void adam(int n, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                   float lr, float beta1, float beta2, float eps, int step) {
    ops.adam(n, w, wOff, g, gOff, m, mOff, v, vOff, lr, beta1, beta2, eps, step);
  }
}
