package org.bigru.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigru.kernels.Kernels;

/**
 * One direction of a GRU over a length-sorted, time-major batch (PyTorch RNN.cpp's Layer): the input
 * projection of a chunk of steps as one GEMM, then the recurrent scan over them, where step t updates only the
 * {@link BatchOrder#active} rows that have a real step t. Backward runs the scan in reverse and forms the
 * weight gradients of each chunk of steps with one GEMM each.
 *
 * <p>Layout: the rows of step t start at {@code t * N} in every [T][N][*] workspace. The state after step t
 * is slot {@code t + 1} of {@link #states()} (slot 0 is h0); rows without a real step t hold zeros there.
 */
final class GruLayer {

  private static final Kernels K = Kernels.get();
  /**
   * Floats of gates per chunk of steps (256 KB): the forward computes a chunk's input projections with one GEMM
   * and the scan reads them back from L2 rather than from memory (all steps of a batch of 64 x 100 take
   * 9.8 MB); the backward forms a chunk's weight gradients with one GEMM while its gate gradients are in L2.
   */
  private static final int CHUNK_FLOATS = 64 * 1024;
  private static final int CHUNK_MIN_ROWS = 128;

  private final int inputSize;
  private final int hidden;
  private final boolean resetAfter;
  private final Parameter weightIh;  // [3H x I]
  private final Parameter weightHh;  // [3H x H]
  private final Parameter biasIh;    // [3H]
  private final Parameter biasHh;    // [3H], or null without a recurrent bias
  private final TransposedWeights inputWeightsT;      // [I x 3H] W_ih^T
  private final TransposedWeights recurrentWeightsT;  // [H x 3H] W_hh^T
  // [4H] b_ir + b_hr | b_iz + b_hz | b_in | b_hn, the biases as the gate kernels add them
  private final float[] gateBias;

  private BatchOrder order;
  private float[] input;                           // [T][N][I], the caller's, kept for dW_ih
  private float[] inputGates = new float[0];       // [chunk][N][3H] W_ih x of the steps of the current chunk
  private float[] recurrentGates = new float[0];   // [N][3H] W_hh h of the current step
  private float[] states = new float[0];           // [T+1][N][H]
  private float[] saved = new float[0];            // [T][N][4H] r | z | n | hn ([N][4H] in inference)
  private float[] resetStates = new float[0];      // [T][N][H] r * h, reset before only ([N][H] in inference)
  private boolean keptForBackward;
  private float[] outputGrad = new float[0];       // [T][N][H] dLoss/dstate from above, consumed by backward
  private float[] inputGatesGrad = new float[0];   // [chunk][N][3H] of the current chunk
  private float[] recurrentGatesGrad = new float[0]; // [chunk][N][3H] of the current chunk
  private float[] carry = new float[0];            // [N][H] gradient flowing into the previous state
  private float[] resetStatesGrad = new float[0];  // [N][H] d(r * h) of the current step
  private float[] inputGrad = new float[0];        // [T][N][I]

  /**
   * @param suffix the PyTorch name suffix, for example {@code l0} or {@code l1_reverse}
   */
  GruLayer(int inputSize, int hidden, ResetGateMode mode, String suffix) {
    this.inputSize = inputSize;
    this.hidden = hidden;
    this.resetAfter = mode.resetAfter();
    this.weightIh = new Parameter("gru.weight_ih_" + suffix, new int[] {3 * hidden, inputSize}, true);
    this.weightHh = new Parameter("gru.weight_hh_" + suffix, new int[] {3 * hidden, hidden}, true);
    this.biasIh = new Parameter("gru.bias_ih_" + suffix, new int[] {3 * hidden}, false);
    this.biasHh = mode.hasRecurrentBias()
        ? new Parameter("gru.bias_hh_" + suffix, new int[] {3 * hidden}, false) : null;
    this.inputWeightsT = new TransposedWeights(weightIh);
    this.recurrentWeightsT = new TransposedWeights(weightHh);
    this.gateBias = new float[4 * hidden];
  }

  /** In PyTorch's state_dict order: weight_ih, weight_hh, bias_ih, bias_hh. */
  List<Parameter> parameters() {
    List<Parameter> list = new ArrayList<>(List.of(weightIh, weightHh, biasIh));
    if (biasHh != null) {
      list.add(biasHh);
    }
    return list;
  }

