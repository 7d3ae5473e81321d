package org.bigru.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigru.kernels.Kernels;

/**
 * One layer of the recurrent stack (PyTorch RNN.cpp's bidirectional layer): the forward direction reads each
 * sequence from its first step, the backward direction from its own last real step back to its first (each
 * sequence reversed within its length, run by the same {@link GruLayer} code, reversed back), and the two are
 * merged once. Gives the merged sequence [T][N][W] and the merged final states [N][W] (PyTorch's h_n).
 */
final class RecurrentLayer {

  private static final Kernels K = Kernels.get();

  private final int inputSize;
  private final int hidden;
  private final int width;
  private final MergeMode merge;
  private final GruLayer forwardDirection;
  private final GruLayer backwardDirection;   // null when unidirectional

  private BatchOrder order;
  private float[] input;
  private float[] reversedInput = new float[0];      // [T][N][I]
  private float[] output = new float[0];             // [T][N][W]
  private float[] last = new float[0];               // [N][W]
  private float[] reversedInputGrad = new float[0];  // [T][N][I]
  private float[] summedInputGrad = new float[0];    // [T][N][I] both directions' input gradients
  private final Runnable forwardPass;
  private final Runnable backwardPass;
  private final Runnable forwardBackprop;
  private final Runnable backwardBackprop;
  private boolean wantInputGrad;
  private boolean forBackward;

  RecurrentLayer(int index, int inputSize, RecurrentLayerSpec spec) {
    this.inputSize = inputSize;
    this.hidden = spec.units();
    this.width = spec.outputWidth();
    this.merge = spec.merge();
    this.forwardDirection = new GruLayer(inputSize, hidden, spec.resetMode(), "l" + index);
    this.backwardDirection = spec.bidirectional()
        ? new GruLayer(inputSize, hidden, spec.resetMode(), "l" + index + "_reverse") : null;
    forwardPass = () -> forwardDirection.forward(input, order, null, forBackward);
    backwardPass = () -> {
      reverseWithinLengths(input, inputSize, reversedInput);
      backwardDirection.forward(reversedInput, order, null, forBackward);
    };
    forwardBackprop = () -> forwardDirection.backward(wantInputGrad);
    backwardBackprop = () -> {
      backwardDirection.backward(wantInputGrad);
      if (wantInputGrad) {
        reverseWithinLengths(backwardDirection.inputGradient(), inputSize, reversedInputGrad);
      }
    };
  }

  /** Forward direction's parameters, then the reverse direction's, as PyTorch's state_dict. */
  List<Parameter> parameters() {
    List<Parameter> list = new ArrayList<>(forwardDirection.parameters());
    if (backwardDirection != null) {
      list.addAll(backwardDirection.parameters());
    }
    return list;
  }

  /** The directions: forward, then backward if any. */
  List<GruLayer> directions() {
    return backwardDirection == null ? List.of(forwardDirection) : List.of(forwardDirection, backwardDirection);
  }

  int width() {
    return width;
  }

  /**
   * Runs both directions over x [T][N][I] (zeros on padding; kept until backward), then merges what is
   * asked for: the whole sequence ({@link #output()}) and/or the final states ({@link #last()}). Only a
   * forward {@code forBackward} can be followed by {@link #backward}.
   */
  void forward(float[] x, BatchOrder batchOrder, boolean wantSequence, boolean wantLast, boolean forBackward,
               PairRunner runner) {
    order = batchOrder;
    input = x;
    this.forBackward = forBackward;
    int n = order.size();
    int rows = Workspace.size(order.steps(), n);
    if (backwardDirection == null) {
      forwardPass.run();
    } else {
      reversedInput = Workspace.grow(reversedInput, Workspace.size(rows, inputSize));
      runner.run(forwardPass, backwardPass);
    }
    if (wantSequence) {
      output = Workspace.grow(output, Workspace.size(rows, width));
      mergeSequence();
    }
    if (wantLast) {
      last = Workspace.grow(last, n * width);
      mergeLast();
    }
  }

  /** Merged sequence [T][N][W], zeros on padded rows. */
  float[] output() {
    return output;
  }

  /** Merged final states [N][W] in sorted order: each direction's state after reading its whole sequence. */
  float[] last() {
    return last;
  }

