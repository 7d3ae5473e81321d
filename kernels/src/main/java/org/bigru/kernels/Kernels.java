package org.bigru.kernels;

/**
 * Every numeric kernel a bidirectional GRU or LSTM needs for training and inference.
 *
 * <p>Matrices are row-major {@code float[]} slices: an array, the offset of element (0, 0) and a
 * leading dimension (the distance between two rows), so callers compute on slices of preallocated
 * buffers without copying. The gate kernels take densely packed rows (row stride {@code 3H}, {@code 4H},
 * {@code 5H} or {@code H}) because the layer keeps its per-step buffers time-major: the rows of one
 * time step are a contiguous slice found by an offset alone.
 *
 * <p>Gate order is PyTorch's: r | z | n. The gate kernels save, per row, {@code r | z | n | hn} in a
 * {@code 4H} buffer, where {@code hn} is the recurrent candidate term {@code W_hn h + b_hn} (reset after)
 * or {@code W_hn (r * h) + b_hn} (reset before); the backward kernels read it back. The LSTM gate order is
 * PyTorch's too: i | f | g | o, with one {@code 4H} bias {@code b_ih + b_hh}.
 *
 * <p>The forward gate kernels take the projections without bias and add the biases themselves, from one
 * {@code 4H} vector {@code b_ir + b_hr | b_iz + b_hz | b_in | b_hn}: the two sums can be added once, and no
 * pass over the projections of all steps is spent on adding a bias.
 *
 * <p>This class is the contract: every method checks its arguments (counts, and slices inside their arrays;
 * {@link KernelArguments}) and then runs the provider chosen once at start-up ({@link #get()}), scalar or
 * Panama, which assume valid arguments. Both providers therefore refuse the same calls with the same message.
 * Kernels are stateless and thread-safe.
 */
public final class Kernels {

  private final KernelSupport support;

  Kernels(KernelSupport support) {
    this.support = support;
  }

  /** The provider chosen at start-up: panama when the Vector API is usable, else scalar. */
  public static Kernels get() {
    return KernelProvider.INSTANCE;
  }

  /**
   * A new provider of the given name, for benchmarks and tools that compare providers in one JVM.
   *
   * @param name       {@code "scalar"} or {@code "panama"} (which falls back to scalar, with a warning, when
   *                   the Vector API is not enabled)
   * @param vectorBits for panama: 0 for the machine's preferred width, or 128, 256 or 512
   */
  public static Kernels create(String name, int vectorBits) {
    if (!name.equals("scalar") && !name.equals("panama")) {
      throw new IllegalArgumentException("kernel provider must be scalar or panama, not " + name);
    }
    return KernelProvider.choose(name, vectorBits);
  }

  /** {@code "panama"} or {@code "scalar"}. */
  public String name() {
    return support.name();
  }

  /** Width in bits of the float vectors used; 32 for the scalar provider. */
  public int vectorBits() {
    return support.vectorBits();
  }

  /** Whether multiply-adds are fused (one rounding). */
  public boolean usesFma() {
    return support.usesFma();
  }

  /** One line naming provider, width and FMA, for logs and {@code info}. */
  public String describe() {
    return name() + ", " + vectorBits() + "-bit, FMA " + (usesFma() ? "on" : "off");
  }

  // ---------------------------------------------------------------- GEMM

