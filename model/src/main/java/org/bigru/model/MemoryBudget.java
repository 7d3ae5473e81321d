package org.bigru.model;

import java.util.List;

/**
 * What a network, its training and its inference ask of the Java heap, estimated from the sizes alone, so that
 * a size too large for the heap is refused with one clear message ({@link InsufficientMemoryException}) before
 * anything of that size is allocated, instead of an OutOfMemoryError half way.
 *
 * <p>The estimates follow what {@link Network}, its layers, the optimizers and checkpoints hold (see each
 * method); they are upper bounds within a few percent for the large terms and leave out buffers of bounded
 * size. When the layers' buffers change, the per-layer sums here change with them.
 */
public final class MemoryBudget {

  /** Largest Java array, in elements (some JVMs keep a few header words of the last 8). */
  public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
  /** Heap the JVM, the libraries and the command's own small objects use besides what is estimated. */
  static final long BASELINE_BYTES = 16L << 20;

  private MemoryBudget() {
  }

  /** The most the heap may grow to (-Xmx). */
  public static long heapBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /**
   * Refuses an estimate that does not fit the heap: the estimate plus a tenth (what the collector needs to
   * move objects, and what the estimate leaves out) plus {@link #BASELINE_BYTES} must not exceed it.
   *
   * @param what    what needs the memory, as the user named it
   * @param instead what the user can do instead of raising the heap ("shrink --units or --batch")
   */
  public static void require(long estimateBytes, String what, String instead) {
    long needed = needed(estimateBytes);
    long heap = heapBytes();
    if (needed > heap) {
      throw new InsufficientMemoryException(what, needed, heap, instead);
    }
  }

  /** The heap an estimate needs, as {@link #require} counts it. */
  public static long needed(long estimateBytes) {
    long margin = estimateBytes / 10;
    return saturatedAdd(saturatedAdd(estimateBytes, margin), BASELINE_BYTES);
  }

  /**
   * Refuses a layer whose parameters do not fit a Java array (a weight matrix is one array), naming the layer
   * and the matrix; sizes are multiplied in long arithmetic, so nothing overflows on the way.
   */
  public static void checkShapes(int inputSize, List<RecurrentLayerSpec> recurrent, List<DenseLayerSpec> hidden,
                                 int outputSize) {
    long width = inputSize;
    for (int k = 0; k < recurrent.size(); k++) {
      RecurrentLayerSpec layer = recurrent.get(k);
      checkMatrix(3L * layer.units(), width, "the input weights of recurrent layer " + (k + 1) + " (3 x "
          + layer.units() + " units x " + width + " inputs)");
      width = layer.outputWidth();
    }
    for (int j = 0; j < hidden.size(); j++) {
      checkMatrix(hidden.get(j).units(), width, "the weights of hidden dense layer " + (j + 1) + " ("
          + hidden.get(j).units() + " units x " + width + " inputs)");
      width = hidden.get(j).units();
    }
    checkMatrix(outputSize, width, "the weights of the output layer (" + outputSize + " outputs x " + width
        + " inputs)");
  }

  private static void checkMatrix(long rows, long cols, String what) {
    if (rows * cols > MAX_ARRAY) {
      throw new IllegalArgumentException(what + " are " + rows * cols + " values, more than a Java array holds ("
          + MAX_ARRAY + ")");
    }
  }

  /** Number of trainable values (weights and biases) of a network of this configuration. */
  public static long parameterCount(ModelConfig config) {
    return (long) parameters(config);
  }

  /**
   * A network as {@link Network#create} builds it: each parameter's values and gradient, and the transposed
   * copies (source and transpose) of every GRU weight matrix that forward passes read.
   */
  public static long networkBytes(ModelConfig config) {
    double gruWeights = 0;
    double width = config.inputSize();
    for (RecurrentLayerSpec layer : config.recurrent()) {
      gruWeights += directions(layer) * 3.0 * layer.units() * (width + layer.units());
      width = layer.outputWidth();
    }
    return (long) (Float.BYTES * (2 * parameters(config) + 2 * gruWeights));
  }

