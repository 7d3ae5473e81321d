package org.bigru.matlab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bigru.model.InsufficientMemoryException;
import org.bigru.model.MemoryBudget;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.Task;
import org.bigru.model.data.Compatibility;
import org.bigru.model.data.Dataset;
import org.bigru.model.io.ModelFile;
import org.bigru.model.metrics.ClassificationMetrics;
import org.bigru.model.train.Trainer;
import org.bigru.model.train.TrainingHistory;

/**
 * A trained network as MATLAB holds it: the model, its MATLAB layer array, its classes and what training
 * reported. Predictions take a whole cell array of sequences in one call.
 */
public final class MatlabNetwork {

  private final Network network;
  private final LayerArray layers;
  private final TrainingHistory history;
  private final TrainingRecord record;
  private final List<MatlabChoices.Metric> metrics;

  MatlabNetwork(Network network, LayerArray layers, TrainingHistory history, TrainingRecord record,
                List<MatlabChoices.Metric> metrics) {
    this.network = network;
    network.setThreads(Network.defaultThreads());
    this.layers = layers;
    this.history = history;
    this.record = record;
    this.metrics = List.copyOf(metrics);
  }

  /** A network without a training record (read from a file, imported, or initialized by dlnetwork). */
  MatlabNetwork(Network network) {
    this(network, LayerArray.fromConfig(network.config()), null, null, List.of());
  }

  /**
   * A dlnetwork's network, initialized from {@code seed} (trainnet draws it from MATLAB's rand, so rng(s) makes
   * the weights repeatable): the layers must not end with an output layer.
   */
  public static MatlabNetwork initialize(LayerArray layers, double seed) {
    layers.requireNoOutputLayer("dlnetwork");
    ModelConfig config = layers.config();
    Bigru.requireMemory(MemoryBudget.inferenceBytes(config, 1, 1), "the network " + config.summary(),
        "use fewer NumHiddenUnits or OutputSize");
    return new MatlabNetwork(Network.create(config, (long) seed));
  }

  /** Copies this network's weights into another of the same layers (trainnet starting from a dlnetwork). */
  void copyWeightsTo(Network other) {
    if (!other.config().layers().equals(network.config().layers())
        || other.config().inputSize() != network.config().inputSize()) {
      throw new MatlabError(MatlabError.INVALID_LAYERS, "the dlnetwork's layers (" + network.config().summary()
          + ") are not those being trained (" + other.config().summary() + ")");
    }
    System.arraycopy(network.arena().values(), 0, other.arena().values(), 0, network.arena().values().length);
  }

  /**
   * The model file's bytes in Base64, which MATLAB keeps in a MAT-file when it saves the network object
   * ({@code saveobj}); {@link #fromBase64} reads them back.
   */
  public String toBase64() {
    Path file = null;
    try {
      file = Files.createTempFile("bigru-network-", ".safetensors");
      ModelFile.save(network, file);
      return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new MatlabError(MatlabError.FILE_ERROR, "cannot write the network to bytes: " + e.getMessage(), e);
    } finally {
      deleteQuietly(file);
    }
  }

