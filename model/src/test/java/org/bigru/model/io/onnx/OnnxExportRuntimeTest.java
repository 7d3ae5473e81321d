package org.bigru.model.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.bigru.model.Activation;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.DropoutLayerSpec;
import org.bigru.model.LayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputLayerSpec;
import org.bigru.model.OutputMode;
import org.bigru.model.Parameter;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exported graphs run in ONNX Runtime and give what Network.predict gives, within 1e-5, for every reset mode,
 * merge mode, output mode, both cells, stacks, dense heads, and padded batches (graphs with sequence_lens) as
 * well as full ones (graphs without), at other batch sizes and lengths too.
 */
class OnnxExportRuntimeTest {

  static final double TOLERANCE = 1e-5;
  private static double worstSeen;

  @AfterAll
  static void reportWorst() {
    System.out.println("OnnxExportRuntimeTest: largest difference from Network.predict " + worstSeen);
  }

  static Stream<Arguments> networks() {
    List<Arguments> cases = new ArrayList<>();
    for (ResetGateMode mode : ResetGateMode.values()) {
      for (MergeMode merge : MergeMode.values()) {
        for (OutputMode output : OutputMode.values()) {
          cases.add(Arguments.of("gru " + mode.matlabName() + " " + merge.lowerName() + " " + output.lowerName(),
              stack(3, List.of(gru(5, true, mode, merge, output), new OutputLayerSpec(2)))));
        }
      }
    }
    for (MergeMode merge : MergeMode.values()) {
      for (OutputMode output : OutputMode.values()) {
        cases.add(Arguments.of("lstm " + merge.lowerName() + " " + output.lowerName(),
            stack(3, List.of(RecurrentLayerSpec.lstm(4, true, merge, output), new OutputLayerSpec(2)))));
      }
    }
    cases.add(Arguments.of("unidirectional gru, last", stack(4, List.of(
        gru(6, false, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT, OutputMode.LAST),
        new OutputLayerSpec(3)))));
    cases.add(Arguments.of("unidirectional lstm, sequence", stack(4, List.of(
        RecurrentLayerSpec.lstm(5, false, MergeMode.CONCAT, OutputMode.SEQUENCE), new OutputLayerSpec(1)))));
    cases.add(Arguments.of("stack: bigru sum, gru before, bilstm concat last, dense relu, dropout", stack(3, List.of(
        gru(4, true, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.SUM, OutputMode.SEQUENCE),
        new DropoutLayerSpec(0.3),
        gru(5, false, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.CONCAT, OutputMode.SEQUENCE),
        RecurrentLayerSpec.lstm(3, true, MergeMode.CONCAT, OutputMode.LAST),
        new DenseLayerSpec(4, Activation.RELU), new DropoutLayerSpec(0.2), new OutputLayerSpec(2)))));
    cases.add(Arguments.of("stack per step: bilstm mul, bigru ave, dense tanh, dense sigmoid", stack(2, List.of(
        RecurrentLayerSpec.lstm(3, true, MergeMode.MUL, OutputMode.SEQUENCE),
        gru(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.AVE, OutputMode.SEQUENCE),
        new DenseLayerSpec(5, Activation.TANH), new DenseLayerSpec(3, Activation.SIGMOID),
        new DenseLayerSpec(3, Activation.LINEAR), new OutputLayerSpec(2)))));
    cases.add(Arguments.of("classification logits per step", new ModelConfig(3, List.of(
        gru(5, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT, OutputMode.SEQUENCE),
        new OutputLayerSpec(4)), Task.CLASSIFICATION, List.of(), Map.of())));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void runtimeMatchesPredict(String name, ModelConfig config) throws Exception {
    Network network = randomNetwork(config, name.hashCode());
    byte[] model = OnnxFormat.toBytes(OnnxExporter.export(network, null, true));
    byte[] fullLengthModel = OnnxFormat.toBytes(OnnxExporter.export(network, null, false));
    SplittableRandom random = new SplittableRandom(7);
    int n = 5;
    int steps = 7;
    int features = config.inputSize();
    float[] x = uniform(random, n * steps * features, 1.0);
    int[] lengths = {7, 3, 1, 6, 7};
    assertClose(network.predict(new SequenceBatch(x, n, steps, features, lengths)),
        OrtRunner.run(model, x, new long[] {n, steps, features}, lengths), name + ", padded batch");
    assertClose(network.predict(new SequenceBatch(x, n, steps, features, null)),
        OrtRunner.run(model, x, new long[] {n, steps, features}, new int[] {7, 7, 7, 7, 7}), name + ", full lengths");
    assertClose(network.predict(new SequenceBatch(x, n, steps, features, null)),
        OrtRunner.run(fullLengthModel, x, new long[] {n, steps, features}, null), name + ", no sequence_lens input");
    float[] single = uniform(random, 2 * features, 1.0);
    assertClose(network.predict(new SequenceBatch(single, 1, 2, features, null)),
        OrtRunner.run(fullLengthModel, single, new long[] {1, 2, features}, null), name + ", other batch and time");
  }

  static void assertClose(float[] expected, float[] actual, String what) {
    assertEquals(expected.length, actual.length, what + ": output size");
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
    }
    worstSeen = Math.max(worstSeen, worst);
    if (!(worst <= TOLERANCE)) {
      throw new AssertionError(what + ": largest difference " + worst + " exceeds " + TOLERANCE);
    }
  }

  static RecurrentLayerSpec gru(int units, boolean bidirectional, ResetGateMode mode, MergeMode merge,
                                OutputMode output) {
    return new RecurrentLayerSpec(org.bigru.model.CellType.GRU, units, bidirectional, mode, merge, output);
  }

  static ModelConfig stack(int inputSize, List<LayerSpec> layers) {
    return new ModelConfig(inputSize, layers, Task.REGRESSION, List.of(), Map.of());
  }

  /** Every parameter uniform in [-0.6, 0.6], biases included. */
  static Network randomNetwork(ModelConfig config, long seed) {
    Network network = Network.create(config, seed);
    SplittableRandom random = new SplittableRandom(seed);
    for (Parameter p : network.parameters()) {
      p.setValues(uniform(random, p.size(), 0.6));
    }
    return network;
  }

  static float[] uniform(SplittableRandom random, int n, double scale) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * scale);
    }
    return values;
  }
}
