package org.bigru.model.io.onnx;

import static org.bigru.model.io.onnx.GraphBuilder.inputs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.DropoutLayerSpec;
import org.bigru.model.LayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.io.ModelConfigJson;
import org.bigru.model.io.interchange.GateLayout;

/**
 * A network as an ONNX graph (opset {@value #OPSET}) that computes what {@code Network.predict} computes.
 *
 * <p>Input {@code x} [batch, time, features] float (dynamic batch and time), and, when asked for,
 * {@code sequence_lens} [batch] int32, the real steps of each right-padded sequence (without it every sequence
 * is {@code time} steps long). ONNX has no optional graph input that every runtime can feed (an input with a
 * default initializer cannot be fed through ONNX Runtime's Java API), so the choice is made at export. Output
 * {@code y}: [batch, time, outputs] when the last recurrent layer passes on every step (zeros on padded steps),
 * else [batch, outputs].
 *
 * <p>Each recurrent layer is one {@code GRU} or {@code LSTM} node ({@code direction="bidirectional"} when it
 * has two directions) reading the time-major sequence, with PyTorch's gate blocks converted (GRU r|z|n to
 * z|r|h; LSTM i|f|g|o to i|o|f|c) and W, R, B stacked per direction. Reset modes: recurrent bias after
 * multiplication is {@code linear_before_reset=1} with the recurrent bias; after multiplication is
 * {@code linear_before_reset=1} with a zero recurrent bias; before multiplication is
 * {@code linear_before_reset=0} (the single bias in the input half). Merges are nodes: concat is
 * Transpose + Reshape, sum is Split + Add, ave is Split + Add + Mul 0.5, mul is Split + Mul; output mode 'last'
 * merges the final states {@code Y_h}. Dense layers are MatMul + Add and their activation; dropout is left out
 * (inference). Classification outputs are logits, as {@code bigru infer} gives them.
 *
 * <p>With {@link OnnxPreprocessing}, Sub and Div nodes scale the raw feature columns first (and Reshape split a
 * row into steps), and Mul and Add bring a regression output back to original units.
 */
public final class OnnxExporter {

  public static final int OPSET = 14;
  static final long IR_VERSION = 8;
  /** Metadata key holding the network's configuration JSON, for a reader's information. */
  public static final String CONFIG_KEY = "bigru.config";
  /** Name of the optional input of sequence lengths, as ONNX's recurrent nodes name theirs. */
  public static final String LENGTHS = "sequence_lens";

  private final Network network;
  private final OnnxPreprocessing preprocessing;
  private final boolean sequenceLengths;
  private final GraphBuilder g = new GraphBuilder();
  private String lengths = "";
  private String steps;

  private OnnxExporter(Network network, OnnxPreprocessing preprocessing, boolean sequenceLengths) {
    this.network = network;
    this.preprocessing = preprocessing;
    this.sequenceLengths = sequenceLengths;
  }

  /**
   * The graph of a network.
   *
   * @param preprocessing   scaling around the network, or null for none
   * @param sequenceLengths whether the graph has the input {@code sequence_lens}
   */
  public static OnnxModel export(Network network, OnnxPreprocessing preprocessing, boolean sequenceLengths) {
    if (network == null) {
      throw new IllegalArgumentException("a network is required");
    }
    return new OnnxExporter(network, preprocessing, sequenceLengths).build();
  }