  /**
   * C = alpha * op(A) * op(B) + beta * C, with C of m x n, op(A) of m x k and op(B) of k x n.
   *
   * <p>Without transpose A is stored m x k (lda &ge; k); with transpose it is stored k x m (lda &ge; m).
   * Likewise B is stored k x n (ldb &ge; n), or n x k (ldb &ge; k) when transposed. When beta is 0, C is
   * written without being read (NaN in C does not propagate), as in BLAS.
   */
  public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda,
                   float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    KernelArguments.gemm(transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, c, cOff, ldc);
    support.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }

  // ---------------------------------------------------------------- activations

  /** y[i] = 1 / (1 + exp(-x[i])) for i in [0, n); x and y may be the same slice. */
  public void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
    KernelArguments.count("sigmoid", "n", n);
    KernelArguments.vector("sigmoid", "x", x, xOff, n);
    KernelArguments.vector("sigmoid", "y", y, yOff, n);
    support.sigmoid(n, x, xOff, y, yOff);
  }

  /** y[i] = tanh(x[i]) for i in [0, n); x and y may be the same slice. */
  public void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
    KernelArguments.count("tanh", "n", n);
    KernelArguments.vector("tanh", "x", x, xOff, n);
    KernelArguments.vector("tanh", "y", y, yOff, n);
    support.tanh(n, x, xOff, y, yOff);
  }

  // ---------------------------------------------------------------- GRU gates, reset after

  /**
   * One time step of the gates, reset gate applied after the recurrent product (PyTorch, cuDNN, Keras
   * {@code reset_after=True}):
   * <pre>
   * r  = sigmoid(xg_r + hg_r + b_r)      z = sigmoid(xg_z + hg_z + b_z)      hn = hg_n + b_hn
   * n  = tanh(xg_n + b_in + r * hn)      h' = (1 - z) * n + z * h
   * </pre>
   *
   * @param xg    [rows x 3H] input projections W_ih x
   * @param hg    [rows x 3H] recurrent projections W_hh h
   * @param bias  [4H] b_r = b_ir + b_hr | b_z = b_iz + b_hz | b_in | b_hn
   * @param h     [rows x H] previous state
   * @param hNew  [rows x H] new state (may not alias h)
   * @param saved [rows x 4H] receives r | z | n | hn
   */
  public void gruForwardResetAfter(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                                   int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved,
                                   int savedOff) {
    long size = KernelArguments.gates("gruForwardResetAfter", rows, hidden);
    KernelArguments.vector("gruForwardResetAfter", "xg", xg, xgOff, 3L * size);
    KernelArguments.vector("gruForwardResetAfter", "hg", hg, hgOff, 3L * size);
    KernelArguments.vector("gruForwardResetAfter", "bias", bias, biasOff, 4L * hidden);
    KernelArguments.vector("gruForwardResetAfter", "h", h, hOff, size);
    KernelArguments.vector("gruForwardResetAfter", "hNew", hNew, hNewOff, size);
    KernelArguments.vector("gruForwardResetAfter", "saved", saved, savedOff, 4L * size);
    support.gruForwardResetAfter(rows, hidden, xg, xgOff, hg, hgOff, bias, biasOff, h, hOff, hNew, hNewOff, saved,
        savedOff);
  }

  /**
   * Backward of {@link #gruForwardResetAfter} for one time step.
   *
   * @param dhNew [rows x H] gradient of the loss with respect to h'
   * @param h     [rows x H] previous state used in the forward step
   * @param saved [rows x 4H] what the forward step saved
   * @param dxg   [rows x 3H] receives the gradient into the input projections (dr | dz | dn pre-activation)
   * @param dhg   [rows x 3H] receives the gradient into the recurrent projections (dr | dz | r * dn)
   * @param dh    [rows x H] receives the direct part dh'*z of the gradient into h; the caller adds
   *              dhg * W_hh with a GEMM
   */
  public void gruBackwardResetAfter(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                                    float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                                    float[] dh, int dhOff) {
    long size = KernelArguments.gates("gruBackwardResetAfter", rows, hidden);
    KernelArguments.vector("gruBackwardResetAfter", "dhNew", dhNew, dhNewOff, size);
    KernelArguments.vector("gruBackwardResetAfter", "h", h, hOff, size);
    KernelArguments.vector("gruBackwardResetAfter", "saved", saved, savedOff, 4L * size);
    KernelArguments.vector("gruBackwardResetAfter", "dxg", dxg, dxgOff, 3L * size);
    KernelArguments.vector("gruBackwardResetAfter", "dhg", dhg, dhgOff, 3L * size);
    KernelArguments.vector("gruBackwardResetAfter", "dh", dh, dhOff, size);
    support.gruBackwardResetAfter(rows, hidden, dhNew, dhNewOff, h, hOff, saved, savedOff, dxg, dxgOff, dhg, dhgOff,
        dh, dhOff);
  }

  // ---------------------------------------------------------------- GRU gates, reset before

  /**
   * First half of a reset-before step (Cho et al. 2014, Keras {@code reset_after=False}): the candidate's
   * recurrent product needs r first, so the step is split around that GEMM.
   * <pre>
   * r = sigmoid(xg_r + hg_r + b_r)    z = sigmoid(xg_z + hg_z + b_z)    rh = r * h
   * </pre>
   * Only the r and z columns of hg and of bias (the 4H vector of {@link #gruForwardResetAfter}) are read.
   * Saves r and z into saved.
   *
   * @param rh [rows x H] receives r * h, the operand of the caller's GEMM hg_n = rh W_hn^T
   */
  public void gruResetBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                             int biasOff, float[] h, int hOff, float[] rh, int rhOff, float[] saved, int savedOff) {
    long size = KernelArguments.gates("gruResetBefore", rows, hidden);
    KernelArguments.vector("gruResetBefore", "xg", xg, xgOff, 3L * size);
    KernelArguments.vector("gruResetBefore", "hg", hg, hgOff, 3L * size);
    KernelArguments.vector("gruResetBefore", "bias", bias, biasOff, 4L * hidden);
    KernelArguments.vector("gruResetBefore", "h", h, hOff, size);
    KernelArguments.vector("gruResetBefore", "rh", rh, rhOff, size);
    KernelArguments.vector("gruResetBefore", "saved", saved, savedOff, 4L * size);
    support.gruResetBefore(rows, hidden, xg, xgOff, hg, hgOff, bias, biasOff, h, hOff, rh, rhOff, saved, savedOff);
  }

  /**
   * Second half of a reset-before step, once the caller has written hg_n = W_hn (r * h):
   * <pre>
   * hn = hg_n + b_hn       n = tanh(xg_n + b_in + hn)       h' = (1 - z) * n + z * h
   * </pre>
   * Only the n columns of hg and the b_in and b_hn parts of bias are read. Reads r and z from saved and
   * stores n and hn there.
   */
  public void gruCandidateBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                                 int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved,
                                 int savedOff) {
    long size = KernelArguments.gates("gruCandidateBefore", rows, hidden);
    KernelArguments.vector("gruCandidateBefore", "xg", xg, xgOff, 3L * size);
    KernelArguments.vector("gruCandidateBefore", "hg", hg, hgOff, 3L * size);
    KernelArguments.vector("gruCandidateBefore", "bias", bias, biasOff, 4L * hidden);
    KernelArguments.vector("gruCandidateBefore", "h", h, hOff, size);
    KernelArguments.vector("gruCandidateBefore", "hNew", hNew, hNewOff, size);
    KernelArguments.vector("gruCandidateBefore", "saved", saved, savedOff, 4L * size);
    support.gruCandidateBefore(rows, hidden, xg, xgOff, hg, hgOff, bias, biasOff, h, hOff, hNew, hNewOff, saved,
        savedOff);
  }

  /**
   * First half of the reset-before backward step: the gradients into z and n, and the direct part of dh.
   * Writes the z and n columns of dxg and dhg (they are equal), and dh = dh' * z. The caller then
   * computes d(rh) = dhg_n * W_hn with a GEMM and calls {@link #gruBackwardResetBefore}.
   */
  public void gruBackwardCandidateBefore(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                                         float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg,
                                         int dhgOff, float[] dh, int dhOff) {
    long size = KernelArguments.gates("gruBackwardCandidateBefore", rows, hidden);
    KernelArguments.vector("gruBackwardCandidateBefore", "dhNew", dhNew, dhNewOff, size);
    KernelArguments.vector("gruBackwardCandidateBefore", "h", h, hOff, size);
    KernelArguments.vector("gruBackwardCandidateBefore", "saved", saved, savedOff, 4L * size);
    KernelArguments.vector("gruBackwardCandidateBefore", "dxg", dxg, dxgOff, 3L * size);
    KernelArguments.vector("gruBackwardCandidateBefore", "dhg", dhg, dhgOff, 3L * size);
    KernelArguments.vector("gruBackwardCandidateBefore", "dh", dh, dhOff, size);
    support.gruBackwardCandidateBefore(rows, hidden, dhNew, dhNewOff, h, hOff, saved, savedOff, dxg, dxgOff, dhg,
        dhgOff, dh, dhOff);
  }

  /**
   * Second half of the reset-before backward step: from d(rh), the gradient into r (written to the r
   * columns of dxg and dhg) and dh += d(rh) * r. The caller then adds dhg_rz * W_h(r,z) into dh.
   *
   * @param drh [rows x H] gradient with respect to r * h
   */
  public void gruBackwardResetBefore(int rows, int hidden, float[] drh, int drhOff, float[] h, int hOff,
                                     float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                                     float[] dh, int dhOff) {
    long size = KernelArguments.gates("gruBackwardResetBefore", rows, hidden);
    KernelArguments.vector("gruBackwardResetBefore", "drh", drh, drhOff, size);
    KernelArguments.vector("gruBackwardResetBefore", "h", h, hOff, size);
    KernelArguments.vector("gruBackwardResetBefore", "saved", saved, savedOff, 4L * size);
    KernelArguments.vector("gruBackwardResetBefore", "dxg", dxg, dxgOff, 3L * size);
    KernelArguments.vector("gruBackwardResetBefore", "dhg", dhg, dhgOff, 3L * size);
    KernelArguments.vector("gruBackwardResetBefore", "dh", dh, dhOff, size);
    support.gruBackwardResetBefore(rows, hidden, drh, drhOff, h, hOff, saved, savedOff, dxg, dxgOff, dhg, dhgOff, dh,
        dhOff);
  }

  // ---------------------------------------------------------------- LSTM gates

  /**
   * One LSTM time step (PyTorch {@code nn.LSTM}, gate order i | f | g | o):
   * <pre>
   * i  = sigmoid(xg_i + hg_i + b_i)      f  = sigmoid(xg_f + hg_f + b_f)
   * g  = tanh(xg_g + hg_g + b_g)         o  = sigmoid(xg_o + hg_o + b_o)
   * c' = f * c + i * g                   h' = o * tanh(c')
   * </pre>
   *
   * @param xg    [rows x 4H] input projections W_ih x, without bias
   * @param hg    [rows x 4H] recurrent projections W_hh h
   * @param bias  [4H] b_ih + b_hh
   * @param c     [rows x H] previous cell state
   * @param cNew  [rows x H] new cell state (may not alias c)
   * @param hNew  [rows x H] new hidden state (may not alias c)
   * @param saved [rows x 5H] receives i | f | g | o | tanh(c') (the activated gates)
   */
  public void lstmForward(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                          int biasOff, float[] c, int cOff, float[] cNew, int cNewOff, float[] hNew, int hNewOff,
                          float[] saved, int savedOff) {
    long size = KernelArguments.gates("lstmForward", rows, hidden);
    KernelArguments.vector("lstmForward", "xg", xg, xgOff, 4L * size);
    KernelArguments.vector("lstmForward", "hg", hg, hgOff, 4L * size);
    KernelArguments.vector("lstmForward", "bias", bias, biasOff, 4L * hidden);
    KernelArguments.vector("lstmForward", "c", c, cOff, size);
    KernelArguments.vector("lstmForward", "cNew", cNew, cNewOff, size);
    KernelArguments.vector("lstmForward", "hNew", hNew, hNewOff, size);
    KernelArguments.vector("lstmForward", "saved", saved, savedOff, 5L * size);
    support.lstmForward(rows, hidden, xg, xgOff, hg, hgOff, bias, biasOff, c, cOff, cNew, cNewOff, hNew, hNewOff,
        saved, savedOff);
  }

  /**
   * Backward of {@link #lstmForward} for one time step:
   * <pre>
   * dc' = dcNew + dh' * o * (1 - tanh(c')^2)
   * do  = dh' * tanh(c') * o * (1 - o)        dg = dc' * i * (1 - g^2)
   * di  = dc' * g * i * (1 - i)               df = dc' * c * f * (1 - f)
   * dc  = dc' * f
   * </pre>
   *
   * @param dhNew  [rows x H] gradient of the loss with respect to h'
   * @param dcNew  [rows x H] gradient with respect to c' that flows in from the next step (not including the
   *               part through h')
   * @param c      [rows x H] previous cell state used in the forward step
   * @param saved  [rows x 5H] what the forward step saved
   * @param dGates [rows x 4H] receives the pre-activation gradients di | df | dg | do: the gradient into both
   *               projections and the bias; the caller forms dh = dGates W_hh and the weight gradients with
   *               GEMMs
   * @param dc     [rows x H] receives the gradient with respect to the previous cell state; may alias dcNew
   *               (each element is read before it is written)
   */
  public void lstmBackward(int rows, int hidden, float[] dhNew, int dhNewOff, float[] dcNew, int dcNewOff, float[] c,
                           int cOff, float[] saved, int savedOff, float[] dGates, int dGatesOff, float[] dc, int dcOff) {
    long size = KernelArguments.gates("lstmBackward", rows, hidden);
    KernelArguments.vector("lstmBackward", "dhNew", dhNew, dhNewOff, size);
    KernelArguments.vector("lstmBackward", "dcNew", dcNew, dcNewOff, size);
    KernelArguments.vector("lstmBackward", "c", c, cOff, size);
    KernelArguments.vector("lstmBackward", "saved", saved, savedOff, 5L * size);
    KernelArguments.vector("lstmBackward", "dGates", dGates, dGatesOff, 4L * size);
    KernelArguments.vector("lstmBackward", "dc", dc, dcOff, size);
    support.lstmBackward(rows, hidden, dhNew, dhNewOff, dcNew, dcNewOff, c, cOff, saved, savedOff, dGates, dGatesOff,
        dc, dcOff);
  }

  // ---------------------------------------------------------------- the rest of a training step

  /** c[i][j] += bias[j] for a rows x cols slice of c. */
  public void addBiasRows(int rows, int cols, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    KernelArguments.count("addBiasRows", "rows", rows);
    KernelArguments.count("addBiasRows", "cols", cols);
    KernelArguments.vector("addBiasRows", "bias", bias, biasOff, rows == 0 ? 0 : cols);
    KernelArguments.matrix("addBiasRows", "c", c, cOff, ldc, rows, cols);
    support.addBiasRows(rows, cols, bias, biasOff, c, cOff, ldc);
  }

  /** sums[j] += sum over i of a[i][j] for a rows x cols slice of a (bias gradients). */
  public void columnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
    KernelArguments.count("columnSums", "rows", rows);
    KernelArguments.count("columnSums", "cols", cols);
    KernelArguments.matrix("columnSums", "a", a, aOff, lda, rows, cols);
    KernelArguments.vector("columnSums", "sums", sums, sumsOff, rows == 0 ? 0 : cols);
    support.columnSums(rows, cols, a, aOff, lda, sums, sumsOff);
  }

  /** c[i] += a[i] * b[i] for i in [0, n). */
  public void multiplyAdd(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
    KernelArguments.count("multiplyAdd", "n", n);
    KernelArguments.vector("multiplyAdd", "a", a, aOff, n);
    KernelArguments.vector("multiplyAdd", "b", b, bOff, n);
    KernelArguments.vector("multiplyAdd", "c", c, cOff, n);
    support.multiplyAdd(n, a, aOff, b, bOff, c, cOff);
  }

  /** y[i] += alpha * x[i] for i in [0, n). */
  public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    KernelArguments.count("axpy", "n", n);
    KernelArguments.vector("axpy", "x", x, xOff, n);
    KernelArguments.vector("axpy", "y", y, yOff, n);
    support.axpy(n, alpha, x, xOff, y, yOff);
  }

  /** x[i] *= alpha for i in [0, n). */
  public void scale(int n, float alpha, float[] x, int xOff) {
    KernelArguments.count("scale", "n", n);
    KernelArguments.vector("scale", "x", x, xOff, n);
    support.scale(n, alpha, x, xOff);
  }

  /** Sum of x[i]^2 for i in [0, n), accumulated in double precision per lane. */
  public double sumOfSquares(int n, float[] x, int xOff) {
    KernelArguments.count("sumOfSquares", "n", n);
    KernelArguments.vector("sumOfSquares", "x", x, xOff, n);
    return support.sumOfSquares(n, x, xOff);
  }

  /**
   * Softmax cross-entropy over rows of logits, numerically stable (the row maximum is subtracted).
   * For each row i with labels[labelsOff + i] &ge; 0: loss_i = -log softmax(logits_i)[label], and
   * grad_i = gradScale * (softmax(logits_i) - onehot(label)). A negative label marks a masked row
   * (padding): it adds no loss and its gradient row is zero.
   *
   * @param logits [rows x classes], row stride classes
   * @param grad   [rows x classes] receives the gradient; may alias logits
   * @return the sum of loss_i over the rows that are not masked
   */
  public double softmaxCrossEntropy(int rows, int classes, float[] logits, int logitsOff, int[] labels, int labelsOff,
                                    float gradScale, float[] grad, int gradOff) {
    KernelArguments.count("softmaxCrossEntropy", "rows", rows);
    if (classes < 1) {
      throw new IllegalArgumentException("softmaxCrossEntropy: classes must be >= 1, found " + classes);
    }
    long size = (long) rows * classes;
    KernelArguments.vector("softmaxCrossEntropy", "logits", logits, logitsOff, size);
    KernelArguments.vector("softmaxCrossEntropy", "labels", labels, labelsOff, rows);
    KernelArguments.vector("softmaxCrossEntropy", "grad", grad, gradOff, size);
    KernelArguments.labels(rows, classes, labels, labelsOff);
    return support.softmaxCrossEntropy(rows, classes, logits, logitsOff, labels, labelsOff, gradScale, grad, gradOff);
  }

  /**
   * One in-place Adam step over n parameters, with PyTorch's formula:
   * <pre>
   * m = beta1 m + (1 - beta1) g          v = beta2 v + (1 - beta2) g^2
   * w -= (lr / (1 - beta1^t)) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
   * </pre>
   *
   * @param step t, the 1-based number of this update
   */
  public void adam(int n, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                   float lr, float beta1, float beta2, float eps, int step) {
    KernelArguments.count("adam", "n", n);
    KernelArguments.vector("adam", "w", w, wOff, n);
    KernelArguments.vector("adam", "g", g, gOff, n);
    KernelArguments.vector("adam", "m", m, mOff, n);
    KernelArguments.vector("adam", "v", v, vOff, n);
    if (step < 1) {
      throw new IllegalArgumentException("adam: step must be >= 1, found " + step);
    }
    support.adam(n, w, wOff, g, gOff, m, mOff, v, vOff, lr, beta1, beta2, eps, step);
  }
}
