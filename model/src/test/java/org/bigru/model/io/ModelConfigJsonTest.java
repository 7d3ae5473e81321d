package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bigru.model.Activation;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.junit.jupiter.api.Test;

class ModelConfigJsonTest {

  private static final ModelConfig FULL = new ModelConfig(7,
      List.of(new RecurrentLayerSpec(16, true, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.SUM),
          new RecurrentLayerSpec(8, false, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.CONCAT),
          new RecurrentLayerSpec(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.MUL)),
      OutputMode.SEQUENCE,
      List.of(new DenseLayerSpec(5, Activation.RELU), new DenseLayerSpec(3, Activation.SIGMOID)),
      0.25, 3, Task.CLASSIFICATION, List.of("low", "mid", "high \"quoted\""),
      Map.of("scaler", "{\"mean\":[1,2]}", "window", "30"));

  @Test
  void roundTripKeepsEveryField() {
    String json = ModelConfigJson.toJson(FULL);
    assertEquals(FULL, ModelConfigJson.fromJson(json));
    assertTrue(json.contains("\"reset_mode\":\"after-multiplication\""), json);
    assertTrue(json.contains("\"merge\":\"sum\""), json);
  }

  @Test
  void roundTripOfTheReferenceArchitecture() {
    ModelConfig reference = ModelConfig.biGru(3, 32, OutputMode.LAST, 1, Task.REGRESSION);
    assertEquals(reference, ModelConfigJson.fromJson(ModelConfigJson.toJson(reference)));
  }

  @Test
  void optionalFieldsDefault() {
    ModelConfig config = ModelConfigJson.fromJson("{\"input_size\": 2, \"recurrent\": [{\"units\": 3, "
        + "\"bidirectional\": false, \"reset_mode\": \"before-multiplication\", \"merge\": \"concat\"}], "
        + "\"output_mode\": \"last\", \"output_size\": 1}");
    assertEquals(List.of(), config.hidden());
    assertEquals(0.0, config.dropout());
    assertEquals(Task.REGRESSION, config.task());
    assertEquals(Map.of(), config.preprocessing());
  }

  @Test
  void partialConfigTakesTheArchitectureFromTheTensors() {
    List<RecurrentLayerSpec> layers = List.of(
        new RecurrentLayerSpec(5, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT));
    ModelConfig config = ModelConfigJson.fromJson("{\"output_mode\": \"sequence\"}",
        new ModelConfigJson.Inferred(3, layers, 2));
    assertEquals(new ModelConfig(3, layers, OutputMode.SEQUENCE, List.of(), 0, 2, Task.REGRESSION, List.of(),
        Map.of()), config);
  }

  @Test
  void refusesMalformedConfigsNamingTheProblem() {
    assertRefused("{\"output_mode\": \"last\"", "model config is not valid JSON");
    assertRefused("[]", "model config must be a JSON object");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"dropout\"", "\"drop_out\""),
        "model config: unknown key 'drop_out'");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"input_size\":7", "\"input_size\":\"7\""),
        "model config: 'input_size' must be an integer, found \"7\"");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"units\":8,", ""),
        "recurrent layer 1: missing 'units'");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"bidirectional\":false", "\"bidirectional\":0"),
        "recurrent layer 1: 'bidirectional' must be true or false, found 0");
    assertRefused(ModelConfigJson.toJson(FULL).replace("before-multiplication", "sideways"),
        "unknown reset gate mode 'sideways'");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"relu\"", "\"swish\""), "unknown activation 'swish'");
    assertRefused("{\"output_mode\": \"last\"}", "model config: missing 'input_size'");
  }

  private static void assertRefused(String json, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelConfigJson.fromJson(json));
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
  }
}
