package org.bigru.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bigru.model.data.Compatibility;

/**
 * A network built from a {@link ModelConfig}'s list of layers (recurrent layers of either cell, dense layers,
 * dropout, the output layer), with its parameters in one {@link ParameterArena} (named as PyTorch's
 * {@code state_dict}) and preallocated workspaces.
 *
 * <p>Not thread-safe: one network computes one batch at a time. It may use {@link #threads()} threads
 * internally, and its results are bitwise identical for any thread count.
 *
 * <p>Semantics are PyTorch's {@code nn.GRU} / {@code nn.LSTM} {@code (batch_first=True, bidirectional=...)} on
 * packed sequences: the reverse direction reads each sequence from its own last real step, 'last' passes on
 * {@code h_n} (for a bidirectional layer the forward state after the last real step and the reverse state
 * after step 0, merged), and padded steps change no output and no gradient.
 *
 * <p>Inside, a batch is sorted by length (longest first) and laid out time-major, so each step of a recurrent
 * layer updates only the sequences that have a real step there; see {@link BatchOrder}.
 */
public final class Network {

  private final ModelConfig config;
  private final List<Layer> layers = new ArrayList<>();
  private final ParameterArena arena;
  private final BatchOrder order = new BatchOrder();
  private final PairRunner runner = new PairRunner();
  private final Pass pass = new Pass(order, runner);
  private final Loss loss;
  private int threads = 1;
  private boolean inputGradients = true;

  private float[] input = new float[0];          // [T][N][I] sorted, time-major
  private float[] outputGrad = new float[0];     // [rows x outputs] gradient of the loss
  private float[] inputGrad = new float[0];      // [size][steps][features] of the last gradient pass
  private int inputGradSize;

  private Network(ModelConfig config) {
    this.config = config;
    List<Parameter> all = new ArrayList<>();
    int width = config.inputSize();
    int[] byCell = new int[CellType.values().length];
    int dense = 0;
    for (LayerSpec spec : config.layers()) {
      Layer layer;
      if (spec instanceof RecurrentLayerSpec r) {
        layer = new RecurrentLayer(byCell[r.cell().ordinal()]++, width, r);
      } else if (spec instanceof DenseLayerSpec d) {
        layer = new DenseLayer("dense" + dense++, width, d.units(), d.activation());
      } else if (spec instanceof DropoutLayerSpec d) {
        layer = new Dropout(width, d.probability());
      } else {
        layer = new DenseLayer("fc", width, ((OutputLayerSpec) spec).size(), Activation.LINEAR);
      }
      layers.add(layer);
      all.addAll(layer.parameters());
      width = layer.outputWidth();
    }
    arena = new ParameterArena(all);
    loss = config.task() == Task.CLASSIFICATION ? new SoftmaxCrossEntropy()
        : config.quantiles().isEmpty() ? new MeanSquaredError() : new PinballLoss(config.quantiles());
  }

  /**
   * A network with fresh weights, drawn layer by layer: Glorot uniform input and dense weights, orthogonal
   * recurrent blocks, zero biases (an LSTM's forget gate: one).
   */
  public static Network create(ModelConfig config, long seed) {
    if (config == null) {
      throw new IllegalArgumentException("a model configuration is required");
    }
    Network network = new Network(config);
    Initializer init = new Initializer(seed);
    for (Layer layer : network.layers) {
      layer.initialize(init);
    }
    return network;
  }

  /**
   * A network whose parameters are all zero, for a loader or a copy to fill: no weights are drawn, so nothing
   * of the initializers runs.
   */
  public static Network unfilled(ModelConfig config) {
    if (config == null) {
      throw new IllegalArgumentException("a model configuration is required");
    }
    return new Network(config);
  }

  public ModelConfig config() {
    return config;
  }

  /** Every parameter's values and gradients, in one arena. */
  public ParameterArena arena() {
    return arena;
  }

  /** Every parameter, in layer order (PyTorch's state_dict order within a layer). */
  public List<Parameter> parameters() {
    return arena.parameters();
  }

  /** The parameter with this PyTorch name; an IllegalArgumentException naming it if there is none. */
  public Parameter parameter(String name) {
    Parameter p = arena.find(name);
    if (p == null) {
      throw new IllegalArgumentException("the network has no parameter named '" + name + "' (it has "
          + String.join(", ", arena.names()) + ")");
    }
    return p;
  }

  /**
   * The most threads a network computes with: the two directions of a bidirectional layer at once. More would
   * wait.
   */
  public static final int MAX_THREADS = 2;

  /** The thread count when none is asked for: {@link #MAX_THREADS}, or 1 on a machine of one processor. */
  public static int defaultThreads() {
    return Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
  }

  /** Threads used inside one batch: 1, or 2 when asked for and a layer is bidirectional; results do not depend on it. */
  public int threads() {
    return threads;
  }

