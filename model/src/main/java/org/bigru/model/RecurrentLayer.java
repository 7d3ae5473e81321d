package org.bigru.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigru.kernels.Kernels;

/**
 * One recurrent layer of the stack (PyTorch RNN.cpp's bidirectional layer), for any cell: the forward
 * direction reads each sequence from its first step, the reverse direction from its own last real step back
 * to its first (each sequence reversed within its length, run by the same {@link DirectionScan} code, reversed
 * back), and the two are merged once. Passes on the merged sequence [T][N][W], or with output mode 'last' the
 * merged final states [N][W] (PyTorch's h_n).
 */
final class RecurrentLayer implements Layer {

  private static final Kernels K = Kernels.get();

  private final int inputSize;
  private final int hidden;
  private final int width;
  private final MergeMode merge;
  private final boolean last;
  private final DirectionScan forwardDirection;
  private final DirectionScan reverseDirection;   // null when unidirectional

  private BatchOrder order;
  private float[] input;
  private float[] reversedInput = new float[0];      // [T][N][I]
  private float[] output = new float[0];             // [T][N][W] or [N][W]
  private float[] reversedInputGrad = new float[0];  // [T][N][I]
  private float[] summedInputGrad = new float[0];    // [T][N][I] both directions' input gradients
  private final Runnable forwardDirectionRun;
  private final Runnable reverseDirectionRun;
  private final Runnable forwardDirectionBackprop;
  private final Runnable reverseDirectionBackprop;
  private boolean wantInputGrad;
  private boolean forBackward;
  // Initial states of the next forward pass per direction (forward, reverse), [N][H] in sorted order; null: zeros
  private final float[][] initialStates = new float[2][];
  private final float[][] initialCells = new float[2][];

  /**
   * @param index the layer's index among the stack's layers of the same cell, as PyTorch numbers them
   *              ({@code l0}, {@code l1}, ...)
   */
  RecurrentLayer(int index, int inputSize, RecurrentLayerSpec spec) {
    this.inputSize = inputSize;
    this.hidden = spec.units();
    this.width = spec.outputWidth();
    this.merge = spec.merge();
    this.last = spec.outputMode() == OutputMode.LAST;
    this.forwardDirection = new DirectionScan(cell(spec, inputSize, "l" + index), inputSize);
    this.reverseDirection = spec.bidirectional()
        ? new DirectionScan(cell(spec, inputSize, "l" + index + "_reverse"), inputSize) : null;
    forwardDirectionRun = () -> forwardDirection.forward(input, order, initialStates[0], initialCells[0],
        forBackward);
    reverseDirectionRun = () -> {
      reverseWithinLengths(input, inputSize, reversedInput);
      reverseDirection.forward(reversedInput, order, initialStates[1], initialCells[1], forBackward);
    };
    forwardDirectionBackprop = () -> forwardDirection.backward(wantInputGrad);
    reverseDirectionBackprop = () -> {
      reverseDirection.backward(wantInputGrad);
      if (wantInputGrad) {
        reverseWithinLengths(reverseDirection.inputGradient(), inputSize, reversedInputGrad);
      }
    };
  }

  private static RecurrentCell cell(RecurrentLayerSpec spec, int inputSize, String suffix) {
    String prefix = spec.cell().lowerName() + ".";
    switch (spec.cell()) {
      case GRU:
        return new GruCell(inputSize, spec.units(), spec.resetMode(), prefix, suffix);
      case LSTM:
        return new LstmCell(inputSize, spec.units(), prefix, suffix);
      default:
        throw new IllegalStateException("cell " + spec.cell());
    }
  }

  /** Forward direction's parameters, then the reverse direction's, as PyTorch's state_dict. */
  @Override
  public List<Parameter> parameters() {
    List<Parameter> list = new ArrayList<>();
    for (DirectionScan direction : directions()) {
      list.addAll(direction.cell().parameters());
    }
    return list;
  }

  @Override
  public void initialize(Initializer init) {
    for (DirectionScan direction : directions()) {
      direction.cell().initialize(init);
    }
  }

  /** The directions: forward, then reverse if any. */
  List<DirectionScan> directions() {
    return reverseDirection == null ? List.of(forwardDirection) : List.of(forwardDirection, reverseDirection);
  }

  @Override
  public int outputWidth() {
    return width;
  }

  /** Units per direction. */
  int hidden() {
    return hidden;
  }

  /** Whether each direction carries a cell state beside h (LSTM). */
  boolean carriesCellState() {
    return forwardDirection.cell().carriesCellState();
  }

