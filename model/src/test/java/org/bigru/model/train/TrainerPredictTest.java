package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.junit.jupiter.api.Test;

/** Trainer.predict and evaluate on the real network: padding in batches must not change any output. */
class TrainerPredictTest {

  private static final List<float[]> RAGGED = List.of(
      new float[] {0.5f, -1f, 0.25f, 2f},
      new float[] {1f, 1f},
      new float[] {-0.5f, 0.75f, 0.1f, -0.2f, 0.3f, 0.9f});

  @Test
  void perStepOutputsOfEachSequenceMatchItAlone() {
    Network network = Network.create(ModelConfig.biGru(2, 4, OutputMode.SEQUENCE, 3, Task.REGRESSION), 5);
    float[][] outputs = Trainer.predict(network, Dataset.inputs(RAGGED, 2));
    for (int i = 0; i < RAGGED.size(); i++) {
      int steps = RAGGED.get(i).length / 2;
      assertEquals(steps * 3, outputs[i].length);
      float[] alone = network.predict(SequenceBatch.of(RAGGED.get(i), 1, steps, 2));
      assertArrayEquals(alone, outputs[i], 1e-6f, "sequence " + i);
    }
  }

  @Test
  void evaluateIsTheRowWeightedMeanLoss() {
    Network network = Network.create(ModelConfig.biGru(2, 4, OutputMode.LAST, 1, Task.REGRESSION), 6);
    float[] targets = {0.5f, -1f, 2f};
    Dataset data = Dataset.sequenceResponses(RAGGED, 2, targets, 1);
    float[][] outputs = Trainer.predict(network, data);
    double expected = 0;
    for (int i = 0; i < 3; i++) {
      double e = outputs[i][0] - targets[i];
      expected += e * e / 3;
    }
    assertEquals(expected, Trainer.evaluate(network, data), 1e-5 * (1 + expected));
  }
}
