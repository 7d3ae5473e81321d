package org.bigru.model;

import java.util.Arrays;
import org.bigru.kernels.Kernels;

/**
 * The GRU step, in any of the three {@link ResetGateMode}s, PyTorch's gate order r | z | n. Each step saves
 * {@code r | z | n | hn} per row (see {@link Kernels}); reset before multiplication also keeps r * h, the
 * operand of the candidate's recurrent product.
 */
final class GruCell extends RecurrentCell {

  private static final Kernels K = Kernels.get();

  private final boolean resetAfter;
  // [4H] b_ir + b_hr | b_iz + b_hz | b_in | b_hn, the biases as the gate kernels add them
  private final float[] gateBias;

  private boolean keepAllSteps;
  private float[] recurrentGates = new float[0];   // [N][3H] W_hh h of the current step
  private float[] resetStates = new float[0];      // [T][N][H] r * h, reset before only ([N][H] in inference)
  private float[] resetStatesGrad = new float[0];  // [N][H] d(r * h) of the current step

  /** @param prefix the module and suffix of the names, for example {@code gru.} and {@code l0_reverse} */
  GruCell(int inputSize, int hidden, ResetGateMode mode, String prefix, String suffix) {
    super(CellType.GRU, inputSize, hidden, mode.hasRecurrentBias(), prefix, suffix);
    this.resetAfter = mode.resetAfter();
    this.gateBias = new float[4 * hidden];
  }

  @Override
  int savedWidth() {
    return 4 * hidden;
  }

  @Override
  boolean separateRecurrentGateGradients() {
    return true;
  }

  @Override
  void beginForward(int steps, int n, boolean forBackward, float[] c0) {
    if (c0 != null) {
      throw new IllegalArgumentException("a GRU has no cell state");
    }
    keepAllSteps = forBackward;
    recurrentWeightsT.refresh();
    buildGateBias();
    recurrentGates = Workspace.grow(recurrentGates, Workspace.size(n, 3 * hidden));
    if (!resetAfter) {
      resetStates = Workspace.grow(resetStates, Workspace.size(forBackward ? Workspace.size(steps, n) : n, hidden));
    }
  }

  /** gateBias from b_ih and b_hh (zeros without a recurrent bias). */
  private void buildGateBias() {
    float[] values = biasIh.values();
    int bi = biasIh.offset();
    int bh = biasHh == null ? -1 : biasHh.offset();
    for (int j = 0; j < 3 * hidden; j++) {
      gateBias[j] = j < 2 * hidden && bh >= 0 ? values[bi + j] + values[bh + j] : values[bi + j];
    }
    for (int j = 0; j < hidden; j++) {
      gateBias[3 * hidden + j] = bh < 0 ? 0f : values[bh + 2 * hidden + j];
    }
  }

  @Override
  void forwardStep(int t, int active, int n, float[] xg, int xgOff, float[] states, int hOff, int hNewOff,
                          float[] saved, int savedOff) {
    int g = 3 * hidden;
    float[] whhT = recurrentWeightsT.values();
    if (resetAfter) {
      // hg[rows x 3H] = h W_hh^T
      K.gemm(false, false, active, g, hidden, 1f, states, hOff, hidden, whhT, 0, g, 0f, recurrentGates, 0, g);
      K.gruForwardResetAfter(active, hidden, xg, xgOff, recurrentGates, 0, gateBias, 0, states, hOff,
          states, hNewOff, saved, savedOff);
      return;
    }
    int rOff = keepAllSteps ? hOff : 0;
    // the r and z columns: hg_rz[rows x 2H] = h W_h(r,z)^T
    K.gemm(false, false, active, 2 * hidden, hidden, 1f, states, hOff, hidden, whhT, 0, g,
        0f, recurrentGates, 0, g);
    K.gruResetBefore(active, hidden, xg, xgOff, recurrentGates, 0, gateBias, 0, states, hOff,
        resetStates, rOff, saved, savedOff);
    // the n column from r * h: hg_n[rows x H] = (r * h) W_hn^T
    K.gemm(false, false, active, hidden, hidden, 1f, resetStates, rOff, hidden, whhT, 2 * hidden, g,
        0f, recurrentGates, 2 * hidden, g);
    K.gruCandidateBefore(active, hidden, xg, xgOff, recurrentGates, 0, gateBias, 0, states, hOff,
        states, hNewOff, saved, savedOff);
    Arrays.fill(resetStates, rOff + active * hidden, rOff + n * hidden, 0f);
  }

  @Override
  void beginBackward(int n) {
    if (!resetAfter) {
      resetStatesGrad = Workspace.grow(resetStatesGrad, Workspace.size(n, hidden));
    }
  }

  @Override
  void backwardStep(int t, int active, int n, float[] dhNew, int dhNewOff, float[] states, int hOff,
                           float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                           float[] carry) {
    int g = 3 * hidden;
    float[] whh = weightHh.values();
    int whhOff = weightHh.offset();
    if (resetAfter) {
      K.gruBackwardResetAfter(active, hidden, dhNew, dhNewOff, states, hOff, saved, savedOff,
          dxg, dxgOff, dhg, dhgOff, carry, 0);
      // carry[rows x H] += dhg[rows x 3H] W_hh
      K.gemm(false, false, active, hidden, g, 1f, dhg, dhgOff, g, whh, whhOff, hidden, 1f, carry, 0, hidden);
      return;
    }
    K.gruBackwardCandidateBefore(active, hidden, dhNew, dhNewOff, states, hOff, saved, savedOff,
        dxg, dxgOff, dhg, dhgOff, carry, 0);
    // d(r * h)[rows x H] = dhg_n W_hn
    K.gemm(false, false, active, hidden, hidden, 1f, dhg, dhgOff + 2 * hidden, g,
        whh, whhOff + 2 * hidden * hidden, hidden, 0f, resetStatesGrad, 0, hidden);
    K.gruBackwardResetBefore(active, hidden, resetStatesGrad, 0, states, hOff, saved, savedOff,
        dxg, dxgOff, dhg, dhgOff, carry, 0);
    // carry += dhg_rz W_h(r,z)
    K.gemm(false, false, active, hidden, 2 * hidden, 1f, dhg, dhgOff, g, whh, whhOff, hidden, 1f, carry, 0, hidden);
  }

  @Override
  void recurrentGradients(int firstRow, int rows, float[] dxg, float[] dhg, float[] states) {
    int g = 3 * hidden;
    int hOff = firstRow * hidden;
    float[] grads = weightHh.grads();
    int dWhh = weightHh.offset();
    if (resetAfter) {
      // dW_hh[3H x H] += dhg^T h_prev
      K.gemm(true, false, g, hidden, rows, 1f, dhg, 0, g, states, hOff, hidden, 1f, grads, dWhh, hidden);
    } else {
      K.gemm(true, false, 2 * hidden, hidden, rows, 1f, dhg, 0, g, states, hOff, hidden, 1f, grads, dWhh, hidden);
      // the n block multiplies r * h_prev
      K.gemm(true, false, hidden, hidden, rows, 1f, dhg, 2 * hidden, g, resetStates, hOff, hidden,
          1f, grads, dWhh + 2 * hidden * hidden, hidden);
    }
    if (biasHh != null) {
      K.columnSums(rows, g, dhg, 0, g, grads, biasHh.offset());
    }
  }

  @Override
  float[] initialCellGradient() {
    return null;
  }
}
