package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.bigru.model.Network;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.io.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forecasting from the command line: the real monthly series the project ships (Mauna Loa CO2), several steps
 * and targets, differencing, quantile intervals, the baselines, and the forecast past the data.
 */
class ForecastingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The options the README gives, chosen on the validation part (see cli/README.md, Forecasting). */
  private static final List<String> CO2_OPTIONS = List.of("--example", "co2", "--steps", "12", "--difference",
      "--quantiles", "0.1,0.5,0.9", "--units", "32", "--epochs", "50", "--val-size", "0.1", "--threads", "1");

  @TempDir
  Path dir;

  /**
   * The README's command on the shipped CO2 series: the 12-step forecast beats the seasonal naive forecast on
   * the held-back test part (MASE below 1), and its 80 % interval covers within 10 points of 80 % of it. Then
   * forecast continues the months after December 2001, its quantiles in order.
   */
  @Test
  void co2BeatsTheSeasonalNaiveForecastWithAnHonestInterval() throws IOException {
    Path model = dir.resolve("co2.safetensors");
    Path metrics = dir.resolve("co2.json");
    List<String> args = new ArrayList<>(List.of("train", "--out", model.toString(), "--plot",
        dir.resolve("fit.png").toString(), "--loss-plot", "none", "--metrics-json", metrics.toString()));
    args.addAll(CO2_OPTIONS);
    CliRun train = CliRun.of(args.toArray(new String[0]));
    assertEquals(0, train.code(), train::toString);
    JsonNode m = JSON.readTree(metrics.toFile());
    assertEquals(84 * 12, m.get("count").asInt(), "84 test windows of 12 months");
    assertEquals(12, m.get("season").asInt(), "monthly index");
    double mase = m.get("mase").asDouble();
    assertTrue(mase < 1, "MASE " + mase);
    assertEquals(m.get("mae").asDouble() / m.get("seasonal_naive_mae").asDouble(), mase, 1e-9);
    assertTrue(m.get("naive_mae").asDouble() > 0);
    double coverage = m.get("coverage").asDouble();
    assertTrue(Math.abs(coverage - 0.8) <= 0.1, "coverage " + coverage);
    JsonNode steps = m.get("targets").get("co2").get("steps");
    assertEquals(12, steps.size());
    assertEquals(1, steps.get(0).get("ahead").asInt());
    assertTrue(train.out().contains("MASE ") && train.out().contains("coverage"), train::toString);

    // evaluate applies the differencing and quantiles from the model file: every window of the file scored.
    Path history = extract("co2-monthly.csv");
    Path evaluated = dir.resolve("evaluate.json");
    CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", history.toString(),
        "--metrics-json", evaluated.toString(), "--threads", "1");
    assertEquals(0, evaluate.code(), evaluate::toString);
    JsonNode e = JSON.readTree(evaluated.toFile());
    assertEquals((452 - 1 - 24 - 12 + 1) * 12, e.get("count").asInt(), "every window after the first row");
    assertTrue(e.get("mase").asDouble() < 1 && e.get("coverage").isNumber(), e::toString);

    Path forecast = dir.resolve("forecast.csv");
    Path png = dir.resolve("forecast.png");
    CliRun run = CliRun.of("forecast", "--model", model.toString(), "--data", history.toString(), "--out",
        forecast.toString(), "--plot", png.toString(), "--threads", "1");
    assertEquals(0, run.code(), run::toString);
    List<String> lines = Files.readAllLines(forecast);
    assertEquals("month,co2_lower,co2_median,co2_upper", lines.get(0));
    assertEquals(13, lines.size());
    for (int r = 1; r <= 12; r++) {
      String[] f = lines.get(r).split(",");
      assertEquals(String.format(Locale.ROOT, "2002-%02d", r), f[0]);
      double lower = Double.parseDouble(f[1]);
      double median = Double.parseDouble(f[2]);
      double upper = Double.parseDouble(f[3]);
      assertTrue(lower <= median && median <= upper, lines.get(r));
      assertTrue(median > 360 && median < 385, "CO2 in 2002 was about 373 ppmv: " + lines.get(r));
    }
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(Files.readAllBytes(png), 4));

    // Rolled forward to 30 months: the interval is given for the model's own 12 steps only.
    CliRun rolled = CliRun.of("forecast", "--model", model.toString(), "--data", history.toString(), "--recursive",
        "30", "--threads", "1");
    assertEquals(0, rolled.code(), rolled::toString);
    List<String> printed = rolled.out().lines().toList();
    assertEquals(31, printed.size(), rolled::toString);
    assertTrue(printed.get(30).startsWith("2004-06,,"), printed.get(30));
    assertEquals(printed.subList(0, 13), lines, "the first 12 steps are the model's own forecast");
  }

  /** Two targets, three steps, the targets among the features: per target and step, and in the model's order. */
  @Test
  void severalTargetsAndStepsAreScoredEachAndKeptInOrder() throws IOException {
    Path data = TestData.csv(dir, "d.csv", 200);
    Path model = dir.resolve("m.safetensors");
    Path metrics = dir.resolve("m.json");
    CliRun train = CliRun.of("train", "--data", data.toString(), "--target", "y,a", "--features", "a,b,y",
        "--steps", "3", "--window", "8", "--season", "5", "--plot-step", "3", "--out", model.toString(), "--plot",
        dir.resolve("fit.png").toString(), "--loss-plot", "none", "--metrics-json", metrics.toString(), "--epochs",
        "2", "--units", "4", "--threads", "1");
    assertEquals(0, train.code(), train::toString);
    JsonNode m = JSON.readTree(metrics.toFile());
    assertEquals(List.of("y", "a"), iterate(m.get("targets").fieldNames()));
    assertEquals(5, m.get("season").asInt());
    assertEquals(3, m.get("targets").get("a").get("steps").size());
    Network network = ModelFile.load(model);
    Preprocessing pre = Preprocessing.fromMetadata(network.config().metadata(), "m");
    assertEquals(List.of("y", "a"), pre.targetNames());
    assertEquals(6, network.config().outputSize());

    Path predictions = dir.resolve("p.csv");
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out",
        predictions.toString());
    assertEquals(0, predict.code(), predict::toString);
    assertEquals("time,predicted_y_plus_1,predicted_y_plus_2,predicted_y_plus_3,predicted_a_plus_1,"
        + "predicted_a_plus_2,predicted_a_plus_3", Files.readAllLines(predictions).get(0));

    CliRun forecast = CliRun.of("forecast", "--model", model.toString(), "--data", data.toString());
    assertEquals(0, forecast.code(), forecast::toString);
    List<String> lines = forecast.out().lines().toList();
    assertEquals("time,y,a", lines.get(0));
    assertEquals(List.of("+1", "+2", "+3"), lines.stream().skip(1).map(l -> l.split(",")[0]).toList(),
        "an index of words continues as steps after the last row");
  }

  private static List<String> iterate(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  private Path extract(String resource) throws IOException {
    Path file = dir.resolve(resource);
    try (InputStream in = Example.class.getResourceAsStream("data/" + resource)) {
      Files.copy(in, file);
    }
    return file;
  }
}
