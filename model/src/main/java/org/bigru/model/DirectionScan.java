package org.bigru.model;

import java.util.Arrays;
import org.bigru.kernels.Kernels;

/**
 * One direction of a recurrent layer over a length-sorted, time-major batch (PyTorch RNN.cpp's Layer), for any
 * {@link RecurrentCell}: the input projection of a chunk of steps as one GEMM, then the cell's steps over them,
 * where step t updates only the {@link BatchOrder#active} rows that have a real step t. Backward runs the steps
 * in reverse and forms the weight gradients of each chunk of steps with one GEMM each.
 *
 * <p>Layout: the rows of step t start at {@code t * N} in every [T][N][*] workspace. The state after step t is
 * slot {@code t + 1} of {@link #states()} (slot 0 is h0); rows without a real step t hold zeros there.
 */
final class DirectionScan {

  private static final Kernels K = Kernels.get();
  /**
   * Floats of gates per chunk of steps (256 KB): the forward computes a chunk's input projections with one GEMM
   * and the steps read them back from L2 rather than from memory; the backward forms a chunk's weight gradients
   * with one GEMM while its gate gradients are in L2.
   */
  private static final int CHUNK_FLOATS = 64 * 1024;
  /** Rows a chunk has at least, so that its GEMMs stay long enough to run at full speed. */
  private static final int CHUNK_MIN_ROWS = 128;

  private final RecurrentCell cell;
  private final int inputSize;
  private final int hidden;
  private final int gates;
  private final TransposedWeights inputWeightsT;  // [I x G] W_ih^T

  private BatchOrder order;
  private float[] input;                           // [T][N][I], the caller's, kept for dW_ih
  private boolean keptForBackward;
  private float[] inputGates = new float[0];       // [chunk][N][G] W_ih x of the steps of the current chunk
  private float[] states = new float[0];           // [T+1][N][H]
  private float[] saved = new float[0];            // [T][N][S] ([N][S] in inference)
  private float[] outputGrad = new float[0];       // [T][N][H] dLoss/dstate from above, consumed by backward
  private float[] inputGatesGrad = new float[0];   // [chunk][N][G] of the current chunk
  private float[] recurrentGatesGrad = new float[0]; // [chunk][N][G] when the cell keeps it apart
  private float[] carry = new float[0];            // [N][H] gradient flowing into the previous state
  private float[] inputGrad = new float[0];        // [T][N][I]

  DirectionScan(RecurrentCell cell, int inputSize) {
    this.cell = cell;
    this.inputSize = inputSize;
    this.hidden = cell.hidden();
    this.gates = cell.gateWidth();
    this.inputWeightsT = new TransposedWeights(cell.inputWeight());
  }

  RecurrentCell cell() {
    return cell;
  }

  /**
   * Runs the direction over x [T][N][I] (padded rows are never read), from h0 [N][H] (and, for a cell that
   * carries one, c0 [N][H]) in sorted order, or from zeros when null. With {@code forBackward} it keeps x and
   * every step's gates for {@link #backward}; without (inference), one step's gates at a time, which keeps
   * them in cache.
   */
  void forward(float[] x, BatchOrder batchOrder, float[] h0, float[] c0, boolean forBackward) {
    order = batchOrder;
    input = x;
    keptForBackward = forBackward;
    int n = order.size();
    int steps = order.steps();
    int chunkSteps = chunkSteps(steps, n);
    int savedWidth = cell.savedWidth();
    int rows = Workspace.size(steps, n);
    inputGates = Workspace.grow(inputGates, Workspace.size(chunkSteps * n, gates));
    states = Workspace.grow(states, Workspace.size(rows + n, hidden));
    saved = Workspace.grow(saved, Workspace.size(forBackward ? rows : n, savedWidth));
    inputWeightsT.refresh();
    cell.beginForward(steps, n, forBackward, c0);
    if (h0 == null) {
      Arrays.fill(states, 0, n * hidden, 0f);
    } else {
      System.arraycopy(h0, 0, states, 0, n * hidden);
    }
    for (int t = 0; t < steps; t++) {
      if (t % chunkSteps == 0) {
        // inputGates[chunk*N x G] = x[chunk*N x I] W_ih^T (the cell adds the biases)
        int chunkRows = Math.min(chunkSteps, steps - t) * n;
        K.gemm(false, false, chunkRows, gates, inputSize, 1f, x, t * n * inputSize, inputSize,
            inputWeightsT.values(), 0, gates, 0f, inputGates, 0, gates);
      }
      int active = order.active(t);
      int hOff = t * n * hidden;
      int hNewOff = hOff + n * hidden;
      cell.forwardStep(t, active, n, inputGates, t % chunkSteps * n * gates, states, hOff, hNewOff,
          saved, forBackward ? t * n * savedWidth : 0);
      Arrays.fill(states, hNewOff + active * hidden, hNewOff + n * hidden, 0f);
    }
  }