  private OnnxModel build() {
    ModelConfig config = network.config();
    checkPreprocessing(config);
    String x = input(config);
    String sequence = g.node("Transpose", "time_major", inputs(x), OnnxAttribute.ofInts("perm", 1, 0, 2));
    int width = config.inputSize();
    boolean timeMajor = true;
    int[] cellCount = new int[CellType.values().length];
    int dense = 0;
    boolean perStep = true;
    for (LayerSpec spec : config.layers()) {
      if (spec instanceof RecurrentLayerSpec r) {
        sequence = recurrent(r, cellCount[r.cell().ordinal()]++, sequence, width);
        perStep = r.outputMode() == OutputMode.SEQUENCE;
        width = r.outputWidth();
        continue;
      }
      if (spec instanceof DropoutLayerSpec) {
        continue;
      }
      if (timeMajor && perStep) {
        sequence = g.node("Transpose", "batch_major", inputs(sequence), OnnxAttribute.ofInts("perm", 1, 0, 2));
      }
      timeMajor = false;
      String module = spec instanceof DenseLayerSpec ? "dense" + dense++ : "fc";
      sequence = dense(module, sequence, width, spec.outputWidth(width));
      if (spec instanceof DenseLayerSpec d) {
        sequence = activation(d, sequence);
      }
      width = spec.outputWidth(width);
    }
    String y = sequence;
    if (preprocessing != null && preprocessing.targetScale() != null) {
      y = g.node("Mul", "target_scaled", inputs(y, g.floats("target_scale", new long[] {width},
          toFloats(preprocessing.targetScale()))));
      y = g.node("Add", "target_unscaled", inputs(y, g.floats("target_mean", new long[] {width},
          toFloats(preprocessing.targetMean()))));
    }
    if (perStep && sequenceLengths) {
      y = maskPaddedSteps(y);
    }
    g.add("Identity", "output", inputs(y), List.of("y"));
    List<Object> outputDims = perStep ? List.of("batch", "time", (long) width) : List.of("batch", (long) width);
    OnnxGraph graph = new OnnxGraph("bigru", g.nodes(), g.initializers(), graphInputs(config),
        List.of(new OnnxValueInfo("y", OnnxTensor.FLOAT, outputDims)));
    return new OnnxModel(IR_VERSION, Map.of("", (long) OPSET), "bigru", "1", graph,
        Map.of(CONFIG_KEY, ModelConfigJson.toJson(config)));
  }

  private void checkPreprocessing(ModelConfig config) {
    if (preprocessing == null) {
      return;
    }
    int columns = preprocessing.featureMean().length;
    int expected = preprocessing.rowSteps() > 0 ? config.inputSize() * preprocessing.rowSteps() : config.inputSize();
    if (columns != expected) {
      throw new IllegalArgumentException("the feature scaler has " + columns + " columns, but the network reads "
          + expected + (preprocessing.rowSteps() > 0 ? " (" + preprocessing.rowSteps() + " steps of "
          + config.inputSize() + ")" : ""));
    }
    if (preprocessing.targetMean() != null && preprocessing.targetMean().length != config.outputSize()) {
      throw new IllegalArgumentException("the target scaler has " + preprocessing.targetMean().length
          + " columns, but the network has " + config.outputSize() + " outputs");
    }
  }

  private List<OnnxValueInfo> graphInputs(ModelConfig config) {
    List<Object> xDims = preprocessing != null && preprocessing.rowSteps() > 0
        ? List.of("batch", (long) preprocessing.featureMean().length)
        : List.of("batch", "time", (long) config.inputSize());
    OnnxValueInfo x = new OnnxValueInfo("x", OnnxTensor.FLOAT, xDims);
    return sequenceLengths ? List.of(x, new OnnxValueInfo(LENGTHS, OnnxTensor.INT32, List.of("batch"))) : List.of(x);
  }

  /** The scaled input [N, T, I]; with sequence lengths, also its steps T (for the mask of padded steps). */
  private String input(ModelConfig config) {
    String x = "x";
    if (preprocessing != null) {
      int columns = preprocessing.featureMean().length;
      x = g.node("Sub", "centred", inputs(x, g.floats("feature_mean", new long[] {columns},
          toFloats(preprocessing.featureMean()))));
      x = g.node("Div", "scaled", inputs(x, g.floats("feature_scale", new long[] {columns},
          toFloats(preprocessing.featureScale()))));
      if (preprocessing.rowSteps() > 0) {
        x = g.node("Reshape", "row_steps", inputs(x, g.longs("row_steps_shape", 0, preprocessing.rowSteps(),
            config.inputSize())));
      }
    }
    if (sequenceLengths) {
      lengths = LENGTHS;
      String shape = g.node("Shape", "input_shape", inputs(x));
      String time = g.node("Gather", "time", inputs(shape, g.longScalar("index1", 1)), OnnxAttribute.ofInt("axis", 0));
      steps = g.node("Cast", "time_int32", inputs(time), OnnxAttribute.ofInt("to", OnnxTensor.INT32));
    }
    return x;
  }

