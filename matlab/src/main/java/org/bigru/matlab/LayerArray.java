package org.bigru.matlab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bigru.model.Activation;
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

/**
 * A MATLAB layer array and the network architecture it describes.
 *
 * <p>The layers cross as parallel arrays, one entry per layer: the type (the layer function's name without
 * "Layer": sequenceInput, bigru, gru, fullyConnected, relu, tanh, sigmoid, dropout, softmax, classification,
 * regression), the name, the size (InputSize, NumHiddenUnits, OutputSize or Probability; NaN for the others)
 * and the OutputMode, ResetGateMode and MergeMode of recurrent layers (empty for the others).
 *
 * <p>The architectures bigru runs: sequenceInputLayer; one or more recurrent layers, all but the last with
 * OutputMode 'sequence'; hidden fullyConnectedLayers, each optionally followed by reluLayer, tanhLayer or
 * sigmoidLayer; the output fullyConnectedLayer; then softmaxLayer and classificationLayer, or regressionLayer.
 * dropoutLayer goes after the last recurrent layer and after every hidden layer, with one probability.
 */
public final class LayerArray {

  /** The layer types, by their function names without "Layer". */
  enum Type {
    SEQUENCE_INPUT("sequenceInput", "sequenceinput"), BIGRU("bigru", "bigru"), GRU("gru", "gru"),
    FULLY_CONNECTED("fullyConnected", "fc"), RELU("relu", "relu"), TANH("tanh", "tanh"),
    SIGMOID("sigmoid", "sigmoid"), DROPOUT("dropout", "dropout"), SOFTMAX("softmax", "softmax"),
    CLASSIFICATION("classification", "classoutput"), REGRESSION("regression", "regressionoutput");

    final String key;
    final String defaultName;

    Type(String key, String defaultName) {
      this.key = key;
      this.defaultName = defaultName;
    }

    String function() {
      return key + "Layer";
    }

    static Type of(String key, int position) {
      for (Type t : values()) {
        if (t.key.equalsIgnoreCase(key)) {
          return t;
        }
      }
      throw new IllegalArgumentException("layers(" + position + ") has unknown type '" + key + "'");
    }
  }

  private static final String NAMES_KEY = "matlab.layerNames";

  private final Type[] types;
  private final String[] names;
  private final double[] sizes;
  private final String[] outputModes;
  private final String[] resetModes;
  private final String[] mergeModes;
  private final ModelConfig config;

  private LayerArray(Type[] types, String[] names, double[] sizes, String[] outputModes, String[] resetModes,
                     String[] mergeModes, ModelConfig config) {
    this.types = types;
    this.names = names;
    this.sizes = sizes;
    this.outputModes = outputModes;
    this.resetModes = resetModes;
    this.mergeModes = mergeModes;
    this.config = config;
  }

  /** Reads and checks a layer array; the architecture's output size is the last fullyConnectedLayer's. */
  public static LayerArray fromMatlab(Object types, Object names, Object sizes, Object outputModes,
                                      Object resetModes, Object mergeModes) {
    String[] t = MatlabValues.strings(types, "the layer types");
    int n = t.length;
    if (n == 0) {
      throw new IllegalArgumentException("layers is empty: expected a layer array such as [sequenceInputLayer(3); "
          + "bigruLayer(64); fullyConnectedLayer(1); regressionLayer]");
    }
    String[] nm = sameLength(MatlabValues.strings(names, "the layer names"), n, "names");
    double[] sz = MatlabValues.doubles(sizes, "the layer sizes");
    if (sz.length != n) {
      throw new IllegalArgumentException(sz.length + " layer sizes for " + n + " layers");
    }
    String[] om = sameLength(MatlabValues.strings(outputModes, "the output modes"), n, "output modes");
    String[] rm = sameLength(MatlabValues.strings(resetModes, "the reset gate modes"), n, "reset gate modes");
    String[] mm = sameLength(MatlabValues.strings(mergeModes, "the merge modes"), n, "merge modes");
    Type[] ty = new Type[n];
    for (int i = 0; i < n; i++) {
      ty[i] = Type.of(t[i], i + 1);
    }
    String[] filled = uniqueNames(ty, nm);
    ModelConfig config = new Parser(ty, filled, sz, om, rm, mm).parse();
    Map<String, String> meta = new HashMap<>();
    meta.put(NAMES_KEY, String.join("\n", filled));
    return new LayerArray(ty, filled, sz, om, rm, mm, config.withPreprocessing(meta));
  }

