package org.bigru.matlab;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * MATLAB's verbose training output, as lines the MATLAB side prints (so that they reach the Command Window in
 * order with everything else, and {@code evalc} captures them). A row at the first iteration, every
 * {@code frequency} iterations, at each validation and at the last iteration.
 *
 * <p>trainNetwork's table: epoch, iteration, time elapsed, mini-batch accuracy (or RMSE), validation accuracy (or
 * RMSE), mini-batch loss, validation loss and base learning rate, the validation columns only with validation
 * data. trainnet's: Iteration, Epoch, TimeElapsed, LearnRate, TrainingLoss, ValidationLoss and a training and a
 * validation column per metric, with a row for the validation before the first iteration. Without Verbose only
 * the warnings are printed.
 */
final class ProgressTable {

  /** Which function's table. */
  enum Style { TRAIN_NETWORK, TRAINNET }

  private final Style style;
  private final boolean verbose;
  private final int frequency;
  private final boolean validation;
  private final boolean classification;
  private final List<MatlabChoices.Metric> metrics;
  private final List<String> lines = new ArrayList<>();
  private final int[] widths;
  private String rule = "";
  private Row pending;

  /** One row waiting for a validation of the same iteration. */
  private record Row(int epoch, int iteration, double seconds, double loss, double metric, double rate,
                     double validationLoss, double validationMetric) {
    Row withValidation(double vLoss, double vMetric) {
      return new Row(epoch, iteration, seconds, loss, metric, rate, vLoss, vMetric);
    }
  }

  /**
   * @param metrics trainnet's Metrics (trainNetwork's table shows accuracy or RMSE whatever they are)
   */
  ProgressTable(Style style, boolean verbose, int frequency, boolean validation, boolean classification,
                List<MatlabChoices.Metric> metrics) {
    this.style = style;
    this.verbose = verbose;
    this.frequency = frequency;
    this.validation = validation;
    this.classification = classification;
    this.metrics = List.copyOf(metrics);
    this.widths = style == Style.TRAINNET ? trainnetWidths() : null;
  }

  /** The lines before the first row. */
  synchronized void header(String kernels) {
    if (!verbose) {
      return;
    }
    if (style == Style.TRAINNET) {
      StringBuilder titles = new StringBuilder();
      StringBuilder rules = new StringBuilder();
      List<String> names = trainnetColumns();
      for (int c = 0; c < names.size(); c++) {
        titles.append("    ").append(names.get(c));
        rules.append("    ").append("_".repeat(names.get(c).length()));
      }
      lines.add("Training on a single CPU (bigru, kernels: " + kernels + ").");
      lines.add(titles.toString());
      lines.add(rules.toString());
      return;
    }
    String metric = classification ? "Accuracy" : "RMSE";
    List<String[]> columns = new ArrayList<>();
    columns.add(new String[] {"Epoch", ""});
    columns.add(new String[] {"Iteration", ""});
    columns.add(new String[] {"Time Elapsed", "(hh:mm:ss)"});
    columns.add(new String[] {"Mini-batch", metric});
    if (validation) {
      columns.add(new String[] {"Validation", metric});
    }
    columns.add(new String[] {"Mini-batch", "Loss"});
    if (validation) {
      columns.add(new String[] {"Validation", "Loss"});
    }
    columns.add(new String[] {"Base Learning", "Rate"});
    StringBuilder top = new StringBuilder("|");
    StringBuilder bottom = new StringBuilder("|");
    for (String[] c : columns) {
      int width = oldWidth(c[0]);
      top.append(center(c[0], width)).append('|');
      bottom.append(center(c[1], width)).append('|');
    }
    rule = "|" + "=".repeat(top.length() - 2) + "|";
    lines.add("Training on a single CPU (bigru, kernels: " + kernels + ").");
    lines.add(rule);
    lines.add(top.toString());
    lines.add(bottom.toString());
    lines.add(rule);
  }

  /** After a step: its row waits for a validation of the same iteration, which may follow. */
  synchronized void iteration(int epoch, int iteration, double seconds, double loss, double metric, double rate) {
    if (!verbose) {
      return;
    }
    flush(false);
    pending = new Row(epoch, iteration, seconds, loss, metric, rate, Double.NaN, Double.NaN);
  }

  /** After a validation: completes the pending row of its iteration, or (iteration 0) is a row of its own. */
  synchronized void validation(int epoch, int iteration, double seconds, double loss, double metric, double rate) {
    if (!verbose) {
      return;
    }
    if (pending != null && pending.iteration() == iteration) {
      pending = pending.withValidation(loss, metric);
      flush(true);
    } else if (iteration == 0 && style == Style.TRAINNET) {
      print(new Row(epoch, 0, seconds, Double.NaN, Double.NaN, rate, loss, metric));
    }
  }