  // Sizes are summed in doubles throughout: an estimate of hostile sizes must come out huge, never overflowed.
  private static double parameters(ModelConfig config) {
    double count = 0;
    double width = config.inputSize();
    for (RecurrentLayerSpec layer : config.recurrent()) {
      double gates = 3.0 * layer.units();
      double biases = layer.resetMode().hasRecurrentBias() ? 2 * gates : gates;
      count += directions(layer) * (gates * width + gates * layer.units() + biases);
      width = layer.outputWidth();
    }
    for (DenseLayerSpec layer : config.hidden()) {
      count += layer.units() * width + layer.units();
      width = layer.units();
    }
    return count + config.outputSize() * width + config.outputSize();
  }

  /**
   * Training on mini-batches of {@code batch} sequences of up to {@code steps} steps: the network, the
   * optimizer's state (two buffers per parameter for Adam), the best weights of early stopping, the copies a
   * checkpoint or the model file takes while it is written, and the activations and gradients of one batch.
   */
  public static long trainingBytes(ModelConfig config, int batch, int steps) {
    double extraCopies = 2 + 1 + 4;
    return saturatedAdd(saturatedAdd(networkBytes(config), (long) (Float.BYTES * extraCopies * parameters(config))),
        batchBytes(config, batch, steps, true));
  }

  /** Inference on batches of {@code batch} sequences of up to {@code steps} steps: the network and one batch. */
  public static long inferenceBytes(ModelConfig config, int batch, int steps) {
    return saturatedAdd(networkBytes(config), batchBytes(config, batch, steps, false));
  }

  /**
   * The buffers one batch grows in the network and its layers, each [rows x width] with rows = batch x steps:
   * the batch's copies of the input (and its gradient), per recurrent layer its reversed input, output and input gradients,
   * per GRU direction its states, kept gates (4H), reset states, state gradients and input gradient (training),
   * and the dense layers' outputs and gradients.
   */
  static long batchBytes(ModelConfig config, int batch, int steps, boolean training) {
    double sequences = Math.max(1, batch);
    double rows = sequences * Math.max(1, steps);
    // The batch as MiniBatches copies it out of the data (two sizes cached: full batches and the last one), and
    // the network's sorted copy of it (and its gradient, in training).
    double floats = rows * config.inputSize() * (training ? 4 : 2);
    double width = config.inputSize();
    for (RecurrentLayerSpec layer : config.recurrent()) {
      double h = layer.units();
      double perDirection = training ? rows * (h + 4 * h + h + h + width) + 3 * chunkFloats(rows, sequences, h)
          : rows * h + sequences * 8 * h + chunkFloats(rows, sequences, h);
      floats += directions(layer) * perDirection;
      floats += rows * layer.outputWidth() + (layer.bidirectional() ? rows * width * (training ? 3 : 1) : 0);
      width = layer.outputWidth();
    }
    double denseRows = config.outputMode() == OutputMode.SEQUENCE ? rows : sequences;
    for (DenseLayerSpec layer : config.hidden()) {
      floats += denseRows * layer.units() * 2;
    }
    floats += denseRows * config.outputSize() * 4;
    return (long) (Float.BYTES * floats);
  }

  /** GruLayer's gate buffers hold a chunk of steps: about 64 Ki floats, or 128 rows when gates are wider. */
  private static double chunkFloats(double rows, double sequences, double units) {
    double gates = 3 * units;
    return Math.min(rows, Math.max(Math.floor(64 * 1024 / gates) + 1, 128 + sequences)) * gates;
  }

  private static long directions(RecurrentLayerSpec layer) {
    return layer.bidirectional() ? 2 : 1;
  }

  /** a + b for sizes (not negative), Long.MAX_VALUE when the sum does not fit. */
  public static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
