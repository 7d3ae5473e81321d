package org.bigru.matlab;

import static org.bigru.matlab.SequencesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.bigru.model.DropoutLayerSpec;
import org.bigru.model.Activation;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.OutputMode;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.junit.jupiter.api.Test;

class LayerArrayTest {

  /** The layers as parallel arrays, from "type size mode" triples; modes default as the m-files do. */
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
      boolean recurrent = types[i].equals("bigru") || types[i].equals("gru");
      modes[i] = recurrent ? (parts.length > 2 ? parts[2] : "sequence") : "";
      resets[i] = recurrent ? "after-multiplication" : "";
      merges[i] = types[i].equals("bigru") ? "concat" : "";
    }
    return LayerArray.fromMatlab(types, names, sizes, modes, resets, merges);
  }

  @Test
  void referenceClassificationLayers() {
    LayerArray a = layers("sequenceInput 8", "bigru 64 last", "fullyConnected 10", "softmax", "classification");
    ModelConfig c = a.config();
    assertEquals(8, c.inputSize());
    assertEquals(1, c.recurrent().size());
    assertEquals(64, c.recurrent().get(0).units());
    assertTrue(c.recurrent().get(0).bidirectional());
    assertEquals(ResetGateMode.AFTER_MULTIPLICATION, c.recurrent().get(0).resetMode());
    assertEquals(OutputMode.LAST, c.outputMode());
    assertEquals(Task.CLASSIFICATION, c.task());
    assertEquals(10, c.outputSize());
    assertTrue(a.isClassification());
    assertArrayEquals(new String[] {"sequenceinput", "bigru", "fc", "softmax", "classoutput"}, a.names());
  }

  @Test
  void stackedLayersHiddenLayersAndDropout() {
    LayerArray a = layers("sequenceInput 3", "bigru 16", "gru 8", "dropout 0.2", "fullyConnected 32", "relu",
        "dropout 0.2", "fullyConnected 16", "tanh", "dropout 0.2", "fullyConnected 1", "regression");
    ModelConfig c = a.config();
    assertEquals(2, c.recurrent().size());
    assertEquals(false, c.recurrent().get(1).bidirectional());
    assertEquals(OutputMode.SEQUENCE, c.outputMode());
    assertEquals(List.of(new DenseLayerSpec(32, Activation.RELU), new DenseLayerSpec(16, Activation.TANH)),
        c.hidden());
    assertTrue(c.layers().contains(new DropoutLayerSpec(0.2)), c.layers().toString());
    assertEquals(Task.REGRESSION, c.task());
    assertTrue(a.isPerStep());
    assertArrayEquals(new String[] {"sequenceinput", "bigru", "gru", "dropout", "fc", "relu", "dropout_1", "fc_1",
        "tanh", "dropout_2", "fc_2", "regressionoutput"}, a.names());
  }

  @Test
  void layerArrayRoundTripsThroughTheConfig() {
    LayerArray a = layers("sequenceInput 3", "bigru 16", "gru 8 last", "dropout 0.25", "fullyConnected 4",
        "sigmoid", "dropout 0.25", "fullyConnected 3", "softmax", "classification");
    LayerArray b = LayerArray.fromConfig(a.config());
    assertArrayEquals(a.types(), b.types());
    assertArrayEquals(a.names(), b.names());
    assertArrayEquals(a.sizes(), b.sizes());
    assertArrayEquals(a.outputModes(), b.outputModes());
    assertArrayEquals(a.resetGateModes(), b.resetGateModes());
    assertArrayEquals(a.mergeModes(), b.mergeModes());
  }

  @Test
  void configFromElsewhereGetsMatlabLayers() {
    ModelConfig keras = ModelConfig.biGru(5, 64, OutputMode.SEQUENCE, 1, Task.REGRESSION);
    LayerArray a = LayerArray.fromConfig(keras);
    assertArrayEquals(new String[] {"sequenceInput", "bigru", "fullyConnected", "regression"}, a.types());
    assertArrayEquals(new String[] {"", "recurrent-bias-after-multiplication", "", ""}, a.resetGateModes());
    assertEquals(MergeMode.CONCAT, a.config().recurrent().get(0).merge());
  }

  @Test
  void misplacedLayersAreNamed() {
    assertMessage("layers(1) (fullyConnectedLayer 'fc') found where sequenceInputLayer was expected",
        () -> layers("fullyConnected 2", "bigru 4", "fullyConnected 2", "regression"));
    assertMessage("layers(2) (fullyConnectedLayer 'fc') found where a recurrent layer",
        () -> layers("sequenceInput 2", "fullyConnected 2", "regression"));
    assertMessage("layers(2) (bigruLayer 'bigru') has OutputMode 'last' but another recurrent layer follows",
        () -> layers("sequenceInput 2", "bigru 4 last", "gru 4", "fullyConnected 2", "regression"));
    assertMessage("layers(4) (classificationLayer 'classoutput') must be preceded by softmaxLayer",
        () -> layers("sequenceInput 2", "bigru 4", "fullyConnected 2", "classification"));
    assertMessage("layers(5) (fullyConnectedLayer 'fc_1') comes after the output layer",
        () -> layers("sequenceInput 2", "bigru 4", "fullyConnected 2", "regression", "fullyConnected 1"));
    assertMessage("layers ends after layers(2)", () -> layers("sequenceInput 2", "bigru 4"));
    assertMessage("layers(2) has unknown type 'lstm'", () -> layers("sequenceInput 2", "lstm 4"));
    assertMessage("layers is empty", () -> layers());
  }

  @Test
  void dropoutMustBeWhereTheModelAppliesIt() {
    assertMessage("layers(2) (bigruLayer 'bigru') is not followed by dropoutLayer",
        () -> layers("sequenceInput 2", "bigru 4", "fullyConnected 3", "dropout 0.5", "fullyConnected 1",
            "regression"));
    assertMessage("has Probability 0.3 but an earlier dropoutLayer has 0.5",
        () -> layers("sequenceInput 2", "bigru 4", "dropout 0.5", "fullyConnected 3", "dropout 0.3",
            "fullyConnected 1", "regression"));
    assertMessage("comes before any recurrent layer",
        () -> layers("sequenceInput 2", "dropout 0.5", "bigru 4", "fullyConnected 1", "regression"));
  }

  @Test
  void badSizesAndModesAreNamed() {
    assertMessage("layers(2) (bigruLayer 'bigru') has NumHiddenUnits 0",
        () -> layers("sequenceInput 2", "bigru 0", "fullyConnected 1", "regression"));
    assertMessage("layers(1) (sequenceInputLayer 'sequenceinput') has InputSize 1.5",
        () -> layers("sequenceInput 1.5", "bigru 2", "fullyConnected 1", "regression"));
    assertMessage("has an invalid OutputMode: unknown output mode 'first'",
        () -> layers("sequenceInput 2", "bigru 4 first", "fullyConnected 1", "regression"));
  }

  @Test
  void duplicateNamesAreRefused() {
    assertMessage("layers(1) and layers(2) are both named 'a'", () -> LayerArray.fromMatlab(
        new String[] {"sequenceInput", "bigru", "fullyConnected", "regression"}, new String[] {"a", "a", "", ""},
        new double[] {1, 2, 1, Double.NaN}, new String[] {"", "last", "", ""},
        new String[] {"", "after-multiplication", "", ""}, new String[] {"", "concat", "", ""}));
  }
}
