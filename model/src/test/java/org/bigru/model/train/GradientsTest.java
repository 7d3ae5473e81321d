package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bigru.kernels.Kernels;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;
import org.junit.jupiter.api.Test;

class GradientsTest {

  private final Kernels kernels = Kernels.get();

  /** A parameter in an arena of its own values and gradients; {@link #arena} lays out several together. */
  private record Given(String name, boolean weight, float[] values, float[] grads) {
  }

  private static Given parameter(String name, boolean weight, float[] values, float[] grads) {
    return new Given(name, weight, values, grads);
  }

  private static ParameterArena arena(Given... given) {
    List<Parameter> parameters = new ArrayList<>();
    for (Given g : given) {
      parameters.add(new Parameter(g.name(), new int[] {g.values().length}, g.weight()));
    }
    ParameterArena arena = new ParameterArena(parameters);
    for (int i = 0; i < given.length; i++) {
      parameters.get(i).setValues(given[i].values());
      parameters.get(i).setGrads(given[i].grads());
    }
    return arena;
  }

  private static float[] grads(ParameterArena arena, String name) {
    return arena.find(name).copyOfGrads();
  }

  @Test
  void l2AppliesToWeightsOnly() {
    ParameterArena arena = arena(parameter("fc.weight", true, new float[] {2f, -4f}, new float[] {1f, 1f}),
        parameter("fc.bias", false, new float[] {8f}, new float[] {1f}));
    Gradients.addL2(arena, 0.25f, kernels);
    assertArrayEquals(new float[] {1.5f, 0f}, grads(arena, "fc.weight"));
    assertArrayEquals(new float[] {1f}, grads(arena, "fc.bias"));
  }

  @Test
  void clipByValueClampsEachElement() {
    ParameterArena arena = arena(parameter("p", true, new float[4], new float[] {-3f, 0.5f, 2f, -0.25f}));
    Gradients.clipByValue(arena, 1f);
    assertArrayEquals(new float[] {-1f, 0.5f, 1f, -0.25f}, grads(arena, "p"));
  }

  @Test
  void clipByGlobalNormScalesAllParametersTogether() {
    // Global norm of (3, 0) and (4) is 5; threshold 1 scales everything by 1/5.
    ParameterArena arena = arena(parameter("a", true, new float[2], new float[] {3f, 0f}),
        parameter("b", false, new float[1], new float[] {4f}));
    double norm = Gradients.clipByGlobalNorm(arena, 1.0, kernels);
    assertEquals(5.0, norm, 1e-12);
    assertArrayEquals(new float[] {0.6f, 0f}, grads(arena, "a"), 1e-7f);
    assertArrayEquals(new float[] {0.8f}, grads(arena, "b"), 1e-7f);
  }

  @Test
  void clipByGlobalNormLeavesSmallGradients() {
    ParameterArena arena = arena(parameter("a", true, new float[2], new float[] {0.3f, 0.4f}));
    Gradients.clipByGlobalNorm(arena, 1.0, kernels);
    assertArrayEquals(new float[] {0.3f, 0.4f}, grads(arena, "a"));
  }

  @Test
  void clipEachByNormScalesEveryParameterOnItsOwn() {
    // Norms 5 and 0.5 against threshold 1: the first is scaled by 1/5, the second is left alone.
    ParameterArena arena = arena(parameter("a", true, new float[2], new float[] {3f, 4f}),
        parameter("b", false, new float[1], new float[] {0.5f}));
    Gradients.clipEachByNorm(arena, 1.0, kernels);
    assertArrayEquals(new float[] {0.6f, 0.8f}, grads(arena, "a"), 1e-7f);
    assertArrayEquals(new float[] {0.5f}, grads(arena, "b"));
  }
}
