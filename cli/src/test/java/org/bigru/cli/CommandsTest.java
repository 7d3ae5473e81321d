package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bigru.model.Network;
import org.bigru.model.SequenceBatch;
import org.bigru.model.io.ModelFile;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main paths of every command, run in-process on small data written by the tests. */
class CommandsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

  @TempDir
  Path dir;

  @Test
  void trainOnCsvThenEvaluateAndPredict() throws IOException {
    Path data = TestData.csv(dir, "train.csv", 160);
    Path model = dir.resolve("m.safetensors");
    Path metrics = dir.resolve("metrics.json");
    CliRun train = train(data, model, metrics, "--window", "8", "--val-size", "0.1");
    assertEquals(0, train.code(), train::toString);
    assertTrue(train.out().contains("RMSE") && train.out().contains("R^2"), train::toString);
    assertTrue(train.out().contains("epoch 3/3"), train::toString);
    JsonNode m = JSON.readTree(metrics.toFile());
    for (String key : List.of("rmse", "mae", "r2")) {
      assertTrue(m.get(key).isNumber(), key);
    }
    assertTrue(m.get("rmse").asDouble() > 0 && m.get("mae").asDouble() <= m.get("rmse").asDouble());
    assertPng(dir.resolve("fit.png"));
    assertPng(dir.resolve("loss.png"));

    // evaluate on the same file: the test part's windows are among all windows evaluated
    Path again = dir.resolve("eval.json");
    CliRun evaluate = CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(),
        "--metrics-json", again.toString());
    assertEquals(0, evaluate.code(), evaluate::toString);
    JsonNode e = JSON.readTree(again.toFile());
    assertEquals(160 - 8 + 1, e.get("count").asInt());

    // predict on new rows without the target column: one row per full window, in original units
    StringBuilder fresh = new StringBuilder("time,b,a\n");
    for (int r = 0; r < 12; r++) {
      double[] v = TestData.row(200 + r);
      fresh.append("n").append(r).append(',').append(v[1]).append(',').append(v[0]).append('\n');
    }
    Path newData = TestData.write(dir.resolve("new.csv"), fresh.toString());
    Path predictions = dir.resolve("pred.csv");
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", newData.toString(), "--out",
        predictions.toString());
    assertEquals(0, predict.code(), predict::toString);
    List<String> lines = Files.readAllLines(predictions);
    assertEquals("time,predicted_y", lines.get(0));
    assertEquals(1 + 12 - 8 + 1, lines.size());
    assertTrue(lines.get(1).startsWith("n7,"), lines.get(1));
    double first = Double.parseDouble(lines.get(1).split(",")[1]);
    assertTrue(first > 5 && first < 15, "prediction in original units near the target's range: " + first);
  }

  @Test
  void trainOnXlsxWithReturnSequences() throws IOException {
    Path data = TestData.xlsx(dir, "book.xlsx", 80);
    Path model = dir.resolve("x.safetensors");
    Path metrics = dir.resolve("metrics.json");
    CliRun train = train(data, model, metrics, "--window", "6", "--return-sequences", "--dense", "4");
    assertEquals(0, train.code(), train::toString);
    assertTrue(JSON.readTree(metrics.toFile()).get("r2").isNumber());
    Network network = ModelFile.load(model);
    assertEquals("sequence", network.config().outputMode().lowerName());
    assertEquals(1, network.config().hidden().size());
  }

  @Test
  void classificationOfWordLabels() throws IOException {
    Path data = TestData.classificationCsv(dir, "labels.csv", 150);
    Path model = dir.resolve("c.safetensors");
    Path metrics = dir.resolve("metrics.json");
    CliRun train = train(data, model, metrics, "--task", "classification", "--window", "5");
    assertEquals(0, train.code(), train::toString);
    JsonNode m = JSON.readTree(metrics.toFile());
    double accuracy = m.get("accuracy").asDouble();
    assertTrue(accuracy >= 0 && accuracy <= 1);
    assertEquals(List.of("high", "low", "mid"), JSON.convertValue(m.get("classes"), List.class));
    assertPng(dir.resolve("fit.png"));
    assertTrue(train.out().contains("confusion matrix"), train::toString);

    Path predictions = dir.resolve("labels-pred.csv");
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out",
        predictions.toString());
    assertEquals(0, predict.code(), predict::toString);
    List<String> lines = Files.readAllLines(predictions);
    assertEquals(1 + 150 - 5 + 1, lines.size());
    assertTrue(lines.stream().skip(1).allMatch(l -> l.matches("\\d+,(high|low|mid)")), lines.get(1));
  }

  @Test
  void tensorsTrainAndInferRoundTrip() throws IOException {
    int n = 40;
    int steps = 5;
    int features = 3;
    SplittableRandom rng = new SplittableRandom(7);
    float[] x = new float[n * steps * features];
    float[] y = new float[n * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    for (int i = 0; i < n; i++) {
      y[2 * i] = x[i * steps * features];
      y[2 * i + 1] = -x[i * steps * features + 1];
    }
    long[] lengths = new long[n];
    for (int i = 0; i < n; i++) {
      lengths[i] = 2 + i % 4;
    }
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("x", Tensor.ofFloats(new int[] {n, steps, features}, x));
    tensors.put("y", Tensor.ofFloats(new int[] {n, 2}, y));
    tensors.put("lengths", Tensor.ofLongs(new int[] {n}, lengths));
    Path data = dir.resolve("seq.safetensors");
    new SafeTensors(Map.of(), tensors).write(data);
    Path model = dir.resolve("t.safetensors");
    Path metrics = dir.resolve("metrics.json");
    CliRun train = train(data, model, metrics);
    assertEquals(0, train.code(), train::toString);
    assertEquals(16, JSON.readTree(metrics.toFile()).get("count").asInt(), "8 test sequences x 2 outputs");

    Path output = dir.resolve("y.safetensors");
    CliRun infer = CliRun.of("infer", "--model", model.toString(), "--input", data.toString(), "--output",
        output.toString(), "--batch", "16");
    assertEquals(0, infer.code(), infer::toString);
    Tensor inferred = SafeTensors.read(output).tensors().get("y");
    assertArrayEquals(new int[] {n, 2}, inferred.shape());
    int[] len = Arrays.stream(lengths).mapToInt(l -> (int) l).toArray();
    float[] direct = ModelFile.load(model).predict(new SequenceBatch(x, n, steps, features, len));
    assertArrayEquals(direct, inferred.floats(), "infer gives what the Java API gives on the same tensors");
  }

  @Test
  void modelFromAnotherFeatureSetIsRefused() throws IOException {
    Path data = TestData.csv(dir, "train.csv", 60);
    Path model = dir.resolve("m.safetensors");
    assertEquals(0, train(data, model, dir.resolve("m.json"), "--window", "4").code());
    Path other = TestData.write(dir.resolve("other.csv"), "time,a,c,y\n1,1,2,3\n2,2,3,4\n3,3,4,5\n4,4,5,6\n");
    Path out = dir.resolve("p.csv");
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", other.toString(), "--out",
        out.toString());
    assertEquals(2, predict.code(), predict::toString);
    assertEquals(1, predict.errLines().length, predict::toString);
    assertTrue(predict.err().contains("other.csv has no column 'b', which"), predict::toString);
    assertFalse(Files.exists(out));

    Path shorter = TestData.csv(dir, "short.csv", 3);
    CliRun tooShort = CliRun.of("evaluate", "--model", model.toString(), "--data", shorter.toString());
    assertEquals(2, tooShort.code(), tooShort::toString);
    assertTrue(tooShort.err().contains("short.csv: a window of 4 rows"), tooShort::toString);
  }

  @Test
  void initStartsFromSavedWeightsOfTheSameArchitecture() throws IOException {
    Path data = TestData.csv(dir, "train.csv", 60);
    Path first = dir.resolve("first.safetensors");
    assertEquals(0, train(data, first, dir.resolve("m1.json"), "--window", "4").code());
    Path second = dir.resolve("second.safetensors");
    CliRun resumed = train(data, second, dir.resolve("m2.json"), "--window", "4", "--init", first.toString(),
        "--lr", "1e-9", "--optimizer", "sgdm");
    assertEquals(0, resumed.code(), resumed::toString);
    float[] before = ModelFile.load(first).parameter("fc.weight").copyOfValues();
    float[] after = ModelFile.load(second).parameter("fc.weight").copyOfValues();
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i], after[i], 1e-5, "a tiny learning rate keeps the initial weights");
    }
    CliRun mismatch = train(data, dir.resolve("third.safetensors"), dir.resolve("m3.json"), "--window", "4",
        "--init", first.toString(), "--units", "7");
    assertEquals(2, mismatch.code(), mismatch::toString);
    assertTrue(mismatch.err().contains("--init") && mismatch.err().contains("shape"), mismatch::toString);
    assertFalse(Files.exists(dir.resolve("third.safetensors")));
  }

  @Test
  void infoJson() throws IOException {
    CliRun info = CliRun.of("info", "--json");
    assertEquals(0, info.code(), info::toString);
    JsonNode json = JSON.readTree(info.out());
    assertEquals(System.getProperty("java.version"), json.get("java_version").asText());
    assertTrue(List.of("panama", "scalar").contains(json.get("kernels").asText()));
    assertTrue(json.get("vector_bits").asInt() >= 32);
    assertTrue(json.get("threads").asInt() >= 1);
  }

  @Test
  void benchJson() throws IOException {
    for (String mode : List.of("train", "infer")) {
      CliRun bench = CliRun.of("bench", "--batch", "2", "--seq-len", "3", "--features", "2", "--units", "4",
          "--mode", mode, "--seconds", "0.05", "--warmup", "0", "--threads", "1", "--json");
      assertEquals(0, bench.code(), bench::toString);
      JsonNode json = JSON.readTree(bench.out());
      assertTrue(json.get("ms_per_step").asDouble() > 0);
      assertTrue(json.get("seq_per_s").asDouble() > 0);
      assertEquals(mode, json.get("mode").asText());
    }
  }

  @Test
  void helpShowsEveryDefault() {
    CliRun help = CliRun.of("train", "--help");
    assertEquals(0, help.code());
    for (String fragment : List.of("--epochs=N", "Default: 10", "--units=H", "Default: 64", "--test-size=F",
        "Default: 0.2", "--batch=N", "Default: 32", "--[no-]index-col", "--[no-]shuffle", "--metrics-json")) {
      assertTrue(help.out().contains(fragment), fragment);
    }
  }

  @Test
  void subcommandTableNamesEachClassByItsCommandName() {
    for (Map.Entry<String, Class<?>> entry : BigruCommand.SUBCOMMANDS.entrySet()) {
      assertEquals(entry.getKey(), entry.getValue().getAnnotation(picocli.CommandLine.Command.class).name());
    }
  }

  @Test
  void rootHelpListsEveryCommandAndAMisspeltOneIsNamed() {
    CliRun help = CliRun.of("--help");
    assertEquals(0, help.code());
    for (String name : BigruCommand.SUBCOMMANDS.keySet()) {
      assertTrue(help.out().contains("\n  " + name + " "), name);
    }
    CliRun misspelt = CliRun.of("prdict", "--model", "m.safetensors");
    assertEquals(2, misspelt.code());
    assertEquals("bigru: Unmatched arguments from index 0: 'prdict', '--model', 'm.safetensors' (see 'bigru --help')",
        misspelt.err().strip());
  }

  private CliRun train(Path data, Path model, Path metrics, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--out", model.toString(),
        "--plot", dir.resolve("fit.png").toString(), "--loss-plot", dir.resolve("loss.png").toString(),
        "--metrics-json", metrics.toString(), "--epochs", "3", "--units", "6", "--batch", "16", "--threads", "1"));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(new String[0]));
  }

  private static void assertPng(Path file) throws IOException {
    byte[] head = Arrays.copyOf(Files.readAllBytes(file), 4);
    assertArrayEquals(PNG_SIGNATURE, head, file + " is a PNG");
  }
}
