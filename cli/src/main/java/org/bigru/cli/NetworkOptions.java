package org.bigru.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MemoryBudget;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.OutputLayerSpec;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** train's network options: the recurrent layers, the dense layers, dropout and the output mode. */
final class NetworkOptions {

  @Option(names = "--cell", paramLabel = "CELL", defaultValue = "gru",
      description = "Recurrent cell: gru or lstm (PyTorch's nn.GRU / nn.LSTM).")
  String cell;

  @Option(names = "--units", paramLabel = "H", defaultValue = "64", description = "Units per direction.")
  int units;

  @Option(names = "--layers", paramLabel = "L", defaultValue = "1", description = "Stacked recurrent layers.")
  int layers;

  @Option(names = "--unidirectional", description = "Forward recurrent layers only, not bidirectional.")
  boolean unidirectional;

  @Option(names = "--dense", showDefaultValue = Visibility.NEVER, split = ",", paramLabel = "N",
      description = "Hidden dense layers before the output layer, units of each, e.g. 32,16 (default: none).")
  List<Integer> dense = new ArrayList<>();

  @Option(names = "--dense-activation", paramLabel = "NAME", defaultValue = "relu",
      description = "Activation of hidden dense layers: linear, relu, tanh or sigmoid.")
  String denseActivation;

  @Option(names = "--reset-mode", paramLabel = "MODE", showDefaultValue = Visibility.NEVER,
      description = "GRU reset gate: after-multiplication, recurrent-bias-after-multiplication (PyTorch, Keras; "
          + "the default) or before-multiplication.")
  String resetMode;

  @Option(names = "--merge", paramLabel = "MODE", defaultValue = "concat",
      description = "How directions are joined: concat, sum, ave or mul.")
  String merge;

  @Option(names = "--return-sequences",
      description = "Train on every step's target (output mode 'sequence', as the reference's "
          + "return_sequences=True); the last step gives the prediction. Default: output mode 'last'.")
  boolean returnSequences;

  @Option(names = "--dropout", paramLabel = "P", defaultValue = "0", description = "Dropout between layers.")
  double dropout;

  @Option(names = "--quantiles", showDefaultValue = Visibility.NEVER, split = ",", paramLabel = "Q",
      description = "Prediction intervals: one output per quantile level and response, trained with the pinball "
          + "loss, e.g. 0.1,0.5,0.9 (ascending, in (0, 1), with 0.5: the median is the point forecast; default: "
          + "none, mean squared error).")
  List<Double> quantiles = new ArrayList<>();

  /**
   * Checks these options as typed: ranges, names, and the sizes they imply (each weight matrix must fit a Java
   * array, and the network at its smallest, one feature and one output, must fit the heap).
   */
  void check(OptionChecks checks, Task task) {
    checks.atLeast("--units", units, 1);
    checks.atLeast("--layers", layers, 1);
    for (int n : dense) {
      if (n < 1) {
        throw new BadInputException("--dense sizes must be at least 1, not " + checks.typed("--dense", dense));
      }
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new BadInputException("--dropout must be in [0, 1), not " + checks.typed("--dropout", dropout));
    }
    CellType cellType = checks.name("--cell", () -> CellType.fromName(cell));
    if (cellType == CellType.LSTM && resetMode != null) {
      throw new BadInputException("--reset-mode applies to GRU cells; an LSTM (--cell lstm) has no reset gate");
    }
    checks.name("--reset-mode", this::resetGateMode);
    checks.name("--merge", () -> MergeMode.fromName(merge));
    checks.name("--dense-activation", () -> Activation.fromName(denseActivation));
    if (!quantiles.isEmpty()) {
      if (task == Task.CLASSIFICATION) {
        throw new BadInputException("--quantiles are levels of numbers: they are for regression, not classification");
      }
      try {
        OutputLayerSpec.checkQuantiles(quantiles);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(checks.described("--quantiles", quantiles) + ": " + e.getMessage(), e);
      }
      if (!quantiles.contains(0.5)) {
        throw new BadInputException(checks.described("--quantiles", quantiles) + ": the levels must include 0.5, "
            + "the median, which is the point forecast");
      }
    }
    // The smallest network these options can give: one feature, one output, one step of a batch of one. (What
    // the window and the batch add depends on the data, and is checked once it is read.)
    ModelConfig oneLayer = sizes(checks, () -> new ModelConfig(1, recurrentLayers(1), outputMode(), denseLayers(),
        dropout, 1, task, List.of(), Map.of()), "");
    double bytes = (double) layers * MemoryBudget.trainingBytes(oneLayer, 1, 1);
    MemoryBudget.require((long) Math.min(bytes, Long.MAX_VALUE), sizeOptions(checks),
        "shrink --units, --layers or --dense");
  }

  /** 'sequence' with --return-sequences, else 'last'. */
  OutputMode outputMode() {
    return returnSequences ? OutputMode.SEQUENCE : OutputMode.LAST;
  }

  /** The network for the data's features and outputs; sizes beyond a Java array are refused naming the options. */
  ModelConfig config(OptionChecks checks, int features, int outputs, OutputMode mode, Task task, List<String> classes,
                     Map<String, String> metadata) {
    return sizes(checks, () -> new ModelConfig(features, recurrentLayers(layers), mode, denseLayers(), dropout,
        outputs, task, classes, metadata).withQuantiles(quantiles), " with " + features + " features per step and "
        + outputs + (task == Task.CLASSIFICATION ? " classes" : quantiles.isEmpty() ? " outputs"
            : " responses x " + quantiles.size() + " quantiles"));
  }

  /** What to shrink when the training does not fit the heap. */
  static String shrink() {
    return "shrink --batch, --window, --units or the data";
  }

  private ModelConfig sizes(OptionChecks checks, Supplier<ModelConfig> build, String data) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(sizeOptions(checks) + data + ": " + e.getMessage(), e);
    }
  }

  /** "--units 20000 --layers 3 --dense 64,32", as typed (the layers and dense layers only when given). */
  private String sizeOptions(OptionChecks checks) {
    StringBuilder sb = new StringBuilder(checks.described("--units", units));
    if (checks.given("--layers")) {
      sb.append(' ').append(checks.described("--layers", layers));
    }
    if (!dense.isEmpty()) {
      sb.append(' ').append(checks.described("--dense", dense));
    }
    return sb.toString();
  }

  private ResetGateMode resetGateMode() {
    return resetMode == null ? ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION
        : ResetGateMode.fromMatlabName(resetMode);
  }

  private List<RecurrentLayerSpec> recurrentLayers(int count) {
    CellType cellType = CellType.fromName(cell);
    ResetGateMode reset = cellType == CellType.GRU ? resetGateMode() : null;
    MergeMode mergeMode = MergeMode.fromName(merge);
    List<RecurrentLayerSpec> specs = new ArrayList<>();
    for (int l = 0; l < count; l++) {
      specs.add(new RecurrentLayerSpec(cellType, units, !unidirectional, reset, mergeMode, OutputMode.SEQUENCE));
    }
    return specs;
  }

  private List<DenseLayerSpec> denseLayers() {
    Activation activation = Activation.fromName(denseActivation);
    List<DenseLayerSpec> specs = new ArrayList<>();
    for (int n : dense) {
      specs.add(new DenseLayerSpec(n, activation));
    }
    return specs;
  }
}
