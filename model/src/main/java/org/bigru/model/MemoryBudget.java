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
  public static void checkShapes(int inputSize, List<LayerSpec> layers) {
    long width = inputSize;
    int recurrent = 0;
    int dense = 0;
    for (LayerSpec layer : layers) {
      if (layer instanceof RecurrentLayerSpec r) {
        checkMatrix((long) r.cell().gates() * r.units(), width, "the input weights of recurrent layer " + ++recurrent
            + " (" + r.cell().gates() + " x " + r.units() + " units x " + width + " inputs)");
      } else if (layer instanceof DenseLayerSpec d) {
        checkMatrix(d.units(), width, "the weights of hidden dense layer " + ++dense + " (" + d.units()
            + " units x " + width + " inputs)");
      } else if (layer instanceof OutputLayerSpec o) {
        checkMatrix(o.size(), width, "the weights of the output layer (" + o.size() + " outputs x " + width
            + " inputs)");
      }
      width = layer.outputWidth((int) Math.min(width, Integer.MAX_VALUE));
    }
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
   * A network as {@link Network#create} builds it: the arena's values and gradients, and the transposed copies
   * (source and transpose) of every recurrent weight matrix that forward passes read.
   */
  public static long networkBytes(ModelConfig config) {
    double recurrentWeights = 0;
    double width = config.inputSize();
    for (LayerSpec layer : config.layers()) {
      if (layer instanceof RecurrentLayerSpec r) {
        recurrentWeights += directions(r) * gates(r) * (width + r.units());
      }
      width = layer.outputWidth((int) Math.min(width, Integer.MAX_VALUE));
    }
    return (long) (Float.BYTES * (2 * parameters(config) + 2 * recurrentWeights));
  }

  // Sizes are summed in doubles throughout: an estimate of hostile sizes must come out huge, never overflowed.
  private static double parameters(ModelConfig config) {
    double count = 0;
    double width = config.inputSize();
    for (LayerSpec layer : config.layers()) {
      if (layer instanceof RecurrentLayerSpec r) {
        double gates = gates(r);
        double biases = r.resetMode() == null || r.resetMode().hasRecurrentBias() ? 2 * gates : gates;
        count += directions(r) * (gates * width + gates * r.units() + biases);
      } else if (layer instanceof DenseLayerSpec d) {
        count += d.units() * width + d.units();
      } else if (layer instanceof OutputLayerSpec o) {
        count += o.size() * width + o.size();
      }
      width = layer.outputWidth((int) Math.min(width, Integer.MAX_VALUE));
    }
    return count;
  }

  private static double gates(RecurrentLayerSpec layer) {
    return (double) layer.cell().gates() * layer.units();
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
   * The buffers one batch grows in the network and its layers, each [rows x width] with rows = batch x steps
   * (or batch after a recurrent layer that passes on only its last state): the batch's copies of the input (and
   * its gradient), per recurrent layer its reversed input, output and input gradients, per direction its states,
   * kept gates (4H for a GRU, 5H for an LSTM), reset states or cell states, state gradients and input gradient
   * (training) and its chunk of gate buffers, and the dense and dropout layers' outputs and gradients.
   */
  static long batchBytes(ModelConfig config, int batch, int steps, boolean training) {
    double sequences = Math.max(1, batch);
    double rows = sequences * Math.max(1, steps);
    // The batch as MiniBatches copies it out of the data (two sizes cached: full batches and the last one), and
    // the network's sorted copy of it (and its gradient, in training).
    double floats = rows * config.inputSize() * (training ? 4 : 2);
    double width = config.inputSize();
    double layerRows = rows;
    for (LayerSpec layer : config.layers()) {
      if (layer instanceof RecurrentLayerSpec r) {
        double h = r.units();
        double saved = r.cell() == CellType.LSTM ? 5 * h : 4 * h;
        double perDirection = training
            ? rows * (h + saved + h + h + width) + 3 * chunkFloats(rows, sequences, gates(r))
            : rows * h + sequences * (saved + 4 * h) + chunkFloats(rows, sequences, gates(r));
        floats += directions(r) * perDirection;
        layerRows = r.outputMode() == OutputMode.LAST ? sequences : rows;
        floats += layerRows * r.outputWidth() + (r.bidirectional() ? rows * width * (training ? 3 : 1) : 0);
      } else {
        double out = layer.outputWidth((int) Math.min(width, Integer.MAX_VALUE));
        floats += layerRows * out * (layer instanceof OutputLayerSpec ? 4 : 2);
      }
      width = layer.outputWidth((int) Math.min(width, Integer.MAX_VALUE));
    }
    return (long) (Float.BYTES * floats);
  }

  /** A direction's gate buffers hold a chunk of steps: about 64 Ki floats, or 128 rows when gates are wider. */
  private static double chunkFloats(double rows, double sequences, double gates) {
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
