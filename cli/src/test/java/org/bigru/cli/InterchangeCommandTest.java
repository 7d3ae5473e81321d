package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} and {@code import} from the command line: a table model exported with its preprocessing runs
 * in ONNX Runtime on raw rows and gives {@code predict}'s numbers; an exported graph imports back to the same
 * function; a Keras model imports and infers as Keras did; refusals are one line, exit 2, and write nothing.
 */
class InterchangeCommandTest {

  private static final Path INTERCHANGE = Path.of("..", "model", "src", "test", "resources", "interchange");
  private static final int WINDOW = 8;

  @TempDir
  Path dir;

  @Test
  void exportWithPreprocessingGivesPredictsNumbersInOnnxRuntime() throws Exception {
    Path data = TestData.csv(dir, "train.csv", 120);
    Path model = trained(data);
    Path predictions = dir.resolve("predictions.csv");
    CliRun predict = CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out",
        predictions.toString());
    assertEquals(0, predict.code(), predict::toString);
    List<String> lines = Files.readAllLines(predictions);
    int n = lines.size() - 1;
    assertEquals(120 - WINDOW + 1, n);
    float[] windows = new float[n * WINDOW * 2];
    for (int k = 0; k < n; k++) {
      for (int t = 0; t < WINDOW; t++) {
        double[] row = TestData.row(k + t);
        // the CSV holds six decimals, as the command read them
        windows[(k * WINDOW + t) * 2] = (float) Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6f", row[0]));
        windows[(k * WINDOW + t) * 2 + 1] = (float) Double.parseDouble(String.format(java.util.Locale.ROOT, "%.6f",
            row[1]));
      }
    }
    for (boolean lengths : new boolean[] {false, true}) {
      Path onnx = dir.resolve("m" + lengths + ".onnx");
      CliRun export = lengths
          ? CliRun.of("export", "--model", model.toString(), "--out", onnx.toString(), "--with-preprocessing",
              "--sequence-lens")
          : CliRun.of("export", "--model", model.toString(), "--out", onnx.toString(), "--with-preprocessing");
      assertEquals(0, export.code(), export::toString);
      int[] full = new int[n];
      java.util.Arrays.fill(full, WINDOW);
      float[] y = run(Files.readAllBytes(onnx), windows, new long[] {n, WINDOW, 2}, lengths ? full : null);
      double worst = 0;
      for (int k = 0; k < n; k++) {
        double expected = Double.parseDouble(lines.get(k + 1).split(",")[1]);
        worst = Math.max(worst, Math.abs(expected - y[k]));
      }
      // original units (about 10): the graph scales in float, predict in double
      assertTrue(worst < 1e-4, "largest difference from predict " + worst);
    }
  }

  @Test
  void exportedGraphImportsBackToTheSameFunction() throws IOException {
    Path model = trained(TestData.csv(dir, "train.csv", 120));
    Path onnx = dir.resolve("m.onnx");
    assertEquals(0, CliRun.of("export", "--model", model.toString(), "--out", onnx.toString()).code());
    Path back = dir.resolve("back.safetensors");
    CliRun imported = CliRun.of("import", "--from", onnx.toString(), "--out", back.toString());
    assertEquals(0, imported.code(), imported::toString);
    assertTrue(imported.out().contains("BiGRU(6, last) -> fc(1) imported from"), imported::toString);
    SplittableRandom random = new SplittableRandom(5);
    float[] x = new float[3 * WINDOW * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    Path input = dir.resolve("x.safetensors");
    new SafeTensors(Map.of(), Map.of("x", Tensor.ofFloats(new int[] {3, WINDOW, 2}, x))).write(input);
    float[] original = infer(model, input);
    float[] imported2 = infer(back, input);
    for (int i = 0; i < original.length; i++) {
      assertEquals(original[i], imported2[i], 1e-6, "output " + i);
    }
  }

  @Test
  void kerasModelImportsAndInfersAsKeras() throws IOException {
    Path out = dir.resolve("k.safetensors");
    CliRun imported = CliRun.of("import", "--from", INTERCHANGE.resolve("keras_bigru_sum_last_reset_before.h5")
        .toString(), "--out", out.toString());
    assertEquals(0, imported.code(), imported::toString);
    assertEquals("", imported.err(), "nothing on stderr (no logging noise)");
    SafeTensors expected = SafeTensors.read(INTERCHANGE.resolve(
        "keras_bigru_sum_last_reset_before_h5.expected.safetensors"));
    Path input = dir.resolve("x.safetensors");
    new SafeTensors(Map.of(), Map.of("x", expected.tensors().get("x"))).write(input);
    float[] y = infer(out, input);
    float[] want = expected.tensors().get("y").floats();
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], y[i], 1e-5, "output " + i);
    }
  }

  @Test
  void refusalsAreOneLineAndWriteNothing() throws IOException {
    Path out = dir.resolve("never.safetensors");
    refused(CliRun.of("import", "--from", INTERCHANGE.resolve("refused_gru_clip.onnx").toString(), "--out",
        out.toString()), "attribute clip=3.0");
    refused(CliRun.of("import", "--from", INTERCHANGE.resolve("refused_keras_conv1d.keras").toString(), "--out",
        out.toString()), "layer 'conv1d' (Conv1D)");
    refused(CliRun.of("import", "--from", INTERCHANGE.resolve("torch_gru_layer_norm_legacy.onnx").toString(),
        "--out", out.toString()), "unsupported node: LayerNormalization");
    Path garbage = Files.write(dir.resolve("garbage.onnx"), new byte[] {8, 7, (byte) 0xff, 1, 2});
    refused(CliRun.of("import", "--from", garbage.toString(), "--out", out.toString()), "not a valid ONNX model");
    Path text = Files.writeString(dir.resolve("model.keras"), "not a zip");
    refused(CliRun.of("import", "--from", text.toString(), "--out", out.toString()), "neither a Keras 3");
    assertFalse(Files.exists(out));

    Path model = trained(TestData.csv(dir, "train.csv", 120));
    refused(CliRun.of("export", "--model", model.toString(), "--format", "tflite", "--out",
        dir.resolve("m.tflite").toString()), "--format 'tflite'");
    refused(CliRun.of("export", "--model", model.toString(), "--out", model.toString()), "is the input --model");
    refused(CliRun.of("import", "--from", model.toString(), "--out", out.toString()),
        "expected an .onnx, .keras or .h5 file");
  }

  private static void refused(CliRun run, String fragment) {
    assertEquals(2, run.code(), run::toString);
    assertEquals(1, run.errLines().length, run::toString);
    assertTrue(run.err().contains(fragment), run::toString);
  }

  private Path trained(Path data) {
    Path model = dir.resolve("m.safetensors");
    CliRun train = CliRun.of("train", "--data", data.toString(), "--out", model.toString(), "--window",
        Integer.toString(WINDOW), "--epochs", "2", "--units", "6", "--batch", "16", "--threads", "1", "--plot",
        dir.resolve("fit.png").toString(), "--loss-plot", dir.resolve("loss.png").toString());
    assertEquals(0, train.code(), train::toString);
    return model;
  }

  private float[] infer(Path model, Path input) throws IOException {
    Path output = dir.resolve("y-" + model.getFileName());
    CliRun infer = CliRun.of("infer", "--model", model.toString(), "--input", input.toString(), "--output",
        output.toString());
    assertEquals(0, infer.code(), infer::toString);
    return SafeTensors.read(output).tensors().get("y").floats();
  }

  private static float[] run(byte[] model, float[] x, long[] shape, int[] lengths) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions())) {
      Map<String, OnnxTensor> feeds = new LinkedHashMap<>();
      feeds.put("x", OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape));
      if (lengths != null) {
        feeds.put("sequence_lens", OnnxTensor.createTensor(env, IntBuffer.wrap(lengths), new long[] {lengths.length}));
      }
      try (OrtSession.Result result = session.run(feeds)) {
        FloatBuffer y = ((OnnxTensor) result.get("y").orElseThrow()).getFloatBuffer();
        float[] values = new float[y.remaining()];
        y.get(values);
        return values;
      } finally {
        feeds.values().forEach(OnnxTensor::close);
      }
    }
  }
}
