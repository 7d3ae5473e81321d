package org.bigru.matlab;

import java.util.Arrays;
import org.bigru.model.train.TrainingListener;
import org.bigru.model.train.TrainingOptions;

/**
 * What training reported, as MATLAB returns it: per iteration the epoch, the time elapsed, the base learning rate,
 * the mini-batch loss and its accuracy (classification, in percent) or RMSE (regression); per validation the same
 * of the validation data. It feeds the verbose table as training goes, and is read by the MATLAB side, during
 * training (for the plot) and after (for {@code info}), from another thread: every access is synchronized.
 */
public final class TrainingRecord implements TrainingListener {

  private final TrainingOptions options;
  private final boolean classification;
  private final boolean accuracyEachIteration;
  private final ProgressTable table;
  private final long start = System.nanoTime();
  private final Columns iterations = new Columns();
  private final Columns validations = new Columns();
  private volatile boolean stop;

  /**
   * @param accuracyEachIteration whether the mini-batch accuracy of every iteration is wanted (trainNetwork's
   *                              table and info have it; trainnet's only with Metrics 'accuracy')
   * @param table                 the verbose table (which, when not verbose, prints only warnings)
   */
  TrainingRecord(TrainingOptions options, boolean classification, boolean accuracyEachIteration,
                 ProgressTable table) {
    this.options = options;
    this.classification = classification;
    this.accuracyEachIteration = accuracyEachIteration;
    this.table = table;
  }

  /** Seconds since training started. */
  public double elapsed() {
    return (System.nanoTime() - start) / 1e9;
  }

  @Override
  public synchronized void onBatchEnd(Step step) {
    double rate = options.learningRateAt(step.epoch());
    double metric = classification
        ? (accuracyEachIteration ? 100 * step.accuracy().getAsDouble() : Double.NaN)
        : Math.sqrt(step.loss());
    iterations.add(step.iteration(), step.epoch(), elapsed(), step.loss(), metric, rate);
    table.iteration(step.epoch(), step.iteration(), elapsed(), step.loss(), metric, rate);
  }

  @Override
  public synchronized void onValidation(Validation v) {
    double metric = classification ? 100 * v.accuracy() : Math.sqrt(v.loss());
    double rate = options.learningRateAt(Math.max(1, v.epoch()));
    validations.add(v.iteration(), v.epoch(), elapsed(), v.loss(), metric, rate);
    table.validation(v.epoch(), v.iteration(), elapsed(), v.loss(), metric, rate);
  }

  /** Asks training to stop after the current iteration. */
  void requestStop() {
    stop = true;
  }

  @Override
  public boolean stopRequested() {
    return stop;
  }

  @Override
  public void onWarning(String message) {
    table.line("Warning: " + message);
  }

  /** Whether the metric columns hold accuracy (percent) rather than RMSE. */
  public boolean classification() {
    return classification;
  }

  /**
   * A column of the iterations' record: Iteration, Epoch, TimeElapsed (seconds), LearnRate, Loss, and Accuracy
   * or RMSE (NaN where not computed).
   */
  public synchronized double[] iterationColumn(String name) {
    return iterations.column(name, classification);
  }

  /** A column of the validations' record, named as {@link #iterationColumn}'s. */
  public synchronized double[] validationColumn(String name) {
    return validations.column(name, classification);
  }

  /**
   * A validation column spread over the iterations, as trainNetwork's info has it: the value at each iteration
   * that was validated, NaN at the others (a validation before the first iteration is left out).
   */
  public synchronized double[] validationPerIteration(String name) {
    double[] result = new double[iterations.size];
    Arrays.fill(result, Double.NaN);
    double[] at = validations.column("Iteration", classification);
    double[] values = validations.column(name, classification);
    for (int i = 0; i < at.length; i++) {
      int iteration = (int) at[i];
      if (iteration >= 1 && iteration <= result.length) {
        result[iteration - 1] = values[i];
      }
    }
    return result;
  }

  /** The value of the validation of {@code iteration} in column {@code name}, NaN if none validated it. */
  public synchronized double validationAt(int iteration, String name) {
    double[] at = validations.column("Iteration", classification);
    double[] values = validations.column(name, classification);
    for (int i = at.length - 1; i >= 0; i--) {
      if ((int) at[i] == iteration) {
        return values[i];
      }
    }
    return Double.NaN;
  }

  /** Growing columns of numbers: iteration, epoch, seconds, loss, metric, learning rate. */
  private static final class Columns {
    private static final String[] NAMES = {"Iteration", "Epoch", "TimeElapsed", "Loss", "Metric", "LearnRate"};
    private double[][] values = new double[NAMES.length][64];
    private int size;

    void add(double... row) {
      if (size == values[0].length) {
        for (int c = 0; c < values.length; c++) {
          values[c] = Arrays.copyOf(values[c], 2 * size);
        }
      }
      for (int c = 0; c < row.length; c++) {
        values[c][size] = row[c];
      }
      size++;
    }

    double[] column(String name, boolean classification) {
      String wanted = name.equals(classification ? "Accuracy" : "RMSE") ? "Metric" : name;
      for (int c = 0; c < NAMES.length; c++) {
        if (NAMES[c].equals(wanted)) {
          return Arrays.copyOf(values[c], size);
        }
      }
      throw new IllegalArgumentException("no training record column " + name + " (a "
          + (classification ? "classification" : "regression") + " network has Iteration, Epoch, TimeElapsed, Loss, "
          + (classification ? "Accuracy" : "RMSE") + ", LearnRate)");
    }
  }
}