  Parameter weightIh() {
    return weightIh;
  }

  Parameter weightHh() {
    return weightHh;
  }

  int hidden() {
    return hidden;
  }

  /**
   * Runs the layer over x [T][N][I] (zeros on padded rows), starting from h0 [N][H] in sorted order, or from
   * zeros when h0 is null. With {@code forBackward} it keeps x and every step's gates for {@link #backward};
   * without (inference), the gates of one step at a time, which keeps them in cache.
   */
  void forward(float[] x, BatchOrder batchOrder, float[] h0, boolean forBackward) {
    order = batchOrder;
    input = x;
    keptForBackward = forBackward;
    int n = order.size();
    int steps = order.steps();
    int g = 3 * hidden;
    int chunkSteps = chunkSteps(steps, n);
    growForward(steps, n, chunkSteps, forBackward);
    buildGateBias();
    inputWeightsT.refresh();
    recurrentWeightsT.refresh();
    if (h0 == null) {
      Arrays.fill(states, 0, n * hidden, 0f);
    } else {
      System.arraycopy(h0, 0, states, 0, n * hidden);
    }
    for (int t = 0; t < steps; t++) {
      if (t % chunkSteps == 0) {
        // inputGates[chunk*N x 3H] = x[chunk*N x I] W_ih^T (the gate kernels add the biases)
        int chunkRows = Math.min(chunkSteps, steps - t) * n;
        K.gemm(false, false, chunkRows, g, inputSize, 1f, x, t * n * inputSize, inputSize,
            inputWeightsT.values(), 0, g, 0f, inputGates, 0, g);
      }
      int active = order.active(t);
      int hOff = t * n * hidden;
      int hNewOff = hOff + n * hidden;
      int gOff = t % chunkSteps * n * g;
      int sOff = forBackward ? t * n * 4 * hidden : 0;
      if (resetAfter) {
        stepResetAfter(active, gOff, hOff, hNewOff, sOff);
      } else {
        int rOff = forBackward ? hOff : 0;
        stepResetBefore(active, gOff, hOff, hNewOff, sOff, rOff);
        Arrays.fill(resetStates, rOff + active * hidden, rOff + n * hidden, 0f);
      }
      Arrays.fill(states, hNewOff + active * hidden, hNewOff + n * hidden, 0f);
    }
  }

  /**
   * Steps per chunk: as many as keep a chunk's gates within {@link #CHUNK_FLOATS}, but at least
   * {@link #CHUNK_MIN_ROWS} rows, so that a chunk's GEMMs stay long enough to run at full speed.
   */
  private int chunkSteps(int steps, int n) {
    long byFloats = CHUNK_FLOATS / ((long) n * 3 * hidden);
    long byRows = (CHUNK_MIN_ROWS + n - 1) / n;
    return (int) Math.max(1, Math.min(steps, Math.max(byFloats, byRows)));
  }

  /** gateBias from b_ih and b_hh (zeros without a recurrent bias). */
  private void buildGateBias() {
    float[] bi = biasIh.value();
    float[] bh = biasHh == null ? null : biasHh.value();
    for (int j = 0; j < 3 * hidden; j++) {
      gateBias[j] = j < 2 * hidden && bh != null ? bi[j] + bh[j] : bi[j];
    }
    for (int j = 0; j < hidden; j++) {
      gateBias[3 * hidden + j] = bh == null ? 0f : bh[2 * hidden + j];
    }
  }

  private void stepResetAfter(int active, int gOff, int hOff, int hNewOff, int sOff) {
    int g = 3 * hidden;
    // hg[rows x 3H] = h W_hh^T
    K.gemm(false, false, active, g, hidden, 1f, states, hOff, hidden, recurrentWeightsT.values(), 0, g,
        0f, recurrentGates, 0, g);
    K.gruForwardResetAfter(active, hidden, inputGates, gOff, recurrentGates, 0, gateBias, 0, states, hOff,
        states, hNewOff, saved, sOff);
  }

