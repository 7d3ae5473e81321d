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
 * regressionLayer (trainNetwork's layers); or, without an output layer (trainnet's and dlnetwork's), ending with
 * softmaxLayer (classification) or with the output fullyConnectedLayer (regression).
 */
public final class LayerArray {

  private static final String NAMES_KEY = "matlab.layerNames";
  /** "dlnetwork" for a network of trainnet's idiom; absent for trainNetwork's. */
  static final String IDIOM_KEY = "matlab.idiom";
  static final String DLNETWORK = "dlnetwork";

  private final List<MatlabLayer> layers;
  private final ModelConfig config;
  private final boolean outputLayer;

  private LayerArray(List<MatlabLayer> layers, ModelConfig config, boolean outputLayer) {
    this.layers = List.copyOf(layers);
    this.config = config;
    this.outputLayer = outputLayer;
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
      throw new MatlabError(MatlabError.INVALID_LAYERS, "layers is empty: expected a layer array such as [sequenceInputLayer(3); "
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
    Parser parser = new Parser(named);
    ModelConfig config = parser.parse();
    List<String> layerNames = named.stream().map(MatlabLayer::name).toList();
    Map<String, String> meta = new HashMap<>();
    meta.put(NAMES_KEY, String.join("\n", layerNames));
    if (!parser.outputLayer) {
      meta.put(IDIOM_KEY, DLNETWORK);
    }
    return new LayerArray(named, config.withMetadata(meta), parser.outputLayer);
  }

  /**
   * The same array with sequenceInputLayer's normalization as MATLAB's layer struct holds it: Normalization,
   * NormalizationDimension and the statistics the user gave (Mean, StandardDeviation, Min, Max; each [] or a
   * vector).
   */
  public LayerArray withInputNormalization(String normalization, String dimension, Object mean, Object std,
                                           Object min, Object max) {
    InputNormalization n = InputNormalization.given(
        parseChoice(MatlabChoices.Normalization.class, normalization, "Normalization"),
        parseChoice(MatlabChoices.NormalizationDimension.class, dimension, "NormalizationDimension"),
        statistics(mean, "Mean"), statistics(std, "StandardDeviation"), statistics(min, "Min"),
        statistics(max, "Max"), config.inputSize());
    return withNormalization(n);
  }

  private static <E extends Enum<E>> E parseChoice(Class<E> type, String text, String property) {
    try {
      return org.bigru.model.EnumNames.parse(type, text == null || text.isEmpty() ? "none" : text, property);
    } catch (IllegalArgumentException e) {
      throw new MatlabError(MatlabError.INVALID_LAYERS, "layers(1) (sequenceInputLayer) has an invalid " + property
          + ": " + e.getMessage(), e);
    }
  }

  private static double[] statistics(Object values, String name) {
    double[] v = MatlabValues.doubles(values, name);
    return v.length == 0 ? null : v;
  }

  /** This array with the input layer's normalization replaced, kept in the configuration's metadata too. */
  private LayerArray withNormalization(InputNormalization n) {
    List<MatlabLayer> list = new ArrayList<>(layers);
    list.set(0, layers.get(0).normalized(n));
    Map<String, String> meta = new HashMap<>();
    config.metadata().forEach((k, v) -> {
      if (!InputNormalization.isKey(k)) {
        meta.put(k, v);
      }
    });
    meta.putAll(n.toMetadata());
    return new LayerArray(list, config.withMetadata(meta), outputLayer);
  }

  /** sequenceInputLayer's normalization. */
  InputNormalization normalization() {
    return layers.get(0).normalization();
  }

  /**
   * The array with its normalization's statistics computed from the training sequences, when the normalization
   * has none yet or {@code reset} (trainingOptions' ResetInputNormalization) asks for new ones.
   */
  public LayerArray fitNormalization(Sequences train, boolean reset) {
    train.requireFeatures(config.inputSize(), "the layer array");
    InputNormalization n = normalization();
    if (n.kind() == MatlabChoices.Normalization.NONE) {
      return this;
    }
    if (!reset) {
      if (!n.hasStatistics()) {
        throw new MatlabError(MatlabError.INVALID_LAYERS, "layers(1) (sequenceInputLayer) has no statistics for its "
            + "Normalization '" + org.bigru.model.EnumNames.of(n.kind()) + "', and ResetInputNormalization is false");
      }
      return this;
    }
    return withNormalization(n.fit(train));
  }

  /**
   * Checks that the sequences fit the input layer ({@code what} names the layers for messages: "the layer array",
   * "the network"), then normalizes them as the input layer does.
   */
  public Sequences prepare(Sequences x, String what) {
    x.requireFeatures(config.inputSize(), what);
    return normalization().apply(x);
  }

  /**
   * Refuses a loss trainnet cannot train these layers with: 'crossentropy' needs layers that end with softmaxLayer,
   * 'mse' (also 'mean-squared-error', 'l2loss') layers that end with the output fullyConnectedLayer; MATLAB's other
   * losses are refused by name.
   */
  public void requireLoss(String loss) {
    String name = loss.trim().toLowerCase(java.util.Locale.ROOT);
    boolean classification = isClassification();
    switch (name) {
      case "crossentropy":
        if (!classification) {
          throw new MatlabError(MatlabError.INVALID_LOSS, "lossFcn 'crossentropy' needs layers that end with "
              + "softmaxLayer (classification), and these end with " + describeLast(LayerType.FULLY_CONNECTED)
              + ": use 'mse' for regression, or add softmaxLayer");
        }
        return;
      case "mse":
      case "mean-squared-error":
      case "l2loss":
        if (classification) {
          throw new MatlabError(MatlabError.INVALID_LOSS, "lossFcn '" + loss + "' needs layers that end with the "
              + "output fullyConnectedLayer (regression), and these end with " + describeLast(LayerType.SOFTMAX)
              + ": use 'crossentropy' for classification, or remove softmaxLayer");
        }
        return;
      case "l1loss":
      case "mae":
      case "mean-absolute-error":
      case "huber":
      case "binary-crossentropy":
      case "index-crossentropy":
        throw new MatlabError(MatlabError.NOT_SUPPORTED, "lossFcn '" + loss + "' is not one bigru trains with: it "
            + "trains classification with 'crossentropy' and regression with 'mse' (or 'l2loss')");
      default:
        throw new MatlabError(MatlabError.INVALID_LOSS, "lossFcn '" + loss + "' is not a loss: use 'crossentropy' "
            + "(classification) or 'mse' (regression)");
    }
  }

  /**
   * Whether the array ends with an output layer (classificationLayer or regressionLayer: trainNetwork's idiom),
   * not with softmaxLayer or the output fullyConnectedLayer (trainnet's and dlnetwork's).
   */
  public boolean hasOutputLayer() {
    return outputLayer;
  }

  /**
   * The layer array of trainNetwork: refused, saying what to add or which function to use, when it has no output
   * layer.
   */
  public LayerArray requireOutputLayer(String function) {
    if (!outputLayer) {
      boolean classification = isClassification();
      throw new MatlabError(MatlabError.INVALID_LAYERS, "layers ends with " + describeLast(classification
          ? LayerType.SOFTMAX : LayerType.FULLY_CONNECTED) + "; " + function + " needs "
          + (classification ? "classificationLayer" : "regressionLayer") + " after it (or train these layers "
          + "with trainnet(X, T, layers, '" + (classification ? "crossentropy" : "mse") + "', options))");
    }
    return this;
  }

  /**
   * The layer array of trainnet or dlnetwork: refused, naming the output layer to remove and the loss to give
   * instead, when it ends with one.
   */
  public LayerArray requireNoOutputLayer(String function) {
    if (outputLayer) {
      int last = layers.size() - 1;
      boolean classification = isClassification();
      throw new MatlabError(MatlabError.INVALID_LAYERS, layers.get(last).describe(last) + " is an output layer; "
          + function + " takes layers without one: remove it" + (function.equals("trainnet")
              ? " and give trainnet the loss ('" + (classification ? "crossentropy" : "mse") + "')"
              : " (trainnet then takes the loss, '" + (classification ? "crossentropy" : "mse") + "')"));
    }
    return this;
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
    boolean outputLayer = !DLNETWORK.equals(config.metadata().get(IDIOM_KEY));
    if (config.task() == Task.CLASSIFICATION) {
      list.add(MatlabLayer.of(LayerType.SOFTMAX, Double.NaN));
      if (outputLayer) {
        list.add(MatlabLayer.of(LayerType.CLASSIFICATION, Double.NaN));
      }
    } else if (outputLayer) {
      list.add(MatlabLayer.of(LayerType.REGRESSION, Double.NaN));
    }
    list.set(0, list.get(0).normalized(InputNormalization.fromMetadata(config.metadata())));
    String stored = config.metadata().get(NAMES_KEY);
    String[] names = stored == null ? new String[0] : stored.split("\n", -1);
    if (names.length == list.size()) {
      for (int i = 0; i < names.length; i++) {
        list.set(i, list.get(i).named(names[i]));
      }
    }
    return new LayerArray(uniqueNames(list), config, outputLayer);
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

  /**
   * The learnable parameters as MATLAB's dlnetwork lists them: per parameter the layer's name, the parameter's name
   * and its rows and columns (four strings each). Recurrent layers have InputWeights, RecurrentWeights and Bias
   * (3 or 4 gates' rows per direction, the directions stacked), and a GRU layer whose ResetGateMode is
   * 'recurrent-bias-after-multiplication' a RecurrentBias too; fullyConnectedLayers have Weights and Bias.
   */
  String[] learnables() {
    List<String> rows = new ArrayList<>();
    int width = config.inputSize();
    java.util.Iterator<LayerSpec> specs = config.layers().iterator();
    for (MatlabLayer layer : layers) {
      LayerType type = layer.type();
      if (type.isRecurrent()) {
        RecurrentLayerSpec spec = (RecurrentLayerSpec) specs.next();
        int gates = (spec.cell() == org.bigru.model.CellType.LSTM ? 4 : 3) * spec.units()
            * (spec.bidirectional() ? 2 : 1);
        addLearnable(rows, layer, "InputWeights", gates, width);
        addLearnable(rows, layer, "RecurrentWeights", gates, spec.units());
        addLearnable(rows, layer, "Bias", gates, 1);
        if (spec.resetMode() == ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION) {
          addLearnable(rows, layer, "RecurrentBias", gates, 1);
        }
        width = spec.outputWidth();
      } else if (type == LayerType.DROPOUT) {
        specs.next();
      } else if (type == LayerType.FULLY_CONNECTED) {
        LayerSpec spec = specs.next();
        int units = spec instanceof DenseLayerSpec d ? d.units() : ((OutputLayerSpec) spec).size();
        addLearnable(rows, layer, "Weights", units, width);
        addLearnable(rows, layer, "Bias", units, 1);
        width = units;
      }
    }
    return rows.toArray(new String[0]);
  }

  private static void addLearnable(List<String> rows, MatlabLayer layer, String parameter, int r, int c) {
    rows.addAll(List.of(layer.name(), parameter, Integer.toString(r), Integer.toString(c)));
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
          throw new MatlabError(MatlabError.INVALID_LAYERS, "layers(" + (i + 1) + ") has a name with a line break");
        }
        Integer other = given.putIfAbsent(name, i);
        if (other != null) {
          throw new MatlabError(MatlabError.INVALID_LAYERS, "layers(" + (other + 1) + ") and layers(" + (i + 1)
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
    /** Whether the array ends with classificationLayer or regressionLayer (trainNetwork's idiom). */
    boolean outputLayer;

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
          throw new MatlabError(MatlabError.INVALID_LAYERS, "layers ends after layers(" + at + "); it needs an output "
              + "fullyConnectedLayer, followed by softmaxLayer and classificationLayer or by regressionLayer "
              + "(trainNetwork), or by softmaxLayer or nothing (trainnet, dlnetwork)");
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
          if (at >= layers.size() || type(at).endsNetwork()) {
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
        throw new MatlabError(MatlabError.INVALID_LAYERS, "layers has no recurrent layer: a network needs at least one bigruLayer, "
            + "gruLayer, bilstmLayer or lstmLayer");
      }
      Task task;
      if (at >= layers.size()) {
        // ends with the output fullyConnectedLayer: trainnet's regression
        task = Task.REGRESSION;
      } else if (type(at) == LayerType.SOFTMAX) {
        at++;
        task = Task.CLASSIFICATION;
        if (at < layers.size()) {
          if (type(at) != LayerType.CLASSIFICATION) {
            throw error(at, "found where classificationLayer (or the end of the array) was expected: softmaxLayer "
                + "is followed by classificationLayer, or ends the array");
          }
          outputLayer = true;
          at++;
        }
      } else if (type(at) == LayerType.REGRESSION) {
        task = Task.REGRESSION;
        outputLayer = true;
        at++;
      } else {
        throw error(at, "must be preceded by softmaxLayer");
      }
      if (at < layers.size()) {
        throw error(at, "comes after the output layer; " + type(at - 1).function() + " must be the last layer");
      }
      try {
        return new ModelConfig(inputSize, specs, task, List.of(), Map.of());
      } catch (IllegalArgumentException e) {
        throw new MatlabError(MatlabError.INVALID_LAYERS, "layers: " + e.getMessage(), e);
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
      return new MatlabError(MatlabError.INVALID_LAYERS, describe(i) + " " + problem);
    }
  }
}