  /** One recurrent node on the time-major sequence [T, N, width]; returns the merged output. */
  private String recurrent(RecurrentLayerSpec spec, int index, String x, int inputWidth) {
    int directions = spec.bidirectional() ? 2 : 1;
    int hidden = spec.units();
    boolean gru = spec.cell() == CellType.GRU;
    int gates = spec.cell().gates();
    int[] order = gru ? GateLayout.GRU_ONNX_FROM_TORCH : GateLayout.LSTM_ONNX_FROM_TORCH;
    String module = spec.cell().lowerName();
    float[] w = new float[directions * gates * hidden * inputWidth];
    float[] r = new float[directions * gates * hidden * hidden];
    float[] b = new float[directions * 2 * gates * hidden];
    ResetGateMode mode = spec.resetMode();
    for (int d = 0; d < directions; d++) {
      String suffix = "_l" + index + (d == 1 ? "_reverse" : "");
      float[] weightIh = network.parameter(module + ".weight_ih" + suffix).copyOfValues();
      float[] weightHh = network.parameter(module + ".weight_hh" + suffix).copyOfValues();
      float[] biasIh = network.parameter(module + ".bias_ih" + suffix).copyOfValues();
      boolean recurrentBias = !gru || mode.hasRecurrentBias();
      float[] biasHh = recurrentBias ? network.parameter(module + ".bias_hh" + suffix).copyOfValues()
          : new float[gates * hidden];
      copy(GateLayout.reorderBlocks(weightIh, order, hidden, inputWidth), w, d);
      copy(GateLayout.reorderBlocks(weightHh, order, hidden, hidden), r, d);
      float[] bias = new float[2 * gates * hidden];
      System.arraycopy(GateLayout.reorderBlocks(biasIh, order, hidden, 1), 0, bias, 0, gates * hidden);
      System.arraycopy(GateLayout.reorderBlocks(biasHh, order, hidden, 1), 0, bias, gates * hidden, gates * hidden);
      copy(bias, b, d);
    }
    String prefix = module + "_l" + index;
    String wName = g.floats(prefix + "_W", new long[] {directions, (long) gates * hidden, inputWidth}, w);
    String rName = g.floats(prefix + "_R", new long[] {directions, (long) gates * hidden, hidden}, r);
    String bName = g.floats(prefix + "_B", new long[] {directions, 2L * gates * hidden}, b);
    boolean last = spec.outputMode() == OutputMode.LAST;
    String name = g.unique(prefix);
    String y = last ? "" : name + "_Y";
    String yh = last ? name + "_Y_h" : "";
    List<OnnxAttribute> attributes = new ArrayList<>();
    attributes.add(OnnxAttribute.ofInt("hidden_size", hidden));
    attributes.add(OnnxAttribute.ofString("direction", directions == 2 ? "bidirectional" : "forward"));
    if (gru) {
      attributes.add(OnnxAttribute.ofInt("linear_before_reset", mode.resetAfter() ? 1 : 0));
    }
    g.add(gru ? "GRU" : "LSTM", name, inputs(x, wName, rName, bName, lengths), last ? List.of(y, yh) : List.of(y),
        attributes.toArray(new OnnxAttribute[0]));
    return last ? merge(spec, yh, 0, name) : merge(spec, y, 1, name);
  }

