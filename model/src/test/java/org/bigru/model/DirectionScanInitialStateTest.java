package org.bigru.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;

/**
 * The initial state of one direction, h0 (and an LSTM's c0), and its gradient, against central finite
 * differences, on a padded batch.
 */
class DirectionScanInitialStateTest {

  private static final int N = 3;
  private static final int T = 4;
  private static final int I = 2;
  private static final int H = 3;
  private static final int[] LENGTHS = {2, 4, 3};
  private static final double STEP = 3e-3;

  /** Every GRU reset mode, and null for the LSTM. */
  @ParameterizedTest
  @EnumSource(ResetGateMode.class)
  @NullSource
  void initialStateGradientMatchesFiniteDifferences(ResetGateMode mode) {
    SplittableRandom random = new SplittableRandom(mode == null ? 49 : mode.ordinal() + 50);
    DirectionScan layer = NetworkFixtures.randomDirection(random, NetworkFixtures.cell(I, H, mode), I);
    BatchOrder order = new BatchOrder();
    float[] x = NetworkFixtures.timeMajor(order, NetworkFixtures.batch(random, N, T, I, LENGTHS), I);
    float[] h0 = NetworkFixtures.uniform(random, N * H, 0.8);
    float[] c0 = mode == null ? NetworkFixtures.uniform(random, N * H, 0.8) : null;
    // loss = sum of weights * states on real steps: its gradient with respect to the states is the weights
    float[] weights = NetworkFixtures.uniform(random, T * N * H, 1.0);
    for (int t = 0; t < T; t++) {
      for (int i = order.active(t); i < N; i++) {
        for (int j = 0; j < H; j++) {
          weights[(t * N + i) * H + j] = 0f;
        }
      }
    }

    layer.forward(x, order, h0, c0, true);
    System.arraycopy(weights, 0, layer.outputGradient(), 0, weights.length);
    layer.backward(true);
    float[] dh0 = layer.initialStateGradient().clone();
    float[] dc0 = layer.initialCellGradient() == null ? null : layer.initialCellGradient().clone();
    if (c0 == null) {
      assertNull(dc0, "a GRU has no cell state");
    }

    for (int k = 0; k < N * H; k++) {
      assertEquals(numeric(h0, k, () -> weightedStates(layer, x, order, h0, c0, weights)), dh0[k],
          tolerance(dh0[k]), mode + " dh0[" + k + "]");
      if (c0 != null) {
        assertEquals(numeric(c0, k, () -> weightedStates(layer, x, order, h0, c0, weights)), dc0[k],
            tolerance(dc0[k]), "LSTM dc0[" + k + "]");
      }
    }
  }

  private static double tolerance(double value) {
    return 1e-2 * Math.abs(value) + 1e-4;
  }

  private static double numeric(float[] values, int k, java.util.function.DoubleSupplier loss) {
    return NetworkFixtures.centralDifference(values, k, STEP, loss);
  }

  private static double weightedStates(DirectionScan layer, float[] x, BatchOrder order, float[] h0, float[] c0,
                                       float[] weights) {
    layer.forward(x, order, h0, c0, true);
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      sum += (double) weights[k] * layer.states()[N * H + k];
    }
    return sum;
  }
}
