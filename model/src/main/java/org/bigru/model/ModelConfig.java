package org.bigru.model;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to rebuild a network: the architecture, and what travels with it (class names, and the
 * preprocessing that the command line or the MATLAB facade apply, as opaque strings).
 *
 * <p>The layers run in this order: the recurrent stack (every layer but the last passes on whole sequences;
 * the last one passes on what {@code outputMode} says), dropout, each hidden dense layer followed by dropout,
 * then the output layer {@code fc} (linear; softmax is part of the classification loss). Dense layers act
 * per sequence after 'last' and per step after 'sequence'.
 *
 * @param inputSize     features per time step
 * @param recurrent     the recurrent stack, at least one layer
 * @param outputMode    what the last recurrent layer passes on
 * @param hidden        hidden dense layers, possibly none
 * @param dropout       dropout probability between layers during training, in [0, 1)
 * @param outputSize    outputs of {@code fc}: responses for regression, classes for classification
 * @param task          regression or classification
 * @param classNames    names of the classes for classification (size outputSize), else empty
 * @param preprocessing opaque key/value pairs the front ends store and read back (scaler, window, columns)
 */
public record ModelConfig(int inputSize, List<RecurrentLayerSpec> recurrent, OutputMode outputMode,
                          List<DenseLayerSpec> hidden, double dropout, int outputSize, Task task,
                          List<String> classNames, Map<String, String> preprocessing) {

  public ModelConfig {
    if (inputSize < 1) {
      throw new IllegalArgumentException("input size must be at least 1, not " + inputSize);
    }
    if (recurrent == null || recurrent.isEmpty()) {
      throw new IllegalArgumentException("at least one recurrent layer is required");
    }
    if (outputMode == null || task == null) {
      throw new IllegalArgumentException("output mode and task are required");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
    }
    if (outputSize < 1) {
      throw new IllegalArgumentException("output size must be at least 1, not " + outputSize);
    }
    hidden = hidden == null ? List.of() : List.copyOf(hidden);
    recurrent = List.copyOf(recurrent);
    MemoryBudget.checkShapes(inputSize, recurrent, hidden, outputSize);
    classNames = classNames == null ? List.of() : List.copyOf(classNames);
    preprocessing = preprocessing == null ? Map.of() : Map.copyOf(preprocessing);
    if (task == Task.CLASSIFICATION && !classNames.isEmpty() && classNames.size() != outputSize) {
      throw new IllegalArgumentException(classNames.size() + " class names for " + outputSize + " outputs");
    }
  }

  /** The reference: {@code Bidirectional(GRU(units, return_sequences=...))} then {@code Dense(outputs)}. */
  public static ModelConfig biGru(int inputSize, int units, OutputMode outputMode, int outputSize, Task task) {
    return new ModelConfig(inputSize,
        List.of(new RecurrentLayerSpec(units, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION,
            MergeMode.CONCAT)),
        outputMode, List.of(), 0.0, outputSize, task, List.of(), Map.of());
  }

  /** The same architecture with other preprocessing metadata. */
  public ModelConfig withPreprocessing(Map<String, String> values) {
    return new ModelConfig(inputSize, recurrent, outputMode, hidden, dropout, outputSize, task, classNames, values);
  }

  /** The same architecture with class names. */
  public ModelConfig withClassNames(List<String> names) {
    return new ModelConfig(inputSize, recurrent, outputMode, hidden, dropout, outputSize, task, names,
        preprocessing);
  }

  /** Width of what the recurrent stack passes to the dense layers. */
  public int recurrentOutputWidth() {
    return recurrent.get(recurrent.size() - 1).outputWidth();
  }
}