  /** A line of its own (a warning), printed whether verbose or not. */
  synchronized void line(String text) {
    lines.add(text);
  }

  /** The last row (always printed) and the closing line. */
  synchronized void finish(String reason) {
    if (!verbose) {
      return;
    }
    flush(true);
    if (style == Style.TRAINNET) {
      lines.add("Training stopped: " + reason);
    } else {
      lines.add(rule);
      lines.add("Training finished: " + reason + ".");
    }
  }

  /** The lines produced since the last call. */
  synchronized String[] takeLines() {
    String[] taken = lines.toArray(new String[0]);
    lines.clear();
    return taken;
  }

  private void flush(boolean force) {
    if (pending == null) {
      return;
    }
    int iteration = pending.iteration();
    if (force || iteration == 1 || iteration % frequency == 0) {
      print(pending);
    }
    pending = null;
  }

  private void print(Row r) {
    if (style == Style.TRAINNET) {
      List<String> cells = new ArrayList<>();
      cells.add(Integer.toString(r.iteration()));
      cells.add(Integer.toString(r.epoch()));
      cells.add(clock(r.seconds()));
      cells.add(shortG(r.rate()));
      cells.add(shortG(r.loss()));
      if (validation) {
        cells.add(shortG(r.validationLoss()));
      }
      for (MatlabChoices.Metric m : metrics) {
        boolean accuracy = m == MatlabChoices.Metric.ACCURACY;
        cells.add(shortG(accuracy == classification ? r.metric() : Double.NaN));
        if (validation) {
          cells.add(shortG(accuracy == classification ? r.validationMetric() : Double.NaN));
        }
      }
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < cells.size(); c++) {
        line.append("    ").append(" ".repeat(Math.max(0, widths[c] - cells.get(c).length()))).append(cells.get(c));
      }
      lines.add(line.toString().replaceAll("\\s+$", ""));
      return;
    }
    StringBuilder line = new StringBuilder("|");
    line.append(cell(Integer.toString(r.epoch()), oldWidth("Epoch")));
    line.append(cell(Integer.toString(r.iteration()), oldWidth("Iteration")));
    line.append(cell(clock(r.seconds()), oldWidth("Time Elapsed")));
    line.append(cell(metric(r.metric()), oldWidth("Mini-batch")));
    if (validation) {
      line.append(cell(metric(r.validationMetric()), oldWidth("Validation")));
    }
    line.append(cell(fixed(r.loss()), oldWidth("Mini-batch")));
    if (validation) {
      line.append(cell(fixed(r.validationLoss()), oldWidth("Validation")));
    }
    line.append(cell(rate(r.rate()), oldWidth("Base Learning")));
    lines.add(line.toString());
  }

  private List<String> trainnetColumns() {
    List<String> names = new ArrayList<>(List.of("Iteration", "Epoch", "TimeElapsed", "LearnRate", "TrainingLoss"));
    if (validation) {
      names.add("ValidationLoss");
    }
    for (MatlabChoices.Metric m : metrics) {
      names.add("Training" + m.title);
      if (validation) {
        names.add("Validation" + m.title);
      }
    }
    return names;
  }

  private int[] trainnetWidths() {
    return trainnetColumns().stream().mapToInt(String::length).toArray();
  }

  /** trainNetwork's column widths: the title with two spaces each side, at least 9. */
  private static int oldWidth(String title) {
    return Math.max(9, title.length() + 4);
  }

  private static String center(String text, int width) {
    int left = (width - text.length()) / 2;
    return " ".repeat(left) + text + " ".repeat(width - text.length() - left);
  }

  /** A right-aligned cell with one space after. */
  private static String cell(String text, int width) {
    return " ".repeat(Math.max(1, width - 1 - text.length())) + text + " |";
  }

  private String metric(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    return classification ? String.format(Locale.ROOT, "%.2f%%", value) : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String fixed(double value) {
    return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** Four decimals as MATLAB shows rates, switching to exponent notation below 0.001. */
  private static String rate(double rate) {
    return String.format(Locale.ROOT, rate >= 1e-3 ? "%.4f" : "%.4e", rate);
  }

  /** As MATLAB's short g display: five significant digits, no trailing zeros; blank for NaN. */
  private static String shortG(double value) {
    if (Double.isNaN(value)) {
      return "";
    }
    String text = String.format(Locale.ROOT, "%.5g", value);
    if (text.contains("e")) {
      String[] parts = text.split("e");
      return trimZeros(parts[0]) + "e" + parts[1];
    }
    return trimZeros(text);
  }

  private static String trimZeros(String text) {
    if (!text.contains(".")) {
      return text;
    }
    String t = text.replaceAll("0+$", "");
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  private static String clock(double seconds) {
    long s = (long) seconds;
    return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }
}
