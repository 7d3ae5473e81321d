package org.bigru.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;

/** A forward for inference keeps one step's gates (and an LSTM two cell states) only, and computes bit for bit the states of a training one. */
class DirectionScanInferenceTest {

  private static final int N = 5;
  private static final int T = 7;
  private static final int I = 3;
  private static final int H = 19;
  private static final int[] LENGTHS = {7, 2, 5, 7, 1};

  /** Every GRU reset mode, and null for the LSTM. */
  @ParameterizedTest
  @EnumSource(ResetGateMode.class)
  @NullSource
  void inferenceStatesEqualTrainingStates(ResetGateMode mode) {
    SplittableRandom random = new SplittableRandom(mode == null ? 69 : mode.ordinal() + 70);
    DirectionScan layer = NetworkFixtures.randomDirection(random, NetworkFixtures.cell(I, H, mode), I);
    BatchOrder order = new BatchOrder();
    float[] x = NetworkFixtures.timeMajor(order, NetworkFixtures.batch(random, N, T, I, LENGTHS), I);
    float[] h0 = NetworkFixtures.uniform(random, N * H, 0.8);
    int size = (T + 1) * N * H;

    layer.forward(x, order, h0, null, true);
    float[] training = Arrays.copyOf(layer.states(), size);
    layer.forward(x, order, h0, null, false);
    assertArrayEquals(training, Arrays.copyOf(layer.states(), size), mode + ": inference states");
    assertThrows(IllegalStateException.class, () -> layer.backward(false));

    // and a training forward after an inference one (the workspaces were sized for one step) still matches
    layer.forward(x, order, h0, null, true);
    assertArrayEquals(training, Arrays.copyOf(layer.states(), size), mode + ": training states after inference");
  }
}