  /** The layer array of a network built elsewhere (the command line, Python): MATLAB's layers for it. */
  public static LayerArray fromConfig(ModelConfig config) {
    List<Type> ty = new ArrayList<>();
    List<Double> sz = new ArrayList<>();
    List<String> om = new ArrayList<>();
    List<String> rm = new ArrayList<>();
    List<String> mm = new ArrayList<>();
    add(ty, sz, om, rm, mm, Type.SEQUENCE_INPUT, config.inputSize(), "", "", "");
    for (LayerSpec spec : config.layers()) {
      if (spec instanceof RecurrentLayerSpec r) {
        add(ty, sz, om, rm, mm, r.bidirectional() ? Type.BIGRU : Type.GRU, r.units(), r.outputMode().lowerName(),
            r.resetMode().matlabName(), r.bidirectional() ? r.merge().lowerName() : "");
      } else if (spec instanceof DropoutLayerSpec d) {
        add(ty, sz, om, rm, mm, Type.DROPOUT, d.probability(), "", "", "");
      } else if (spec instanceof DenseLayerSpec d) {
        add(ty, sz, om, rm, mm, Type.FULLY_CONNECTED, d.units(), "", "", "");
        if (d.activation() != Activation.LINEAR) {
          add(ty, sz, om, rm, mm, Type.valueOf(d.activation().name()), Double.NaN, "", "", "");
        }
      } else {
        add(ty, sz, om, rm, mm, Type.FULLY_CONNECTED, ((OutputLayerSpec) spec).size(), "", "", "");
      }
    }
    if (config.task() == Task.CLASSIFICATION) {
      add(ty, sz, om, rm, mm, Type.SOFTMAX, Double.NaN, "", "", "");
      add(ty, sz, om, rm, mm, Type.CLASSIFICATION, Double.NaN, "", "", "");
    } else {
      add(ty, sz, om, rm, mm, Type.REGRESSION, Double.NaN, "", "", "");
    }
    Type[] types = ty.toArray(new Type[0]);
    String stored = config.preprocessing().get(NAMES_KEY);
    String[] names = stored == null ? new String[types.length] : stored.split("\n", -1);
    if (names.length != types.length) {
      names = new String[types.length];
    }
    for (int i = 0; i < names.length; i++) {
      if (names[i] == null) {
        names[i] = "";
      }
    }
    double[] sizes = sz.stream().mapToDouble(Double::doubleValue).toArray();
    return new LayerArray(types, uniqueNames(types, names), sizes, om.toArray(new String[0]),
        rm.toArray(new String[0]), mm.toArray(new String[0]), config);
  }

  private static void add(List<Type> ty, List<Double> sz, List<String> om, List<String> rm, List<String> mm,
                          Type type, double size, String outputMode, String resetMode, String mergeMode) {
    ty.add(type);
    sz.add(size);
    om.add(outputMode);
    rm.add(resetMode);
    mm.add(mergeMode);
  }

  /** The architecture (class names not yet set; the layer names in its preprocessing metadata). */
  public ModelConfig config() {
    return config;
  }

  public boolean isClassification() {
    return config.task() == Task.CLASSIFICATION;
  }

  /** Whether the network answers per time step (OutputMode 'sequence') rather than per sequence. */
  public boolean isPerStep() {
    return config.outputMode() == OutputMode.SEQUENCE;
  }

  /** The outputs: classes or responses. */
  public int outputSize() {
    return config.outputSize();
  }

  public String[] types() {
    String[] keys = new String[types.length];
    for (int i = 0; i < types.length; i++) {
      keys[i] = types[i].key;
    }
    return keys;
  }

  public String[] names() {
    return names.clone();
  }

  public double[] sizes() {
    return sizes.clone();
  }

