package org.bigru.matlab;

import static org.bigru.matlab.SequencesTest.assertMessage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bigru.model.Network;
import org.bigru.model.data.Dataset;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade's share of the bad-input catalogue: sizes beyond a Java array or the heap, and options that are
 * NaN or beyond single precision, refused in one message naming the layer, option or file, with MATLAB's way
 * of raising the heap.
 */
class MatlabLimitsTest {

  private static final String RAISE = "raise the Java heap (MATLAB: Preferences > General > Java Heap Memory; "
      + "Octave: a line -Xmx4g in java.opts)";

  @TempDir
  Path dir;

  /** sequenceInputLayer(1), bigruLayer(units), fullyConnectedLayer(outputs), then the output layers. */
  private static LayerArray layers(double units, String mode, double hidden, double outputs, boolean classes) {
    String[] types = classes
        ? new String[] {"sequenceInput", "bigru", "fullyConnected", "fullyConnected", "softmax", "classification"}
        : new String[] {"sequenceInput", "bigru", "fullyConnected", "fullyConnected", "regression"};
    int n = types.length;
    double[] sizes = new double[n];
    String[] empty = new String[n];
    String[] modes = new String[n];
    String[] resets = new String[n];
    String[] merges = new String[n];
    for (int i = 0; i < n; i++) {
      sizes[i] = Double.NaN;
      empty[i] = "";
      modes[i] = i == 1 ? mode : "";
      resets[i] = i == 1 ? "after-multiplication" : "";
      merges[i] = i == 1 ? "concat" : "";
    }
    sizes[0] = 1;
    sizes[1] = units;
    sizes[2] = hidden;
    sizes[3] = outputs;
    return LayerArray.fromMatlab(types, empty, sizes, modes, resets, merges);
  }

  @Test
  void layerSizesBeyondAnArrayNameTheLayer() {
    assertMessage("layers(2) (bigruLayer 'bigru') has an invalid NumHiddenUnits: a GRU layer of 100000 units has a "
        + "recurrent weight matrix", () -> layers(100_000, "last", 4, 1, false));
    assertMessage("layers: the weights of hidden dense layer 1 (2000000000 units x 8 inputs)",
        () -> layers(4, "last", 2e9, 1, false));
  }

  @Test
  void trainingLargerThanTheHeapIsRefusedBeforeTheNetworkIsBuilt() {
    Sequences x = Sequences.fromMatlab("X", new double[] {1, 2, 3}, new double[] {1, 1, 1}, new double[] {1, 1, 1});
    Dataset y = MatlabTargets.responsesPerSequence(x, "Y", new double[] {1, 2, 3}, 3, 1);
    MatlabOptions options = MatlabOptions.fromMatlab("adam", new String[0], new String[0]);
    assertMessage("training BiGRU(20000, last) -> Dense(1, linear) -> fc(1) (", () -> Bigru.train("trainNetwork",
        layers(20_000, "last", 1, 1, false), y, null, null, options, null, null));
    assertMessage(" needs ", () -> Bigru.train("trainNetwork", layers(20_000, "last", 1, 1, false), y, null, null, options, null,
        null));
    assertMessage(" MiB; " + RAISE + " or use fewer NumHiddenUnits", () -> Bigru.train("trainNetwork", layers(20_000, "last", 1, 1,
        false), y, null, null, options, null, null));
  }

  @Test
  void predictingMoreThanTheHeapHoldsIsRefused() {
    LayerArray layers = layers(2, "sequence", 2, 20_000, true);
    MatlabNetwork network = new MatlabNetwork(Network.create(layers.config(), 1));
    int steps = 1_000_000;
    Sequences x = Sequences.fromMatlab("X", new double[steps], new double[] {1}, new double[] {steps});
    assertMessage("predicting 1 sequences of up to 1000000 time steps needs ", () -> network.predict(x));
    assertMessage(RAISE + " or pass fewer sequences at a time", () -> network.predict(x));
  }

  @Test
  void aNetworkFileClaimingAHugeNetworkIsRefused() throws IOException {
    Path file = dir.resolve("claims.safetensors");
    String config = "{\"input_size\": 2, \"recurrent\": [{\"units\": 20000, \"bidirectional\": true, "
        + "\"reset_mode\": \"after-multiplication\", \"merge\": \"concat\"}], \"output_mode\": \"last\", "
        + "\"output_size\": 1}";
    new SafeTensors(Map.of("format", "bigru", "format_version", "1", "config", config),
        Map.of("fc.bias", Tensor.ofFloats(new int[] {1}, new float[1]))).write(file);
    assertMessage("the network claims.safetensors describes (", () -> MatlabNetwork.load(file.toString()));
    assertMessage(RAISE + " or use a smaller model", () -> MatlabNetwork.load(file.toString()));
  }

  @Test
  void aCheckpointPathServesOneRun() {
    Sequences x = Sequences.fromMatlab("X", new double[] {1, 2, 3}, new double[] {1, 1, 1}, new double[] {1, 1, 1});
    Dataset y = MatlabTargets.responsesPerSequence(x, "Y", new double[] {1, 2, 3}, 3, 1);
    String folder = dir.resolve("ck").toString();
    MatlabOptions options = MatlabOptions.fromMatlab("adam", new String[] {"MaxEpochs", "CheckpointPath", "Verbose"},
        new String[] {"1", folder, "false"});
    Bigru.train("trainNetwork", layers(2, "last", 2, 1, false), y, null, null, options, null, null);
    assertMessage("CheckpointPath '" + folder + "' already holds the checkpoints of this same run", () ->
        Bigru.train("trainNetwork", layers(2, "last", 2, 1, false), y, null, null, options, null, null));
    assertMessage("; give another CheckpointPath, or set 'ResumeFromCheckpoint', true to continue that run", () ->
        Bigru.train("trainNetwork", layers(2, "last", 2, 1, false), y, null, null, options, null, null));
  }

  @Test
  void optionsThatAreNaNOrBeyondSinglePrecisionAreRefused() {
    for (String option : new String[] {"InitialLearnRate", "L2Regularization", "Epsilon"}) {
      assertMessage("the value of '" + option + "' must be a finite number", () -> MatlabOptions.fromMatlab("adam",
          new String[] {option}, new String[] {"NaN"}));
      assertMessage("(at most realmax('single')), not 1e308", () -> MatlabOptions.fromMatlab("adam",
          new String[] {option}, new String[] {"1e308"}));
    }
  }
}