  /**
   * Overwrites the parameter gradients and, when wanted, computes the input gradient, from the gradient with
   * respect to the merged sequence [T][N][W] and/or the merged final states [N][W] (either may be null).
   */
  void backward(float[] sequenceGrad, float[] lastGrad, boolean inputGradWanted, PairRunner runner) {
    splitGradients(sequenceGrad, lastGrad);
    wantInputGrad = inputGradWanted;
    if (backwardDirection == null) {
      forwardBackprop.run();
      return;
    }
    int size = Workspace.size(Workspace.size(order.steps(), order.size()), inputSize);
    reversedInputGrad = Workspace.grow(reversedInputGrad, size);
    runner.run(forwardBackprop, backwardBackprop);
    if (!wantInputGrad) {
      return;
    }
    summedInputGrad = Workspace.grow(summedInputGrad, size);
    System.arraycopy(forwardDirection.inputGradient(), 0, summedInputGrad, 0, size);
    K.axpy(size, 1f, reversedInputGrad, 0, summedInputGrad, 0);
  }

  /** Gradient with respect to the input of the last backward, [T][N][I]. */
  float[] inputGradient() {
    return backwardDirection == null ? forwardDirection.inputGradient() : summedInputGrad;
  }

  private void mergeSequence() {
    int n = order.size();
    float[] forwardStates = forwardDirection.states();
    for (int t = 0; t < order.steps(); t++) {
      int active = order.active(t);
      if (backwardDirection == null) {
        System.arraycopy(forwardStates, (t + 1) * n * hidden, output, t * n * width, n * hidden);
        continue;
      }
      float[] backwardStates = backwardDirection.states();
      for (int i = 0; i < active; i++) {
        // the backward direction saw step t as its step length - 1 - t: its state slot length - t
        mergeRow(forwardStates, ((t + 1) * n + i) * hidden,
            backwardStates, ((order.length(i) - t) * n + i) * hidden, output, (t * n + i) * width);
      }
      Arrays.fill(output, (t * n + active) * width, (t + 1) * n * width, 0f);
    }
  }

  private void mergeLast() {
    int n = order.size();
    for (int i = 0; i < n; i++) {
      int finalSlot = (order.length(i) * n + i) * hidden;
      if (backwardDirection == null) {
        System.arraycopy(forwardDirection.states(), finalSlot, last, i * width, hidden);
      } else {
        mergeRow(forwardDirection.states(), finalSlot, backwardDirection.states(), finalSlot, last, i * width);
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

  /** Fills each direction's output gradient [T][N][H] from the merged gradients. */
  private void splitGradients(float[] sequenceGrad, float[] lastGrad) {
    int n = order.size();
    int state = order.steps() * n * hidden;
    float[] forwardGrad = forwardDirection.outputGradient();
    float[] forwardStates = forwardDirection.states();
    if (backwardDirection == null) {
      if (sequenceGrad == null) {
        Arrays.fill(forwardGrad, 0, state, 0f);
      } else {
        System.arraycopy(sequenceGrad, 0, forwardGrad, 0, state);
      }
      if (lastGrad != null) {
        for (int i = 0; i < n; i++) {
          K.axpy(hidden, 1f, lastGrad, i * width,
              forwardGrad, ((order.length(i) - 1) * n + i) * hidden);
        }
      }
      return;
    }
    float[] backwardGrad = backwardDirection.outputGradient();
    float[] backwardStates = backwardDirection.states();
    Arrays.fill(forwardGrad, 0, state, 0f);
    Arrays.fill(backwardGrad, 0, state, 0f);
    if (sequenceGrad != null) {
      for (int t = 0; t < order.steps(); t++) {
        for (int i = 0; i < order.active(t); i++) {
          int reversedStep = order.length(i) - 1 - t;
          mergeBackwardRow(sequenceGrad, (t * n + i) * width,
              forwardStates, ((t + 1) * n + i) * hidden, forwardGrad, (t * n + i) * hidden,
              backwardStates, ((reversedStep + 1) * n + i) * hidden, backwardGrad, (reversedStep * n + i) * hidden);
        }
      }
    }
    if (lastGrad != null) {
      for (int i = 0; i < n; i++) {
        int lastStep = order.length(i) - 1;
        mergeBackwardRow(lastGrad, i * width,
            forwardStates, ((lastStep + 1) * n + i) * hidden, forwardGrad, (lastStep * n + i) * hidden,
            backwardStates, ((lastStep + 1) * n + i) * hidden, backwardGrad, (lastStep * n + i) * hidden);
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
