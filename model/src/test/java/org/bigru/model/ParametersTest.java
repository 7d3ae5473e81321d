package org.bigru.model;

import static org.bigru.model.NetworkFixtures.gru;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Names, shapes and order as PyTorch's state_dict; the initialization's properties. */
class ParametersTest {

  @Test
  void namesShapesAndOrderFollowPyTorch() {
    ModelConfig config = new ModelConfig(5,
        List.of(gru(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
            gru(3, false, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT),
            gru(2, true, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.SUM)),
        OutputMode.LAST, List.of(new DenseLayerSpec(6, Activation.RELU)), 0.1, 7, Task.REGRESSION, List.of(),
        Map.of());
    Network network = Network.create(config, 1);
    List<String> described = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      described.add(p.toString() + (p.isWeight() ? " w" : " b"));
      assertSame(p, network.parameter(p.name()));
    }
    assertEquals(List.of(
        "gru.weight_ih_l0[12, 5] w", "gru.weight_hh_l0[12, 4] w", "gru.bias_ih_l0[12] b", "gru.bias_hh_l0[12] b",
        "gru.weight_ih_l0_reverse[12, 5] w", "gru.weight_hh_l0_reverse[12, 4] w", "gru.bias_ih_l0_reverse[12] b",
        "gru.bias_hh_l0_reverse[12] b",
        "gru.weight_ih_l1[9, 8] w", "gru.weight_hh_l1[9, 3] w", "gru.bias_ih_l1[9] b",
        "gru.weight_ih_l2[6, 3] w", "gru.weight_hh_l2[6, 2] w", "gru.bias_ih_l2[6] b",
        "gru.weight_ih_l2_reverse[6, 3] w", "gru.weight_hh_l2_reverse[6, 2] w", "gru.bias_ih_l2_reverse[6] b",
        "dense0.weight[6, 2] w", "dense0.bias[6] b", "fc.weight[7, 6] w", "fc.bias[7] b"), described);
  }

  @Test
  void initializationIsGlorotOrthogonalAndZeroBiases() {
    int hidden = 6;
    int input = 5;
    Network network = Network.create(ModelConfig.biGru(input, hidden, OutputMode.LAST, 3, Task.REGRESSION), 9);
    for (Parameter p : network.parameters()) {
      float[] v = p.copyOfValues();
      if (!p.isWeight()) {
        assertArrayEquals(new float[v.length], v, p.name());
      } else if (p.name().startsWith("gru.weight_hh")) {
        for (int block = 0; block < 3; block++) {
          assertOrthogonal(v, block * hidden * hidden, hidden, p.name() + " block " + block);
        }
      } else {
        int[] shape = p.shape();
        double limit = Math.sqrt(6.0 / (shape[0] + shape[1]));
        double maxAbs = 0;
        for (float x : v) {
          maxAbs = Math.max(maxAbs, Math.abs(x));
        }
        assertTrue(maxAbs <= limit, p.name() + " exceeds the Glorot limit " + limit);
        assertTrue(maxAbs > 0.5 * limit, p.name() + " does not spread over the Glorot range");
      }
    }
  }

  private static void assertOrthogonal(float[] v, int offset, int n, String what) {
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double dot = 0;
        for (int k = 0; k < n; k++) {
          dot += (double) v[offset + i * n + k] * v[offset + j * n + k];
        }
        assertEquals(i == j ? 1.0 : 0.0, dot, 1e-5, what + " rows " + i + ", " + j);
      }
    }
  }
}