  /**
   * Asks for threads inside one batch: with 2 or more (2 are used), the two directions of each bidirectional
   * layer run at once on a daemon helper thread owned by the network; 1 stops it.
   */
  public void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    boolean anyBidirectional = config.recurrent().stream().anyMatch(RecurrentLayerSpec::bidirectional);
    this.threads = anyBidirectional ? Math.min(threads, MAX_THREADS) : 1;
    runner.setParallel(this.threads >= 2);
  }

  /**
   * Whether a gradient pass also computes the gradient with respect to the input (on by default). Training
   * needs only the parameter gradients; off, it skips the first layer's dx GEMMs (PyTorch skips them too, for
   * an input without requires_grad) and {@link #inputGradient} refuses.
   */
  public void setInputGradients(boolean wanted) {
    inputGradients = wanted;
  }

  /**
   * Inference. Returns a new array: [size, outputs] for 'last', [size, steps, outputs] for 'sequence'
   * (zeros on padded steps). For classification these are logits (softmax not applied). With quantiles, each
   * response's quantiles are in ascending order: sorted, which never raises the pinball loss (the
   * rearrangement of Chernozhukov, Fernandez-Val and Galichon), so an interval is never inverted.
   */
  public float[] predict(SequenceBatch batch) {
    checkBatch(batch);
    float[] output = forward(batch, null, false);
    int outputs = config.outputSize();
    float[] result;
    if (perStep()) {
      result = new float[Workspace.size(Workspace.size(batch.size(), batch.steps()), outputs)];
      order.toBatchFirst(output, outputs, result);
    } else {
      result = new float[Workspace.size(batch.size(), outputs)];
      order.unsortRows(output, outputs, result);
    }
    int levels = config.quantiles().size();
    for (int from = 0; levels > 1 && from < result.length; from += levels) {
      Arrays.sort(result, from, from + levels);
    }
    return result;
  }

  /**
   * Forward, loss and backward for one batch: overwrites every parameter's gradient with the gradient of the
   * mean loss, and returns that loss. See {@link #accumulateGradients}.
   */
  public double computeGradients(SequenceBatch batch, Targets targets, SplittableRandom dropoutRng) {
    arena.zeroGrads();
    return accumulateGradients(batch, targets, dropoutRng);
  }

  /**
   * Forward, loss and backward for one batch: adds the gradient of the mean loss to the arena's gradients, and
   * returns that loss. Mean squared error is the mean over rows and outputs (rows: sequences, or real steps);
   * cross-entropy the mean over rows with a label. Dropout is active when {@code dropoutRng} is not null.
   */
  public double accumulateGradients(SequenceBatch batch, Targets targets, SplittableRandom dropoutRng) {
    checkBatch(batch);
    checkTargets(batch, targets);
    SplittableRandom rng = config.hasDropout() ? dropoutRng : null;
    float[] output = forward(batch, rng, true);
    int rows = pass.rows();
    outputGrad = Workspace.grow(outputGrad, Workspace.size(rows, config.outputSize()));
    double value = loss.evaluate(output, rows, config.outputSize(), order.targetRows(perStep()), targets,
        outputGrad);
    backward();
    return value;
  }

  /** Mean loss of a batch, without gradients or dropout. */
  public double loss(SequenceBatch batch, Targets targets) {
    checkBatch(batch);
    checkTargets(batch, targets);
    float[] output = forward(batch, null, false);
    return loss.evaluate(output, pass.rows(), config.outputSize(), order.targetRows(perStep()), targets, null);
  }

  /**
   * Gradient of the last gradient pass's loss with respect to its input, [size, steps, features] (zeros on
   * padded steps).
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
   * Runs the layers, keeping what a backward needs when {@code forBackward}; returns the output layer's rows
   * [pass.rows() x outputs] (sorted, time-major per step).
   */
  private float[] forward(SequenceBatch batch, SplittableRandom rng, boolean forBackward) {
    order.set(batch);
    pass.start(forBackward, rng);
    input = Workspace.grow(input, Workspace.size(pass.rows(), config.inputSize()));
    order.toTimeMajor(batch.x(), config.inputSize(), input);
    float[] x = input;
    for (Layer layer : layers) {
      x = layer.forward(x, pass);
    }
    return x;
  }

  /** Backward through every layer from outputGrad, in reverse order of {@link #forward}. */
  private void backward() {
    float[] grad = outputGrad;
    for (int i = layers.size() - 1; i >= 0; i--) {
      grad = layers.get(i).backward(grad, pass, i > 0 || inputGradients);
    }
    if (grad == null) {
      inputGradSize = 0;
      return;
    }
    inputGradSize = Workspace.size(Workspace.size(order.size(), order.batchSteps()), config.inputSize());
    inputGrad = Workspace.grow(inputGrad, inputGradSize);
    order.toBatchFirst(grad, config.inputSize(), inputGrad);
  }
  private void checkBatch(SequenceBatch batch) {
    if (batch == null) {
      throw new IllegalArgumentException("a batch is required");
    }
    Compatibility.requireFeatures(config, batch.features(), "the batch", "the network");
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
      if (targets.width() != config.responses()) {
        throw new IllegalArgumentException("the targets have " + targets.width()
            + " responses per row, but the network has " + outputs + " outputs"
            + (config.quantiles().isEmpty() ? "" : " (" + config.responses() + " responses x "
                + config.quantiles().size() + " quantiles)"));
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