  /**
   * Steps per chunk: as many as keep a chunk's gates within {@link #CHUNK_FLOATS}, but at least
   * {@link #CHUNK_MIN_ROWS} rows.
   */
  private int chunkSteps(int steps, int n) {
    long byFloats = CHUNK_FLOATS / ((long) n * gates);
    long byRows = (CHUNK_MIN_ROWS + n - 1) / n;
    return (int) Math.max(1, Math.min(steps, Math.max(byFloats, byRows)));
  }

  /** States [T+1][N][H]: slot 0 is h0, slot t + 1 the state after step t. */
  float[] states() {
    return states;
  }

  /**
   * The gradient with respect to the states of slots 1 to T, [T][N][H], sized for the last forward batch: the
   * caller writes all of it (zeros on padded rows) before {@link #backward}, which consumes it.
   */
  float[] outputGradient() {
    outputGrad = Workspace.grow(outputGrad, Workspace.size(Workspace.size(order.steps(), order.size()), hidden));
    return outputGrad;
  }

  /**
   * Adds the parameter gradients of the last forward batch to the arena's, and computes the initial-state
   * gradient [N][H] and, when wanted, the input gradient [T][N][I]. The steps run in reverse; at the end of
   * each chunk of steps (the forward's chunks) the chunk's weight gradients, bias gradients and input gradient
   * are formed with one GEMM each, while its gate gradients are still in L2.
   */
  void backward(boolean wantInputGrad) {
    if (!keptForBackward) {
      throw new IllegalStateException("backward needs a forward that kept its gates (forBackward)");
    }
    int n = order.size();
    int steps = order.steps();
    int chunkSteps = chunkSteps(steps, n);
    int savedWidth = cell.savedWidth();
    boolean separate = cell.separateRecurrentGateGradients();
    int chunkGates = Workspace.size(chunkSteps * n, gates);
    inputGatesGrad = Workspace.grow(inputGatesGrad, chunkGates);
    if (separate) {
      recurrentGatesGrad = Workspace.grow(recurrentGatesGrad, chunkGates);
    }
    float[] dhg = separate ? recurrentGatesGrad : inputGatesGrad;
    carry = Workspace.grow(carry, Workspace.size(n, hidden));
    inputGrad = Workspace.grow(inputGrad, Workspace.size(Workspace.size(steps, n), inputSize));
    Arrays.fill(carry, 0, n * hidden, 0f);
    cell.beginBackward(n);
    for (int t = steps - 1; t >= 0; t--) {
      int active = order.active(t);
      int hOff = t * n * hidden;
      int gOff = t % chunkSteps * n * gates;
      // dh' = gradient from above + gradient through the next step
      K.axpy(active * hidden, 1f, carry, 0, outputGrad, hOff);
      cell.backwardStep(t, active, n, outputGrad, hOff, states, hOff, saved, t * n * savedWidth,
          inputGatesGrad, gOff, dhg, gOff, carry);
      // padded rows take no part in the batched weight gradients below
      Arrays.fill(inputGatesGrad, gOff + active * gates, gOff + n * gates, 0f);
      if (separate) {
        Arrays.fill(recurrentGatesGrad, gOff + active * gates, gOff + n * gates, 0f);
      }
      if (t % chunkSteps == 0) {
        chunkGradients(t, Math.min(chunkSteps, steps - t) * n, dhg, wantInputGrad);
      }
    }
  }

  /** The gradients of the chunk of {@code rows} rows from step {@code first}, added to the parameters'. */
  private void chunkGradients(int first, int rows, float[] dhg, boolean wantInputGrad) {
    int firstRow = first * order.size();
    int xOff = firstRow * inputSize;
    Parameter weightIh = cell.inputWeight();
    float[] grads = weightIh.grads();
    // dW_ih[G x I] += dxg^T[G x rows] x[rows x I]
    K.gemm(true, false, gates, inputSize, rows, 1f, inputGatesGrad, 0, gates, input, xOff, inputSize,
        1f, grads, weightIh.offset(), inputSize);
    cell.recurrentGradients(firstRow, rows, inputGatesGrad, dhg, states);
    K.columnSums(rows, gates, inputGatesGrad, 0, gates, grads, cell.inputBias().offset());
    if (wantInputGrad) {
      // dx[rows x I] = dxg W_ih
      K.gemm(false, false, rows, inputSize, gates, 1f, inputGatesGrad, 0, gates,
          weightIh.values(), weightIh.offset(), inputSize, 0f, inputGrad, xOff, inputSize);
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

  /** Gradient with respect to c0 of the last backward, [N][H] in sorted order; null for a cell without one. */
  float[] initialCellGradient() {
    return cell.initialCellGradient();
  }
}