  /** The network {@link #toBase64} wrote ({@code loadobj}). */
  public static MatlabNetwork fromBase64(String text) {
    Path file = null;
    try {
      byte[] bytes = Base64.getDecoder().decode(text);
      file = Files.createTempFile("bigru-network-", ".safetensors");
      Files.write(file, bytes);
      return new MatlabNetwork(ModelFile.load(file));
    } catch (InsufficientMemoryException e) {
      throw Bigru.inMatlabTerms(e);
    } catch (IOException | IllegalArgumentException e) {
      throw new MatlabError(MatlabError.FILE_ERROR, "cannot read the saved network: " + e.getMessage(), e);
    } finally {
      deleteQuietly(file);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file left behind; nothing of the user's
      }
    }
  }

  /** A network from a model file (written by MATLAB, the command line or a PyTorch export). */
  public static MatlabNetwork load(String file) {
    Network network;
    try {
      network = ModelFile.load(Path.of(file));
    } catch (IOException e) {
      throw new MatlabError(MatlabError.FILE_ERROR, "cannot read the network file '" + file + "': " + e.getMessage(), e);
    } catch (InsufficientMemoryException e) {
      throw Bigru.inMatlabTerms(e);
    }
    return new MatlabNetwork(network);
  }

  /** Writes the network to a model file (safetensors; written to a temporary file, then renamed). */
  public void save(String file) {
    try {
      ModelFile.save(network, Path.of(file));
    } catch (IOException e) {
      throw new MatlabError(MatlabError.FILE_ERROR, "cannot write the network file '" + file + "': " + e.getMessage(), e);
    }
  }

  /**
   * Scores (softmax probabilities) or responses. With OutputMode 'last': the column-major
   * numSequences-by-numOutputs matrix. With 'sequence': for each sequence its numOutputs-by-numTimeSteps
   * matrix, column-major, one after the other.
   */
  public double[] predict(Sequences x) {
    float[][] outputs = outputs(x);
    int k = layers.outputSize();
    boolean softmax = layers.isClassification();
    if (layers.isPerStep()) {
      double[] result = new double[Math.toIntExact(x.totalSteps() * k)];
      int offset = 0;
      for (float[] rows : outputs) {
        for (int r = 0; r < rows.length; r += k) {
          copyRow(rows, r, k, softmax, result, offset, 1);
          offset += k;
        }
      }
      return result;
    }
    int n = outputs.length;
    double[] result = new double[n * k];
    for (int i = 0; i < n; i++) {
      copyRow(outputs[i], 0, k, softmax, result, i, n);
    }
    return result;
  }

  /** The 1-based class of each sequence ('last') or of each time step of each sequence ('sequence'). */
  public double[] classify(Sequences x) {
    if (!layers.isClassification()) {
      throw new MatlabError(MatlabError.INVALID_NETWORK, "classify needs a network that ends with "
          + "classificationLayer; this one ends with regressionLayer, so use predict");
    }
    float[][] outputs = outputs(x);
    int k = layers.outputSize();
    double[] codes = new double[Math.toIntExact(layers.isPerStep() ? x.totalSteps() : x.size())];
    int at = 0;
    for (float[] rows : outputs) {
      for (int id : ClassificationMetrics.argmax(rows, k)) {
        codes[at++] = id + 1;
      }
    }
    return codes;
  }

  /** The sequences checked against the input layer and normalized as it does (for a data set to test on). */
  public Sequences prepare(Sequences x) {
    return layers.prepare(x, "the network");
  }

  private float[][] outputs(Sequences raw) {
    ModelConfig config = network.config();
    Sequences x = prepare(raw);
    long outputs = (layers.isPerStep() ? x.totalSteps() : x.size()) * (long) config.outputSize();
    // Trainer.predict runs batches of up to 128 sequences; the outputs are held as floats, then as doubles.
    Bigru.requireMemory(MemoryBudget.inferenceBytes(config, Math.min(128, x.size()), x.maxSteps())
        + outputs * (Float.BYTES + Double.BYTES), "predicting " + x.size() + " sequences of up to " + x.maxSteps()
        + " time steps", "pass fewer sequences at a time");
    return Trainer.predict(network, Dataset.inputs(x.values(), x.features()));
  }

  /** One row of k outputs into column-major storage: softmax for classification (in double), else as is. */
  private static void copyRow(float[] src, int from, int k, boolean softmax, double[] dst, int at, int stride) {
    double max = Double.NEGATIVE_INFINITY;
    if (softmax) {
      for (int j = 0; j < k; j++) {
        max = Math.max(max, src[from + j]);
      }
    }
    double sum = 0;
    for (int j = 0; j < k; j++) {
      double v = softmax ? Math.exp(src[from + j] - max) : src[from + j];
      dst[at + j * stride] = v;
      sum += v;
    }
    if (softmax) {
      for (int j = 0; j < k; j++) {
        dst[at + j * stride] /= sum;
      }
    }
  }

  /** The layers, MATLAB's view of the architecture. */
  public LayerArray layers() {
    return layers;
  }

  public boolean isClassification() {
    return network.config().task() == Task.CLASSIFICATION;
  }

  public boolean isPerStep() {
    return layers.isPerStep();
  }

  public int inputSize() {
    return network.config().inputSize();
  }

  /** Class names in class-code order (empty for regression). */
  public String[] classNames() {
    List<String> names = network.config().classNames();
    return names.toArray(new String[0]);
  }

  /** A value the MATLAB side stored with the network (label type, orientation), or "" if none. */
  public String metadata(String key) {
    return network.config().metadata().getOrDefault(key, "");
  }

  /** All stored metadata keys, sorted. */
  public String[] metadataKeys() {
    Map<String, String> all = network.config().metadata();
    String[] keys = all.keySet().toArray(new String[0]);
    Arrays.sort(keys);
    return keys;
  }

  /** What training reported (null for a network that was not trained here). */
  public TrainingRecord record() {
    return record;
  }

  /** trainnet's Metrics the network was trained with, as MATLAB names them (none for trainNetwork's). */
  public String[] metrics() {
    return metrics.stream().map(org.bigru.model.EnumNames::of).toArray(String[]::new);
  }

  /** Whether the network is of trainnet's idiom (a dlnetwork: no output layer). */
  public boolean isDlnetwork() {
    return !layers.hasOutputLayer();
  }

  /**
   * The iteration whose weights the network holds: the best validation's or the last one (0 for a network not
   * trained here).
   */
  public double outputNetworkIteration() {
    if (history == null) {
      return 0;
    }
    return history.restoredBest() ? history.bestIteration() : history.iterations();
  }

  /**
   * Of the network returned: its validation's value in column {@code name} (Loss, Accuracy or RMSE), NaN without
   * validation data or for a network not trained here.
   */
  public double finalValidation(String name) {
    return record == null ? Double.NaN : record.validationAt((int) outputNetworkIteration(), name);
  }

  /** Why training ended, in words (empty for a network not trained here). */
  public String stopReason() {
    return history == null ? "" : Bigru.stopDescription(history);
  }

  /**
   * dlnetwork's Learnables: for each learnable parameter, as MATLAB names it, the layer's name, the parameter's
   * name (Weights and Bias of a fullyConnectedLayer; InputWeights, RecurrentWeights, Bias and, for a GRU layer with
   * ResetGateMode 'recurrent-bias-after-multiplication', RecurrentBias of a recurrent layer, both directions' stacked
   * in a bidirectional one) and its rows and columns: four strings per parameter.
   */
  public String[] learnables() {
    return layers.learnables();
  }

  /**
   * testnet's metrics of the network on a data set (targets and sequences prepared by {@link #prepare}): 'accuracy'
   * (percent of sequences, or time steps, classified right), 'rmse', 'crossentropy' and 'mse' (the mean loss the
   * network trains with: cross-entropy per labelled row, squared error per response).
   */
  public double[] test(Dataset data, Object metricNames) {
    String[] names = MatlabValues.strings(metricNames, "metrics");
    Compatibility.requireTargets(network.config(), data, "T", "the network");
    double[] values = new double[names.length];
    double loss = Double.NaN;
    double accuracy = Double.NaN;
    for (int i = 0; i < names.length; i++) {
      String name = names[i].trim().toLowerCase(java.util.Locale.ROOT);
      boolean classification = layers.isClassification();
      switch (name) {
        case "accuracy":
          requireTask(name, true);
          if (Double.isNaN(accuracy)) {
            accuracy = accuracy(data);
          }
          values[i] = 100 * accuracy;
          break;
        case "rmse":
        case "mse":
          requireTask(name, false);
          loss = Double.isNaN(loss) ? Trainer.evaluate(network, data) : loss;
          values[i] = name.equals("rmse") ? Math.sqrt(loss) : loss;
          break;
        case "crossentropy":
          requireTask(name, true);
          loss = Double.isNaN(loss) ? Trainer.evaluate(network, data) : loss;
          values[i] = loss;
          break;
        default:
          throw new MatlabError(MatlabError.INVALID_VALUE, "metrics(" + (i + 1) + ") is '" + names[i] + "'; bigru "
              + "measures " + (classification ? "'accuracy' and 'crossentropy'" : "'rmse' and 'mse'")
              + " for this network");
      }
    }
    return values;
  }

  private void requireTask(String metric, boolean classification) {
    if (layers.isClassification() != classification) {
      throw new MatlabError(MatlabError.INVALID_VALUE, "metric '" + metric + "' measures a "
          + (classification ? "classification" : "regression") + " network; this one is for "
          + (classification ? "regression: use 'rmse' or 'mse'" : "classification: use 'accuracy' or 'crossentropy'"));
    }
  }

  /** The share of the data's labelled rows (sequences or steps) whose largest output is their class. */
  private double accuracy(Dataset data) {
    List<float[]> xs = new java.util.ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      xs.add(data.sequence(i));
    }
    float[][] outputs = Trainer.predict(network, Dataset.inputs(xs, data.features()));
    int k = layers.outputSize();
    long right = 0;
    long rows = 0;
    for (int i = 0; i < outputs.length; i++) {
      int[] labels = data.classIds(i);
      int[] best = ClassificationMetrics.argmax(outputs[i], k);
      for (int r = 0; r < best.length; r++) {
        right += best[r] == labels[r] ? 1 : 0;
        rows++;
      }
    }
    return (double) right / rows;
  }

  /** The model itself, for Java callers. */
  public Network network() {
    return network;
  }
}
