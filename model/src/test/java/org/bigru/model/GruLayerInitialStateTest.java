package org.bigru.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The initial state h0 of one GRU direction and its gradient, against central finite differences. */
class GruLayerInitialStateTest {

  private static final int N = 3;
  private static final int T = 4;
  private static final int I = 2;
  private static final int H = 3;
  private static final int[] LENGTHS = {2, 4, 3};
  private static final double STEP = 3e-3;

  @ParameterizedTest
  @EnumSource(ResetGateMode.class)
  void initialStateGradientMatchesFiniteDifferences(ResetGateMode mode) {
    SplittableRandom random = new SplittableRandom(mode.ordinal() + 50);
    GruLayer layer = NetworkFixtures.randomGruLayer(random, I, H, mode);
    BatchOrder order = new BatchOrder();
    float[] x = NetworkFixtures.timeMajor(order, NetworkFixtures.batch(random, N, T, I, LENGTHS), I);
    float[] h0 = NetworkFixtures.uniform(random, N * H, 0.8);
    // loss = sum of weights * states on real steps: its gradient with respect to the states is the weights
    float[] weights = NetworkFixtures.uniform(random, T * N * H, 1.0);
    for (int t = 0; t < T; t++) {
      for (int i = order.active(t); i < N; i++) {
        for (int j = 0; j < H; j++) {
          weights[(t * N + i) * H + j] = 0f;
        }
      }
    }

    layer.forward(x, order, h0, true);
    System.arraycopy(weights, 0, layer.outputGradient(), 0, weights.length);
    layer.backward(true);
    float[] analytic = layer.initialStateGradient().clone();

    for (int k = 0; k < N * H; k++) {
      float original = h0[k];
      float plus = (float) (original + STEP);
      float minus = (float) (original - STEP);
      h0[k] = plus;
      double lossPlus = weightedStates(layer, x, order, h0, weights);
      h0[k] = minus;
      double lossMinus = weightedStates(layer, x, order, h0, weights);
      h0[k] = original;
      double numeric = (lossPlus - lossMinus) / ((double) plus - minus);
      assertEquals(numeric, analytic[k], 1e-2 * Math.abs(numeric) + 1e-4, mode + " dh0[" + k + "]");
    }
  }

  private static double weightedStates(GruLayer layer, float[] x, BatchOrder order, float[] h0, float[] weights) {
    layer.forward(x, order, h0, true);
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      sum += (double) weights[k] * layer.states()[N * H + k];
    }
    return sum;
  }
}
