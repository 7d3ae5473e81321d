package org.bigru.model;

import static org.bigru.model.NetworkFixtures.gru;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Without input gradients a training step gives the same loss and parameter gradients, bit for bit. */
class InputGradientsOffTest {

  private static final ModelConfig CONFIG = new ModelConfig(4,
      List.of(gru(5, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
          gru(3, false, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.CONCAT)),
      OutputMode.LAST, List.of(), 0.0, 2, Task.REGRESSION, List.of(), Map.of());

  @Test
  void parameterGradientsDoNotDependOnIt() {
    SplittableRandom random = new SplittableRandom(5);
    int[] lengths = {6, 2, 6, 4};
    SequenceBatch batch = NetworkFixtures.batch(random, lengths.length, 6, 4, lengths);
    Targets targets = NetworkFixtures.targets(random, CONFIG, batch);
    Network with = Network.create(CONFIG, 9);
    Network without = Network.create(CONFIG, 9);
    without.setInputGradients(false);
    without.setThreads(2);

    assertEquals(with.computeGradients(batch, targets, null), without.computeGradients(batch, targets, null));
    for (int k = 0; k < with.parameters().size(); k++) {
      assertArrayEquals(with.parameters().get(k).copyOfGrads(), without.parameters().get(k).copyOfGrads(),
          with.parameters().get(k).name());
    }
    IllegalStateException refused = assertThrows(IllegalStateException.class, without::inputGradient);
    assertTrue(refused.getMessage().contains("setInputGradients(true)"), refused.getMessage());

    without.setInputGradients(true);
    without.computeGradients(batch, targets, null);
    assertArrayEquals(with.inputGradient(), without.inputGradient());
  }
}
