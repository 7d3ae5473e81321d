package org.bigru.model;

import java.util.Arrays;
import org.bigru.kernels.Kernels;

/**
 * The LSTM step, PyTorch's gate order i | f | g | o:
 * <pre>
 * i = sigmoid(W_ii x + b_ii + W_hi h + b_hi)    f = sigmoid(...)    g = tanh(...)    o = sigmoid(...)
 * c' = f * c + i * g                            h' = o * tanh(c')
 * </pre>
 * It carries the cell state c beside h: every step's when training (slot t + 1 is c after step t, slot 0 is c0),
 * else two slots used in turn. Each step saves {@code i | f | g | o | tanh(c')} per row. The gradient into the
 * gates is the same for both projections and both biases, so one gate-gradient buffer serves both sides.
 */
final class LstmCell extends RecurrentCell {

  private static final Kernels K = Kernels.get();

  private final float[] gateBias;    // [4H] b_ih + b_hh

  private boolean keepAllSteps;
  private float[] recurrentGates = new float[0];  // [N][4H] W_hh h of the current step
  private float[] cells = new float[0];           // [T+1][N][H] c ([2][N][H] in inference)
  private float[] cellCarry = new float[0];       // [N][H] gradient flowing into the previous c

  /** @param prefix the module and suffix of the names, for example {@code lstm.} and {@code l0_reverse} */
  LstmCell(int inputSize, int hidden, String prefix, String suffix) {
    super(CellType.LSTM, inputSize, hidden, true, prefix, suffix);
    this.gateBias = new float[4 * hidden];
  }

  @Override
  int savedWidth() {
    return 5 * hidden;
  }

  @Override
  boolean separateRecurrentGateGradients() {
    return false;
  }

  /** As Keras and MATLAB ('unit-forget-gate'): the forget gate's bias starts at 1, so c is kept at first. */
  @Override
  void initialize(Initializer init) {
    super.initialize(init);
    for (int j = hidden; j < 2 * hidden; j++) {
      biasIh.set(j, 1f);
    }
  }

  @Override
  void beginForward(int steps, int n, boolean forBackward, float[] c0) {
    keepAllSteps = forBackward;
    recurrentWeightsT.refresh();
    float[] values = biasIh.values();
    for (int j = 0; j < 4 * hidden; j++) {
      gateBias[j] = values[biasIh.offset() + j] + values[biasHh.offset() + j];
    }
    int slots = forBackward ? steps + 1 : 2;
    recurrentGates = Workspace.grow(recurrentGates, Workspace.size(n, 4 * hidden));
    cells = Workspace.grow(cells, Workspace.size(Workspace.size(slots, n), hidden));
    if (c0 == null) {
      Arrays.fill(cells, 0, n * hidden, 0f);
    } else {
      System.arraycopy(c0, 0, cells, 0, n * hidden);
    }
  }

  @Override
  boolean carriesCellState() {
    return true;
  }

  @Override
  void copyCellState(int slot, int row, int n, float[] dst, int off) {
    System.arraycopy(cells, cellSlot(slot, n) + row * hidden, dst, off, hidden);
  }

  /** Offset of the cell state after step t - 1 (slot t). */
  private int cellSlot(int t, int n) {
    return (keepAllSteps ? t : t & 1) * n * hidden;
  }

  @Override
  void forwardStep(int t, int active, int n, float[] xg, int xgOff, float[] states, int hOff, int hNewOff,
                          float[] saved, int savedOff) {
    int g = 4 * hidden;
    int cOff = cellSlot(t, n);
    int cNewOff = cellSlot(t + 1, n);
    // hg[rows x 4H] = h W_hh^T
    K.gemm(false, false, active, g, hidden, 1f, states, hOff, hidden, recurrentWeightsT.values(), 0, g,
        0f, recurrentGates, 0, g);
    K.lstmForward(active, hidden, xg, xgOff, recurrentGates, 0, gateBias, 0, cells, cOff, cells, cNewOff,
        states, hNewOff, saved, savedOff);
    Arrays.fill(cells, cNewOff + active * hidden, cNewOff + n * hidden, 0f);
  }

  @Override
  void beginBackward(int n) {
    cellCarry = Workspace.grow(cellCarry, Workspace.size(n, hidden));
    Arrays.fill(cellCarry, 0, n * hidden, 0f);
  }

  @Override
  void backwardStep(int t, int active, int n, float[] dhNew, int dhNewOff, float[] states, int hOff,
                           float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                           float[] carry) {
    int g = 4 * hidden;
    // dGates[rows x 4H] into dxg; the cell carry becomes the gradient into the previous c
    K.lstmBackward(active, hidden, dhNew, dhNewOff, cellCarry, 0, cells, cellSlot(t, n), saved, savedOff,
        dxg, dxgOff, cellCarry, 0);
    // carry[rows x H] = dGates[rows x 4H] W_hh
    K.gemm(false, false, active, hidden, g, 1f, dxg, dxgOff, g, weightHh.values(), weightHh.offset(), hidden,
        0f, carry, 0, hidden);
  }

  @Override
  void recurrentGradients(int firstRow, int rows, float[] dxg, float[] dhg, float[] states) {
    int g = 4 * hidden;
    float[] grads = weightHh.grads();
    // dW_hh[4H x H] += dGates^T h_prev
    K.gemm(true, false, g, hidden, rows, 1f, dxg, 0, g, states, firstRow * hidden, hidden,
        1f, grads, weightHh.offset(), hidden);
    K.columnSums(rows, g, dxg, 0, g, grads, biasHh.offset());
  }

  @Override
  float[] initialCellGradient() {
    return cellCarry;
  }
}
