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
    ClassificationMetrics c = result.classification();
    if (c != null) {
      printClassification(out, c, classes, what);
    }
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
