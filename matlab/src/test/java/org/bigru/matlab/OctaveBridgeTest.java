package org.bigru.matlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.bigru.kernels.Kernels;
import org.bigru.model.Activation;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.DropoutLayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputLayerSpec;
import org.bigru.model.OutputMode;
import org.bigru.model.Parameter;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.bigru.model.io.ModelFile;
import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.Trainer;
import org.bigru.model.train.TrainingOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the Octave test scripts of {@code matlab/tests} in GNU Octave against the built bridge jar, then
 * checks that what Octave trained equals, bit for bit, what the Java API trains from the same data and seed.
 *
 * <p>Octave runs on this JVM's JDK, with the Vector API module enabled through a java.opts in
 * OCTAVE_JAVA_DIR when this run uses the panama kernels, and without it (so on the scalar kernels) when it
 * uses the scalar ones: each surefire execution covers one of the two. Skipped only when Octave is absent.
 */
class OctaveBridgeTest {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static Path outDir;
  private static String output;
  private static int exitCode;
  private static String missingOctave;

  @BeforeAll
  static void runOctave() throws Exception {
    Path octave = findOnPath("octave-cli");
    if (octave == null) {
      octave = findOnPath("octave");
    }
    if (octave == null) {
      missingOctave = "GNU Octave is not installed (no octave-cli or octave on the PATH); install it with: "
          + "apt-get install --no-install-recommends octave";
      return;
    }
    Path jar = MODULE.resolve("target").resolve("bigru-matlab.jar");
    assertTrue(Files.isRegularFile(jar), "the bridge jar " + jar + " is built before the tests (process-test-classes)");
    outDir = Files.createTempDirectory("bigru-octave-");
    writeForeignModels();
    List<String> command = new ArrayList<>(List.of(octave.toString(), "--quiet", "--no-init-file",
        "--no-window-system", "--eval"));
    command.add("addpath('" + MODULE.resolve("tests") + "'); failed = runTests('" + outDir + "'); exit(failed > 0);");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("BIGRU_JAR", jar.toString());
    env.remove("OCTAVE_JAVA_DIR");
    if (vectorApi()) {
      Path javaDir = Files.createDirectories(outDir.resolve("octave-java"));
      Files.copy(octaveJar(octave), javaDir.resolve("octave.jar"));
      Files.writeString(javaDir.resolve("java.opts"), "--add-modules=jdk.incubator.vector\n");
      env.put("OCTAVE_JAVA_DIR", javaDir.toString());
    }
    Path log = outDir.resolve("octave.log");
    Process process = builder.redirectOutput(log.toFile()).start();
    boolean finished = process.waitFor(10, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    output = Files.readString(log, StandardCharsets.UTF_8);
    if (!finished) {
      throw new AssertionError("Octave did not finish in 10 minutes:\n" + output);
    }
    exitCode = process.exitValue();
    System.out.println("---- Octave (" + (vectorApi() ? "with" : "without") + " the Vector API module)\n" + output);
  }

  /** Each test is reported skipped, with the reason, when Octave is absent. */
  @BeforeEach
  void requireOctave() {
    Assumptions.assumeTrue(missingOctave == null, missingOctave);
  }

  private static boolean vectorApi() {
    return Kernels.get().name().equals("panama");
  }

  @Test
  void octaveTestScriptsPass() {
    Matcher summary = Pattern.compile("bigru Octave tests: (\\d+) passed, (\\d+) failed").matcher(output);
    assertTrue(summary.find(), "no summary line from Octave:\n" + output);
    assertEquals("0", summary.group(2), "Octave tests failed:\n" + output);
    assertTrue(Integer.parseInt(summary.group(1)) >= 12, "fewer Octave tests than expected ran:\n" + output);
    assertEquals(0, exitCode, "Octave exited with " + exitCode + ":\n" + output);
  }

  @Test
  void verboseTrainingPrintsMatlabsTableInOctave() {
    assertTrue(output.contains("|  Epoch  |  Iteration  |  Time Elapsed  |  Mini-batch  |  Mini-batch  |  Base "
        + "Learning  |"), "no progress table in Octave's output:\n" + output);
    assertTrue(output.contains("Training finished: Max epochs completed."), output);
  }

  @Test
  void octaveRunsTheKernelsItsJvmOptionsSelect() {
    String expected = vectorApi() ? "kernels panama" : "kernels scalar";
    assertTrue(output.contains(expected), "expected Octave to report " + expected + ":\n" + output);
  }

  @Test
  void octaveTrainsExactlyWhatTheJavaApiTrains() throws IOException {
    ModelConfig config = new ModelConfig(8, List.of(new RecurrentLayerSpec(16, true,
        ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT)), OutputMode.LAST, List.of(), 0, 10,
        Task.CLASSIFICATION, digitNames(), Map.of());
    assertOctaveTrainedAsJava("octave-digits", config, 42);
  }

  @Test
  void octaveTrainsLstmLayersInAnyOrderExactlyAsTheJavaApi() throws IOException {
    ModelConfig config = new ModelConfig(8, List.of(
        RecurrentLayerSpec.lstm(12, false, MergeMode.CONCAT, OutputMode.SEQUENCE), new DropoutLayerSpec(0.2),
        RecurrentLayerSpec.lstm(16, true, MergeMode.CONCAT, OutputMode.LAST), new DenseLayerSpec(20, Activation.RELU),
        new DropoutLayerSpec(0.1), new OutputLayerSpec(10)), Task.CLASSIFICATION, digitNames(), Map.of());
    assertOctaveTrainedAsJava("octave-digits-lstm", config, 43);
  }

  private static List<String> digitNames() {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      names.add(Integer.toString(c));
    }
    return names;
  }

