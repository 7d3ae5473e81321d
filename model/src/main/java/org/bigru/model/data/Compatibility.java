package org.bigru.model.data;

import org.bigru.model.ModelConfig;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;

/**
 * Whether data fits a network: the rule, written once for every front end. Each front end names the data and
 * the network in its own words ("X", "--data new.csv", "sequenceInputLayer"); the rule and the message are
 * the same everywhere.
 */
public final class Compatibility {

  private Compatibility() {
  }

  /** Refuses inputs of another width: "{data} has N features per time step, but {network} expects M". */
  public static void requireFeatures(ModelConfig config, int features, String data, String network) {
    if (features != config.inputSize()) {
      throw new IllegalArgumentException(data + " has " + features + " features per time step, but " + network
          + " expects " + config.inputSize());
    }
  }

  /** The kind of targets the network answers: labels or responses, per sequence or per time step. */
  public static TargetKind targetsOf(ModelConfig config) {
    boolean perStep = config.outputMode() == OutputMode.SEQUENCE;
    return config.task() == Task.CLASSIFICATION
        ? (perStep ? TargetKind.STEP_CLASSES : TargetKind.SEQUENCE_CLASSES)
        : (perStep ? TargetKind.STEP_RESPONSES : TargetKind.SEQUENCE_RESPONSES);
  }

  /**
   * Refuses targets the network does not answer: another kind (labels or responses, per sequence or per time
   * step), or another number of classes or responses than its outputs.
   */
  public static void requireTargets(ModelConfig config, Dataset data, String targets, String network) {
    TargetKind expected = targetsOf(config);
    if (data.kind() != expected) {
      throw new IllegalArgumentException(targets + " holds " + describe(data.kind()) + ", but " + network
          + " answers " + (expected.isPerStep() ? "every time step (output mode 'sequence')"
              : "once per sequence (output mode 'last')") + " with " + describe(expected));
    }
    int answers = expected.isClassification() ? config.outputSize() : config.responses();
    if (data.outputs() != answers) {
      throw new IllegalArgumentException(targets + " has " + data.outputs()
          + (expected.isClassification() ? " classes" : " responses") + ", but " + network + " has "
          + config.outputSize() + " outputs: it needs one output per "
          + (expected.isClassification() ? "class"
              : config.quantiles().isEmpty() ? "response" : "response and quantile ("
                  + config.quantiles().size() + " quantiles)"));
    }
  }

  /** In words: "one label per sequence", "responses per time step", ... */
  public static String describe(TargetKind kind) {
    switch (kind) {
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
}