  /**
   * The states the next forward pass starts from, per direction (0 forward, 1 reverse), h0 and (for a cell
   * that carries one) c0, [N][H] in the pass's sorted order; null for zeros. The reverse direction starts its
   * reading of each sequence, from the last real step, there.
   */
  void setInitialStates(int direction, float[] h0, float[] c0) {
    initialStates[direction] = h0;
    initialCells[direction] = c0;
  }

  /**
   * Copies the state direction {@code direction} ended sorted row {@code row} with in the last forward pass that
   * kept every step (after the row's last real step; for the reverse direction after its first), h [H] into
   * {@code h} at {@code hOff} and, for a cell that carries one, c into {@code c} at {@code cOff}.
   */
  void copyFinalState(int direction, int row, float[] h, int hOff, float[] c, int cOff) {
    DirectionScan scan = direction == 0 ? forwardDirection : reverseDirection;
    int n = order.size();
    System.arraycopy(scan.states(), (order.length(row) * n + row) * hidden, h, hOff, hidden);
    scan.cell().copyCellState(order.length(row), row, n, c, cOff);
  }

  /**
   * Runs both directions over x [T][N][I] (padded rows are never read; x is kept until backward), then merges
   * the whole sequence, or the final states with output mode 'last'.
   */
  @Override
  public float[] forward(float[] x, Pass pass) {
    order = pass.order();
    input = x;
    forBackward = pass.forBackward();
    int n = order.size();
    int rows = Workspace.size(order.steps(), n);
    if (reverseDirection == null) {
      forwardDirectionRun.run();
    } else {
      reversedInput = Workspace.grow(reversedInput, Workspace.size(rows, inputSize));
      pass.runner().run(forwardDirectionRun, reverseDirectionRun);
    }
    if (last) {
      output = Workspace.grow(output, Workspace.size(n, width));
      mergeLast();
      pass.setRows(n);
    } else {
      output = Workspace.grow(output, Workspace.size(rows, width));
      mergeSequence();
    }
    return output;
  }

  /**
   * Adds the parameter gradients and, when wanted, computes the input gradient, from the gradient with respect
   * to what {@link #forward} passed on.
   */
  @Override
  public float[] backward(float[] dy, Pass pass, boolean inputGradWanted) {
    splitGradients(last ? null : dy, last ? dy : null);
    wantInputGrad = inputGradWanted;
    pass.setRows(Workspace.size(order.steps(), order.size()));
    if (reverseDirection == null) {
      forwardDirectionBackprop.run();
      return wantInputGrad ? forwardDirection.inputGradient() : null;
    }
    int size = Workspace.size(Workspace.size(order.steps(), order.size()), inputSize);
    reversedInputGrad = Workspace.grow(reversedInputGrad, size);
    pass.runner().run(forwardDirectionBackprop, reverseDirectionBackprop);
    if (!wantInputGrad) {
      return null;
    }
    summedInputGrad = Workspace.grow(summedInputGrad, size);
    System.arraycopy(forwardDirection.inputGradient(), 0, summedInputGrad, 0, size);
    K.axpy(size, 1f, reversedInputGrad, 0, summedInputGrad, 0);
    return summedInputGrad;
  }

  private void mergeSequence() {
    int n = order.size();
    float[] forwardStates = forwardDirection.states();
    for (int t = 0; t < order.steps(); t++) {
      int active = order.active(t);
      if (reverseDirection == null) {
        System.arraycopy(forwardStates, (t + 1) * n * hidden, output, t * n * width, n * hidden);
        continue;
      }
      float[] reverseStates = reverseDirection.states();
      for (int i = 0; i < active; i++) {
        // the reverse direction saw step t as its step length - 1 - t: its state slot length - t
        mergeRow(forwardStates, ((t + 1) * n + i) * hidden,
            reverseStates, ((order.length(i) - t) * n + i) * hidden, output, (t * n + i) * width);
      }
      Arrays.fill(output, (t * n + active) * width, (t + 1) * n * width, 0f);
    }
  }

  private void mergeLast() {
    int n = order.size();
    for (int i = 0; i < n; i++) {
      int finalSlot = (order.length(i) * n + i) * hidden;
      if (reverseDirection == null) {
        System.arraycopy(forwardDirection.states(), finalSlot, output, i * width, hidden);
      } else {
        mergeRow(forwardDirection.states(), finalSlot, reverseDirection.states(), finalSlot, output, i * width);
      }
    }
  }

