package org.bigru.matlab;

import static org.bigru.matlab.SequencesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.DropoutLayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputLayerSpec;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.bigru.model.io.ModelConfigJson;
import org.junit.jupiter.api.Test;

class LayerArrayTest {

  /**
   * The layers as the MATLAB side passes them, from "type size mode" specs; the modes default as the layer
   * functions set them (GRU layers: ResetGateMode 'after-multiplication'; bidirectional layers: MergeMode 'concat').
   */
  private static LayerArray layers(String... specs) {
    int n = specs.length;
    String[] types = new String[n];
    String[] names = new String[n];
    double[] sizes = new double[n];
    String[] modes = new String[n];
    String[] resets = new String[n];
    String[] merges = new String[n];
    for (int i = 0; i < n; i++) {
      String[] parts = specs[i].split(" ");
      types[i] = parts[0];
      names[i] = "";
      sizes[i] = parts.length > 1 ? Double.parseDouble(parts[1]) : Double.NaN;
      boolean recurrent = List.of("bigru", "gru", "bilstm", "lstm").contains(types[i]);
      modes[i] = recurrent ? (parts.length > 2 ? parts[2] : "sequence") : "";
      resets[i] = types[i].endsWith("gru") ? "after-multiplication" : "";
      merges[i] = types[i].startsWith("bi") ? "concat" : "";
    }
    return LayerArray.fromMatlab(types, names, sizes, modes, resets, merges);
  }

  private static List<String> names(LayerArray a) {
    return a.layers().stream().map(MatlabLayer::name).toList();
  }

  private static List<String> types(LayerArray a) {
    return a.layers().stream().map(MatlabLayer::typeName).toList();
  }

  @Test
  void referenceClassificationLayers() {
    LayerArray a = layers("sequenceInput 8", "bigru 64 last", "fullyConnected 10", "softmax", "classification");
    ModelConfig c = a.config();
    assertEquals(8, c.inputSize());
    assertEquals(List.of(new RecurrentLayerSpec(CellType.GRU, 64, true, ResetGateMode.AFTER_MULTIPLICATION,
        MergeMode.CONCAT, OutputMode.LAST), new OutputLayerSpec(10)), c.layers());
    assertEquals(Task.CLASSIFICATION, c.task());
    assertTrue(a.isClassification());
    assertFalse(a.isPerStep());
    assertEquals(List.of("sequenceinput", "bigru", "fc", "softmax", "classoutput"), names(a));
  }

  @Test
  void theReferenceScriptsBilstmLayerIsABidirectionalLstm() {
    LayerArray a = layers("sequenceInput 8", "bilstm 64", "fullyConnected 10", "softmax", "classification");
    assertEquals(List.of(RecurrentLayerSpec.lstm(64, true, MergeMode.CONCAT, OutputMode.SEQUENCE),
        new OutputLayerSpec(10)), a.config().layers());
    assertTrue(a.isPerStep());
    assertEquals("layers(2) (bilstmLayer 'bilstm')", a.lastRecurrentLayer());
    assertEquals(List.of("sequenceinput", "bilstm", "fc", "softmax", "classoutput"), names(a));
  }

  @Test
  void layersMapOneToOneInAnyOrder() {
    LayerArray a = layers("sequenceInput 3", "dropout 0.1", "fullyConnected 6", "tanh", "lstm 5", "dropout 0.2",
        "dropout 0", "bigru 4", "gru 2", "fullyConnected 8", "relu", "bilstm 3 last", "fullyConnected 2", "sigmoid",
        "dropout 0.5", "fullyConnected 7", "fullyConnected 1", "regression");
    assertEquals(List.of(new DropoutLayerSpec(0.1), new DenseLayerSpec(6, Activation.TANH),
        RecurrentLayerSpec.lstm(5, false, MergeMode.CONCAT, OutputMode.SEQUENCE), new DropoutLayerSpec(0.2),
        new DropoutLayerSpec(0), new RecurrentLayerSpec(CellType.GRU, 4, true, ResetGateMode.AFTER_MULTIPLICATION,
            MergeMode.CONCAT, OutputMode.SEQUENCE),
        new RecurrentLayerSpec(CellType.GRU, 2, false, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT,
            OutputMode.SEQUENCE),
        new DenseLayerSpec(8, Activation.RELU), RecurrentLayerSpec.lstm(3, true, MergeMode.CONCAT, OutputMode.LAST),
        new DenseLayerSpec(2, Activation.SIGMOID), new DropoutLayerSpec(0.5), new DenseLayerSpec(7, Activation.LINEAR),
        new OutputLayerSpec(1)), a.config().layers());
    assertEquals(Task.REGRESSION, a.config().task());
    assertFalse(a.isPerStep());
    assertEquals("layers(12) (bilstmLayer 'bilstm')", a.lastRecurrentLayer());
    assertEquals("layers(17) (fullyConnectedLayer 'fc_4')", a.outputLayer());
    assertEquals(List.of("sequenceinput", "dropout", "fc", "tanh", "lstm", "dropout_1", "dropout_2", "bigru", "gru",
        "fc_1", "relu", "bilstm", "fc_2", "sigmoid", "dropout_3", "fc_3", "fc_4", "regressionoutput"), names(a));
    // the model runs what the layers describe
    Network network = Network.create(a.config(), 1);
    assertTrue(network.parameter("lstm.weight_ih_l0").shape()[0] == 4 * 5, "LSTM gates i|f|g|o");
  }

