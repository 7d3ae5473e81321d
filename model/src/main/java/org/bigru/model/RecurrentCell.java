package org.bigru.model;

import java.util.List;

/**
 * One step of a recurrent cell over the rows of a length-sorted, time-major batch (PyTorch RNN.cpp's Cell): what
 * a GRU and an LSTM do differently. {@link DirectionScan} owns what they share: the input projection of a chunk
 * of steps as one GEMM, the hidden states h of every step, the gates each step saves, the weight gradients of
 * the input side, and the input gradient.
 *
 * <p>Shapes: H hidden units, G = {@link #gateWidth()} gate pre-activations per row (3H or 4H), I inputs; the
 * rows of step t start at {@code t * N}. A step touches only its first {@code active} rows (the sequences that
 * have a real step t); the scan zeroes the others.
 */
abstract class RecurrentCell {

  final int hidden;
  final Parameter weightIh;  // [G x I]
  final Parameter weightHh;  // [G x H]
  final Parameter biasIh;    // [G]
  final Parameter biasHh;    // [G], or null for a cell without a recurrent bias
  final TransposedWeights recurrentWeightsT;  // [H x G] W_hh^T, what the forward steps multiply by

  /**
   * The cell's parameters, named as PyTorch's: {@code <prefix>weight_ih_<suffix>}, ...
   *
   * @param prefix the module and a dot, for example {@code gru.}
   * @param suffix the layer and direction, for example {@code l0_reverse}
   */
  RecurrentCell(CellType type, int inputSize, int hidden, boolean recurrentBias, String prefix, String suffix) {
    this.hidden = hidden;
    int g = Workspace.size(type.gates(), hidden);
    this.weightIh = new Parameter(prefix + "weight_ih_" + suffix, new int[] {g, inputSize}, true);
    this.weightHh = new Parameter(prefix + "weight_hh_" + suffix, new int[] {g, hidden}, true);
    this.biasIh = new Parameter(prefix + "bias_ih_" + suffix, new int[] {g}, false);
    this.biasHh = recurrentBias ? new Parameter(prefix + "bias_hh_" + suffix, new int[] {g}, false) : null;
    this.recurrentWeightsT = new TransposedWeights(weightHh);
  }

  final int hidden() {
    return hidden;
  }

  /** G: the rows of W_ih and W_hh. */
  final int gateWidth() {
    return weightIh.shape()[0];
  }

  /** Floats saved per row per step for the backward pass. */
  abstract int savedWidth();

  /**
   * Whether the gradient into the recurrent projection differs from the one into the input projection (a GRU's
   * candidate: r * dn), so that the scan keeps a second gate-gradient buffer.
   */
  abstract boolean separateRecurrentGateGradients();

  /** In PyTorch's state_dict order: weight_ih, weight_hh, bias_ih, bias_hh (when the cell has it). */
  final List<Parameter> parameters() {
    return biasHh == null ? List.of(weightIh, weightHh, biasIh) : List.of(weightIh, weightHh, biasIh, biasHh);
  }

  /** W_ih [G x I]. */
  final Parameter inputWeight() {
    return weightIh;
  }

  /** b_ih [G]. */
  final Parameter inputBias() {
    return biasIh;
  }

  /** Fresh weights: Glorot uniform W_ih, orthogonal H x H blocks of W_hh, zero biases. */
  void initialize(Initializer init) {
    int[] shape = weightIh.shape();
    init.glorotUniform(weightIh, shape[1], shape[0]);
    init.orthogonalBlocks(weightHh, shape[0] / hidden, hidden);
  }

  /**
   * Before a forward pass over {@code steps} x {@code n} rows: brings cached weights and biases up to date and
   * sizes the cell's own per-step buffers (every step's when {@code forBackward}, else one step's).
   *
   * @param c0 the initial cell state [N][H] of a cell that carries one (LSTM), or null for zeros
   */
  abstract void beginForward(int steps, int n, boolean forBackward, float[] c0);

  /**
   * Step t forward: h' [active x H] at {@code hNewOff} of {@code states} from h at {@code hOff} and the input
   * projection xg [active x G] (without bias) at {@code xgOff}, saving [active x S] at {@code savedOff}.
   */
  abstract void forwardStep(int t, int active, int n, float[] xg, int xgOff, float[] states, int hOff, int hNewOff,
                   float[] saved, int savedOff);

  /** Before a backward pass: zeroes what the cell carries back between steps besides dh. */
  abstract void beginBackward(int n);

  /**
   * Step t backward, from dh' [active x H] (the whole gradient with respect to h', including what flows back
   * from step t + 1): writes the gate gradients dxg [active x G] and, when separate, dhg, and overwrites
   * {@code carry} [active x H] with the gradient with respect to h.
   */
  abstract void backwardStep(int t, int active, int n, float[] dhNew, int dhNewOff, float[] states, int hOff, float[] saved,
                    int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff, float[] carry);

  /**
   * Adds the gradients of W_hh and b_hh over {@code rows} time-major rows from row {@code firstRow}, whose gate
   * gradients start at offset 0 of dxg and dhg (zeros on padded rows).
   */
  abstract void recurrentGradients(int firstRow, int rows, float[] dxg, float[] dhg, float[] states);

  /** The gradient with respect to the initial cell state after a backward pass, [N][H]; null without one. */
  abstract float[] initialCellGradient();

  /** Whether the cell carries a cell state c beside h (LSTM). */
  boolean carriesCellState() {
    return false;
  }

  /**
   * Copies row {@code row}'s cell state at slot {@code slot} (after step slot - 1) of the last forward pass that
   * kept every step, [H] into {@code dst} at {@code off}; nothing for a cell without one.
   */
  void copyCellState(int slot, int row, int n, float[] dst, int off) {
  }
}