  private void mergeRow(float[] a, int aOff, float[] b, int bOff, float[] out, int outOff) {
    switch (merge) {
      case CONCAT:
        System.arraycopy(a, aOff, out, outOff, hidden);
        System.arraycopy(b, bOff, out, outOff + hidden, hidden);
        break;
      case SUM:
        for (int j = 0; j < hidden; j++) {
          out[outOff + j] = a[aOff + j] + b[bOff + j];
        }
        break;
      case AVE:
        for (int j = 0; j < hidden; j++) {
          out[outOff + j] = (a[aOff + j] + b[bOff + j]) * 0.5f;
        }
        break;
      case MUL:
        for (int j = 0; j < hidden; j++) {
          out[outOff + j] = a[aOff + j] * b[bOff + j];
        }
        break;
      default:
        throw new IllegalStateException("merge mode " + merge);
    }
  }

  /** Fills each direction's output gradient [T][N][H] from the merged gradients (either may be null). */
  private void splitGradients(float[] sequenceGrad, float[] lastGrad) {
    int n = order.size();
    int state = order.steps() * n * hidden;
    float[] forwardGrad = forwardDirection.outputGradient();
    float[] forwardStates = forwardDirection.states();
    if (reverseDirection == null) {
      if (sequenceGrad == null) {
        Arrays.fill(forwardGrad, 0, state, 0f);
      } else {
        System.arraycopy(sequenceGrad, 0, forwardGrad, 0, state);
      }
      if (lastGrad != null) {
        for (int i = 0; i < n; i++) {
          K.axpy(hidden, 1f, lastGrad, i * width, forwardGrad, ((order.length(i) - 1) * n + i) * hidden);
        }
      }
      return;
    }
    float[] reverseGrad = reverseDirection.outputGradient();
    float[] reverseStates = reverseDirection.states();
    Arrays.fill(forwardGrad, 0, state, 0f);
    Arrays.fill(reverseGrad, 0, state, 0f);
    if (sequenceGrad != null) {
      for (int t = 0; t < order.steps(); t++) {
        for (int i = 0; i < order.active(t); i++) {
          int reversedStep = order.length(i) - 1 - t;
          mergeBackwardRow(sequenceGrad, (t * n + i) * width,
              forwardStates, ((t + 1) * n + i) * hidden, forwardGrad, (t * n + i) * hidden,
              reverseStates, ((reversedStep + 1) * n + i) * hidden, reverseGrad, (reversedStep * n + i) * hidden);
        }
      }
    }
    if (lastGrad != null) {
      for (int i = 0; i < n; i++) {
        int lastStep = order.length(i) - 1;
        mergeBackwardRow(lastGrad, i * width,
            forwardStates, ((lastStep + 1) * n + i) * hidden, forwardGrad, (lastStep * n + i) * hidden,
            reverseStates, ((lastStep + 1) * n + i) * hidden, reverseGrad, (lastStep * n + i) * hidden);
      }
    }
  }

  /** Adds the gradient of one merged row d into the two directions' gradients da and db. */
  private void mergeBackwardRow(float[] d, int dOff, float[] a, int aOff, float[] da, int daOff,
                                float[] b, int bOff, float[] db, int dbOff) {
    for (int j = 0; j < hidden; j++) {
      switch (merge) {
        case CONCAT:
          da[daOff + j] += d[dOff + j];
          db[dbOff + j] += d[dOff + hidden + j];
          break;
        case SUM:
          da[daOff + j] += d[dOff + j];
          db[dbOff + j] += d[dOff + j];
          break;
        case AVE:
          da[daOff + j] += 0.5f * d[dOff + j];
          db[dbOff + j] += 0.5f * d[dOff + j];
          break;
        case MUL:
          da[daOff + j] += d[dOff + j] * b[bOff + j];
          db[dbOff + j] += d[dOff + j] * a[aOff + j];
          break;
        default:
          throw new IllegalStateException("merge mode " + merge);
      }
    }
  }

  /** dst[t][i] = src[length(i) - 1 - t][i] on real steps, zeros on padding: its own inverse. */
  private void reverseWithinLengths(float[] src, int rowWidth, float[] dst) {
    int n = order.size();
    for (int t = 0; t < order.steps(); t++) {
      int active = order.active(t);
      for (int i = 0; i < active; i++) {
        int from = ((order.length(i) - 1 - t) * n + i) * rowWidth;
        System.arraycopy(src, from, dst, (t * n + i) * rowWidth, rowWidth);
      }
      Arrays.fill(dst, (t * n + active) * rowWidth, (t + 1) * n * rowWidth, 0f);
    }
  }
}
