package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.bigru.kernels.Kernels;
import org.bigru.model.Parameter;
import org.junit.jupiter.api.Test;

class GradientsTest {

  private final Kernels kernels = Kernels.get();

  private static Parameter parameter(String name, boolean weight, float[] values, float[] grads) {
    Parameter p = new Parameter(name, new int[] {values.length}, weight);
    System.arraycopy(values, 0, p.value(), 0, values.length);
    System.arraycopy(grads, 0, p.grad(), 0, grads.length);
    return p;
  }

  @Test
  void l2AppliesToWeightsOnly() {
    Parameter w = parameter("fc.weight", true, new float[] {2f, -4f}, new float[] {1f, 1f});
    Parameter b = parameter("fc.bias", false, new float[] {8f}, new float[] {1f});
    Gradients.addL2(List.of(w, b), 0.25f, kernels);
    assertArrayEquals(new float[] {1.5f, 0f}, w.grad());
    assertArrayEquals(new float[] {1f}, b.grad());
  }

  @Test
  void clipByValueClampsEachElement() {
    Parameter p = parameter("p", true, new float[4], new float[] {-3f, 0.5f, 2f, -0.25f});
    Gradients.clipByValue(List.of(p), 1f);
    assertArrayEquals(new float[] {-1f, 0.5f, 1f, -0.25f}, p.grad());
  }

  @Test
  void clipByGlobalNormScalesAllParametersTogether() {
    // Global norm of (3, 0) and (4) is 5; threshold 1 scales everything by 1/5.
    Parameter a = parameter("a", true, new float[2], new float[] {3f, 0f});
    Parameter b = parameter("b", false, new float[1], new float[] {4f});
    double norm = Gradients.clipByGlobalNorm(List.of(a, b), 1.0, kernels);
    assertEquals(5.0, norm, 1e-12);
    assertArrayEquals(new float[] {0.6f, 0f}, a.grad(), 1e-7f);
    assertArrayEquals(new float[] {0.8f}, b.grad(), 1e-7f);
  }

  @Test
  void clipByGlobalNormLeavesSmallGradients() {
    Parameter a = parameter("a", true, new float[2], new float[] {0.3f, 0.4f});
    Gradients.clipByGlobalNorm(List.of(a), 1.0, kernels);
    assertArrayEquals(new float[] {0.3f, 0.4f}, a.grad());
  }

  @Test
  void clipEachByNormScalesEveryParameterOnItsOwn() {
    // Norms 5 and 0.5 against threshold 1: the first is scaled by 1/5, the second is left alone.
    Parameter a = parameter("a", true, new float[2], new float[] {3f, 4f});
    Parameter b = parameter("b", false, new float[1], new float[] {0.5f});
    Gradients.clipEachByNorm(List.of(a, b), 1.0, kernels);
    assertArrayEquals(new float[] {0.6f, 0.8f}, a.grad(), 1e-7f);
    assertArrayEquals(new float[] {0.5f}, b.grad());
  }
}