  public String[] outputModes() {
    return outputModes.clone();
  }

  public String[] resetGateModes() {
    return resetModes.clone();
  }

  public String[] mergeModes() {
    return mergeModes.clone();
  }

  /** Where the output fullyConnectedLayer is, for messages: {@code layers(4) (fullyConnectedLayer 'fc')}. */
  public String outputLayer() {
    for (int i = types.length - 1; i >= 0; i--) {
      if (types[i] == Type.FULLY_CONNECTED) {
        return describe(types, names, i);
      }
    }
    throw new IllegalStateException("a checked layer array has an output layer");
  }

  private static String describe(Type[] types, String[] names, int i) {
    return "layers(" + (i + 1) + ") (" + types[i].function() + " '" + names[i] + "')";
  }

  private static String[] sameLength(String[] values, int n, String what) {
    if (values.length != n) {
      throw new IllegalArgumentException(values.length + " layer " + what + " for " + n + " layers");
    }
    return values;
  }

  /** MATLAB's naming: empty names become the type's default name, with _1, _2, ... when taken. */
  private static String[] uniqueNames(Type[] types, String[] names) {
    String[] result = new String[names.length];
    Map<String, Integer> given = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (!names[i].isEmpty()) {
        if (names[i].indexOf('\n') >= 0) {
          throw new IllegalArgumentException("layers(" + (i + 1) + ") has a name with a line break");
        }
        Integer other = given.putIfAbsent(names[i], i);
        if (other != null) {
          throw new IllegalArgumentException("layers(" + (other + 1) + ") and layers(" + (i + 1)
              + ") are both named '" + names[i] + "': layer names must be unique");
        }
        result[i] = names[i];
      }
    }
    for (int i = 0; i < names.length; i++) {
      if (result[i] == null) {
        String base = types[i].defaultName;
        String name = base;
        for (int k = 1; given.containsKey(name); k++) {
          name = base + "_" + k;
        }
        given.put(name, i);
        result[i] = name;
      }
    }
    return result;
  }

  /** Reads the layer sequence into a {@link ModelConfig}, naming the first layer that does not fit. */
  private static final class Parser {
    private final Type[] types;
    private final String[] names;
    private final double[] sizes;
    private final String[] outputModes;
    private final String[] resetModes;
    private final String[] mergeModes;
    private int at;

    Parser(Type[] types, String[] names, double[] sizes, String[] outputModes, String[] resetModes,
           String[] mergeModes) {
      this.types = types;
      this.names = names;
      this.sizes = sizes;
      this.outputModes = outputModes;
      this.resetModes = resetModes;
      this.mergeModes = mergeModes;
    }

    ModelConfig parse() {
      expect(Type.SEQUENCE_INPUT, "a network starts with sequenceInputLayer");
      int inputSize = size("InputSize");
      at++;
      List<RecurrentLayerSpec> stack = new ArrayList<>();
      OutputMode outputMode = OutputMode.SEQUENCE;
      while (at < types.length && (types[at] == Type.BIGRU || types[at] == Type.GRU)) {
        if (!stack.isEmpty() && outputMode == OutputMode.LAST) {
          throw error(at - 1, "has OutputMode 'last' but another recurrent layer follows; use 'sequence' for every "
              + "recurrent layer but the last");
        }
        boolean bidirectional = types[at] == Type.BIGRU;
        int units = size("NumHiddenUnits");
        outputMode = parse(() -> OutputMode.fromName(outputModes[at]), "OutputMode");
        ResetGateMode reset = parse(() -> ResetGateMode.fromMatlabName(resetModes[at]), "ResetGateMode");
        MergeMode merge = bidirectional ? parse(() -> MergeMode.fromName(mergeModes[at]), "MergeMode")
            : MergeMode.CONCAT;
        stack.add(parse(() -> new RecurrentLayerSpec(units, bidirectional, reset, merge), "NumHiddenUnits"));
        at++;
      }
      if (stack.isEmpty()) {
        throw at < types.length && types[at] == Type.DROPOUT
            ? error(at, "comes before any recurrent layer; bigru applies dropout after the recurrent layers")
            : error(at, "found where a recurrent layer (bigruLayer or gruLayer) must follow sequenceInputLayer");
      }
      List<Integer> dropoutSlotsMissed = new ArrayList<>();
      double dropout = dropoutSlot(Double.NaN, dropoutSlotsMissed);
      List<DenseLayerSpec> hidden = new ArrayList<>();
      int outputSize;
      while (true) {
        expect(Type.FULLY_CONNECTED, "fullyConnectedLayer must follow the recurrent layers");
        int units = size("OutputSize");
        at++;
        if (at < types.length && (types[at] == Type.SOFTMAX || types[at] == Type.CLASSIFICATION
            || types[at] == Type.REGRESSION)) {
          outputSize = units;
          break;
        }
        Activation activation = Activation.LINEAR;
        if (at < types.length && (types[at] == Type.RELU || types[at] == Type.TANH || types[at] == Type.SIGMOID)) {
          activation = Activation.valueOf(types[at].name());
          at++;
        }
        hidden.add(new DenseLayerSpec(units, activation));
        dropout = dropoutSlot(dropout, dropoutSlotsMissed);
      }
      if (!Double.isNaN(dropout) && !dropoutSlotsMissed.isEmpty()) {
        throw error(dropoutSlotsMissed.get(0), "is not followed by dropoutLayer: bigru applies dropout after the "
            + "last recurrent layer and after every hidden fullyConnectedLayer, so add dropoutLayer("
            + MatlabValues.number(dropout) + ") there (or remove the other dropout layers)");
      }
      Task task;
      if (types[at] == Type.SOFTMAX) {
        at++;
        expect(Type.CLASSIFICATION, "softmaxLayer must be followed by classificationLayer");
        task = Task.CLASSIFICATION;
      } else if (types[at] == Type.REGRESSION) {
        task = Task.REGRESSION;
      } else {
        throw error(at, "must be preceded by softmaxLayer");
      }
      at++;
      if (at < types.length) {
        throw error(at, "comes after the output layer; " + types[at - 1].function() + " must be the last layer");
      }
      try {
        return new ModelConfig(inputSize, stack, outputMode, hidden, Double.isNaN(dropout) ? 0 : dropout,
            outputSize, task, List.of(), Map.of());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layers: " + e.getMessage(), e);
      }
    }

    /** An optional dropoutLayer where the model applies dropout; remembers the slot when it is missing. */
    private double dropoutSlot(double dropout, List<Integer> missed) {
      if (at < types.length && types[at] == Type.DROPOUT) {
        double p = sizes[at];
        if (!(p >= 0 && p < 1)) {
          throw error(at, "has Probability " + MatlabValues.number(p) + ", expected a number in [0, 1)");
        }
        if (!Double.isNaN(dropout) && p != dropout) {
          throw error(at, "has Probability " + MatlabValues.number(p) + " but an earlier dropoutLayer has "
              + MatlabValues.number(dropout) + ": bigru applies one dropout probability between all layers");
        }
        at++;
        if (at < types.length && types[at] == Type.DROPOUT) {
          throw error(at, "follows another dropoutLayer");
        }
        return p;
      }
      missed.add(at - 1);
      return dropout;
    }

    private void expect(Type type, String rule) {
      if (at >= types.length) {
        throw new IllegalArgumentException("layers ends after layers(" + at + "); " + rule);
      }
      if (types[at] != type) {
        throw error(at, "found where " + type.function() + " was expected: " + rule);
      }
    }

    private int size(String property) {
      double v = sizes[at];
      if (!(v >= 1 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
        throw error(at, "has " + property + " " + MatlabValues.number(v) + ", expected a whole number of at least 1");
      }
      return (int) v;
    }

    private <T> T parse(Supplier<T> parser, String property) {
      try {
        return parser.get();
      } catch (IllegalArgumentException e) {
        throw error(at, "has an invalid " + property + ": " + e.getMessage());
      }
    }

    private IllegalArgumentException error(int i, String problem) {
      return new IllegalArgumentException(describe(types, names, i) + " " + problem);
    }
  }
}
