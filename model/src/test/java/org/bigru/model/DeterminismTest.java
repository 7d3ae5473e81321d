package org.bigru.model;

import static org.bigru.model.NetworkFixtures.gru;
import static org.bigru.model.NetworkFixtures.lstm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The same seed, data and options give the same bits, whatever the thread count. */
class DeterminismTest {

  private static final ModelConfig CONFIG = new ModelConfig(3,
      List.of(gru(6, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
          gru(5, true, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.AVE), lstm(4, true, MergeMode.MUL)),
      OutputMode.SEQUENCE, List.of(new DenseLayerSpec(4, Activation.RELU)), 0.25, 3, Task.CLASSIFICATION,
      List.of(), Map.of());

  @Test
  void oneAndTwoThreadsGiveBitwiseIdenticalResults() {
    SplittableRandom random = new SplittableRandom(31);
    int[] lengths = {7, 3, 6, 1, 7, 2};
    SequenceBatch batch = NetworkFixtures.batch(random, lengths.length, 7, 3, lengths);
    Targets targets = NetworkFixtures.targets(random, CONFIG, batch);
    Network single = Network.create(CONFIG, 32);
    Network parallel = Network.create(CONFIG, 32);
    parallel.setThreads(2);
    assertEquals(2, parallel.threads());

    for (int round = 0; round < 3; round++) {
      double a = single.computeGradients(batch, targets, new SplittableRandom(round));
      double b = parallel.computeGradients(batch, targets, new SplittableRandom(round));
      assertEquals(a, b, "loss, round " + round);
      for (int k = 0; k < single.parameters().size(); k++) {
        assertArrayEquals(single.parameters().get(k).copyOfGrads(), parallel.parameters().get(k).copyOfGrads(),
            single.parameters().get(k).name());
      }
      assertArrayEquals(single.inputGradient(), parallel.inputGradient());
      assertArrayEquals(single.predict(batch), parallel.predict(batch));
      assertEquals(single.loss(batch, targets), parallel.loss(batch, targets));
    }
    parallel.setThreads(1);
    assertArrayEquals(single.predict(batch), parallel.predict(batch));
    assertThrows(IllegalArgumentException.class, () -> parallel.setThreads(0));
  }

  @Test
  void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
    Network a = Network.create(CONFIG, 7);
    Network b = Network.create(CONFIG, 7);
    Network c = Network.create(CONFIG, 8);
    for (int k = 0; k < a.parameters().size(); k++) {
      Parameter p = a.parameters().get(k);
      assertArrayEquals(p.copyOfValues(), b.parameters().get(k).copyOfValues(), p.name());
      if (p.isWeight()) {
        assertFalse(Arrays.equals(p.copyOfValues(), c.parameters().get(k).copyOfValues()), p.name());
      }
    }
  }

  @Test
  void dropoutDependsOnlyOnTheRandomStreamAndIsOffWithoutIt() {
    SplittableRandom random = new SplittableRandom(33);
    SequenceBatch batch = NetworkFixtures.batch(random, 4, 5, 3, new int[] {5, 4, 2, 5});
    Targets targets = NetworkFixtures.targets(random, CONFIG, batch);
    Network network = Network.create(CONFIG, 34);
    double withoutDropout = network.computeGradients(batch, targets, null);
    assertEquals(network.loss(batch, targets), withoutDropout);
    double first = network.computeGradients(batch, targets, new SplittableRandom(1));
    double again = network.computeGradients(batch, targets, new SplittableRandom(1));
    double other = network.computeGradients(batch, targets, new SplittableRandom(2));
    assertEquals(first, again);
    assertFalse(first == withoutDropout, "dropout changed nothing");
    assertFalse(first == other, "two masks gave the same loss");
  }
}
