package org.bigru.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bigru.cli.output.OutputFiles;
import org.bigru.cli.pipeline.Evaluation;
import org.bigru.model.metrics.ClassificationMetrics;
import org.bigru.model.metrics.RegressionMetrics;

/** Metrics as text for people and as one JSON object for programs. */
final class Report {

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
      out.printf(Locale.ROOT, "%s (%d sequences):%n", what, c.count());
      out.printf(Locale.ROOT, "  accuracy  %.4f%n  macro F1  %.4f%n", c.accuracy(), c.macroF1());
      int width = Math.max(8, classes.stream().mapToInt(String::length).max().orElse(5) + 2);
      out.printf(Locale.ROOT, "  %-" + width + "s %9s %9s %9s %8s%n", "class", "precision", "recall", "F1", "support");
      for (int k = 0; k < classes.size(); k++) {
        long support = 0;
        for (long n : c.confusion()[k]) {
          support += n;
        }
        out.printf(Locale.ROOT, "  %-" + width + "s %9.4f %9.4f %9.4f %8d%n", classes.get(k), c.precision(k),
            c.recall(k), c.f1(k), support);
      }
      out.println("  confusion matrix (rows: true class, columns: predicted class):");
      StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", ""));
      for (String name : classes) {
        head.append(String.format(Locale.ROOT, " %6s", abbreviate(name)));
      }
      out.println(head);
      for (int k = 0; k < classes.size(); k++) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width + "s", classes.get(k)));
        for (long n : c.confusion()[k]) {
          line.append(String.format(Locale.ROOT, " %6d", n));
        }
        out.println(line);
      }
    }
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

  static void writeJson(Path file, Map<String, Object> json) throws IOException {
    byte[] bytes = (Json.write(json) + "\n").getBytes(StandardCharsets.UTF_8);
    OutputFiles.write(file, out -> out.write(bytes));
  }

  private static String abbreviate(String name) {
    return name.length() <= 6 ? name : name.substring(0, 6);
  }
}
