package org.bigru.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * One contract for both providers: every kernel checks its arguments in {@link Kernels} before a provider runs,
 * so the scalar reference and the Panama kernels (at every width) refuse the same calls with the same message,
 * and touch nothing when they do.
 */
class KernelContractTest {

  /** The calls every provider must refuse, by what is wrong, with the message expected. */
  private static Map<String, Consumer<Kernels>> badCalls() {
    Map<String, Consumer<Kernels>> calls = new LinkedHashMap<>();
    float[] c = new float[4];
    calls.put("gemm: leading dimension of A is 2, expected >= 3 (its stored row length)",
        k -> k.gemm(false, false, 2, 2, 3, 1f, new float[6], 0, 2, new float[6], 0, 2, 0f, c, 0, 2));
    calls.put("gemm: B is 3 x 2 with leading dimension 2 at offset 0, which needs 6 elements, but its array has 5",
        k -> k.gemm(false, false, 2, 2, 3, 1f, new float[6], 0, 3, new float[5], 0, 2, 0f, c, 0, 2));
    calls.put("gemm: m must be >= 0, found -1",
        k -> k.gemm(false, false, -1, 2, 3, 1f, new float[6], 0, 3, new float[6], 0, 2, 0f, c, 0, 2));
    calls.put("tanh: y needs 8 elements at offset 1, but its array has 8",
        k -> k.tanh(8, new float[8], 0, new float[8], 1));
    calls.put("gruForwardResetAfter: saved needs 32 elements at offset 0, but its array has 31",
        k -> k.gruForwardResetAfter(2, 4, new float[24], 0, new float[24], 0, new float[16], 0, new float[8], 0,
            new float[8], 0, new float[31], 0));
    calls.put("gruBackwardResetBefore: hidden must be >= 1, found 0",
        k -> k.gruBackwardResetBefore(2, 0, new float[8], 0, new float[8], 0, new float[32], 0, new float[24], 0,
            new float[24], 0, new float[8], 0));
    calls.put("lstmForward: cNew needs 8 elements at offset 3, but its array has 10",
        k -> k.lstmForward(2, 4, new float[32], 0, new float[32], 0, new float[16], 0, new float[8], 0,
            new float[10], 3, new float[8], 0, new float[40], 0));
    calls.put("lstmBackward: dGates needs 32 elements at offset 0, but its array has 16",
        k -> k.lstmBackward(2, 4, new float[8], 0, new float[8], 0, new float[8], 0, new float[40], 0,
            new float[16], 0, new float[8], 0));
    calls.put("columnSums: sums needs 3 elements at offset 0, but its array has 2",
        k -> k.columnSums(2, 3, new float[6], 0, 3, new float[2], 0));
    calls.put("axpy: n must be >= 0, found -3", k -> k.axpy(-3, 1f, new float[4], 0, new float[4], 0));
    calls.put("softmaxCrossEntropy: label 4 of row 1 is not a class index in [0, 4)",
        k -> k.softmaxCrossEntropy(2, 4, new float[8], 0, new int[] {0, 4}, 0, 1f, new float[8], 0));
    calls.put("adam: step must be >= 1, found 0",
        k -> k.adam(2, new float[2], 0, new float[2], 0, new float[2], 0, new float[2], 0, 1e-3f, 0.9f, 0.999f,
            1e-8f, 0));
    return calls;
  }

  private static List<Kernels> everyProvider() {
    List<Kernels> providers = new ArrayList<>(List.of(KernelTesting.SCALAR));
    providers.addAll(KernelTesting.panamaAtEveryWidth());
    return providers;
  }

  @Test
  void everyProviderRefusesTheSameCallsWithTheSameMessage() {
    for (Map.Entry<String, Consumer<Kernels>> call : badCalls().entrySet()) {
      for (Kernels k : everyProvider()) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.getValue().accept(k),
            k.describe() + ": " + call.getKey());
        assertEquals(call.getKey(), e.getMessage(), k.describe());
      }
    }
  }

  @Test
  void aRefusedCallWritesNothing() {
    for (Kernels k : everyProvider()) {
      float[] logits = {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f};
      float[] grad = new float[8];
      assertThrows(IllegalArgumentException.class,
          () -> k.softmaxCrossEntropy(2, 4, logits, 0, new int[] {1, 9}, 0, 1f, grad, 0));
      assertEquals(0f, grad[0], k.describe() + ": the first row's gradient before the bad label");
    }
  }

  @Test
  void emptyCallsAreValidAndChangeNothing() {
    for (Kernels k : everyProvider()) {
      float[] values = {1f, 2f, 3f};
      k.gemm(false, false, 0, 3, 2, 1f, new float[0], 0, 2, new float[6], 0, 3, 0f, values, 0, 3);
      k.axpy(0, 1f, new float[0], 0, values, 3);
      k.columnSums(0, 3, new float[0], 0, 3, values, 0);
      assertEquals(0.0, k.softmaxCrossEntropy(0, 3, new float[0], 0, new int[0], 0, 1f, values, 0));
      assertEquals(List.of(1f, 2f, 3f), List.of(values[0], values[1], values[2]), k.describe());
    }
  }
}
