package org.bigru.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to rebuild a network: its layers in order, and what travels with it (class names, and
 * metadata: string entries that front ends store and read back, each under its own prefix, such as
 * {@code table.*} for how a table became sequences ({@link org.bigru.model.data.Preprocessing}) and
 * {@code matlab.*} for the MATLAB facade's layer names and label type).
 *
 * <p>The stack is a list of {@link LayerSpec}s run in order: recurrent layers (GRU or LSTM), dense layers and
 * dropout in any order, ending with exactly one {@link OutputLayerSpec}. A recurrent layer needs whole
 * sequences, so none may follow a recurrent layer whose output mode is 'last'; after such a layer the rest of
 * the stack acts once per sequence, otherwise once per step.
 *
 * @param inputSize     features per time step
 * @param layers        the stack, at least one recurrent layer, the output layer last
 * @param task          regression or classification
 * @param classNames    names of the classes for classification (size outputSize), else empty
 * @param metadata      string entries the front ends store and read back, under their own prefixes
 */
public record ModelConfig(int inputSize, List<LayerSpec> layers, Task task, List<String> classNames,
                          Map<String, String> metadata) {

  public ModelConfig {
    if (inputSize < 1) {
      throw new IllegalArgumentException("input size must be at least 1, not " + inputSize);
    }
    if (layers == null || layers.isEmpty() || !(layers.get(layers.size() - 1) instanceof OutputLayerSpec)) {
      throw new IllegalArgumentException("the layers must end with the output layer");
    }
    if (task == null) {
      throw new IllegalArgumentException("a task is required");
    }
    layers = List.copyOf(layers);
    boolean anyRecurrent = false;
    boolean sequences = true;
    for (int i = 0; i < layers.size(); i++) {
      LayerSpec layer = layers.get(i);
      if (layer instanceof OutputLayerSpec && i < layers.size() - 1) {
        throw new IllegalArgumentException("layer " + (i + 1) + " is an output layer, which only the last may be");
      }
      if (layer instanceof RecurrentLayerSpec recurrent) {
        if (!sequences) {
          throw new IllegalArgumentException("layer " + (i + 1) + " (" + recurrent.summary() + ") needs whole "
              + "sequences, but an earlier recurrent layer passes on only its last state (output mode 'last')");
        }
        anyRecurrent = true;
        sequences = recurrent.outputMode() == OutputMode.SEQUENCE;
      }
    }
    if (!anyRecurrent) {
      throw new IllegalArgumentException("at least one recurrent layer is required");
    }
    MemoryBudget.checkShapes(inputSize, layers);
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    OutputLayerSpec output = (OutputLayerSpec) layers.get(layers.size() - 1);
    int outputs = output.size();
    if (task == Task.CLASSIFICATION && !output.quantiles().isEmpty()) {
      throw new IllegalArgumentException("quantiles are outputs of regression, not of classification");
    }
    if (task == Task.CLASSIFICATION && !classNames.isEmpty() && classNames.size() != outputs) {
      throw new IllegalArgumentException(classNames.size() + " class names for " + outputs + " outputs");
    }
  }

  /**
   * The usual stack: the recurrent layers (each but the last passing on every step, the last what
   * {@code outputMode} says), each hidden dense layer, then the output layer; with {@code dropout} &gt; 0, dropout
   * on the input of every layer after the first recurrent one.
   */
  public ModelConfig(int inputSize, List<RecurrentLayerSpec> recurrent, OutputMode outputMode,
                     List<DenseLayerSpec> hidden, double dropout, int outputSize, Task task,
                     List<String> classNames, Map<String, String> metadata) {
    this(inputSize, stack(recurrent, outputMode, hidden, dropout, outputSize), task, classNames, metadata);
  }

  private static List<LayerSpec> stack(List<RecurrentLayerSpec> recurrent, OutputMode outputMode,
                                       List<DenseLayerSpec> hidden, double dropout, int outputSize) {
    if (recurrent == null || recurrent.isEmpty()) {
      throw new IllegalArgumentException("at least one recurrent layer is required");
    }
    if (outputMode == null) {
      throw new IllegalArgumentException("an output mode is required");
    }
    DropoutLayerSpec drop = dropout == 0 ? null : new DropoutLayerSpec(dropout);
    List<LayerSpec> layers = new ArrayList<>();
    for (int k = 0; k < recurrent.size(); k++) {
      if (k > 0 && drop != null) {
        layers.add(drop);
      }
      layers.add(recurrent.get(k).withOutputMode(k == recurrent.size() - 1 ? outputMode : OutputMode.SEQUENCE));
    }
    for (DenseLayerSpec dense : hidden == null ? List.<DenseLayerSpec>of() : hidden) {
      if (drop != null) {
        layers.add(drop);
      }
      layers.add(dense);
    }
    if (drop != null) {
      layers.add(drop);
    }
    layers.add(new OutputLayerSpec(outputSize));
    return layers;
  }

  /** The reference: {@code Bidirectional(GRU(units, return_sequences=...))} then {@code Dense(outputs)}. */
  public static ModelConfig biGru(int inputSize, int units, OutputMode outputMode, int outputSize, Task task) {
    return new ModelConfig(inputSize,
        List.of(new RecurrentLayerSpec(units, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION,
            MergeMode.CONCAT)),
        outputMode, List.of(), 0.0, outputSize, task, List.of(), Map.of());
  }

  /** The same architecture with other metadata. */
  public ModelConfig withMetadata(Map<String, String> values) {
    return new ModelConfig(inputSize, layers, task, classNames, values);
  }

  /**
   * The same network with {@code levels} quantiles per response: the output layer grows to responses x levels
   * outputs, trained with the pinball loss. Empty levels: point predictions.
   */
  public ModelConfig withQuantiles(List<Double> levels) {
    List<LayerSpec> list = new ArrayList<>(layers);
    int responses = responses();
    int count = levels == null || levels.isEmpty() ? 1 : levels.size();
    list.set(list.size() - 1, new OutputLayerSpec(Math.multiplyExact(responses, count), levels));
    return new ModelConfig(inputSize, list, task, classNames, metadata);
  }

  /** The same architecture with class names. */
  public ModelConfig withClassNames(List<String> names) {
    return new ModelConfig(inputSize, layers, task, names, metadata);
  }

  /** The recurrent layers, in order. */
  public List<RecurrentLayerSpec> recurrent() {
    return layersOf(RecurrentLayerSpec.class);
  }

  /** The hidden dense layers, in order. */
  public List<DenseLayerSpec> hidden() {
    return layersOf(DenseLayerSpec.class);
  }

  /** 'last' when a recurrent layer passes on only its final state (one output row per sequence), else 'sequence'. */
  public OutputMode outputMode() {
    for (RecurrentLayerSpec layer : recurrent()) {
      if (layer.outputMode() == OutputMode.LAST) {
        return OutputMode.LAST;
      }
    }
    return OutputMode.SEQUENCE;
  }

  /** Outputs of the output layer: responses for regression, classes for classification. */
  public int outputSize() {
    return ((OutputLayerSpec) layers.get(layers.size() - 1)).size();
  }

  /** The output layer's quantile levels, ascending; empty for point predictions. */
  public List<Double> quantiles() {
    return ((OutputLayerSpec) layers.get(layers.size() - 1)).quantiles();
  }

  /**
   * Responses per target row: the outputs, or with quantiles the outputs per quantile level. Regression targets
   * have this width.
   */
  public int responses() {
    return ((OutputLayerSpec) layers.get(layers.size() - 1)).responses();
  }

  /** Whether any dropout layer drops anything. */
  public boolean hasDropout() {
    return layers.stream().anyMatch(l -> l instanceof DropoutLayerSpec d && d.probability() > 0);
  }

  /** "BiGRU(64, last) -> Dense(16, relu) -> Dropout(0.2) -> fc(1)". */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    for (LayerSpec layer : layers) {
      if (sb.length() > 0) {
        sb.append(" -> ");
      }
      if (layer instanceof RecurrentLayerSpec r) {
        sb.append(r.summary());
      } else if (layer instanceof DenseLayerSpec d) {
        sb.append("Dense(").append(d.units()).append(", ").append(d.activation().lowerName()).append(')');
      } else if (layer instanceof DropoutLayerSpec d) {
        sb.append("Dropout(").append(d.probability()).append(')');
      } else {
        OutputLayerSpec o = (OutputLayerSpec) layer;
        sb.append("fc(").append(o.size());
        if (!o.quantiles().isEmpty()) {
          sb.append(", quantiles ").append(quantileList(o.quantiles()));
        }
        sb.append(')');
      }
    }
    return sb.toString();
  }

  /** "0.1/0.5/0.9". */
  public static String quantileList(List<Double> levels) {
    StringBuilder sb = new StringBuilder();
    for (double q : levels) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(q);
    }
    return sb.toString();
  }

  private <T extends LayerSpec> List<T> layersOf(Class<T> type) {
    List<T> list = new ArrayList<>();
    for (LayerSpec layer : layers) {
      if (type.isInstance(layer)) {
        list.add(type.cast(layer));
      }
    }
    return List.copyOf(list);
  }
}
