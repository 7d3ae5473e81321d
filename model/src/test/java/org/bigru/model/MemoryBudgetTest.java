package org.bigru.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

  private static RecurrentLayerSpec gru(int units, boolean bidirectional) {
    return new RecurrentLayerSpec(units, bidirectional, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION,
        MergeMode.CONCAT);
  }

  @Test
  void parameterCountIsThatOfTheBuiltNetwork() {
    ModelConfig config = new ModelConfig(5, List.of(gru(7, true),
        new RecurrentLayerSpec(3, false, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.SUM)), OutputMode.SEQUENCE,
        List.of(new DenseLayerSpec(4, Activation.RELU)), 0, 2, Task.REGRESSION, List.of(), Map.of());
    long built = Network.create(config, 1).parameters().stream().mapToLong(Parameter::size).sum();
    assertEquals(built, MemoryBudget.parameterCount(config));
  }

  @Test
  void aNetworkLargerThanTheHeapIsRefusedBeforeItIsBuilt() {
    ModelConfig config = ModelConfig.biGru(2, 20_000, OutputMode.LAST, 1, Task.REGRESSION);
    long bytes = MemoryBudget.networkBytes(config);
    assertTrue(bytes > 4L * 2 * 2 * 3 * 20_000L * 20_000, "values, gradients and transposes: " + bytes);
    InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class,
        () -> MemoryBudget.require(Math.max(bytes, MemoryBudget.heapBytes()), "--units 20000", "shrink --units"));
    assertTrue(e.message("raise -Xmx through BIGRU_JAVA_OPTS").matches("--units 20000 needs [0-9,]+ MiB, the heap "
        + "has [0-9,]+ MiB; raise -Xmx through BIGRU_JAVA_OPTS or shrink --units"), e.getMessage());
  }

  @Test
  void estimatesNeverOverflow() {
    ModelConfig config = new ModelConfig(20_000, List.of(gru(RecurrentLayerSpec.MAX_UNITS, true),
        gru(13_000, true)), OutputMode.SEQUENCE, List.of(), 0, 1, Task.REGRESSION, List.of(),
        Map.of());
    assertTrue(MemoryBudget.trainingBytes(config, Integer.MAX_VALUE, Integer.MAX_VALUE) > 0);
    assertTrue(MemoryBudget.needed(Long.MAX_VALUE - 1) > 0);
  }

  @Test
  void sizesBeyondAJavaArrayAreRefusedNamingTheLayer() {
    IllegalArgumentException units = assertThrows(IllegalArgumentException.class, () -> gru(Integer.MAX_VALUE, true));
    assertTrue(units.getMessage().contains("at most " + RecurrentLayerSpec.MAX_UNITS + " units"), units.getMessage());
    IllegalArgumentException dense = assertThrows(IllegalArgumentException.class, () -> new ModelConfig(3,
        List.of(gru(64, true)), OutputMode.LAST, List.of(new DenseLayerSpec(2_000_000_000, Activation.RELU)), 0, 1,
        Task.REGRESSION, List.of(), Map.of()));
    assertTrue(dense.getMessage().startsWith("the weights of hidden dense layer 1 (2000000000 units x 128 inputs)"),
        dense.getMessage());
    IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
        () -> ModelConfig.biGru(100_000, 20_000, OutputMode.LAST, 1, Task.REGRESSION));
    assertTrue(input.getMessage().startsWith("the input weights of recurrent layer 1"), input.getMessage());
  }
}
