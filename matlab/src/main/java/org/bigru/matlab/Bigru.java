package org.bigru.matlab;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigru.kernels.Kernels;
import org.bigru.model.EnumNames;
import org.bigru.model.InsufficientMemoryException;
import org.bigru.model.MemoryBudget;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.data.Dataset;
import org.bigru.model.train.CheckpointFolderException;
import org.bigru.model.train.StopReason;
import org.bigru.model.train.TrainingHistory;
import org.bigru.model.train.TrainingJob;
import org.bigru.model.train.TrainingOptions;
import org.bigru.model.train.ValidationSchedule;

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

  /** The Java feature release the bridge runs on (17, 21, ...). */
  public static int javaVersion() {
    return Runtime.version().feature();
  }

  /**
   * Starts training a network on a thread of its own ({@link TrainingSession}); what would refuse the run (data
   * that do not fit the layers, too little heap, a bad option for this network) is refused here, before it starts.
   * Weights are initialized from the options' seed, or taken from {@code initial}.
   *
   * @param function     "trainNetwork" (its validation schedule: iteration 1, every ValidationFrequency, the last;
   *                     its table) or "trainnet" (iteration 0, every ValidationFrequency, the last; its table and
   *                     Metrics)
   * @param classNames   the class names (classification), in code order; empty for regression
   * @param metadataKeys what the MATLAB side stores with the network (label type, ...), with its values
   * @param initial      a dlnetwork whose weights training starts from, or null
   */
  public static TrainingSession startTraining(String function, LayerArray layers, Dataset train, Dataset validation,
                                              Object classNames, MatlabOptions options, Object metadataKeys,
                                              Object metadataValues, MatlabNetwork initial) {
    boolean trainnet = function.equals("trainnet");
    String targets = trainnet ? "T" : "Y";
    TrainingJob.Names names = new TrainingJob.Names("X", targets, "ValidationData X", "ValidationData " + targets,
        "the layer array");
    boolean classification = layers.isClassification();
    List<MatlabChoices.Metric> metrics = trainnet ? options.metrics() : List.of();
    for (MatlabChoices.Metric m : metrics) {
      if ((m == MatlabChoices.Metric.ACCURACY) != classification) {
        throw new MatlabError(MatlabError.INVALID_VALUE, "Metrics '" + EnumNames.of(m) + "' needs a "
            + (classification ? "regression" : "classification") + " network, and this one is for "
            + (classification ? "classification ('accuracy' measures it)" : "regression ('rmse' measures it)"));
      }
    }
    TrainingOptions training = options.training().toBuilder()
        .validationSchedule(trainnet ? ValidationSchedule.START_AND_LAST : ValidationSchedule.FIRST_AND_LAST).build();
    try {
      new TrainingJob(layers.config(), train, validation, training, options.resume(), 0).checkData(names);
    } catch (MatlabError e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new MatlabError(MatlabError.INVALID_TARGETS, e.getMessage(), e);
    }
    ModelConfig config = layers.config();
    if (classification) {
      config = config.withClassNames(List.of(MatlabTargets.classNames(classNames, targets)));
    }
    config = config.withMetadata(metadata(config, metadataKeys, metadataValues));
    TrainingJob job = new TrainingJob(config, train, validation, training, options.resume(), 0);
    Network network;
    try {
      network = job.build(names, "use fewer NumHiddenUnits or OutputSize, or a smaller MiniBatchSize");
    } catch (InsufficientMemoryException e) {
      throw inMatlabTerms(e);
    }
    if (initial != null) {
      initial.copyWeightsTo(network);
    }
    LayerArray trained = LayerArray.fromConfig(config);
    ProgressTable table = new ProgressTable(trainnet ? ProgressTable.Style.TRAINNET
        : ProgressTable.Style.TRAIN_NETWORK, options.verbose(), options.verboseFrequency(), validation != null,
        classification, metrics);
    boolean accuracy = classification && (!trainnet || metrics.contains(MatlabChoices.Metric.ACCURACY));
    TrainingRecord record = new TrainingRecord(training, classification, accuracy, table);
    table.header(kernels());
    TrainingSession session = new TrainingSession(record, table, () -> {
      TrainingHistory history;
      try {
        history = job.run(network, record);
      } catch (CheckpointFolderException e) {
        throw new MatlabError(MatlabError.CHECKPOINT, "CheckpointPath '" + e.folder() + "' " + e.reason()
            + (e.resuming() ? "; resume with that run's data and options, or train anew with another CheckpointPath"
            : "; give another CheckpointPath, or set 'ResumeFromCheckpoint', true to continue that run"), e);
      }
      table.finish(stopDescription(history));
      return new MatlabNetwork(network, trained, history, record, metrics);
    });
    session.start();
    return session;
  }

  /** Trains as {@link #startTraining} does, and waits for the network (for Java callers). */
  static MatlabNetwork train(String function, LayerArray layers, Dataset train, Dataset validation, Object classNames,
                             MatlabOptions options, Object metadataKeys, Object metadataValues) {
    TrainingSession session = startTraining(function, layers, train, validation, classNames, options, metadataKeys,
        metadataValues, null);
    try {
      while (!session.waitFor(1000)) {
        session.takeLines();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      session.requestStop();
      throw new IllegalStateException("interrupted while training", e);
    }
    return session.network();
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
    return new MatlabError(MatlabError.OUT_OF_MEMORY, e.message(RAISE_THE_HEAP), e);
  }

  /** How a MATLAB or Octave user gives Java more heap. */
  static final String RAISE_THE_HEAP = "raise the Java heap (MATLAB: Preferences > General > Java Heap Memory; "
      + "Octave: a line -Xmx4g in java.opts)";

  private static Map<String, String> metadata(ModelConfig config, Object keys, Object values) {
    String[] k = MatlabValues.strings(keys, "the metadata keys");
    String[] v = MatlabValues.strings(values, "the metadata values");
    if (k.length != v.length) {
      throw new IllegalArgumentException(k.length + " metadata keys for " + v.length + " values");
    }
    Map<String, String> all = new HashMap<>(config.metadata());
    for (int i = 0; i < k.length; i++) {
      all.put(k[i], v[i]);
    }
    return all;
  }


  /** Why training ended, with MATLAB's advice after a non-finite loss or gradient. */
  static String stopDescription(TrainingHistory history) {
    return history.stopDescription() + (history.stopReason() == StopReason.NOT_FINITE_LOSS
        ? " (try a lower InitialLearnRate or a GradientThreshold)" : "");
  }
}