  /**
   * Joins the directions of Y [T, D, N, H] (directionAxis 1) or Y_h [D, N, H] (directionAxis 0) into
   * [T, N, W] or [N, W].
   */
  private String merge(RecurrentLayerSpec spec, String states, int directionAxis, String name) {
    if (!spec.bidirectional()) {
      return g.node("Squeeze", name + "_forward", inputs(states, g.longs("axes" + directionAxis, directionAxis)));
    }
    if (spec.merge() == MergeMode.CONCAT) {
      String moved = g.node("Transpose", name + "_directions_last",
          inputs(states), directionAxis == 1 ? OnnxAttribute.ofInts("perm", 0, 2, 1, 3)
              : OnnxAttribute.ofInts("perm", 1, 0, 2));
      String shape = directionAxis == 1 ? g.longs("shape_concat_sequence", 0, 0, -1)
          : g.longs("shape_concat_last", 0, -1);
      return g.node("Reshape", name + "_concat", inputs(moved, shape));
    }
    String forwardSlot = name + "_forward_slot";
    String reverseSlot = name + "_reverse_slot";
    g.add("Split", g.unique(name + "_split"), inputs(states), List.of(forwardSlot, reverseSlot),
        OnnxAttribute.ofInt("axis", directionAxis));
    String axes = g.longs("axes" + directionAxis, directionAxis);
    String forward = g.node("Squeeze", name + "_forward", inputs(forwardSlot, axes));
    String reverse = g.node("Squeeze", name + "_reverse", inputs(reverseSlot, axes));
    return switch (spec.merge()) {
      case SUM -> g.node("Add", name + "_sum", inputs(forward, reverse));
      case AVE -> g.node("Mul", name + "_ave", inputs(g.node("Add", name + "_sum", inputs(forward, reverse)),
          g.scalar("half", 0.5f)));
      case MUL -> g.node("Mul", name + "_mul", inputs(forward, reverse));
      default -> throw new IllegalStateException("merge " + spec.merge());
    };
  }

  /** x [..., in] times the module's weight transposed, plus its bias. */
  private String dense(String module, String x, int in, int out) {
    float[] weight = network.parameter(module + ".weight").copyOfValues();
    String wT = g.floats(module + "_weight_T", new long[] {in, out}, GateLayout.transpose(weight, out, in));
    String product = g.node("MatMul", module + "_matmul", inputs(x, wT));
    String bias = g.floats(module + "_bias", new long[] {out}, network.parameter(module + ".bias").copyOfValues());
    return g.node("Add", module, inputs(product, bias));
  }

  private String activation(DenseLayerSpec spec, String x) {
    return switch (spec.activation()) {
      case LINEAR -> x;
      case RELU -> g.node("Relu", x + "_relu", inputs(x));
      case TANH -> g.node("Tanh", x + "_tanh", inputs(x));
      case SIGMOID -> g.node("Sigmoid", x + "_sigmoid", inputs(x));
    };
  }

  /** y [N, T, O] with zeros on the steps at or beyond each sequence's length, as Network.predict gives them. */
  private String maskPaddedSteps(String y) {
    String stepIndex = g.node("Range", "step_index", inputs(g.intScalar("zero_int32", 0), steps,
        g.intScalar("one_int32", 1)));
    String column = g.node("Unsqueeze", "lengths_column", inputs(lengths, g.longs("axes1", 1)));
    String real = g.node("Less", "real_step", inputs(stepIndex, column));
    String realSteps = g.node("Unsqueeze", "real_step_3d", inputs(real, g.longs("axes2", 2)));
    return g.node("Where", "padded_steps_zero", inputs(realSteps, y, g.scalar("zero", 0f)));
  }

  private static void copy(float[] block, float[] into, int direction) {
    System.arraycopy(block, 0, into, direction * block.length, block.length);
  }

  private static float[] toFloats(double[] values) {
    float[] f = new float[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) values[i];
    }
    return f;
  }
}
