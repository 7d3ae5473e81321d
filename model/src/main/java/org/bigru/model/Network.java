package org.bigru.model;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A BiGRU network built from a {@link ModelConfig}: the recurrent stack, dense layers and output layer, with
 * their parameters (named as PyTorch's {@code state_dict}) and preallocated workspaces.
 *
 * <p>Not thread-safe: one network computes one batch at a time. It may use {@link #threads()} threads
 * internally, and its results are bitwise identical for any thread count.
 */
public final class Network {

  /** A network with fresh weights: Glorot uniform input weights, orthogonal recurrent blocks, zero biases. */
  public static Network create(ModelConfig config, long seed) {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  public ModelConfig config() {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  /** Every parameter, in a fixed order: recurrent layers, hidden dense layers, then fc. */
  public List<Parameter> parameters() {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  /** The parameter with this PyTorch name; an IllegalArgumentException naming it if there is none. */
  public Parameter parameter(String name) {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  /** Threads used inside one batch (1 or more); results do not depend on it. */
  public int threads() {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  public void setThreads(int threads) {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  /**
   * Inference. Returns a new array: [size, outputs] for 'last', [size, steps, outputs] for 'sequence'
   * (zeros on padded steps). For classification these are logits (softmax not applied).
   */
  public float[] predict(SequenceBatch batch) {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  /**
   * Forward, loss and backward for one batch: overwrites every parameter's gradient with the gradient of the
   * mean loss, and returns that loss. Mean squared error is the mean over rows and outputs (rows: sequences,
   * or real steps); cross-entropy the mean over rows with a label. Dropout is active when {@code dropoutRng}
   * is not null.
   */
  public double computeGradients(SequenceBatch batch, Targets targets, SplittableRandom dropoutRng) {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  /** Mean loss of a batch, without gradients or dropout. */
  public double loss(SequenceBatch batch, Targets targets) {
    throw new UnsupportedOperationException("TODO(model core)");
  }

  /**
   * Gradient of the last {@link #computeGradients} loss with respect to its input, [size, steps, features]
   * (zeros on padded steps).
   */
  public float[] inputGradient() {
    throw new UnsupportedOperationException("TODO(model core)");
  }
}
