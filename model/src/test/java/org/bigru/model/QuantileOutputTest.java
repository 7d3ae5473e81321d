package org.bigru.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.bigru.model.io.ModelConfigJson;
import org.junit.jupiter.api.Test;

/** Quantile outputs: the pinball loss's minimizer, ordered predictions, the levels in the model's config. */
class QuantileOutputTest {

  private static final List<Double> LEVELS = List.of(0.1, 0.5, 0.9);

  /** Over a grid of constant outputs, the pinball loss of each level is lowest at that empirical quantile. */
  @Test
  void thePinballLossIsLowestAtTheQuantile() {
    int n = 1000;
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      y[i] = i;   // 0 .. 999: the q-quantile is about 1000 q
    }
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    PinballLoss loss = new PinballLoss(LEVELS);
    for (int k = 0; k < LEVELS.size(); k++) {
      double best = Double.POSITIVE_INFINITY;
      int argmin = -1;
      for (int c = 0; c < 1000; c += 5) {
        float[] output = new float[n * 3];
        for (int i = 0; i < n; i++) {
          output[i * 3 + k] = c;
        }
        // Only output k varies; the others are fixed, so the difference in the mean is that of level k.
        double value = loss.evaluate(output, n, 3, rows, Targets.responses(y, 1), null);
        if (value < best) {
          best = value;
          argmin = c;
        }
      }
      assertEquals(1000 * LEVELS.get(k), argmin, 5.0, "level " + LEVELS.get(k));
    }
  }

  @Test
  void predictionsKeepEachResponsesQuantilesInOrder() {
    ModelConfig config = ModelConfig.biGru(2, 3, OutputMode.LAST, 2, Task.REGRESSION).withQuantiles(LEVELS);
    assertEquals(6, config.outputSize());
    assertEquals(2, config.responses());
    Network network = Network.create(config, 3);
    NetworkFixtures.randomizeParameters(network, 4);
    SequenceBatch batch = NetworkFixtures.batch(new SplittableRandom(5), 16, 4, 2, null);
    float[] y = network.predict(batch);
    for (int from = 0; from < y.length; from += 3) {
      assertTrue(y[from] <= y[from + 1] && y[from + 1] <= y[from + 2], "row " + from / 3);
    }
  }

  @Test
  void levelsTravelInTheConfigAndAreChecked() {
    ModelConfig config = ModelConfig.biGru(2, 3, OutputMode.LAST, 1, Task.REGRESSION).withQuantiles(LEVELS);
    String json = ModelConfigJson.toJson(config);
    assertTrue(json.contains("\"quantiles\":[0.1,0.5,0.9]"), json);
    assertEquals(config, ModelConfigJson.fromJson(json));
    assertTrue(!ModelConfigJson.toJson(ModelConfig.biGru(2, 3, OutputMode.LAST, 1, Task.REGRESSION))
        .contains("quantiles"), "a point-prediction config is written as before");
    assertEquals("quantile 2 (0.1) is not above quantile 1 (0.5): levels must be given in ascending order, each once",
        assertThrows(IllegalArgumentException.class, () -> new OutputLayerSpec(2, List.of(0.5, 0.1))).getMessage());
    assertEquals("quantile 1 is 1.0, expected a level in (0, 1)",
        assertThrows(IllegalArgumentException.class, () -> new OutputLayerSpec(1, List.of(1.0))).getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelConfig.biGru(2, 3, OutputMode.LAST, 2,
        Task.CLASSIFICATION).withQuantiles(LEVELS));
  }
}
