package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.DropoutLayerSpec;
import org.bigru.model.LayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.OutputLayerSpec;
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

  /** The fixed-slot form that files written before the layer list hold. */
  private static final String FULL_FIXED_SLOTS = "{\"input_size\":7,\"recurrent\":["
      + "{\"units\":16,\"bidirectional\":true,\"reset_mode\":\"after-multiplication\",\"merge\":\"sum\"},"
      + "{\"units\":8,\"bidirectional\":false,\"reset_mode\":\"before-multiplication\",\"merge\":\"concat\"},"
      + "{\"units\":4,\"bidirectional\":true,\"reset_mode\":\"recurrent-bias-after-multiplication\","
      + "\"merge\":\"mul\"}],\"output_mode\":\"sequence\",\"hidden\":[{\"units\":5,\"activation\":\"relu\"},"
      + "{\"units\":3,\"activation\":\"sigmoid\"}],\"dropout\":0.25,\"output_size\":3,"
      + "\"task\":\"classification\",\"class_names\":[\"low\",\"mid\",\"high \\\"quoted\\\"\"],"
      + "\"preprocessing\":{\"scaler\":\"{\\\"mean\\\":[1,2]}\",\"window\":\"30\"}}";

  @Test
  void theFixedSlotFormOfOlderFilesGivesTheSameLayers() {
    assertEquals(FULL, ModelConfigJson.fromJson(FULL_FIXED_SLOTS));
    List<LayerSpec> layers = FULL.layers();
    assertEquals(11, layers.size(), layers.toString());
    assertEquals(new DropoutLayerSpec(0.25), layers.get(1));
    assertEquals(new OutputLayerSpec(3), layers.get(10));
  }

  @Test
  void anyOrderOfLayersAndBothCellsRoundTrip() {
    ModelConfig config = new ModelConfig(4, List.of(new DenseLayerSpec(6, Activation.TANH),
        RecurrentLayerSpec.lstm(5, true, MergeMode.AVE, OutputMode.SEQUENCE), new DropoutLayerSpec(0.1),
        new RecurrentLayerSpec(CellType.GRU, 3, false, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT,
            OutputMode.LAST),
        new OutputLayerSpec(2)), Task.REGRESSION, List.of(), Map.of());
    String json = ModelConfigJson.toJson(config);
    assertEquals(config, ModelConfigJson.fromJson(json));
    assertTrue(json.contains("{\"type\":\"recurrent\",\"cell\":\"lstm\",\"units\":5,\"bidirectional\":true,"
        + "\"merge\":\"ave\",\"output_mode\":\"sequence\"}"), json);
    assertEquals(OutputMode.LAST, config.outputMode());
    assertEquals("Dense(6, tanh) -> BiLSTM(5, sequence) -> Dropout(0.1) -> GRU(3, last) -> fc(2)", config.summary());
  }

  @Test
  void optionalFieldsDefault() {
    ModelConfig config = ModelConfigJson.fromJson("{\"input_size\": 2, \"recurrent\": [{\"units\": 3, "
        + "\"bidirectional\": false, \"reset_mode\": \"before-multiplication\", \"merge\": \"concat\"}], "
        + "\"output_mode\": \"last\", \"output_size\": 1}");
    assertEquals(List.of(), config.hidden());
    assertFalse(config.hasDropout());
    assertEquals(Task.REGRESSION, config.task());
    assertEquals(Map.of(), config.metadata());
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
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"task\"", "\"tusk\""),
        "model config: unknown key 'tusk'");
    assertRefused(FULL_FIXED_SLOTS.replace("\"dropout\"", "\"drop_out\""), "model config: unknown key 'drop_out'");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"input_size\":7", "\"input_size\":\"7\""),
        "model config: 'input_size' must be an integer, found \"7\"");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"units\":8,", ""),
        "layer 3: missing 'units'");
    assertRefused(FULL_FIXED_SLOTS.replace("\"units\":8,", ""), "recurrent layer 1: missing 'units'");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"bidirectional\":false", "\"bidirectional\":0"),
        "layer 3: 'bidirectional' must be true or false, found 0");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"type\":\"dense\"", "\"type\":\"conv\""),
        "layer 7: unknown type 'conv' (expected recurrent, dense, dropout or output)");
    assertRefused(ModelConfigJson.toJson(FULL).replace("\"cell\":\"gru\"", "\"cell\":\"lstm\""),
        "layer 1: an LSTM layer has no 'reset_mode'");
    String lastThenRecurrent = ModelConfigJson.toJson(FULL).replaceFirst("\"output_mode\":\"sequence\"",
        "\"output_mode\":\"last\"");
    assertRefused(lastThenRecurrent, "layer 3 (GRU(8, sequence)) needs whole sequences");
    assertRefused(ModelConfigJson.toJson(FULL).replace("{\"type\":\"output\",\"units\":3}",
        "{\"type\":\"dropout\",\"probability\":0.25}"), "the layers must end with the output layer");
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
