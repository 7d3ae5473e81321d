package org.bigru.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bigru.cli.output.OutputPlan;
import org.bigru.cli.pipeline.Evaluation;
import org.bigru.model.metrics.ClassificationMetrics;
import org.bigru.model.metrics.ForecastMetrics;
import org.bigru.model.metrics.RegressionMetrics;

/**
 * Metrics as text for people and as one JSON object for programs. The text of a classification lists at most
 * {@link #MAX_LISTED_CLASSES} classes (those with the most sequences) and prints the confusion matrix up to
 * {@link #MAX_MATRIX_CLASSES} classes, with a note when it shows less; the JSON holds every class. Either
 * takes time and memory in proportion to the confusion matrix (K x K), not more.
 */
final class Report {

  static final int MAX_LISTED_CLASSES = 30;
  static final int MAX_MATRIX_CLASSES = 20;

  private Report() {
  }

  static void printMetrics(PrintWriter out, Evaluation.Result result, List<String> classes, String what) {
    RegressionMetrics r = result.regression();
    if (r != null) {
      out.printf(Locale.ROOT, "%s (%d values, original units):%n", what, r.count());
      out.printf(Locale.ROOT, "  RMSE  %.4f%n  MAE   %.4f%n  R^2   %.4f%n", r.rmse(), r.mae(), r.r2());
    }
    if (result.forecast() != null) {
      printForecast(out, result.forecast());
    }
    ClassificationMetrics c = result.classification();
    if (c != null) {
      printClassification(out, c, classes, what);
    }
  }

  /** The baselines and MASE, the interval's coverage, and with several targets or steps a table of them. */
  private static void printForecast(PrintWriter out, Evaluation.Forecast f) {
    ForecastMetrics.Scores all = f.metrics().overall();
    out.printf(Locale.ROOT, "  naive MAE           %s   (the last value known at each window's end)%n",
        number(all.naiveMae()));
    out.printf(Locale.ROOT, "  seasonal naive MAE  %s   (season %d rows%s)%n", number(all.seasonalNaiveMae()),
        f.season(), Double.isNaN(all.seasonalNaiveMae()) ? "; some windows have no row a season before" : "");
    out.printf(Locale.ROOT, "  MASE                %s   (MAE / seasonal naive MAE: below 1 beats it)%n",
        number(all.mase()));
    if (!f.levels().isEmpty()) {
      double lower = f.levels().get(0);
      double upper = f.levels().get(f.levels().size() - 1);
      out.printf(Locale.ROOT, "  interval %s-%s coverage %.4f   (share of values inside; nominal %.2f)%n",
          lower, upper, all.coverage(), upper - lower);
    }
    int steps = f.metrics().targets().get(0).steps().size();
    if (f.targets().size() == 1 && steps == 1) {
      return;
    }
    for (int t = 0; t < f.targets().size(); t++) {
      ForecastMetrics.Target target = f.metrics().targets().get(t);
      out.printf(Locale.ROOT, "  %s: RMSE %.4f  MAE %.4f  R^2 %.4f  MASE %s%s%n", f.targets().get(t),
          target.all().model().rmse(), target.all().model().mae(), target.all().model().r2(),
          number(target.all().mase()), f.levels().isEmpty() ? "" : String.format(Locale.ROOT, "  coverage %.4f",
              target.all().coverage()));
      if (steps == 1) {
        continue;
      }
      out.printf(Locale.ROOT, "    %5s %10s %10s %8s %8s%s%n", "ahead", "RMSE", "MAE", "R^2", "MASE",
          f.levels().isEmpty() ? "" : "  coverage");
      for (int s = 0; s < steps; s++) {
        ForecastMetrics.Scores step = target.steps().get(s);
        out.printf(Locale.ROOT, "    %5d %10.4f %10.4f %8.4f %8s%s%n", f.horizon() + s, step.model().rmse(),
            step.model().mae(), step.model().r2(), number(step.mase()), f.levels().isEmpty() ? ""
                : String.format(Locale.ROOT, "  %8.4f", step.coverage()));
      }
    }
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
  }