  @Test
  void layerArrayRoundTripsThroughTheConfig() {
    LayerArray a = layers("sequenceInput 3", "bigru 16", "dropout 0.25", "lstm 8", "gru 6", "bilstm 4 last",
        "dropout 0.25", "fullyConnected 4", "sigmoid", "fullyConnected 3", "softmax", "classification");
    LayerArray b = LayerArray.fromConfig(a.config());
    assertEquals(a.layers(), b.layers());
    assertEquals(a.config(), b.config());
  }

  @Test
  void configFromElsewhereGetsMatlabLayers() {
    ModelConfig keras = ModelConfig.biGru(5, 64, OutputMode.SEQUENCE, 1, Task.REGRESSION);
    LayerArray a = LayerArray.fromConfig(keras);
    assertEquals(List.of("sequenceInput", "bigru", "fullyConnected", "regression"), types(a));
    assertEquals(new MatlabLayer(LayerType.BIGRU, "bigru", 64, "sequence", "recurrent-bias-after-multiplication",
        "concat"), a.layer(1));
    ModelConfig torch = new ModelConfig(3, List.of(RecurrentLayerSpec.lstm(6, true, MergeMode.SUM,
        OutputMode.SEQUENCE), RecurrentLayerSpec.lstm(4, false, MergeMode.CONCAT, OutputMode.LAST),
        new OutputLayerSpec(2)), Task.CLASSIFICATION, List.of("a", "b"), Map.of());
    LayerArray b = LayerArray.fromConfig(torch);
    assertEquals(List.of("sequenceInput", "bilstm", "lstm", "fullyConnected", "softmax", "classification"), types(b));
    assertEquals(new MatlabLayer(LayerType.BILSTM, "bilstm", 6, "sequence", "", "sum"), b.layer(1));
    assertEquals(new MatlabLayer(LayerType.LSTM, "lstm", 4, "last", "", ""), b.layer(2));
    assertEquals(List.of("sequenceinput", "bilstm", "lstm", "fc", "softmax", "classoutput"), names(b));
  }

  @Test
  void networksMatlabSavedBeforeTheLayerListKeepTheirLayerNames() {
    // the fixed-slot config of a file saved from MATLAB before layer lists, with its layer names
    String names = "in\\nrnn\\ndrop1\\nhidden\\nact\\ndrop2\\nout\\nsm\\ncls";
    String json = "{\"input_size\":8,\"recurrent\":[{\"units\":16,\"bidirectional\":true,"
        + "\"reset_mode\":\"after-multiplication\",\"merge\":\"concat\"}],\"output_mode\":\"last\","
        + "\"hidden\":[{\"units\":5,\"activation\":\"relu\"}],\"dropout\":0.2,\"output_size\":3,"
        + "\"task\":\"classification\",\"class_names\":[\"a\",\"b\",\"c\"],"
        + "\"preprocessing\":{\"matlab.layerNames\":\"" + names + "\"}}";
    LayerArray a = LayerArray.fromConfig(ModelConfigJson.fromJson(json));
    assertEquals(List.of("sequenceInput", "bigru", "dropout", "fullyConnected", "relu", "dropout", "fullyConnected",
        "softmax", "classification"), types(a));
    assertEquals(List.of("in", "rnn", "drop1", "hidden", "act", "drop2", "out", "sm", "cls"), names(a));
    assertEquals(0.2, a.layer(5).size());
  }