  private void stepResetBefore(int active, int gOff, int hOff, int hNewOff, int sOff, int rOff) {
    int g = 3 * hidden;
    // the r and z columns: hg_rz[rows x 2H] = h W_h(r,z)^T
    K.gemm(false, false, active, 2 * hidden, hidden, 1f, states, hOff, hidden, recurrentWeightsT.values(), 0, g,
        0f, recurrentGates, 0, g);
    K.gruResetBefore(active, hidden, inputGates, gOff, recurrentGates, 0, gateBias, 0, states, hOff,
        resetStates, rOff, saved, sOff);
    // the n column from r * h: hg_n[rows x H] = (r * h) W_hn^T
    K.gemm(false, false, active, hidden, hidden, 1f, resetStates, rOff, hidden,
        recurrentWeightsT.values(), 2 * hidden, g, 0f, recurrentGates, 2 * hidden, g);
    K.gruCandidateBefore(active, hidden, inputGates, gOff, recurrentGates, 0, gateBias, 0, states, hOff,
        states, hNewOff, saved, sOff);
  }

  /** States [T+1][N][H]: slot 0 is h0, slot t + 1 the state after step t. */
  float[] states() {
    return states;
  }

  /**
   * The gradient with respect to the states of slots 1 to T, [T][N][H], sized for the last forward batch:
   * the caller writes all of it (zeros on padded rows) before {@link #backward}, which consumes it.
   */
  float[] outputGradient() {
    outputGrad = Workspace.grow(outputGrad, Workspace.size(Workspace.size(order.steps(), order.size()), hidden));
    return outputGrad;
  }

  /**
   * Overwrites the parameter gradients with those of the last forward batch, and computes the initial-state
   * gradient [N][H] and, when wanted, the input gradient [T][N][I]. The scan runs in reverse; at the end of each
   * chunk of steps (the forward's chunks) the chunk's weight gradients, bias gradients and input gradient are
   * formed with one GEMM each, while its gate gradients are still in L2.
   */
  void backward(boolean wantInputGrad) {
    if (!keptForBackward) {
      throw new IllegalStateException("backward needs a forward that kept its gates (forBackward)");
    }
    int n = order.size();
    int steps = order.steps();
    int g = 3 * hidden;
    int chunkSteps = chunkSteps(steps, n);
    growBackward(steps, n, chunkSteps);
    Arrays.fill(carry, 0, n * hidden, 0f);
    Arrays.fill(weightIh.grad(), 0f);
    Arrays.fill(weightHh.grad(), 0f);
    Arrays.fill(biasIh.grad(), 0f);
    if (biasHh != null) {
      Arrays.fill(biasHh.grad(), 0f);
    }
    for (int t = steps - 1; t >= 0; t--) {
      int active = order.active(t);
      int hOff = t * n * hidden;
      int gOff = t % chunkSteps * n * g;
      int sOff = t * n * 4 * hidden;
      // dh' = gradient from above + gradient through the next step
      K.axpy(active * hidden, 1f, carry, 0, outputGrad, hOff);
      if (resetAfter) {
        K.gruBackwardResetAfter(active, hidden, outputGrad, hOff, states, hOff, saved, sOff,
            inputGatesGrad, gOff, recurrentGatesGrad, gOff, carry, 0);
        // carry[rows x H] += dhg[rows x 3H] W_hh
        K.gemm(false, false, active, hidden, g, 1f, recurrentGatesGrad, gOff, g, weightHh.value(), 0, hidden,
            1f, carry, 0, hidden);
      } else {
        K.gruBackwardCandidateBefore(active, hidden, outputGrad, hOff, states, hOff, saved, sOff,
            inputGatesGrad, gOff, recurrentGatesGrad, gOff, carry, 0);
        // d(r * h)[rows x H] = dhg_n W_hn
        K.gemm(false, false, active, hidden, hidden, 1f, recurrentGatesGrad, gOff + 2 * hidden, g,
            weightHh.value(), 2 * hidden * hidden, hidden, 0f, resetStatesGrad, 0, hidden);
        K.gruBackwardResetBefore(active, hidden, resetStatesGrad, 0, states, hOff, saved, sOff,
            inputGatesGrad, gOff, recurrentGatesGrad, gOff, carry, 0);
        // carry += dhg_rz W_h(r,z)
        K.gemm(false, false, active, hidden, 2 * hidden, 1f, recurrentGatesGrad, gOff, g,
            weightHh.value(), 0, hidden, 1f, carry, 0, hidden);
      }
      // padded rows take no part in the batched weight gradients below
      Arrays.fill(inputGatesGrad, gOff + active * g, gOff + n * g, 0f);
      Arrays.fill(recurrentGatesGrad, gOff + active * g, gOff + n * g, 0f);
      if (t % chunkSteps == 0) {
        chunkGradients(t, Math.min(chunkSteps, steps - t) * n, wantInputGrad);
      }
    }
  }

