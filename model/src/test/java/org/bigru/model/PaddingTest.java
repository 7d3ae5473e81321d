package org.bigru.model;

import static org.bigru.model.NetworkFixtures.config;
import static org.bigru.model.NetworkFixtures.gru;
import static org.bigru.model.NetworkFixtures.lstm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Padded steps change nothing, and a padded batch answers as each sequence alone. */
class PaddingTest {

  private static final int[] LENGTHS = {2, 5, 1, 5, 3};
  private static final int STEPS = 5;
  private static final int FEATURES = 3;

  private static ModelConfig stacked(OutputMode mode, Task task) {
    return config(FEATURES, List.of(gru(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
            gru(3, true, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.MUL), lstm(3, true, MergeMode.SUM)), mode,
        List.of(new DenseLayerSpec(4, Activation.TANH)), 2, task);
  }

  @ParameterizedTest
  @EnumSource(OutputMode.class)
  void garbageInPaddedStepsChangesNothing(OutputMode mode) {
    ModelConfig config = stacked(mode, Task.CLASSIFICATION);
    SplittableRandom random = new SplittableRandom(11);
    SequenceBatch clean = NetworkFixtures.batch(random, LENGTHS.length, STEPS, FEATURES, LENGTHS);
    float[] dirtyX = clean.x().clone();
    for (int i = 0; i < LENGTHS.length; i++) {
      for (int t = LENGTHS[i]; t < STEPS; t++) {
        for (int f = 0; f < FEATURES; f++) {
          dirtyX[(i * STEPS + t) * FEATURES + f] = f == 0 ? Float.NaN : 1e30f * (t + 1);
        }
      }
    }
    SequenceBatch dirty = new SequenceBatch(dirtyX, LENGTHS.length, STEPS, FEATURES, LENGTHS);
    Targets targets = NetworkFixtures.targets(random, config, clean);
    Network network = Network.create(config, 3);

    float[] cleanOutput = network.predict(clean);
    double cleanLoss = network.computeGradients(clean, targets, null);
    List<float[]> cleanGrads = gradients(network);
    float[] cleanInputGrad = network.inputGradient();

    assertArrayEquals(cleanOutput, network.predict(dirty));
    assertEquals(cleanLoss, network.computeGradients(dirty, targets, null));
    List<float[]> dirtyGrads = gradients(network);
    for (int k = 0; k < cleanGrads.size(); k++) {
      assertArrayEquals(cleanGrads.get(k), dirtyGrads.get(k), network.parameters().get(k).name());
    }
    assertArrayEquals(cleanInputGrad, network.inputGradient());
    if (mode == OutputMode.SEQUENCE) {
      assertZeroOnPadding(cleanOutput, config.outputSize());
    }
    assertZeroOnPadding(cleanInputGrad, FEATURES);
  }

  @ParameterizedTest
  @EnumSource(OutputMode.class)
  void paddedBatchAnswersAsEachSequenceAlone(OutputMode mode) {
    ModelConfig config = stacked(mode, Task.REGRESSION);
    SplittableRandom random = new SplittableRandom(12);
    SequenceBatch batch = NetworkFixtures.batch(random, LENGTHS.length, STEPS, FEATURES, LENGTHS);
    Network network = Network.create(config, 4);
    NetworkFixtures.randomizeParameters(network, 5);
    float[] together = network.predict(batch);

    int outputs = config.outputSize();
    for (int i = 0; i < LENGTHS.length; i++) {
      int length = LENGTHS[i];
      float[] x = new float[length * FEATURES];
      System.arraycopy(batch.x(), i * STEPS * FEATURES, x, 0, x.length);
      float[] alone = network.predict(SequenceBatch.of(x, 1, length, FEATURES));
      int rowValues = mode == OutputMode.SEQUENCE ? length * outputs : outputs;
      int start = mode == OutputMode.SEQUENCE ? i * STEPS * outputs : i * outputs;
      for (int j = 0; j < rowValues; j++) {
        assertEquals(alone[j], together[start + j], 1e-5f, "sequence " + i + " value " + j);
      }
    }
  }

  @Test
  void aSmallerBatchAfterALargerOneGivesTheSameResultAsAFreshNetwork() {
    ModelConfig config = stacked(OutputMode.SEQUENCE, Task.REGRESSION);
    SplittableRandom random = new SplittableRandom(13);
    SequenceBatch small = NetworkFixtures.batch(random, LENGTHS.length, STEPS, FEATURES, LENGTHS);
    SequenceBatch large = NetworkFixtures.batch(random, 9, 7, FEATURES, null);
    Targets smallTargets = NetworkFixtures.targets(random, config, small);
    Targets largeTargets = NetworkFixtures.targets(random, config, large);

    Network fresh = Network.create(config, 8);
    double freshLoss = fresh.computeGradients(small, smallTargets, null);
    Network used = Network.create(config, 8);
    used.computeGradients(large, largeTargets, null);
    assertEquals(freshLoss, used.computeGradients(small, smallTargets, null));
    for (int k = 0; k < fresh.parameters().size(); k++) {
      assertArrayEquals(fresh.parameters().get(k).copyOfGrads(), used.parameters().get(k).copyOfGrads());
    }
    assertArrayEquals(fresh.inputGradient(), used.inputGradient());
    assertArrayEquals(fresh.predict(small), used.predict(small));
  }

  private static void assertZeroOnPadding(float[] values, int width) {
    for (int i = 0; i < LENGTHS.length; i++) {
      for (int t = LENGTHS[i]; t < STEPS; t++) {
        for (int j = 0; j < width; j++) {
          assertEquals(0f, values[(i * STEPS + t) * width + j], "sequence " + i + " step " + t);
        }
      }
    }
  }

  static List<float[]> gradients(Network network) {
    return network.parameters().stream().map(p -> p.copyOfGrads()).toList();
  }
}
