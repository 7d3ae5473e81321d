package org.bigru.matlab;

import java.io.PrintStream;
import java.util.Locale;

/**
 * MATLAB's verbose training table: a row at the first iteration, every {@code frequency} iterations, at each
 * validation and at the last iteration, with epoch, iteration, time, mini-batch loss, validation loss and
 * learning rate.
 */
final class ProgressTable {

  private static final String RULE = "|" + "=".repeat(88) + "|";

  private final PrintStream out;
  private final int frequency;
  private final boolean validation;
  private final long start = System.nanoTime();
  private int pendingEpoch;
  private int pendingIteration;
  private double pendingLoss;
  private double pendingRate;
  private boolean pending;

  ProgressTable(PrintStream out, int frequency, boolean validation) {
    this.out = out;
    this.frequency = frequency;
    this.validation = validation;
  }

  void header(String kernels) {
    out.println("Training on a single CPU (bigru, kernels: " + kernels + ").");
    out.println(RULE);
    out.println("|  Epoch  |  Iteration  |  Time Elapsed  |  Mini-batch  |  Validation  |  Base Learning  |");
    out.println("|         |             |   (hh:mm:ss)   |     Loss     |     Loss     |      Rate       |");
    out.println(RULE);
    out.flush();
  }

  /** After a step: its row waits for a validation of the same iteration, which may follow. */
  void batch(int epoch, int iteration, double loss, double learningRate) {
    flushPending(Double.NaN, false);
    pendingEpoch = epoch;
    pendingIteration = iteration;
    pendingLoss = loss;
    pendingRate = learningRate;
    pending = true;
  }

  void validation(int iteration, double loss) {
    if (pending && pendingIteration == iteration) {
      flushPending(loss, true);
    }
  }

  /** The last row (always printed) and the closing line. */
  void finish(String reason) {
    flushPending(Double.NaN, true);
    out.println(RULE);
    out.println("Training finished: " + reason + ".");
    out.flush();
  }

  private void flushPending(double validationLoss, boolean force) {
    if (!pending) {
      return;
    }
    boolean due = force || pendingIteration == 1 || pendingIteration % frequency == 0;
    if (due) {
      String valid = validation && !Double.isNaN(validationLoss) ? format(validationLoss) : "";
      out.println(String.format(Locale.ROOT, "| %7d | %11d | %14s | %12s | %12s | %15s |", pendingEpoch,
          pendingIteration, elapsed(), format(pendingLoss), valid, formatRate(pendingRate)));
      out.flush();
    }
    pending = false;
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.4f", value);
  }

  /** Four decimals as MATLAB shows rates, switching to exponent notation below 0.001. */
  private static String formatRate(double rate) {
    return String.format(Locale.ROOT, rate >= 1e-3 ? "%.4f" : "%.4e", rate);
  }

  private String elapsed() {
    long seconds = (System.nanoTime() - start) / 1_000_000_000L;
    return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