  /** The gradients of the chunk of {@code rows} rows from step {@code first}, added to the parameters'. */
  private void chunkGradients(int first, int rows, boolean wantInputGrad) {
    int n = order.size();
    int g = 3 * hidden;
    int xOff = first * n * inputSize;
    int hOff = first * n * hidden;
    // dW_ih[3H x I] += dxg^T[3H x rows] x[rows x I]
    K.gemm(true, false, g, inputSize, rows, 1f, inputGatesGrad, 0, g, input, xOff, inputSize,
        1f, weightIh.grad(), 0, inputSize);
    if (resetAfter) {
      // dW_hh[3H x H] += dhg^T h_prev
      K.gemm(true, false, g, hidden, rows, 1f, recurrentGatesGrad, 0, g, states, hOff, hidden,
          1f, weightHh.grad(), 0, hidden);
    } else {
      K.gemm(true, false, 2 * hidden, hidden, rows, 1f, recurrentGatesGrad, 0, g, states, hOff, hidden,
          1f, weightHh.grad(), 0, hidden);
      // the n block multiplies r * h_prev
      K.gemm(true, false, hidden, hidden, rows, 1f, recurrentGatesGrad, 2 * hidden, g, resetStates, hOff, hidden,
          1f, weightHh.grad(), 2 * hidden * hidden, hidden);
    }
    K.columnSums(rows, g, inputGatesGrad, 0, g, biasIh.grad(), 0);
    if (biasHh != null) {
      K.columnSums(rows, g, recurrentGatesGrad, 0, g, biasHh.grad(), 0);
    }
    if (wantInputGrad) {
      // dx[rows x I] = dxg W_ih
      K.gemm(false, false, rows, inputSize, g, 1f, inputGatesGrad, 0, g, weightIh.value(), 0, inputSize,
          0f, inputGrad, xOff, inputSize);
    }
  }

  /** Gradient with respect to the input of the last backward, [T][N][I] (zeros on padded rows). */
  float[] inputGradient() {
    return inputGrad;
  }

  /** Gradient with respect to h0 of the last backward, [N][H] in sorted order. */
  float[] initialStateGradient() {
    return carry;
  }

  private void growForward(int steps, int n, int chunkSteps, boolean forBackward) {
    int rows = Workspace.size(steps, n);
    int keptRows = forBackward ? rows : n;
    inputGates = Workspace.grow(inputGates, Workspace.size(chunkSteps * n, 3 * hidden));
    recurrentGates = Workspace.grow(recurrentGates, n * 3 * hidden);
    states = Workspace.grow(states, Workspace.size(rows + n, hidden));
    saved = Workspace.grow(saved, Workspace.size(keptRows, 4 * hidden));
    if (!resetAfter) {
      resetStates = Workspace.grow(resetStates, Workspace.size(keptRows, hidden));
    }
  }

  /** Backward's own workspaces, grown only when training, so inference needs no memory for them. */
  private void growBackward(int steps, int n, int chunkSteps) {
    int rows = Workspace.size(steps, n);
    int gates = Workspace.size(chunkSteps * n, 3 * hidden);
    inputGatesGrad = Workspace.grow(inputGatesGrad, gates);
    recurrentGatesGrad = Workspace.grow(recurrentGatesGrad, gates);
    carry = Workspace.grow(carry, n * hidden);
    if (!resetAfter) {
      resetStatesGrad = Workspace.grow(resetStatesGrad, n * hidden);
    }
    inputGrad = Workspace.grow(inputGrad, Workspace.size(rows, inputSize));
  }
}