  /**
   * The network testJavaEquality.m trained on the first 200 digits and saved as {@code name}, against the same
   * training through the Java API: the same layers, weights bit for bit, and the same scores.
   */
  private static void assertOctaveTrainedAsJava(String name, ModelConfig config, long seed) throws IOException {
    Network fromOctave = ModelFile.load(outDir.resolve(name + ".safetensors"));
    double[][] rows = digits(200);
    List<float[]> sequences = new ArrayList<>();
    int[] labels = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      float[] s = new float[64];
      for (int j = 0; j < 64; j++) {
        s[j] = (float) (rows[i][j] / 16);
      }
      sequences.add(s);
      labels[i] = (int) rows[i][64];
    }
    Network java = Network.create(config, seed);
    // MATLAB's defaults where the Octave script set nothing: L2 1e-4, Shuffle 'once', the last iteration's weights
    TrainingOptions options = TrainingOptions.builder().optimizer(OptimizerKind.ADAM).maxEpochs(2)
        .miniBatchSize(32).learningRate(1e-3).l2Regularization(1e-4).shuffle(Shuffle.ONCE).seed(seed)
        .restoreBestWeights(false).build();
    Dataset data = Dataset.sequenceClasses(sequences, 8, labels, 10);
    Trainer.fit(java, data, null, options, null);