  private static void printClassification(PrintWriter out, ClassificationMetrics c, List<String> classes,
                                          String what) {
    long[][] confusion = c.confusion();
    int k = classes.size();
    out.printf(Locale.ROOT, "%s (%d sequences):%n", what, c.count());
    out.printf(Locale.ROOT, "  accuracy  %.4f%n  macro F1  %.4f%n", c.accuracy(), c.macroF1());
    List<Integer> listed = mostFrequent(confusion, Math.min(k, MAX_LISTED_CLASSES));
    int width = 8;
    for (int i : listed) {
      width = Math.max(width, classes.get(i).length() + 2);
    }
    if (listed.size() < k) {
      out.printf(Locale.ROOT, "  (%d classes: the %d with the most test sequences are listed; --metrics-json holds "
          + "every class)%n", k, listed.size());
    }
    out.printf(Locale.ROOT, "  %-" + width + "s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1", "support");
    for (int i : listed) {
      out.printf(Locale.ROOT, "  %-" + width + "s %9.4f %9.4f %9.4f %8d%n", classes.get(i), c.precision(i),
          c.recall(i), c.f1(i), sum(confusion[i]));
    }
    if (k > MAX_MATRIX_CLASSES) {
      out.printf(Locale.ROOT, "  confusion matrix: %d x %d, too wide to print (more than %d classes); "
          + "--metrics-json holds it%n", k, k, MAX_MATRIX_CLASSES);
      return;
    }
    out.println("  confusion matrix (rows: true class, columns: predicted class):");
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", ""));
    for (String name : classes) {
      head.append(String.format(Locale.ROOT, " %6s", abbreviate(name)));
    }
    out.println(head);
    for (int t = 0; t < k; t++) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", classes.get(t)));
      for (long n : confusion[t]) {
        line.append(String.format(Locale.ROOT, " %6d", n));
      }
      out.println(line);
    }
  }

  /**
   * The {@code count} classes with the most sequences (ties in class order), in class order; all of them when
   * count is the number of classes.
   */
  static List<Integer> mostFrequent(long[][] confusion, int count) {
    List<Integer> order = new ArrayList<>();
    long[] support = new long[confusion.length];
    for (int i = 0; i < confusion.length; i++) {
      order.add(i);
      support[i] = sum(confusion[i]);
    }
    if (count < confusion.length) {
      order.sort(Comparator.comparingLong((Integer i) -> -support[i]).thenComparingInt(i -> i));
      order = new ArrayList<>(order.subList(0, count));
      order.sort(null);
    }
    return order;
  }

  static Map<String, Object> metricsJson(Evaluation.Result result, List<String> classes) {
    Map<String, Object> json = new LinkedHashMap<>();
    RegressionMetrics r = result.regression();
    if (r != null) {
      json.put("task", "regression");
      json.put("rmse", r.rmse());
      json.put("mae", r.mae());
      json.put("r2", r.r2());
      json.put("count", r.count());
    }
    if (result.forecast() != null) {
      forecastJson(json, result.forecast());
    }
    ClassificationMetrics c = result.classification();
    if (c != null) {
      json.put("task", "classification");
      json.put("accuracy", c.accuracy());
      json.put("macro_f1", c.macroF1());
      json.put("count", c.count());
      json.put("classes", classes);
      Map<String, Object> perClass = new LinkedHashMap<>();
      for (int k = 0; k < classes.size(); k++) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("precision", c.precision(k));
        m.put("recall", c.recall(k));
        m.put("f1", c.f1(k));
        perClass.put(classes.get(k), m);
      }
      json.put("per_class", perClass);
      json.put("confusion", c.confusion());
    }
    return json;
  }

  /**
   * mase, naive_mae, seasonal_naive_mae and season at the top (every value together), coverage with quantiles,
   * and per target its scores and those of each step (null where a baseline is not available).
   */
  private static void forecastJson(Map<String, Object> json, Evaluation.Forecast f) {
    scoresJson(json, f.metrics().overall(), f.levels());
    json.put("season", f.season());
    if (!f.levels().isEmpty()) {
      json.put("quantiles", f.levels());
    }
    Map<String, Object> targets = new LinkedHashMap<>();
    for (int t = 0; t < f.targets().size(); t++) {
      ForecastMetrics.Target target = f.metrics().targets().get(t);
      Map<String, Object> m = new LinkedHashMap<>();
      regressionJson(m, target.all().model());
      scoresJson(m, target.all(), f.levels());
      List<Map<String, Object>> steps = new ArrayList<>();
      for (int s = 0; s < target.steps().size(); s++) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("ahead", f.horizon() + s);
        regressionJson(step, target.steps().get(s).model());
        scoresJson(step, target.steps().get(s), f.levels());
        steps.add(step);
      }
      m.put("steps", steps);
      targets.put(f.targets().get(t), m);
    }
    json.put("targets", targets);
  }

  private static void regressionJson(Map<String, Object> json, RegressionMetrics r) {
    json.put("rmse", r.rmse());
    json.put("mae", r.mae());
    json.put("r2", r.r2());
  }

  private static void scoresJson(Map<String, Object> json, ForecastMetrics.Scores s, List<Double> levels) {
    json.put("mase", finite(s.mase()));
    json.put("naive_mae", finite(s.naiveMae()));
    json.put("seasonal_naive_mae", finite(s.seasonalNaiveMae()));
    if (!levels.isEmpty()) {
      json.put("coverage", s.coverage());
    }
  }

  private static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** Writes the metrics into the plan's output (committed with the other outputs). */
  static void writeJson(OutputPlan plan, OutputPlan.Output file, Map<String, Object> json) throws IOException {
    plan.write(file, out -> Json.write(out, json));
  }

  private static long sum(long[] row) {
    long total = 0;
    for (long n : row) {
      total += n;
    }
    return total;
  }

  private static String abbreviate(String name) {
    return name.length() <= 6 ? name : name.substring(0, 6);
  }
}
