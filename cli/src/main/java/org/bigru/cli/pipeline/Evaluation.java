package org.bigru.cli.pipeline;

import java.util.List;
import org.bigru.model.MemoryBudget;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.metrics.ClassificationMetrics;
import org.bigru.model.metrics.RegressionMetrics;
import org.bigru.model.train.Trainer;

/** Predictions in original units (or class ids) and the metrics of a network on some sequences. */
public final class Evaluation {

  /**
   * @param predicted        regression predictions in original units, rows as in {@link PreparedSequences#actual}
   * @param predictedClasses class ids, rows as in {@link PreparedSequences#actualClasses}
   * @param regression       metrics when the sequences have regression targets, else null
   * @param classification   metrics when they have class ids, else null
   */
  public record Result(float[] predicted, int[] predictedClasses, RegressionMetrics regression,
                       ClassificationMetrics classification) {
  }

  private Evaluation() {
  }

  /**
   * Refuses, before predicting, a run whose network, one batch of inference, the sequences, their outputs and
   * (classification) the confusion matrix would not fit the heap together.
   */
  public static void checkMemory(ModelConfig config, PreparedSequences sequences, String what) {
    int steps = Math.max(1, sequences.data().maxLength());
    long inputs = (long) Float.BYTES * sequences.size() * steps * config.inputSize();
    long outputs = 2L * Float.BYTES * sequences.size()
        * (config.outputMode() == OutputMode.SEQUENCE ? steps : 1) * config.outputSize();
    long confusion = config.task() == Task.CLASSIFICATION ? 2L * Long.BYTES * config.outputSize()
        * config.outputSize() : 0;
    // Trainer.predict runs batches of up to 128 sequences.
    long network = MemoryBudget.inferenceBytes(config, Math.min(128, sequences.size()), steps);
    MemoryBudget.require(MemoryBudget.saturatedAdd(network, inputs + outputs + confusion), what + " ("
        + sequences.size() + " sequences of " + steps + " x " + config.inputSize() + " values)",
        "shrink the data");
  }

  /**
   * What evaluating on {@code test} (null: no test part) holds besides the network: the predictions and the
   * actual values, and for classification the confusion matrix and the report's copy of it.
   */
  public static long bytes(ModelConfig config, PreparedSequences test) {
    if (test == null) {
      return 0;
    }
    int steps = Math.max(1, test.data().maxLength());
    long bytes = 2L * Float.BYTES * test.size() * (config.outputMode() == OutputMode.SEQUENCE ? steps : 1)
        * config.outputSize();
    if (config.task() == Task.CLASSIFICATION) {
      bytes += 2L * Long.BYTES * config.outputSize() * config.outputSize();
    }
    return bytes;
  }

  public static Result run(Network network, PreparedSequences sequences, Preprocessing pre, List<String> classes) {
    float[][] outputs = Trainer.predict(network, sequences.data());
    int width = network.config().outputSize();
    float[] rows = rowsToScore(outputs, width, sequences);
    if (network.config().task() == Task.CLASSIFICATION) {
      int[] predicted = ClassificationMetrics.argmax(rows, width);
      ClassificationMetrics metrics = sequences.actualClasses() == null ? null
          : ClassificationMetrics.of(sequences.actualClasses(), predicted, classes.size());
      return new Result(null, predicted, null, metrics);
    }
    float[] predicted = pre.targetScaler() == null ? rows : pre.targetScaler().inverseTransform(rows);
    RegressionMetrics metrics = sequences.actual() == null ? null
        : RegressionMetrics.of(sequences.actual(), predicted);
    return new Result(predicted, null, metrics, null);
  }

  /** One row of outputs per scored row: the last real step of each sequence, or every real step. */
  private static float[] rowsToScore(float[][] outputs, int width, PreparedSequences sequences) {
    boolean everyStep = sequences.perStepTargets();
    int rows = 0;
    for (float[] o : outputs) {
      rows += everyStep ? o.length / width : 1;
    }
    float[] result = new float[rows * width];
    int at = 0;
    for (float[] o : outputs) {
      if (everyStep) {
        System.arraycopy(o, 0, result, at, o.length);
        at += o.length;
      } else {
        System.arraycopy(o, o.length - width, result, at, width);
        at += width;
      }
    }
    return result;
  }
}
