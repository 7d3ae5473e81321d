package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bigru.model.Activation;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Parameter;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.junit.jupiter.api.Test;

/** Same seed, data and options give bitwise the same weights, whatever the thread count. */
class DeterminismTest {

  private static final int FEATURES = 3;

  /** Ragged sequences of 2 to 6 steps with a class per step (sign of a running sum of feature 0). */
  private static Dataset stepClasses(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<float[]> xs = new ArrayList<>();
    List<int[]> ys = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      int steps = 2 + rng.nextInt(5);
      float[] x = new float[steps * FEATURES];
      int[] y = new int[steps];
      float sum = 0;
      for (int t = 0; t < steps; t++) {
        for (int f = 0; f < FEATURES; f++) {
          x[t * FEATURES + f] = (float) rng.nextDouble(-1, 1);
        }
        sum += x[t * FEATURES];
        y[t] = sum > 0 ? 1 : 0;
      }
      xs.add(x);
      ys.add(y);
    }
    return Dataset.stepClasses(xs, FEATURES, ys, 2);
  }

  private static ModelConfig config() {
    // Two stacked BiGRUs and a BiLSTM, a hidden dense layer and dropout: every source of randomness and every
    // threadable part.
    return new ModelConfig(FEATURES,
        List.of(new RecurrentLayerSpec(5, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
            new RecurrentLayerSpec(4, true, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.SUM),
            RecurrentLayerSpec.lstm(3, true, MergeMode.CONCAT, OutputMode.SEQUENCE)),
        OutputMode.SEQUENCE, List.of(new DenseLayerSpec(6, Activation.TANH)), 0.25, 2, Task.CLASSIFICATION,
        List.of(), null);
  }

  private static List<float[]> train(int threads, long seed) {
    Network network = Network.create(config(), 3);
    TrainingOptions options = TrainingOptions.builder().maxEpochs(3).miniBatchSize(5).seed(seed)
        .threads(threads).l2Regularization(1e-3).gradientThreshold(1).validationFrequency(2).build();
    TrainingHistory history = Trainer.fit(network, stepClasses(1), stepClasses(2), options, null);
    assertEquals(3, history.epochs().size());
    assertTrue(Double.isFinite(history.bestValidationLoss()));
    List<float[]> values = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      values.add(p.copyOfValues());
    }
    return values;
  }

  @Test
  void sameSeedSameWeightsForOneAndTwoThreads() {
    List<float[]> first = train(1, 42);
    List<float[]> again = train(1, 42);
    List<float[]> twoThreads = train(2, 42);
    List<float[]> otherSeed = train(1, 43);
    boolean anyDifferent = false;
    for (int i = 0; i < first.size(); i++) {
      assertArrayEquals(first.get(i), again.get(i), "parameter " + i + ", same seed");
      assertArrayEquals(first.get(i), twoThreads.get(i), "parameter " + i + ", 2 threads");
      anyDifferent |= !Arrays.equals(first.get(i), otherSeed.get(i));
    }
    assertTrue(anyDifferent, "another seed (shuffle and dropout) should give other weights");
  }
}
