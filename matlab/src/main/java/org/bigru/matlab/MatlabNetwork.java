package org.bigru.matlab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
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

  MatlabNetwork(Network network, LayerArray layers, TrainingHistory history, TrainingRecord record) {
    this.network = network;
    network.setThreads(Network.defaultThreads());
    this.layers = layers;
    this.history = history;
    this.record = record;
  }

  /** A network from a model file (written by MATLAB, the command line or a PyTorch export). */
  public static MatlabNetwork load(String file) {
    Network network;
    try {
      network = ModelFile.load(Path.of(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the network file '" + file + "': " + e.getMessage(), e);
    } catch (InsufficientMemoryException e) {
      throw Bigru.inMatlabTerms(e);
    }
    return new MatlabNetwork(network, LayerArray.fromConfig(network.config()), null, null);
  }

  /** Writes the network to a model file (safetensors; written to a temporary file, then renamed). */
  public void save(String file) {
    try {
      ModelFile.save(network, Path.of(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the network file '" + file + "': " + e.getMessage(), e);
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
      throw new IllegalArgumentException("classify needs a network that ends with classificationLayer; this one "
          + "ends with regressionLayer, so use predict");
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

  private float[][] outputs(Sequences x) {
    ModelConfig config = network.config();
    Compatibility.requireFeatures(config, x.features(), x.argument(), "the network");
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

  /** Training loss per iteration (empty for a loaded network). */
  public double[] trainingLoss() {
    return record == null ? new double[0] : record.loss();
  }

  /** Validation loss per iteration, NaN where none ran (empty for a loaded network). */
  public double[] validationLoss() {
    return record == null ? new double[0] : record.validationLoss();
  }

  /** Learning rate per iteration (empty for a loaded network). */
  public double[] baseLearnRate() {
    return record == null ? new double[0] : record.learnRate();
  }

  /** Lowest validation loss, NaN without validation data. */
  public double finalValidationLoss() {
    return history == null ? Double.NaN : history.bestValidationLoss();
  }

  /** The iteration whose weights the network holds: the best validation's or the last one (0 if loaded). */
  public double outputNetworkIteration() {
    if (history == null) {
      return 0;
    }
    return history.restoredBest() ? history.bestIteration() : history.iterations();
  }

  /** Why training ended, in words (empty for a loaded network). */
  public String stopReason() {
    return history == null ? "" : Bigru.stopDescription(history);
  }

  /** The model itself, for Java callers. */
  public Network network() {
    return network;
  }
}
