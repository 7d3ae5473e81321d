package org.bigru.cli.pipeline;

import java.util.List;
import org.bigru.model.MemoryBudget;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.metrics.Baselines;
import org.bigru.model.metrics.ClassificationMetrics;
import org.bigru.model.metrics.ForecastMetrics;
import org.bigru.model.metrics.RegressionMetrics;
import org.bigru.model.train.Trainer;

/** Predictions in original units (or class ids) and the metrics of a network on some sequences. */
public final class Evaluation {

  /**
   * @param predicted        regression predictions in original units, rows as in {@link PreparedSequences#actual}
   *                         (with quantiles, the median)
   * @param predictedClasses class ids, rows as in {@link PreparedSequences#actualClasses}
   * @param regression       metrics when the sequences have regression targets, else null
   * @param classification   metrics when they have class ids, else null
   * @param quantiles        with quantile outputs, every level in original units [rows, responses x levels]
   *                         (levels innermost), else null
   * @param forecast         scores against the naive forecasts, when the sequences are windows over a table with
   *                         targets, else null
   */
  public record Result(float[] predicted, int[] predictedClasses, RegressionMetrics regression,
                       ClassificationMetrics classification, float[] quantiles, Forecast forecast) {

    /** The lowest quantile of each response (null without quantiles). */
    public float[] lower() {
      return level(0);
    }

    /** The highest quantile of each response (null without quantiles). */
    public float[] upper() {
      return quantiles == null ? null : level(quantiles.length / predicted.length - 1);
    }

    private float[] level(int q) {
      if (quantiles == null) {
        return null;
      }
      int levels = quantiles.length / predicted.length;
      float[] out = new float[predicted.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = quantiles[i * levels + q];
      }
      return out;
    }
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

  /**
   * Predicts {@code sequences} and scores what has targets: in original units (unscaled, and with differencing
   * added to each window's last value), against the naive and seasonal naive forecasts (a season of
   * {@code season} rows) when the sequences are windows over a table.
   */
  /**
   * A forecast's scores with what names them.
   *
   * @param metrics the scores, per target and step, against the naive forecasts
   * @param targets the target columns
   * @param horizon rows ahead of a window's last row of its first predicted row
   * @param season  the season of the seasonal naive forecast
   * @param levels  the quantile levels (empty without)
   */
  public record Forecast(ForecastMetrics metrics, List<String> targets, int horizon, int season,
                         List<Double> levels) {
  }

  public static Result run(Network network, PreparedSequences sequences, Preprocessing pre, List<String> classes,
                           int season) {
    float[][] outputs = Trainer.predict(network, sequences.data());
    int width = network.config().outputSize();
    float[] rows = rowsToScore(outputs, width, sequences);
    if (network.config().task() == Task.CLASSIFICATION) {
      int[] predicted = ClassificationMetrics.argmax(rows, width);
      ClassificationMetrics metrics = sequences.actualClasses() == null ? null
          : ClassificationMetrics.of(sequences.actualClasses(), predicted, classes.size());
      return new Result(null, predicted, null, metrics, null, null);
    }
    List<Double> levels = network.config().quantiles();
    int count = Math.max(1, levels.size());
    PreparedSequences.Origins origins = sequences.origins();
    float[] all = pre.targetScaler() == null ? rows
        : pre.originalUnits(rows, count, origins == null ? null : origins.last());
    float[] predicted = levels.isEmpty() ? all : median(all, levels);
    float[] quantiles = levels.isEmpty() ? null : all;
    if (sequences.actual() == null) {
      return new Result(predicted, null, null, null, quantiles, null);
    }
    RegressionMetrics metrics = RegressionMetrics.of(sequences.actual(), predicted);
    Forecast forecast = null;
    if (origins != null && origins.series() != null && !sequences.perStepTargets()) {
      Result partial = new Result(predicted, null, metrics, null, quantiles, null);
      forecast = new Forecast(forecast(sequences, pre, season, partial), pre.targetNames(), pre.horizon(), season,
          levels);
    }
    return new Result(predicted, null, metrics, null, quantiles, forecast);
  }

  /** The model's scores against the naive and seasonal naive forecasts from the same windows. */
  private static ForecastMetrics forecast(PreparedSequences sequences, Preprocessing pre, int season, Result result) {
    PreparedSequences.Origins origins = sequences.origins();
    int targets = origins.series().length;
    int steps = pre.steps();
    int n = sequences.size();
    int width = targets * steps;
    float[] naive = new float[n * width];
    float[] seasonal = new float[n * width];
    for (int t = 0; t < targets; t++) {
      float[] a = Baselines.naive(origins.series()[t], origins.lastRows(), pre.horizon(), steps);
      float[] b = Baselines.seasonalNaive(origins.series()[t], origins.lastRows(), pre.horizon(), steps, season);
      for (int k = 0; k < n; k++) {
        System.arraycopy(a, k * steps, naive, k * width + t * steps, steps);
        System.arraycopy(b, k * steps, seasonal, k * width + t * steps, steps);
      }
    }
    return ForecastMetrics.of(sequences.actual(), result.predicted(), naive, seasonal, result.lower(),
        result.upper(), targets, steps);
  }

  /** The median (the level nearest 0.5; the command line's models have 0.5 itself) of each response. */
  private static float[] median(float[] all, List<Double> levels) {
    int count = levels.size();
    int median = 0;
    for (int q = 1; q < count; q++) {
      if (Math.abs(levels.get(q) - 0.5) < Math.abs(levels.get(median) - 0.5)) {
        median = q;
      }
    }
    float[] point = new float[all.length / count];
    for (int i = 0; i < point.length; i++) {
      point[i] = all[i * count + median];
    }
    return point;
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
