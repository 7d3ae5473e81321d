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
 * A MATLAB layer array and the network it describes: one {@link MatlabLayer} per layer, mapped one to one onto
 * the model's layer list.
 *
 * <p>The networks bigru runs: sequenceInputLayer; then, in any order, recurrent layers (bigruLayer, gruLayer,
 * bilstmLayer, lstmLayer; at least one, and none after one whose OutputMode is 'last'), dropoutLayers and
 * hidden fullyConnectedLayers, each of these optionally followed by reluLayer, tanhLayer or sigmoidLayer; then
 * the output fullyConnectedLayer (the last one), followed by softmaxLayer and classificationLayer, or by
 * regressionLayer.
 */
public final class LayerArray {

  private static final String NAMES_KEY = "matlab.layerNames";

  private final List<MatlabLayer> layers;
  private final ModelConfig config;

  private LayerArray(List<MatlabLayer> layers, ModelConfig config) {
    this.layers = List.copyOf(layers);
    this.config = config;
  }

  /**
   * Reads and checks a layer array. It crosses from MATLAB as parallel arrays, one entry per layer (which
   * MATLAB and Octave pass in one call each): the Type, the Name, the size (InputSize, NumHiddenUnits,
   * OutputSize or Probability; NaN for the others), and the OutputMode, ResetGateMode and MergeMode ("" where
   * they do not apply).
   */
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
    List<MatlabLayer> given = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      given.add(new MatlabLayer(LayerType.of(t[i], i + 1), nm[i], sz[i], om[i], rm[i], mm[i]));
    }
    List<MatlabLayer> named = uniqueNames(given);
    ModelConfig config = new Parser(named).parse();
    List<String> layerNames = named.stream().map(MatlabLayer::name).toList();
    Map<String, String> meta = new HashMap<>();
    meta.put(NAMES_KEY, String.join("\n", layerNames));
    return new LayerArray(named, config.withMetadata(meta));
  }

  /**
   * The layer array of a network built elsewhere (the command line, Python) or saved earlier: MATLAB's layers
   * for its layer list, under the names stored with it when MATLAB saved it, else MATLAB's default names.
   */
  public static LayerArray fromConfig(ModelConfig config) {
    List<MatlabLayer> list = new ArrayList<>();
    list.add(MatlabLayer.of(LayerType.SEQUENCE_INPUT, config.inputSize()));
    for (LayerSpec spec : config.layers()) {
      if (spec instanceof RecurrentLayerSpec r) {
        list.add(new MatlabLayer(LayerType.recurrent(r.cell(), r.bidirectional()), "", r.units(),
            r.outputMode().lowerName(), r.resetMode() == null ? "" : r.resetMode().matlabName(),
            r.bidirectional() ? r.merge().lowerName() : ""));
      } else if (spec instanceof DropoutLayerSpec d) {
        list.add(MatlabLayer.of(LayerType.DROPOUT, d.probability()));
      } else if (spec instanceof DenseLayerSpec d) {
        list.add(MatlabLayer.of(LayerType.FULLY_CONNECTED, d.units()));
        if (d.activation() != Activation.LINEAR) {
          list.add(MatlabLayer.of(LayerType.valueOf(d.activation().name()), Double.NaN));
        }
      } else {
        list.add(MatlabLayer.of(LayerType.FULLY_CONNECTED, ((OutputLayerSpec) spec).size()));
      }
    }
    if (config.task() == Task.CLASSIFICATION) {
      list.add(MatlabLayer.of(LayerType.SOFTMAX, Double.NaN));
      list.add(MatlabLayer.of(LayerType.CLASSIFICATION, Double.NaN));
    } else {
      list.add(MatlabLayer.of(LayerType.REGRESSION, Double.NaN));
    }
    String stored = config.metadata().get(NAMES_KEY);
    String[] names = stored == null ? new String[0] : stored.split("\n", -1);
    if (names.length == list.size()) {
      for (int i = 0; i < names.length; i++) {
        list.set(i, list.get(i).named(names[i]));
      }
    }
    return new LayerArray(uniqueNames(list), config);
  }

  /** The network (class names not yet set; the layer names in its preprocessing metadata). */
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

  /** Number of layers. */
  public int count() {
    return layers.size();
  }

  /** Layer {@code index} (0-based; MATLAB's {@code layers(index + 1)}), with its name filled in. */
  public MatlabLayer layer(int index) {
    return layers.get(index);
  }

  /** The layer structs, one after the other, as {@code [field, kind, text]} rows ({@link LayerFunctions#rows}). */
  public String[] fields() {
    List<String> rows = new ArrayList<>();
    for (MatlabLayer layer : layers) {
      rows.addAll(LayerFunctions.rows(layer));
    }
    return rows.toArray(new String[0]);
  }

  /** Every layer, in order. */
  public List<MatlabLayer> layers() {
    return layers;
  }

  /** Where the output fullyConnectedLayer is, for messages: {@code layers(4) (fullyConnectedLayer 'fc')}. */
  public String outputLayer() {
    return describeLast(LayerType.FULLY_CONNECTED);
  }

  /**
   * Where the last recurrent layer is, whose OutputMode decides the targets, for messages:
   * {@code layers(2) (bilstmLayer 'bilstm')}.
   */
  public String lastRecurrentLayer() {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).type().isRecurrent()) {
        return layers.get(i).describe(i);
      }
    }
    throw new IllegalStateException("a checked layer array has a recurrent layer");
  }

  private String describeLast(LayerType type) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i).type() == type) {
        return layers.get(i).describe(i);
      }
    }
    throw new IllegalStateException("a checked layer array has a " + type.function());
  }

  private static String[] sameLength(String[] values, int n, String what) {
    if (values.length != n) {
      throw new IllegalArgumentException(values.length + " layer " + what + " for " + n + " layers");
    }
    return values;
  }

  /** MATLAB's naming: empty names become the type's default name, with _1, _2, ... when taken. */
  private static List<MatlabLayer> uniqueNames(List<MatlabLayer> layers) {
    String[] result = new String[layers.size()];
    Map<String, Integer> given = new HashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      String name = layers.get(i).name();
      if (!name.isEmpty()) {
        if (name.indexOf('\n') >= 0) {
          throw new IllegalArgumentException("layers(" + (i + 1) + ") has a name with a line break");
        }
        Integer other = given.putIfAbsent(name, i);
        if (other != null) {
          throw new IllegalArgumentException("layers(" + (other + 1) + ") and layers(" + (i + 1)
              + ") are both named '" + name + "': layer names must be unique");
        }
        result[i] = name;
      }
    }
    List<MatlabLayer> named = new ArrayList<>(layers.size());
    for (int i = 0; i < layers.size(); i++) {
      if (result[i] == null) {
        String base = layers.get(i).type().defaultName();
        String name = base;
        for (int k = 1; given.containsKey(name); k++) {
          name = base + "_" + k;
        }
        given.put(name, i);
        result[i] = name;
      }
      named.add(layers.get(i).named(result[i]));
    }
    return named;
  }

  /** Maps the layers onto the model's layer list, one to one, naming the first layer that does not fit. */
  private static final class Parser {
    private final List<MatlabLayer> layers;
    private int at;

    Parser(List<MatlabLayer> layers) {
      this.layers = layers;
    }

    ModelConfig parse() {
      if (type(0) != LayerType.SEQUENCE_INPUT) {
        throw error(0, "found where sequenceInputLayer was expected: a network starts with sequenceInputLayer");
      }
      int inputSize = count("InputSize");
      List<LayerSpec> specs = new ArrayList<>();
      RecurrentLayerSpec previous = null;
      int lastRecurrent = -1;
      at = 1;
      while (true) {
        if (at >= layers.size()) {
          throw new IllegalArgumentException("layers ends after layers(" + at + "); it needs an output "
              + "fullyConnectedLayer followed by softmaxLayer and classificationLayer, or by regressionLayer");
        }
        LayerType type = type(at);
        if (type.isRecurrent()) {
          if (previous != null && previous.outputMode() == OutputMode.LAST) {
            throw error(lastRecurrent, "has OutputMode 'last' but another recurrent layer follows ("
                + describe(at) + "); use 'sequence' for every recurrent layer but the last");
          }
          previous = recurrent();
          specs.add(previous);
          lastRecurrent = at++;
        } else if (type == LayerType.DROPOUT) {
          specs.add(dropout());
          at++;
        } else if (type == LayerType.FULLY_CONNECTED) {
          int units = count("OutputSize");
          at++;
          if (at < layers.size() && type(at).endsNetwork()) {
            specs.add(new OutputLayerSpec(units));
            break;
          }
          Activation activation = Activation.LINEAR;
          if (at < layers.size() && type(at).activation() != null) {
            activation = type(at++).activation();
          }
          specs.add(new DenseLayerSpec(units, activation));
        } else if (type.activation() != null) {
          throw error(at, "must follow a hidden fullyConnectedLayer: bigru's activation layers act on the "
              + "fullyConnectedLayer before them");
        } else if (type == LayerType.SEQUENCE_INPUT) {
          throw error(at, "is a second input layer: only layers(1) may be sequenceInputLayer");
        } else {
          throw error(at, "must directly follow the output fullyConnectedLayer (which is linear, with one output "
              + "per class or response)");
        }
      }
      if (lastRecurrent < 0) {
        throw new IllegalArgumentException("layers has no recurrent layer: a network needs at least one bigruLayer, "
            + "gruLayer, bilstmLayer or lstmLayer");
      }
      Task task;
      if (type(at) == LayerType.SOFTMAX) {
        at++;
        if (at >= layers.size() || type(at) != LayerType.CLASSIFICATION) {
          throw at >= layers.size()
              ? new IllegalArgumentException("layers ends after layers(" + at + "); softmaxLayer must be followed "
                  + "by classificationLayer")
              : error(at, "found where classificationLayer was expected: softmaxLayer must be followed by "
                  + "classificationLayer");
        }
        task = Task.CLASSIFICATION;
      } else if (type(at) == LayerType.REGRESSION) {
        task = Task.REGRESSION;
      } else {
        throw error(at, "must be preceded by softmaxLayer");
      }
      at++;
      if (at < layers.size()) {
        throw error(at, "comes after the output layer; " + type(at - 1).function() + " must be the last layer");
      }
      try {
        return new ModelConfig(inputSize, specs, task, List.of(), Map.of());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("layers: " + e.getMessage(), e);
      }
    }

    private RecurrentLayerSpec recurrent() {
      MatlabLayer layer = layers.get(at);
      LayerType type = layer.type();
      int units = count("NumHiddenUnits");
      OutputMode outputMode = parse(() -> OutputMode.fromName(layer.outputMode()), "OutputMode");
      MergeMode merge = type.bidirectional() ? parse(() -> MergeMode.fromName(layer.mergeMode()), "MergeMode")
          : MergeMode.CONCAT;
      switch (type.cell()) {
        case GRU:
          ResetGateMode reset = parse(() -> ResetGateMode.fromMatlabName(layer.resetGateMode()), "ResetGateMode");
          return parse(() -> new RecurrentLayerSpec(type.cell(), units, type.bidirectional(), reset, merge,
              outputMode), "NumHiddenUnits");
        case LSTM:
          if (!layer.resetGateMode().isEmpty()) {
            throw error(at, "has ResetGateMode '" + layer.resetGateMode() + "', but an LSTM has no reset gate");
          }
          return parse(() -> RecurrentLayerSpec.lstm(units, type.bidirectional(), merge, outputMode),
              "NumHiddenUnits");
        default:
          throw new IllegalStateException("no recurrent layer for the cell " + type.cell());
      }
    }

    private DropoutLayerSpec dropout() {
      double p = layers.get(at).size();
      if (!ValueType.Bound.UNIT_OPEN.accepts(p)) {
        throw error(at, "has Probability " + MatlabValues.number(p) + ", expected " + ValueType.Bound.UNIT_OPEN.text);
      }
      return new DropoutLayerSpec(p);
    }

    private LayerType type(int i) {
      return layers.get(i).type();
    }

    private String describe(int i) {
      return layers.get(i).describe(i);
    }

    private int count(String property) {
      double v = layers.get(at).size();
      if (!MatlabValues.isCount(v, 1)) {
        throw error(at, "has " + property + " " + MatlabValues.number(v) + ", expected " + MatlabValues.countRule(1));
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
      return new IllegalArgumentException(describe(i) + " " + problem);
    }
  }
}