    assertEquals(config.layers(), fromOctave.config().layers());
    assertEquals(config.classNames(), fromOctave.config().classNames());
    List<Parameter> expected = java.parameters();
    List<Parameter> actual = fromOctave.parameters();
    assertEquals(expected.size(), actual.size());
    for (int p = 0; p < expected.size(); p++) {
      assertEquals(expected.get(p).name(), actual.get(p).name());
      assertArrayEquals(expected.get(p).copyOfValues(), actual.get(p).copyOfValues(),
          "parameter " + expected.get(p).name() + " of " + name + " differs between Octave and the Java API");
    }
    assertScores(Trainer.predict(java, Dataset.inputs(sequences, 8)), name + "-scores.txt");
  }

  /** Networks made by the Java API, as the command line makes them, for Octave to load (testForeignModel.m). */
  private static void writeForeignModels() throws IOException {
    ModelConfig regression = ModelConfig.biGru(3, 5, OutputMode.SEQUENCE, 2, Task.REGRESSION)
        .withMetadata(Map.of("scaler", "standard"));
    ModelFile.save(Network.create(regression, 9), outDir.resolve("java-regression.safetensors"));
    ModelConfig classification = new ModelConfig(3, List.of(new RecurrentLayerSpec(4, false,
        ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.CONCAT)), OutputMode.LAST, List.of(), 0, 3,
        Task.CLASSIFICATION, List.of("cat", "dog", "emu"), Map.of());
    ModelFile.save(Network.create(classification, 10), outDir.resolve("java-classification.safetensors"));
    ModelFile.save(Network.create(lstmStack(), 11), outDir.resolve("java-lstm.safetensors"));
  }

  /** A stack MATLAB's layer arrays did not express before layer lists: a hidden layer first, LSTM layers. */
  private static ModelConfig lstmStack() {
    return new ModelConfig(3, List.of(new DenseLayerSpec(5, Activation.TANH),
        RecurrentLayerSpec.lstm(4, true, MergeMode.SUM, OutputMode.SEQUENCE), new DropoutLayerSpec(0.3),
        RecurrentLayerSpec.lstm(4, false, MergeMode.CONCAT, OutputMode.LAST), new OutputLayerSpec(2)),
        Task.CLASSIFICATION, List.of("no", "yes"), Map.of());
  }

  /** The inputs testForeignModel.m builds: X{i}(f, t) = mod(7i + 3f + 5t, 11) / 10 - 0.5, 2 + i steps. */
  private static List<float[]> foreignInputs() {
    List<float[]> xs = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      int steps = 2 + i;
      float[] x = new float[steps * 3];
      for (int t = 1; t <= steps; t++) {
        for (int f = 1; f <= 3; f++) {
          x[(t - 1) * 3 + f - 1] = (float) ((i * 7 + f * 3 + t * 5) % 11 / 10.0 - 0.5);
        }
      }
      xs.add(x);
    }
    return xs;
  }

  @Test
  void octavePredictsWithNetworksFromTheJavaApiAsJavaDoes() throws IOException {
    List<float[]> xs = foreignInputs();
    Network regression = ModelFile.load(outDir.resolve("java-regression.safetensors"));
    float[][] expected = Trainer.predict(regression, Dataset.inputs(xs, 3));
    List<String> lines = Files.readAllLines(outDir.resolve("octave-regression-predictions.txt"));
    int at = 0;
    for (float[] sequence : expected) {
      for (float v : sequence) {
        assertEquals(v, Double.parseDouble(lines.get(at++)), "regression output " + at);
      }
    }
    assertEquals(at, lines.size());
    Network classification = ModelFile.load(outDir.resolve("java-classification.safetensors"));
    assertScores(Trainer.predict(classification, Dataset.inputs(xs, 3)), "octave-classification-scores.txt");
    Network lstm = ModelFile.load(outDir.resolve("java-lstm.safetensors"));
    assertScores(Trainer.predict(lstm, Dataset.inputs(xs, 3)), "octave-lstm-scores.txt");
  }

  /** Octave's scores (a file of sequence-major rows) are the softmax of the Java API's logits. */
  private static void assertScores(float[][] logits, String file) throws IOException {
    List<String> lines = Files.readAllLines(outDir.resolve(file));
    int classes = logits[0].length;
    assertEquals(logits.length * classes, lines.size(), file);
    for (int i = 0; i < logits.length; i++) {
      double[] expected = softmax(logits[i]);
      for (int c = 0; c < classes; c++) {
        assertEquals(expected[c], Double.parseDouble(lines.get(i * classes + c)), 1e-15,
            file + ": score " + (c + 1) + " of sequence " + (i + 1));
      }
    }
  }

  private static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] p = new double[logits.length];
    for (int c = 0; c < p.length; c++) {
      p[c] = Math.exp(logits[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  /** The first n rows of the digits data set the examples use: 64 pixels, then the class. */
  private static double[][] digits(int n) throws IOException {
    Path file = MODULE.resolve("examples").resolve("data").resolve("digits.csv.gz");
    double[][] rows = new double[n][];
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.US_ASCII))) {
      for (int i = 0; i < n; i++) {
        String[] fields = in.readLine().split(",");
        rows[i] = new double[fields.length];
        for (int j = 0; j < fields.length; j++) {
          rows[i][j] = Double.parseDouble(fields[j]);
        }
      }
    }
    return rows;
  }

  /** Octave's own octave.jar, which a java.opts folder must also hold. */
  private static Path octaveJar(Path octave) throws IOException, InterruptedException {
    Path log = Files.createTempFile(outDir, "octave-jar", ".log");
    Process p = new ProcessBuilder(octave.toString(), "--quiet", "--no-init-file", "--no-window-system", "--eval",
        "disp(fullfile(fileparts(which('javaaddpath')), 'octave.jar'))").redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    for (String line : text.split("\n")) {
      Path jar = Path.of(line.trim());
      if (line.trim().endsWith("octave.jar") && Files.isRegularFile(jar)) {
        return jar;
      }
    }
    throw new AssertionError("Octave did not name its octave.jar:\n" + text);
  }

  private static Path findOnPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
