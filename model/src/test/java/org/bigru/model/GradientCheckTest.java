package org.bigru.model;

import static org.bigru.model.NetworkFixtures.config;
import static org.bigru.model.NetworkFixtures.gru;
import static org.bigru.model.NetworkFixtures.lstm;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every parameter element's gradient, and the input gradient, against central finite differences of the loss
 * (float forward, so a step of 3e-3 and a relative-plus-absolute tolerance).
 */
class GradientCheckTest {

  private static final double STEP = 3e-3;
  private static final double RELATIVE = 1e-2;
  private static final double ABSOLUTE = 1e-4;
  private static final int[] MIXED_LENGTHS = {4, 2, 3};

  static Stream<Arguments> configurations() {
    List<Arguments> cases = new ArrayList<>();
    for (ResetGateMode reset : ResetGateMode.values()) {
      for (boolean bidirectional : new boolean[] {false, true}) {
        for (OutputMode mode : OutputMode.values()) {
          cases.add(Arguments.of(reset.matlabName() + (bidirectional ? " bi " : " uni ") + mode.lowerName(),
              config(3, List.of(gru(4, bidirectional, reset, MergeMode.CONCAT)), mode, List.of(), 2,
                  Task.REGRESSION), MIXED_LENGTHS, null));
        }
      }
    }
    for (MergeMode merge : MergeMode.values()) {
      for (OutputMode mode : OutputMode.values()) {
        cases.add(Arguments.of("merge " + merge.lowerName() + " " + mode.lowerName(),
            config(3, List.of(gru(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, merge)), mode,
                List.of(), 2, Task.REGRESSION), MIXED_LENGTHS, null));
      }
    }
    for (OutputMode mode : OutputMode.values()) {
      cases.add(Arguments.of("two layers, classification " + mode.lowerName(),
          config(3, List.of(gru(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
                  gru(3, true, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.SUM)), mode, List.of(), 3,
              Task.CLASSIFICATION), MIXED_LENGTHS, null));
    }
    for (Activation activation : Activation.values()) {
      cases.add(Arguments.of("dense " + activation.lowerName(),
          config(3, List.of(gru(4, true, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT)), OutputMode.LAST,
              List.of(new DenseLayerSpec(5, activation)), 3, Task.CLASSIFICATION), MIXED_LENGTHS, null));
    }
    cases.add(Arguments.of("dense heads per step, full lengths",
        config(3, List.of(gru(4, false, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.CONCAT)),
            OutputMode.SEQUENCE, List.of(new DenseLayerSpec(4, Activation.TANH),
                new DenseLayerSpec(3, Activation.SIGMOID)), 2, Task.REGRESSION), null, null));
    for (OutputMode mode : OutputMode.values()) {
      cases.add(Arguments.of("every sequence shorter than the batch, " + mode.lowerName(),
          config(3, List.of(gru(4, true, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.MUL)), mode, List.of(), 3,
              Task.CLASSIFICATION), new int[] {3, 1, 2}, null));
    }
    cases.add(Arguments.of("dropout with a fixed mask",
        new ModelConfig(3, List.of(gru(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
            gru(3, false, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT)), OutputMode.LAST,
            List.of(new DenseLayerSpec(4, Activation.TANH)), 0.3, 2, Task.REGRESSION, List.of(),
            java.util.Map.of()), MIXED_LENGTHS, 99L));
    lstmCases(cases);
    layerListCases(cases);
    quantileCases(cases);
    return cases.stream();
  }

  /** The LSTM in every mode the GRU cases above cover. */
  private static void lstmCases(List<Arguments> cases) {
    for (boolean bidirectional : new boolean[] {false, true}) {
      for (OutputMode mode : OutputMode.values()) {
        cases.add(Arguments.of("lstm" + (bidirectional ? " bi " : " uni ") + mode.lowerName(),
            config(3, List.of(lstm(4, bidirectional, MergeMode.CONCAT)), mode, List.of(), 2, Task.REGRESSION),
            MIXED_LENGTHS, null));
      }
    }
    for (MergeMode merge : MergeMode.values()) {
      for (OutputMode mode : OutputMode.values()) {
        cases.add(Arguments.of("lstm merge " + merge.lowerName() + " " + mode.lowerName(),
            config(3, List.of(lstm(4, true, merge)), mode, List.of(), 2, Task.REGRESSION), MIXED_LENGTHS, null));
      }
    }
    for (OutputMode mode : OutputMode.values()) {
      cases.add(Arguments.of("lstm two layers, classification " + mode.lowerName(),
          config(3, List.of(lstm(4, true, MergeMode.CONCAT), lstm(3, true, MergeMode.SUM)), mode, List.of(), 3,
              Task.CLASSIFICATION), MIXED_LENGTHS, null));
      cases.add(Arguments.of("gru then lstm, classification " + mode.lowerName(),
          config(3, List.of(gru(4, true, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.AVE),
              lstm(3, false, MergeMode.CONCAT)), mode, List.of(), 3, Task.CLASSIFICATION), MIXED_LENGTHS, null));
    }
    for (Activation activation : Activation.values()) {
      cases.add(Arguments.of("lstm dense " + activation.lowerName(),
          config(3, List.of(lstm(4, true, MergeMode.CONCAT)), OutputMode.LAST,
              List.of(new DenseLayerSpec(5, activation)), 3, Task.CLASSIFICATION), MIXED_LENGTHS, null));
    }
    cases.add(Arguments.of("lstm dense heads per step, full lengths",
        config(3, List.of(lstm(4, false, MergeMode.CONCAT)), OutputMode.SEQUENCE,
            List.of(new DenseLayerSpec(4, Activation.TANH), new DenseLayerSpec(3, Activation.SIGMOID)), 2,
            Task.REGRESSION), null, null));
    for (OutputMode mode : OutputMode.values()) {
      cases.add(Arguments.of("lstm, every sequence shorter than the batch, " + mode.lowerName(),
          config(3, List.of(lstm(4, true, MergeMode.MUL)), mode, List.of(), 3, Task.CLASSIFICATION),
          new int[] {3, 1, 2}, null));
    }
    cases.add(Arguments.of("lstm dropout with a fixed mask",
        new ModelConfig(3, List.of(lstm(4, true, MergeMode.CONCAT), lstm(3, false, MergeMode.CONCAT)),
            OutputMode.LAST, List.of(new DenseLayerSpec(4, Activation.TANH)), 0.3, 2, Task.REGRESSION, List.of(),
            java.util.Map.of()), MIXED_LENGTHS, 99L));
  }

  /**
   * The pinball loss of quantile outputs (2 responses x 3 levels), per sequence and per step. Its kink at a
   * zero error is away from every output here: targets and outputs are random, so no difference straddles it.
   */
  private static void quantileCases(List<Arguments> cases) {
    for (OutputMode mode : OutputMode.values()) {
      cases.add(Arguments.of("quantiles 0.1/0.5/0.9 " + mode.lowerName(),
          config(3, List.of(gru(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT)),
              mode, List.of(new DenseLayerSpec(3, Activation.TANH)), 2, Task.REGRESSION)
              .withQuantiles(List.of(0.1, 0.5, 0.9)), MIXED_LENGTHS, null));
    }
  }

  /** Stacks only a list of layers can express: dense before a recurrent layer, dropout where it is put. */
  private static void layerListCases(List<Arguments> cases) {
    for (OutputMode mode : OutputMode.values()) {
      cases.add(Arguments.of("dense, lstm, dropout, gru " + mode.lowerName(),
          new ModelConfig(3, List.of(new DenseLayerSpec(4, Activation.TANH), lstm(3, true, MergeMode.CONCAT),
              new DropoutLayerSpec(0.25), gru(3, true, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.SUM)
                  .withOutputMode(mode), new DenseLayerSpec(3, Activation.RELU), new OutputLayerSpec(2)),
              Task.REGRESSION, List.of(), java.util.Map.of()), MIXED_LENGTHS, 17L));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void gradientsMatchFiniteDifferences(String name, ModelConfig config, int[] lengths, Long dropoutSeed) {
    SplittableRandom random = new SplittableRandom(name.hashCode());
    SequenceBatch batch = NetworkFixtures.batch(random, 3, 4, 3, lengths);
    Targets targets = NetworkFixtures.targets(random, config, batch);
    Network network = Network.create(config, 5);
    NetworkFixtures.randomizeParameters(network, 6);

    // with dropout, the same seed draws the same mask, so the loss is a fixed function of the weights
    DoubleSupplier loss = dropoutSeed == null
        ? () -> network.loss(batch, targets)
        : () -> network.computeGradients(batch, targets, new SplittableRandom(dropoutSeed));
    network.computeGradients(batch, targets, dropoutSeed == null ? null : new SplittableRandom(dropoutSeed));
    List<float[]> analytic = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      analytic.add(p.copyOfGrads());
    }
    float[] inputAnalytic = network.inputGradient();

    List<String> failures = new ArrayList<>();
    for (int k = 0; k < network.parameters().size(); k++) {
      Parameter p = network.parameters().get(k);
      for (int i = 0; i < p.size(); i++) {
        compare(p.name() + "[" + i + "]", analytic.get(k)[i], numeric(p.values(), p.offset() + i, loss), failures);
      }
    }
    float[] x = batch.x();
    for (int i = 0; i < x.length; i++) {
      int sequence = i / (batch.steps() * batch.features());
      int step = i / batch.features() % batch.steps();
      double expected = step < batch.length(sequence) ? numeric(x, i, loss) : 0.0;
      compare("input[" + i + "]", inputAnalytic[i], expected, failures);
    }
    assertTrue(failures.isEmpty(), name + ": " + failures.size() + " gradients differ, for example "
        + failures.subList(0, Math.min(5, failures.size())));
  }

  private static double numeric(float[] values, int i, DoubleSupplier loss) {
    return NetworkFixtures.centralDifference(values, i, STEP, loss);
  }

  private static void compare(String what, double analytic, double numeric, List<String> failures) {
    double tolerance = RELATIVE * Math.max(Math.abs(analytic), Math.abs(numeric)) + ABSOLUTE;
    if (!(Math.abs(analytic - numeric) <= tolerance)) {
      failures.add(what + ": analytic " + analytic + ", numeric " + numeric);
    }
  }
}
