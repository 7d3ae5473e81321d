package org.bigru.matlab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigru.kernels.Kernels;
import org.bigru.model.InsufficientMemoryException;
import org.bigru.model.MemoryBudget;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.data.Dataset;
import org.bigru.model.train.CheckpointFolderException;
import org.bigru.model.train.StopReason;
import org.bigru.model.train.Trainer;
import org.bigru.model.train.TrainingHistory;

/**
 * The entry points the {@code +bigru} MATLAB package calls (with {@code javaMethod}, which MATLAB and Octave
 * both have). Arguments are scalars, strings, numeric vectors and cell arrays of strings only; a batch of
 * sequences is one {@link Sequences} built in one call. Errors are IllegalArgumentExceptions whose message
 * names the MATLAB argument and what was expected; the MATLAB side strips the Java prefix.
 */
public final class Bigru {

  private Bigru() {
  }

  /** The bridge's version. */
  public static String version() {
    String v = Bigru.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  /** The kernel provider in one line, for example "panama, 512-bit, FMA on". */
  public static String kernels() {
    return Kernels.get().describe();
  }

  /** Whether the SIMD kernels run (the JVM was started with --add-modules=jdk.incubator.vector). */
  public static boolean vectorApi() {
    return Kernels.get().name().equals("panama");
  }

  /**
   * Threads a network uses: the two directions of a bidirectional layer at once when there are two cores.
   * Results are bitwise the same for any thread count.
   */
  static int threads() {
    return Math.min(2, Runtime.getRuntime().availableProcessors());
  }

  /** The Java feature release the bridge runs on (17, 21, ...). */
  public static int javaVersion() {
    return Runtime.version().feature();
  }

  /**
   * Trains a new network: weights initialized from the options' seed, then {@link Trainer#fit}.
   *
   * @param classNames   the class names (classification), in code order; empty for regression
   * @param metadataKeys what the MATLAB side stores with the network (label type, ...), with its values
   */
  public static MatlabNetwork train(LayerArray layers, Dataset train, Dataset validation, Object classNames,
                                    MatlabOptions options, Object metadataKeys, Object metadataValues) {
    check(layers, train, "X", "Y");
    if (validation != null) {
      check(layers, validation, "ValidationData X", "ValidationData Y");
    }
    ModelConfig config = layers.config();
    if (layers.isClassification()) {
      config = config.withClassNames(List.of(MatlabTargets.classNames(classNames, "Y")));
    }
    config = config.withPreprocessing(metadata(config, metadataKeys, metadataValues));
    int batch = Math.min(options.training().miniBatchSize(), train.size());
    int steps = Math.max(train.maxLength(), validation == null ? 0 : validation.maxLength());
    requireMemory(MemoryBudget.trainingBytes(config, batch, steps), "training these layers ("
        + MemoryBudget.parameterCount(config) + " learnable parameters) on mini-batches of " + batch
        + " sequences of up to " + steps + " time steps", "use fewer NumHiddenUnits or OutputSize, or a smaller "
        + "MiniBatchSize");
    Network network = Network.create(config, options.training().seed());
    ProgressTable table = options.verbose()
        ? new ProgressTable(System.out, options.verboseFrequency(), validation != null) : null;
    TrainingRecord record = new TrainingRecord(options.training(), table);
    if (table != null) {
      table.header(kernels());
    }
    TrainingHistory history;
    try {
      history = options.resume()
          ? Trainer.resume(network, train, validation, options.training(), record)
          : Trainer.fit(network, train, validation, options.training(), record);
    } catch (CheckpointFolderException e) {
      throw new IllegalArgumentException("CheckpointPath '" + e.folder() + "' " + e.reason() + (e.resuming()
          ? "; resume with that run's data and options, or train anew with another CheckpointPath"
          : "; give another CheckpointPath, or set 'ResumeFromCheckpoint', true to continue that run"), e);
    }
    if (table != null) {
      table.finish(describe(history));
    }
    return new MatlabNetwork(network, layers, history, record);
  }

  /** Reads a network file; see {@link MatlabNetwork#load}. */
  public static MatlabNetwork load(String file) {
    return MatlabNetwork.load(file);
  }

  /**
   * Refuses what would not fit the Java heap, before it is allocated, with MATLAB's way of raising the heap in
   * the message ({@link MemoryBudget}).
   */
  static void requireMemory(long estimateBytes, String what, String instead) {
    try {
      MemoryBudget.require(estimateBytes, what, instead);
    } catch (InsufficientMemoryException e) {
      throw inMatlabTerms(e);
    }
  }

  /** The memory message with MATLAB's and Octave's way of giving Java more heap. */
  static IllegalArgumentException inMatlabTerms(InsufficientMemoryException e) {
    return new IllegalArgumentException(e.message(RAISE_THE_HEAP), e);
  }

  /** How a MATLAB or Octave user gives Java more heap. */
  static final String RAISE_THE_HEAP = "raise the Java heap (MATLAB: Preferences > General > Java Heap Memory; "
      + "Octave: a line -Xmx4g in java.opts)";

  /** The data must fit the layers: features, and number of classes or responses. */
  private static void check(LayerArray layers, Dataset data, String x, String y) {
    ModelConfig config = layers.config();
    if (data.features() != config.inputSize()) {
      throw new IllegalArgumentException(x + " has " + data.features() + " features (rows) per time step, but "
          + "sequenceInputLayer has InputSize " + config.inputSize());
    }
    if (data.kind().isClassification() != layers.isClassification()
        || data.kind().isPerStep() != layers.isPerStep()) {
      throw new IllegalArgumentException(y + " holds " + describe(data) + " but the layers need "
          + (layers.isPerStep() ? "a sequence of " : "one ") + (layers.isClassification() ? "label" : "response row")
          + (layers.isPerStep() ? "s per sequence (OutputMode 'sequence')" : " per sequence (OutputMode 'last')"));
    }
    if (data.outputs() != config.outputSize()) {
      throw new IllegalArgumentException(y + " has " + data.outputs()
          + (layers.isClassification() ? " classes" : " responses") + ", but " + layers.outputLayer()
          + " has OutputSize " + config.outputSize() + ": it needs one output per "
          + (layers.isClassification() ? "class" : "response"));
    }
  }

  private static String describe(Dataset data) {
    switch (data.kind()) {
      case SEQUENCE_CLASSES:
        return "one label per sequence";
      case STEP_CLASSES:
        return "labels per time step";
      case SEQUENCE_RESPONSES:
        return "one response row per sequence";
      case STEP_RESPONSES:
        return "responses per time step";
      default:
        return "no targets";
    }
  }

  private static Map<String, String> metadata(ModelConfig config, Object keys, Object values) {
    String[] k = MatlabValues.strings(keys, "the metadata keys");
    String[] v = MatlabValues.strings(values, "the metadata values");
    if (k.length != v.length) {
      throw new IllegalArgumentException(k.length + " metadata keys for " + v.length + " values");
    }
    Map<String, String> all = new HashMap<>(config.preprocessing());
    for (int i = 0; i < k.length; i++) {
      all.put(k[i], v[i]);
    }
    return all;
  }

  /** Why training ended: MATLAB's words, plus the epoch and batch of a non-finite loss or gradient. */
  static String describe(TrainingHistory history) {
    String words = describe(history.stopReason());
    return history.stopReason() == StopReason.NOT_FINITE_LOSS ? words + "; " + history.stopMessage() : words;
  }

  /** MATLAB's words for why training ended. */
  static String describe(StopReason reason) {
    switch (reason) {
      case MAX_EPOCHS:
        return "Max epochs completed";
      case VALIDATION_PATIENCE:
        return "Met validation criterion";
      case NOT_FINITE_LOSS:
        return "Stopped: the loss became NaN or infinite (try a lower InitialLearnRate or a GradientThreshold)";
      default:
        return "Stopped manually";
    }
  }
}
