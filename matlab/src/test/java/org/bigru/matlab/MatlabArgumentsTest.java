package org.bigru.matlab;

import static org.bigru.matlab.SequencesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.TrainingOptions;
import org.junit.jupiter.api.Test;

/** The arguments of the +bigru functions as bigru.internal.arguments exchanges them with the Java side. */
class MatlabArgumentsTest {

  /** resolve() with "name kind text" triples, as the MATLAB side sends them; the result by field. */
  private static Map<String, String> resolve(String function, String... triples) {
    String[] names = new String[triples.length / 3];
    String[] kinds = new String[names.length];
    String[] texts = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      names[i] = triples[3 * i];
      kinds[i] = triples[3 * i + 1];
      texts[i] = triples[3 * i + 2];
    }
    return byField(MatlabArguments.resolve(function, names, kinds, texts));
  }

  /** Field to "kind text" of [field, kind, text] rows, in order. */
  private static Map<String, String> byField(String[] rows) {
    assertEquals(0, rows.length % 3, "rows of three");
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < rows.length; i += 3) {
      fields.put(rows[i], rows[i + 1] + " " + rows[i + 2]);
    }
    return fields;
  }

  @Test
  void eachFunctionDeclaresItsPositionalArgumentsThenItsOptions() {
    assertEquals(List.of("numHiddenUnits", "required", "Name", "option", "OutputMode", "option", "ResetGateMode",
        "option", "MergeMode", "option"), Arrays.asList(MatlabArguments.declared("bigruLayer")));
    assertEquals(List.of("numHiddenUnits", "required", "Name", "option", "OutputMode", "option"),
        Arrays.asList(MatlabArguments.declared("bilstmLayer")));
    assertEquals(List.of("probability", "optional", "Name", "option"),
        Arrays.asList(MatlabArguments.declared("dropoutLayer")));
    assertEquals(List.of("Name", "option"), Arrays.asList(MatlabArguments.declared("softmaxLayer")));
    List<String> training = Arrays.asList(MatlabArguments.declared("trainingOptions"));
    assertEquals(List.of("solverName", "required", "MaxEpochs", "option"), training.subList(0, 4));
    assertEquals(31 * 2, training.size());
    assertEquals(List.of("MiniBatchSize", "option", "SequenceLength", "option", "SequencePaddingDirection", "option",
        "SequencePaddingValue", "option", "ExecutionEnvironment", "option", "Acceleration", "option"),
        Arrays.asList(MatlabArguments.declared("predict")));
    assertEquals(List.of("SequenceLengths", "option"), Arrays.asList(MatlabArguments.declared("exportONNXNetwork")));
    assertEquals(Map.of("SequenceLengths", "logical true"), resolve("exportONNXNetwork", "SequenceLengths", "number",
        "1"));
    assertMessage("no +bigru function trainNetwork has arguments declared here",
        () -> MatlabArguments.declared("trainNetwork"));
  }

  @Test
  void aLayerStructHasEveryFieldInOneOrderWithMatlabsDefaults() {
    Map<String, String> gru = resolve("gruLayer", "numHiddenUnits", "number", "5", "OutputMode", "text", "LAST");
    assertEquals(List.of("Name", "Type", "InputSize", "NumHiddenUnits", "OutputMode", "ResetGateMode", "MergeMode",
        "OutputSize", "Probability"), List.copyOf(gru.keySet()));
    assertEquals("text ", gru.get("Name"));
    assertEquals("text gru", gru.get("Type"));
    assertEquals("number 5", gru.get("NumHiddenUnits"));
    assertEquals("number ", gru.get("InputSize"));
    assertEquals("text last", gru.get("OutputMode"));
    assertEquals("text after-multiplication", gru.get("ResetGateMode"));
    assertEquals("text ", gru.get("MergeMode"));
    Map<String, String> bilstm = resolve("bilstmLayer", "numHiddenUnits", "number", "4", "Name", "text", "bi");
    assertEquals("text bi", bilstm.get("Name"));
    assertEquals("text sequence", bilstm.get("OutputMode"));
    assertEquals("text concat", bilstm.get("MergeMode"), "MATLAB's bilstmLayer concatenates");
    assertEquals("text ", bilstm.get("ResetGateMode"));
    assertEquals("number 0.5", resolve("dropoutLayer").get("Probability"));
    assertEquals("number 0.25", resolve("dropoutLayer", "probability", "number", "0.25").get("Probability"));
    assertEquals("text recurrent-bias-after-multiplication", resolve("bigruLayer", "numHiddenUnits", "number", "3",
        "ResetGateMode", "text", "Recurrent-Bias-After-Multiplication").get("ResetGateMode"));
    assertEquals(List.of("Name", "Type", "InputSize", "NumHiddenUnits", "OutputMode", "ResetGateMode", "MergeMode",
        "OutputSize", "Probability"), List.copyOf(resolve("regressionLayer").keySet()));
  }

  @Test
  void theLayersOfAnArrayReadBackAsTheLayerFunctionsWroteThem() {
    Map<String, String> written = resolve("bigruLayer", "numHiddenUnits", "number", "8", "MergeMode", "text", "sum",
        "Name", "text", "g");
    LayerArray array = LayerArray.fromMatlab(new String[] {"sequenceInput", "bigru", "fullyConnected", "regression"},
        new String[] {"", "g", "", ""}, new double[] {3, 8, 1, Double.NaN}, new String[] {"", "sequence", "", ""},
        new String[] {"", "after-multiplication", "", ""}, new String[] {"", "sum", "", ""});
    String[] all = array.fields();
    assertEquals(4 * 9 * 3, all.length);
    assertEquals(written, byField(Arrays.copyOfRange(all, 27, 54)));
    assertEquals("number 3", byField(Arrays.copyOfRange(all, 0, 27)).get("InputSize"));
    assertEquals("text sequenceinput", byField(Arrays.copyOfRange(all, 0, 27)).get("Name"));
  }

  @Test
  void valuesAreCheckedHereWithMatlabsNamesForThem() {
    assertMessage("numHiddenUnits is required", () -> resolve("bigruLayer"));
    assertMessage("inputSize (features per time step) is required", () -> resolve("sequenceInputLayer"));
    assertMessage("numHiddenUnits must be a whole number of at least 1, not 0",
        () -> resolve("lstmLayer", "numHiddenUnits", "number", "0"));
    assertMessage("outputSize must be a whole number of at least 1, not '4'",
        () -> resolve("fullyConnectedLayer", "outputSize", "text", "4"));
    assertMessage("probability must be a number in [0, 1), not 1",
        () -> resolve("dropoutLayer", "probability", "number", "1"));
    assertMessage("the value of 'OutputMode' must be 'sequence', 'last', not 'first'",
        () -> resolve("bigruLayer", "numHiddenUnits", "number", "2", "OutputMode", "text", "first"));
    assertMessage("the value of 'MergeMode' must be 'concat', 'sum', 'ave', 'mul', not 2",
        () -> resolve("bigruLayer", "numHiddenUnits", "number", "2", "MergeMode", "number", "2"));
    assertMessage("the value of 'Name' must be a string, not a 1-by-2 cell",
        () -> resolve("reluLayer", "Name", "other", "a 1-by-2 cell"));
    assertMessage("the value of 'Normalization' must be 'none', not 'zscore'",
        () -> resolve("sequenceInputLayer", "inputSize", "number", "3", "Normalization", "text", "zscore"));
    assertMessage("'ResetGateMode' is not an option of lstmLayer; the options are: Name, OutputMode",
        () -> resolve("lstmLayer", "numHiddenUnits", "number", "2", "ResetGateMode", "text", "after-multiplication"));
    assertMessage("the value of 'MiniBatchSize' must be a whole number of at least 1, not 2.5",
        () -> resolve("predict", "MiniBatchSize", "number", "2.5"));
    assertMessage("the value of 'Acceleration' must be 'auto', 'none', not 'mex'",
        () -> resolve("classify", "Acceleration", "text", "mex"));
    assertMessage("SequenceLength 'shortest' is not supported",
        () -> resolve("classify", "SequenceLength", "text", "shortest"));
  }

  @Test
  void trainingOptionsComeBackWithMatlabsDefaultsForTheSolver() {
    Map<String, String> adam = resolve("trainingOptions", "solverName", "text", "Adam", "Shuffle", "text",
        "EVERY-EPOCH", "Verbose", "number", "0");
    assertEquals("text adam", adam.get("Solver"));
    assertEquals("number 30", adam.get("MaxEpochs"));
    assertEquals("number 128", adam.get("MiniBatchSize"));
    assertEquals("number " + OptimizerKind.ADAM.defaultLearningRate(), adam.get("InitialLearnRate"));
    assertEquals("number 1.0E-4", adam.get("L2Regularization"));
    assertEquals("number 0.999", adam.get("SquaredGradientDecayFactor"));
    assertEquals("number Inf", adam.get("GradientThreshold"));
    assertEquals("number Inf", adam.get("ValidationPatience"));
    assertEquals("text every-epoch", adam.get("Shuffle"), "a choice comes back canonical");
    assertEquals("data ", adam.get("ValidationData"));
    assertEquals("logical false", adam.get("Verbose"));
    assertEquals("number ", adam.get("Seed"));
    assertEquals("text ", adam.get("CheckpointPath"));
    Map<String, String> sgdm = resolve("trainingOptions", "solverName", "text", "sgdm");
    assertEquals("number 0.01", sgdm.get("InitialLearnRate"));
    assertEquals("number 0.9", resolve("trainingOptions", "solverName", "text", "rmsprop")
        .get("SquaredGradientDecayFactor"));
    assertMessage("solverName ('adam', 'sgdm', 'rmsprop') is required", () -> resolve("trainingOptions"));
    assertMessage("the value of 'Shuffle' must be 'once', 'never', 'every-epoch', not 3",
        () -> resolve("trainingOptions", "solverName", "text", "adam", "Shuffle", "number", "3"));
    assertMessage("the value of 'MaxEpochs' must be a whole number of at least 1, not '7'",
        () -> resolve("trainingOptions", "solverName", "text", "adam", "MaxEpochs", "text", "7"));
    assertMessage("the value of 'Verbose' must be true or false, not NaN",
        () -> resolve("trainingOptions", "solverName", "text", "adam", "Verbose", "number", "NaN"));
    assertMessage("the value of 'CheckpointPath' must be a string, not 3",
        () -> resolve("trainingOptions", "solverName", "text", "adam", "CheckpointPath", "number", "3"));
  }

  @Test
  void theOptionsStructReadsBackAsTheSameTrainingOptions() {
    String[] rows = MatlabArguments.resolve("trainingOptions", new String[] {"solverName", "MaxEpochs", "Seed",
        "Shuffle", "GradientThreshold"}, new String[] {"text", "number", "number", "text", "number"},
        new String[] {"sgdm", "7", "42", "never", "2"});
    String[] fields = new String[rows.length / 3];
    String[] kinds = new String[fields.length];
    String[] texts = new String[fields.length];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = rows[3 * i];
      String kind = rows[3 * i + 1];
      texts[i] = rows[3 * i + 2];
      // as bigru.internal.valueText describes what structFromRows made of each row
      kinds[i] = kind.equals("data") || (kind.equals("number") && texts[i].isEmpty()) ? "empty" : kind;
    }
    TrainingOptions t = MatlabOptions.fromStruct(fields, kinds, texts).training();
    assertEquals(OptimizerKind.SGDM, t.optimizer());
    assertEquals(7, t.maxEpochs());
    assertEquals(42, t.seed());
    assertEquals(Shuffle.NEVER, t.shuffle());
    assertEquals(2.0, t.parameterGradientThreshold());
    assertEquals(0.01, t.learningRate());
    assertTrue(MatlabOptions.fromStruct(fields, kinds, texts).verbose());
    assertEquals(t.toString(), MatlabOptions.fromMatlab("sgdm", new String[] {"MaxEpochs", "Seed", "Shuffle",
        "GradientThreshold"}, new String[] {"7", "42", "never", "2"}).training().toString());
  }

  @Test
  void trainNetworkAsksWhetherToPlot() {
    assertFalse(MatlabOptions.fromMatlab("adam", new String[0], new String[0]).plotsProgress());
    assertTrue(MatlabOptions.fromMatlab("adam", new String[] {"Plots"}, new String[] {"Training-Progress"})
        .plotsProgress());
  }
}
