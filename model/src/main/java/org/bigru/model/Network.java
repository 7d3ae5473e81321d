package org.bigru.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A BiGRU network built from a {@link ModelConfig}: the recurrent stack, dense layers and output layer, with
 * their parameters (named as PyTorch's {@code state_dict}) and preallocated workspaces.
 *
 * <p>Not thread-safe: one network computes one batch at a time. It may use {@link #threads()} threads
 * internally, and its results are bitwise identical for any thread count.
 *
 * <p>Semantics are PyTorch's {@code nn.GRU(batch_first=True, bidirectional=...)} on packed sequences: the
 * backward direction reads each sequence from its own last real step, 'last' passes on {@code h_n} (for a
 * bidirectional layer the forward state after the last real step and the backward state after step 0,
 * merged), and padded steps change no output and no gradient. Dropout (inverted) acts on the input of every
 * layer after the first recurrent one.
 *
 * <p>Inside, a batch is sorted by length (longest first) and laid out time-major, so each step of a GRU
 * updates only the sequences that have a real step there; see {@link BatchOrder}.
 */
public final class Network {

  private final ModelConfig config;
  private final List<RecurrentLayer> recurrent = new ArrayList<>();
  private final List<DenseLayer> dense = new ArrayList<>();
  private final DenseLayer fc;
  private final Dropout[] dropouts;  // before recurrent layers 1.., then before each dense layer, then before fc
  private final Loss loss;
  private final List<Parameter> parameters;
  private final Map<String, Parameter> byName = new LinkedHashMap<>();
  private final BatchOrder order = new BatchOrder();
  private final PairRunner runner = new PairRunner();
  private int threads = 1;
  private boolean inputGradients = true;

  private int denseRows;
  private float[] input = new float[0];          // [T][N][I] sorted, time-major
  private float[] outputGrad = new float[0];     // [rows x outputs] gradient of the loss
  private float[] inputGrad = new float[0];      // [size][steps][features] of the last computeGradients
  private int inputGradSize;

  private Network(ModelConfig config) {
    this.config = config;
    List<Parameter> all = new ArrayList<>();
    int width = config.inputSize();
    for (int k = 0; k < config.recurrent().size(); k++) {
      RecurrentLayer layer = new RecurrentLayer(k, width, config.recurrent().get(k));
      recurrent.add(layer);
      all.addAll(layer.parameters());
      width = layer.width();
    }
    for (int j = 0; j < config.hidden().size(); j++) {
      DenseLayerSpec spec = config.hidden().get(j);
      DenseLayer layer = new DenseLayer("dense" + j, width, spec.units(), spec.activation());
      dense.add(layer);
      all.addAll(layer.parameters());
      width = spec.units();
    }
    fc = new DenseLayer("fc", width, config.outputSize(), Activation.LINEAR);
    all.addAll(fc.parameters());
    parameters = Collections.unmodifiableList(all);
    for (Parameter p : parameters) {
      byName.put(p.name(), p);
    }
    dropouts = new Dropout[recurrent.size() - 1 + dense.size() + 1];
    for (int i = 0; i < dropouts.length; i++) {
      dropouts[i] = new Dropout(config.dropout());
    }
    loss = config.task() == Task.CLASSIFICATION ? new SoftmaxCrossEntropy() : new MeanSquaredError();
  }

  /** A network with fresh weights: Glorot uniform input weights, orthogonal recurrent blocks, zero biases. */
  public static Network create(ModelConfig config, long seed) {
    if (config == null) {
      throw new IllegalArgumentException("a model configuration is required");
    }
    Network network = new Network(config);
    Initializer init = new Initializer(seed);
    for (RecurrentLayer layer : network.recurrent) {
      for (GruLayer direction : layer.directions()) {
        int[] shape = direction.weightIh().shape();
        init.glorotUniform(direction.weightIh(), shape[1], shape[0]);
        init.orthogonalBlocks(direction.weightHh(), 3, direction.hidden());
      }
    }
    for (DenseLayer layer : network.dense) {
      int[] shape = layer.weight().shape();
      init.glorotUniform(layer.weight(), shape[1], shape[0]);
    }
    int[] shape = network.fc.weight().shape();
    init.glorotUniform(network.fc.weight(), shape[1], shape[0]);
    return network;
  }

  public ModelConfig config() {
    return config;
  }

  /** Every parameter, in a fixed order: recurrent layers, hidden dense layers, then fc. */
  public List<Parameter> parameters() {
    return parameters;
  }

  /** The parameter with this PyTorch name; an IllegalArgumentException naming it if there is none. */
  public Parameter parameter(String name) {
    Parameter p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("the network has no parameter named '" + name + "' (it has "
          + String.join(", ", byName.keySet()) + ")");
    }
    return p;
  }

  /** Threads used inside one batch (1 or more); results do not depend on it. */
  public int threads() {
    return threads;
  }

  /**
   * With 2 or more, the two directions of each bidirectional layer run at once on a daemon helper thread
   * owned by the network; 1 stops it.
   */
  public void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.threads = threads;
    boolean anyBidirectional = config.recurrent().stream().anyMatch(RecurrentLayerSpec::bidirectional);
    runner.setParallel(threads >= 2 && anyBidirectional);
  }

  /**
   * Whether {@link #computeGradients} also computes the gradient with respect to the input (on by default).
   * Training needs only the parameter gradients; off, it skips the first layer's dx GEMMs (PyTorch skips them
   * too, for an input without requires_grad) and {@link #inputGradient} refuses.
   */
  public void setInputGradients(boolean wanted) {
    inputGradients = wanted;
  }

  /**
   * Inference. Returns a new array: [size, outputs] for 'last', [size, steps, outputs] for 'sequence'
   * (zeros on padded steps). For classification these are logits (softmax not applied).
   */
  public float[] predict(SequenceBatch batch) {
    checkBatch(batch);
    float[] output = forward(batch, null, false);
    int outputs = config.outputSize();
    if (perStep()) {
      float[] result = new float[Workspace.size(Workspace.size(batch.size(), batch.steps()), outputs)];
      order.toBatchFirst(output, outputs, result);
      return result;
    }
    float[] result = new float[Workspace.size(batch.size(), outputs)];
    order.unsortRows(output, outputs, result);
    return result;
  }

  /**
   * Forward, loss and backward for one batch: overwrites every parameter's gradient with the gradient of the
   * mean loss, and returns that loss. Mean squared error is the mean over rows and outputs (rows: sequences,
   * or real steps); cross-entropy the mean over rows with a label. Dropout is active when {@code dropoutRng}
   * is not null.
   */
  public double computeGradients(SequenceBatch batch, Targets targets, SplittableRandom dropoutRng) {
    checkBatch(batch);
    checkTargets(batch, targets);
    SplittableRandom rng = config.dropout() > 0 ? dropoutRng : null;
    float[] output = forward(batch, rng, true);
    outputGrad = Workspace.grow(outputGrad, Workspace.size(denseRows, config.outputSize()));
    double value = loss.evaluate(output, denseRows, config.outputSize(), order.targetRows(perStep()), targets,
        outputGrad);
    backward(rng != null);
    return value;
  }

  /** Mean loss of a batch, without gradients or dropout. */
  public double loss(SequenceBatch batch, Targets targets) {
    checkBatch(batch);
    checkTargets(batch, targets);
    float[] output = forward(batch, null, false);
    return loss.evaluate(output, denseRows, config.outputSize(), order.targetRows(perStep()), targets, null);
  }

  /**
   * Gradient of the last {@link #computeGradients} loss with respect to its input, [size, steps, features]
   * (zeros on padded steps).
   */
  public float[] inputGradient() {
    if (!inputGradients) {
      throw new IllegalStateException("input gradients are off: call setInputGradients(true), then computeGradients");
    }
    if (inputGradSize == 0) {
      throw new IllegalStateException("no gradients yet: call computeGradients first");
    }
    float[] copy = new float[inputGradSize];
    System.arraycopy(inputGrad, 0, copy, 0, inputGradSize);
    return copy;
  }

  private boolean perStep() {
    return config.outputMode() == OutputMode.SEQUENCE;
  }

  /**
   * Runs the network, keeping what a backward needs when {@code forBackward}; returns the output layer's rows
   * [denseRows x outputs] (sorted, time-major per step).
   */
  private float[] forward(SequenceBatch batch, SplittableRandom rng, boolean forBackward) {
    order.set(batch);
    int sequenceRows = Workspace.size(order.steps(), order.size());
    input = Workspace.grow(input, Workspace.size(sequenceRows, config.inputSize()));
    order.toTimeMajor(batch.x(), config.inputSize(), input);

    float[] x = input;
    int width = config.inputSize();
    int last = recurrent.size() - 1;
    for (int k = 0; k <= last; k++) {
      RecurrentLayer layer = recurrent.get(k);
      if (k > 0 && rng != null) {
        x = dropouts[k - 1].forward(x, sequenceRows * width, rng);
      }
      boolean lastState = k == last && !perStep();
      layer.forward(x, order, !lastState, lastState, forBackward, runner);
      x = lastState ? layer.last() : layer.output();
      width = layer.width();
    }
    denseRows = perStep() ? sequenceRows : order.size();
    for (int j = 0; j < dense.size(); j++) {
      if (rng != null) {
        x = dropouts[last + j].forward(x, denseRows * width, rng);
      }
      DenseLayer layer = dense.get(j);
      layer.forward(x, denseRows);
      x = layer.output();
      width = layer.units();
    }
    if (rng != null) {
      x = dropouts[dropouts.length - 1].forward(x, denseRows * width, rng);
    }
    fc.forward(x, denseRows);
    return fc.output();
  }

  /** Backward through every layer from outputGrad, in reverse order of {@link #forward}. */
  private void backward(boolean dropout) {
    int last = recurrent.size() - 1;
    fc.backward(outputGrad);
    float[] grad = fc.inputGradient();
    if (dropout) {
      dropouts[dropouts.length - 1].backwardInPlace(grad);
    }
    for (int j = dense.size() - 1; j >= 0; j--) {
      DenseLayer layer = dense.get(j);
      layer.backward(grad);
      grad = layer.inputGradient();
      if (dropout) {
        dropouts[last + j].backwardInPlace(grad);
      }
    }
    for (int k = last; k >= 0; k--) {
      RecurrentLayer layer = recurrent.get(k);
      boolean lastState = k == last && !perStep();
      boolean wantInputGrad = k > 0 || inputGradients;
      layer.backward(lastState ? null : grad, lastState ? grad : null, wantInputGrad, runner);
      if (!wantInputGrad) {
        inputGradSize = 0;
        return;
      }
      grad = layer.inputGradient();
      if (k > 0 && dropout) {
        dropouts[k - 1].backwardInPlace(grad);
      }
    }
    inputGradSize = Workspace.size(Workspace.size(order.size(), order.batchSteps()), config.inputSize());
    inputGrad = Workspace.grow(inputGrad, inputGradSize);
    order.toBatchFirst(grad, config.inputSize(), inputGrad);
  }

  private void checkBatch(SequenceBatch batch) {
    if (batch == null) {
      throw new IllegalArgumentException("a batch is required");
    }
    if (batch.features() != config.inputSize()) {
      throw new IllegalArgumentException("the batch has " + batch.features()
          + " features per step, but the network expects " + config.inputSize());
    }
  }

  private void checkTargets(SequenceBatch batch, Targets targets) {
    if (targets == null) {
      throw new IllegalArgumentException("targets are required");
    }
    boolean classification = config.task() == Task.CLASSIFICATION;
    if (targets.isClassification() != classification) {
      throw new IllegalArgumentException(classification
          ? "a classification network needs class labels, not responses"
          : "a regression network needs responses, not class labels");
    }
    long expectedRows = perStep() ? (long) batch.size() * batch.steps() : batch.size();
    String rowsMeaning = perStep()
        ? "one per step: " + batch.size() + " sequences x " + batch.steps() + " steps"
        : "one per sequence";
    if (targets.rows() != expectedRows) {
      throw new IllegalArgumentException("the targets have " + targets.rows() + " rows, expected "
          + expectedRows + " (" + rowsMeaning + ")");
    }
    int outputs = config.outputSize();
    if (!classification) {
      if (targets.width() != outputs) {
        throw new IllegalArgumentException("the targets have " + targets.width()
            + " responses per row, but the network has " + outputs + " outputs");
      }
      return;
    }
    int[] labels = targets.labels();
    for (int r = 0; r < labels.length; r++) {
      if (labels[r] < -1 || labels[r] >= outputs) {
        throw new IllegalArgumentException("class label " + labels[r] + " at row " + r
            + " is out of range: expected 0 to " + (outputs - 1) + ", or -1 for no label");
      }
    }
  }
}
