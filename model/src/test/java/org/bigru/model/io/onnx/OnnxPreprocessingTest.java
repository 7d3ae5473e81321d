package org.bigru.model.io.onnx;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputLayerSpec;
import org.bigru.model.OutputMode;
import org.bigru.model.ResetGateMode;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Task;
import org.bigru.model.data.StandardScaler;
import org.junit.jupiter.api.Test;

/**
 * An exported graph with preprocessing takes raw values and gives original units: what scaling the input with
 * the stored scaler, predicting, and scaling the output back gives (bigru scales in double, the graph in
 * float: within 1e-5 relative to the values' size).
 */
class OnnxPreprocessingTest {

  private static final double[] MEAN = {12.5, -3.0, 0.25, 100.0};
  private static final double[] SCALE = {4.0, 0.5, 2.0, 30.0};

  @Test
  void windowsOfRowsInOriginalUnitsOut() throws Exception {
    ModelConfig config = OnnxExportRuntimeTest.stack(4, List.of(OnnxExportRuntimeTest.gru(5, true,
        ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT, OutputMode.SEQUENCE),
        new OutputLayerSpec(2)));
    Network network = OnnxExportRuntimeTest.randomNetwork(config, 21);
    double[] targetMean = {20.0, -1.5};
    double[] targetScale = {8.0, 0.25};
    OnnxPreprocessing scaling = new OnnxPreprocessing(MEAN, SCALE, 0, targetMean, targetScale);
    byte[] model = OnnxFormat.toBytes(OnnxExporter.export(network, scaling, true));
    float[] raw = raw(3 * 6, 4);
    int[] lengths = {6, 4, 2};
    float[] expected = StandardScaler.of(targetMean, targetScale).inverseTransform(network.predict(
        new SequenceBatch(StandardScaler.of(MEAN, SCALE).transform(raw), 3, 6, 4, lengths)));
    for (int i = 0; i < 3; i++) {
      for (int t = lengths[i]; t < 6; t++) {
        expected[(i * 6 + t) * 2] = 0f;
        expected[(i * 6 + t) * 2 + 1] = 0f;
      }
    }
    assertCloseRelative(expected, OrtRunner.run(model, raw, new long[] {3, 6, 4}, lengths));
  }

  @Test
  void rowsSplitIntoStepsForAClassifier() throws Exception {
    ModelConfig config = new ModelConfig(2, List.of(OnnxExportRuntimeTest.gru(4, true,
        ResetGateMode.AFTER_MULTIPLICATION, MergeMode.AVE, OutputMode.LAST), new OutputLayerSpec(3)),
        Task.CLASSIFICATION, List.of(), Map.of());
    Network network = OnnxExportRuntimeTest.randomNetwork(config, 22);
    OnnxPreprocessing scaling = new OnnxPreprocessing(MEAN, SCALE, 2, null, null);
    byte[] model = OnnxFormat.toBytes(OnnxExporter.export(network, scaling, false));
    float[] raw = raw(5, 4);
    float[] expected = network.predict(new SequenceBatch(StandardScaler.of(MEAN, SCALE).transform(raw), 5, 2, 2,
        null));
    assertCloseRelative(expected, OrtRunner.run(model, raw, new long[] {5, 4}, null));
  }

  /** Rows of raw values around each column's mean, a few scales away. */
  private static float[] raw(int rows, int columns) {
    SplittableRandom random = new SplittableRandom(4);
    float[] x = new float[rows * columns];
    for (int i = 0; i < x.length; i++) {
      int c = i % columns;
      x[i] = (float) (MEAN[c] + SCALE[c] * 2 * (random.nextDouble() - 0.5) * 2);
    }
    return x;
  }

  private static void assertCloseRelative(float[] expected, float[] actual) {
    if (expected.length != actual.length) {
      throw new AssertionError(actual.length + " outputs, expected " + expected.length);
    }
    for (int i = 0; i < expected.length; i++) {
      double tolerance = 1e-5 * Math.max(1, Math.abs(expected[i]));
      if (!(Math.abs(expected[i] - actual[i]) <= tolerance)) {
        throw new AssertionError("output " + i + ": " + actual[i] + ", expected " + expected[i]);
      }
    }
  }
}