  @Test
  void misplacedLayersAreNamed() {
    assertMessage("layers(1) (fullyConnectedLayer 'fc') found where sequenceInputLayer was expected",
        () -> layers("fullyConnected 2", "bigru 4", "fullyConnected 2", "regression"));
    assertMessage("layers has no recurrent layer: a network needs at least one bigruLayer, gruLayer, bilstmLayer or "
        + "lstmLayer", () -> layers("sequenceInput 2", "fullyConnected 2", "regression"));
    assertMessage("layers(2) (bilstmLayer 'bilstm') has OutputMode 'last' but another recurrent layer follows "
            + "(layers(4) (gruLayer 'gru'))",
        () -> layers("sequenceInput 2", "bilstm 4 last", "dropout 0.1", "gru 4", "fullyConnected 2", "regression"));
    assertMessage("layers(4) (classificationLayer 'classoutput') must be preceded by softmaxLayer",
        () -> layers("sequenceInput 2", "bigru 4", "fullyConnected 2", "classification"));
    assertMessage("layers(5) (fullyConnectedLayer 'fc_1') comes after the output layer",
        () -> layers("sequenceInput 2", "bigru 4", "fullyConnected 2", "regression", "fullyConnected 1"));
    assertMessage("layers(3) (reluLayer 'relu') must follow a hidden fullyConnectedLayer",
        () -> layers("sequenceInput 2", "lstm 4", "relu", "fullyConnected 2", "regression"));
    assertMessage("layers(5) (softmaxLayer 'softmax') must directly follow the output fullyConnectedLayer",
        () -> layers("sequenceInput 2", "lstm 4", "fullyConnected 2", "dropout 0.5", "softmax", "classification"));
    assertMessage("layers(3) (sequenceInputLayer 'sequenceinput_1') is a second input layer",
        () -> layers("sequenceInput 2", "lstm 4", "sequenceInput 2", "fullyConnected 2", "regression"));
    assertMessage("layers(5) (fullyConnectedLayer 'fc_1') found where classificationLayer (or the end of the array) was expected",
        () -> layers("sequenceInput 2", "lstm 4", "fullyConnected 2", "softmax", "fullyConnected 2", "regression"));
    assertMessage("layers ends after layers(2); it needs an output fullyConnectedLayer",
        () -> layers("sequenceInput 2", "bilstm 4"));
    assertMessage("layers(2) has unknown type 'convolution1d'", () -> layers("sequenceInput 2", "convolution1d 4"));
    assertMessage("layers is empty", () -> layers());
  }

  @Test
  void badSizesAndModesAreNamed() {
    assertMessage("layers(2) (bigruLayer 'bigru') has NumHiddenUnits 0",
        () -> layers("sequenceInput 2", "bigru 0", "fullyConnected 1", "regression"));
    assertMessage("layers(2) (lstmLayer 'lstm') has NumHiddenUnits 2.5",
        () -> layers("sequenceInput 2", "lstm 2.5", "fullyConnected 1", "regression"));
    assertMessage("layers(1) (sequenceInputLayer 'sequenceinput') has InputSize 1.5",
        () -> layers("sequenceInput 1.5", "bigru 2", "fullyConnected 1", "regression"));
    assertMessage("layers(2) (bilstmLayer 'bilstm') has an invalid OutputMode: unknown output mode 'first'",
        () -> layers("sequenceInput 2", "bilstm 4 first", "fullyConnected 1", "regression"));
    assertMessage("layers(3) (dropoutLayer 'dropout') has Probability 1, expected a number in [0, 1)",
        () -> layers("sequenceInput 2", "bilstm 4", "dropout 1", "fullyConnected 1", "regression"));
    assertMessage("layers(2) (lstmLayer 'lstm') has ResetGateMode 'after-multiplication', but an LSTM has no reset "
        + "gate", () -> LayerArray.fromMatlab(new String[] {"sequenceInput", "lstm", "fullyConnected", "regression"},
            new String[] {"", "", "", ""}, new double[] {1, 2, 1, Double.NaN}, new String[] {"", "last", "", ""},
            new String[] {"", "after-multiplication", "", ""}, new String[] {"", "", "", ""}));
  }

  @Test
  void duplicateNamesAreRefused() {
    assertMessage("layers(1) and layers(2) are both named 'a'", () -> LayerArray.fromMatlab(
        new String[] {"sequenceInput", "bigru", "fullyConnected", "regression"}, new String[] {"a", "a", "", ""},
        new double[] {1, 2, 1, Double.NaN}, new String[] {"", "last", "", ""},
        new String[] {"", "after-multiplication", "", ""}, new String[] {"", "concat", "", ""}));
  }
}
