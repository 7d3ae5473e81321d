package org.bigru.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;

/**
 * What the Spark tests share: one local session for the whole test JVM (two executor threads, and up to four
 * attempts per task, so that an injected failure is retried), small tables of series, and the command run
 * in-process.
 */
final class SparkTests {

  private SparkTests() {
  }

  static synchronized SparkSession session() {
    return SparkSession.builder().master("local[2,4]").appName("bigru-spark tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  /** What a command printed, and its exit code. */
  record Result(int code, String out, String err) {
  }

  static Result run(String... args) {
    session();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * A series of {@code rows} days: two features (a seasonal wave and noise) and a target that depends on both
   * and on the day before, values drawn from {@code seed}.
   *
   * @return rows of [feature0, feature1, target]
   */
  static double[][] series(int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] values = new double[rows][3];
    double previous = 0;
    for (int r = 0; r < rows; r++) {
      double wave = Math.sin(2 * Math.PI * r / 29.0) * 10 + rng.nextDouble() * 2;
      double noise = Math.round(rng.nextGaussian() * 100) / 100.0;
      double target = 0.6 * wave + 0.3 * previous + noise + 5;
      values[r] = new double[] {round(wave), noise, round(target)};
      previous = target;
    }
    return values;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Writes series as CSV: [store,] date, f0, f1, y; rows shuffled with {@code shuffleSeed} unless it is 0. */
  static Path csv(Path file, List<String> stores, List<double[][]> series, long shuffleSeed) {
    List<String> lines = new ArrayList<>();
    for (int s = 0; s < series.size(); s++) {
      LocalDate day = LocalDate.of(2020, 1, 1);
      for (double[] row : series.get(s)) {
        lines.add((stores == null ? "" : stores.get(s) + ",") + day + String.format(Locale.ROOT, ",%s,%s,%s",
            row[0], row[1], row[2]));
        day = day.plusDays(1);
      }
    }
    if (shuffleSeed != 0) {
      Collections.shuffle(lines, new java.util.Random(shuffleSeed));
    }
    lines.add(0, (stores == null ? "" : "store,") + "date,f0,f1,y");
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Column {@code c} of rows as float32, row-major over the given columns. */
  static float[] floats(double[][] rows, int... columns) {
    float[] f = new float[rows.length * columns.length];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < columns.length; c++) {
        f[r * columns.length + c] = (float) rows[r][columns[c]];
      }
    }
    return f;
  }
}
