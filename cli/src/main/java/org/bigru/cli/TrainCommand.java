package org.bigru.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.bigru.cli.output.CheckpointProgress;
import org.bigru.cli.output.OutputPlan;
import org.bigru.cli.output.Plots;
import org.bigru.cli.output.Progress;
import org.bigru.cli.pipeline.Evaluation;
import org.bigru.cli.pipeline.Preprocessing;
import org.bigru.cli.pipeline.Sequences;
import org.bigru.cli.pipeline.Split;
import org.bigru.cli.pipeline.TablePreparation;
import org.bigru.cli.pipeline.TensorData;
import org.bigru.cli.table.ColumnNames;
import org.bigru.cli.table.ColumnSelector;
import org.bigru.cli.table.Table;
import org.bigru.cli.table.TableOptions;
import org.bigru.cli.table.TableReader;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MemoryBudget;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.bigru.model.io.ModelFile;
import org.bigru.model.train.CheckpointFolderException;
import org.bigru.model.train.NonFinitePolicy;
import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.StopReason;
import org.bigru.model.train.Trainer;
import org.bigru.model.train.TrainingHistory;
import org.bigru.model.train.TrainingListener;
import org.bigru.model.train.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** Reads data, builds windows, splits, scales, trains, evaluates on the test part and saves the model. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = {"Train a BiGRU: read data, build look-back windows, split in time order, standardize with "
        + "training statistics, train, report metrics on the test part, save the model and plots.",
        "Without --data it runs the reference workflow on a shipped data set (--example)."})
final class TrainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--data", paramLabel = "FILE",
      description = "Data: .csv (also .tsv, .gz), .xlsx, or .safetensors (tensors x [N,T,I], y, optional lengths). "
          + "Default: the shipped example.")
  Path data;

  @Option(names = "--example", paramLabel = "NAME",
      description = "Shipped data set used without --data: seattle-weather (regression of temp_max) or digits "
          + "(classification, 8 steps of 8 pixels). Default: seattle-weather.")
  String example;

  @Mixin
  DataOptions dataOptions;

  @Option(names = "--index-col", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "The first column is an index or time stamp: kept for output, not a feature "
          + "(default: ${DEFAULT-VALUE}).")
  boolean indexColumn;

  @Option(names = "--drop", showDefaultValue = Visibility.NEVER, split = ",", paramLabel = "COLUMN",
      description = "Columns to ignore (default: none).")
  List<String> drop = new ArrayList<>();

  @Option(names = "--features", showDefaultValue = Visibility.NEVER, split = ",", paramLabel = "COLUMN",
      description = "Feature columns (default: every column but the index, the target and dropped ones).")
  List<String> features = new ArrayList<>();

  @Option(names = "--target", paramLabel = "COLUMN", description = "Target column (default: the last column).")
  String target;

  @Option(names = "--window", paramLabel = "N", defaultValue = "0",
      description = "Look-back rows per sequence; 0 = " + TablePreparation.DEFAULT_WINDOW
          + " or the longest the data allows.")
  int window;

  @Option(names = "--horizon", paramLabel = "N", defaultValue = "0",
      description = "Rows ahead of a window's last row whose target it predicts (0: the row's own target).")
  int horizon;

  @Option(names = "--row-steps", paramLabel = "T", defaultValue = "0",
      description = "Read each row as one sequence of T steps (its features split evenly) instead of windows.")
  int rowSteps;

  @Option(names = "--task", paramLabel = "TASK", defaultValue = "regression",
      description = "regression or classification (class labels: numbers or words).")
  String task;

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
      description = "Hidden dense layers before the output "
      + "layer, units of each, e.g. 32,16 (default: none).")
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

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Training epochs.")
  int epochs;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Mini-batch size.")
  int batch;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "adam, sgdm or rmsprop.")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.001 for adam and rmsprop, "
      + "0.01 for sgdm).")
  Double learningRate;

  @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0", description = "L2 regularization of weights.")
  double l2;

  @Option(names = "--clip", paramLabel = "NORM", defaultValue = "0",
      description = "Clip gradients to this global L2 norm (0: off).")
  double clip;

  @Option(names = "--test-size", paramLabel = "F", defaultValue = "0.2",
      description = "Fraction of sequences, the last ones, held out for testing (0: none).")
  double testSize;

  @Option(names = "--val-size", paramLabel = "F", defaultValue = "0",
      description = "Fraction of sequences, just before the test part, for validation each epoch.")
  double valSize;

  @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
      description = "Stop after N epochs without a lower validation loss and keep the best weights (0: off).")
  int patience;

  @Option(names = "--shuffle", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Shuffle training sequences each epoch (default: ${DEFAULT-VALUE}).")
  boolean shuffle;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of weights, order, dropout.")
  long seed;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "Threads (0: all processors).")
  int threads;

  @Option(names = "--init", paramLabel = "MODEL", description = "Start from this model file's weights.")
  Path init;

  @Option(names = "--out", paramLabel = "MODEL", defaultValue = "bigru-model.safetensors",
      description = "Model file to write.")
  Path out;

  @Option(names = "--plot", paramLabel = "PNG", description = "Fit plot (regression) or confusion matrix "
      + "(classification); 'none' for no plot. Default: bigru-fit.png or bigru-confusion.png.")
  String plot;

  @Option(names = "--loss-plot", paramLabel = "PNG", defaultValue = "bigru-loss.png",
      description = "Training and validation loss per epoch; 'none' for no plot.")
  String lossPlot;

  @Option(names = "--metrics-json", paramLabel = "FILE", description = "Write the test metrics as one JSON object.")
  Path metricsJson;

  @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Write a checkpoint after every epoch "
      + "(and every --checkpoint-every batches) into DIR, keeping the last two.")
  Path checkpointDir;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
      description = "Also checkpoint every N batches (0: at epoch ends only).")
  int checkpointEvery;

  @Option(names = "--resume", paramLabel = "DIR", description = "Continue from the newest valid checkpoint in DIR "
      + "(same command line otherwise); checkpoints keep going to DIR.")
  Path resume;

  @Option(names = "--on-nonfinite", paramLabel = "ACTION", defaultValue = "stop", description = "stop: end "
      + "training at a NaN or infinite loss or gradient (exit code 3, the model of the last good step is written); "
      + "skip: skip that batch and count it.")
  String onNonFinite;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    Example chosen = chooseExample();
    Task taskKind = checks.name("--task", () -> Task.fromName(task));
    checkOptions(checks, taskKind);
    OutputPlan plan = new OutputPlan();
    if (chosen == null) {
      plan.input("--data", InputFiles.require(data, "--data"));
    }
    if (init != null) {
      plan.input("--init", InputFiles.require(init, "--init"));
    }
    if (resume != null) {
      InputFiles.requireFolder(resume, "--resume");
    }
    Path plotPath = optionalPath(plot != null ? plot
        : taskKind == Task.CLASSIFICATION ? "bigru-confusion.png" : "bigru-fit.png");
    Path lossPlotPath = optionalPath(lossPlot);
    Outputs outputs = new Outputs(plan.output("--out", out), plan.output("--plot", plotPath),
        plan.output("--loss-plot", lossPlotPath), plan.output("--metrics-json", metricsJson));
    Plots.checkName("--plot", plotPath);
    Plots.checkName("--loss-plot", lossPlotPath);
    plan.folder(resume != null ? "--resume" : "--checkpoint-dir", resume != null ? resume : checkpointDir);
    if (chosen != null) {
      data = chosen.extract();
      spec.commandLine().getOut().println("example: " + chosen.optionName + " (shipped with bigru; --data FILE for "
          + "your own)");
    }
    try (plan) {
      return run(checks, taskKind, plan, outputs);
    }
  }

  /** The planned output files. */
  private record Outputs(OutputPlan.Output model, OutputPlan.Output plot, OutputPlan.Output lossPlot,
                         OutputPlan.Output metrics) {
  }

  private int run(OptionChecks checks, Task taskKind, OutputPlan plan, Outputs outputs) throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    Preprocessing pre;
    Sequences sequences;
    Split split;
    List<String> classes;
    OutputMode mode;
    boolean header = dataOptions.header(true);
    if (TableReader.isTable(data)) {
      mode = returnSequences ? OutputMode.SEQUENCE : OutputMode.LAST;
      Table table = ColumnSelector.select(TableReader.read(data, dataOptions.sheet, header),
          new TableOptions(indexColumn, drop, features, target, true, taskKind == Task.CLASSIFICATION,
              dataOptions.missing));
      TablePreparation.Prepared prepared = TablePreparation.prepare(table, taskKind, mode, window, horizon, rowSteps,
          header, indexColumn, valSize, testSize);
      pre = prepared.preprocessing();
      sequences = prepared.sequences();
      split = prepared.split();
      classes = prepared.classes();
      stdout.printf(Locale.ROOT, "data: %s, %d rows; features %s; target '%s'; %s%n", data.getFileName(),
          table.rows(), ColumnNames.describe(table.featureNames()), table.targetName(),
          rowSteps > 0 ? "each row one sequence of " + rowSteps + " steps"
              : "window " + pre.window() + (horizon > 0 ? ", horizon " + horizon : ""));
    } else {
      TensorData.Content content = TensorData.read(data, taskKind, true);
      pre = Preprocessing.tensors();
      sequences = content.sequences();
      classes = content.classes();
      mode = sequences.data().kind().isPerStep() ? OutputMode.SEQUENCE : OutputMode.LAST;
      if (returnSequences && mode == OutputMode.LAST) {
        throw new BadInputException("--return-sequences needs per-step targets, but tensor 'y' of " + data
            + " holds one target per sequence");
      }
      split = Split.of(sequences.size(), valSize, testSize, data.getFileName().toString());
      stdout.printf(Locale.ROOT, "data: %s, %d sequences of up to %d steps x %d features%n", data.getFileName(),
          sequences.size(), content.steps(), sequences.data().features());
    }

    int outputCount = taskKind == Task.CLASSIFICATION ? classes.size() : sequences.outputs();
    ModelConfig config = modelConfig(checks, sequences.data().features(), outputCount, mode, taskKind, classes,
        pre);
    int threadCount = Threads.resolve(threads);
    Sequences train = sequences.range(split.train().start(), split.train().end());
    Sequences validation = split.validation() == null ? null
        : sequences.range(split.validation().start(), split.validation().end());
    Sequences test = split.test() == null ? null : sequences.range(split.test().start(), split.test().end());
    checkMemory(checks, config, sequences, train, test);
    Network network = createNetwork(config);
    network.setThreads(threadCount);
    stdout.printf(Locale.ROOT, "split: %d training, %d validation, %d test sequences; model %s%n", train.size(),
        validation == null ? 0 : validation.size(), test == null ? 0 : test.size(), describe(config));

    TrainingOptions options = trainingOptions(threadCount);
    long start = System.nanoTime();
    TrainingListener listener = CheckpointProgress.of(new Progress(stdout, Progress.isTerminal(), epochs),
        spec.commandLine().getErr());
    TrainingHistory history = train(checks, network, train, validation, options, listener);
    double seconds = (System.nanoTime() - start) / 1e9;

    plan.writeFile(outputs.model(), file -> ModelFile.save(network, file));
    if (history.stopReason() == StopReason.NOT_FINITE_LOSS) {
      plan.commit();
      spec.commandLine().getErr().println("bigru: " + history.stopMessage() + "; model written to " + out
          + (options.checkpointDir() != null ? ", last good checkpoint in " + options.checkpointDir() : "")
          + " (--on-nonfinite skip skips such batches)");
      spec.commandLine().getErr().flush();
      return ExitCodes.NOT_FINITE;
    }
    Evaluation.Result result = test == null ? null : Evaluation.run(network, test, pre, classes);
    List<String> written = new ArrayList<>();
    if (result != null && outputs.plot() != null) {
      if (result.regression() != null) {
        Plots.fit(plan, outputs.plot(), toDoubles(test.actual(), test.outputs()),
            toDoubles(result.predicted(), test.outputs()), pre.targetName() != null ? pre.targetName() : "y[0]");
      } else {
        long[][] confusion = result.classification().confusion();
        Plots.confusion(plan, outputs.plot(), confusion, classes,
            Report.mostFrequent(confusion, Math.min(classes.size(), Plots.MAX_CONFUSION_CLASSES)));
      }
      written.add(outputs.plot().toString());
    }
    if (outputs.lossPlot() != null) {
      Plots.loss(plan, outputs.lossPlot(), boxed(history.losses()), boxed(history.validationLosses()));
      written.add(outputs.lossPlot().toString());
    }
    if (outputs.metrics() != null) {
      Report.writeJson(plan, outputs.metrics(), result == null ? new LinkedHashMap<>()
          : Report.metricsJson(result, classes));
    }
    plan.commit();

    stdout.println();
    if (result != null) {
      Report.printMetrics(stdout, result, classes, "Test metrics");
    } else {
      stdout.println("No test part (--test-size 0): no test metrics.");
    }
    long sequencesSeen = (long) train.size() * history.epochs().size();
    stdout.printf(Locale.ROOT, "Model:     %s%n", out);
    stdout.printf(Locale.ROOT, "Plots:     %s%n", written.isEmpty() ? "none" : String.join(", ", written));
    if (metricsJson != null) {
      stdout.printf(Locale.ROOT, "Metrics:   %s%n", metricsJson);
    }
    stdout.printf(Locale.ROOT, "Training:  %d epochs%s in %.2f s, %.0f sequences/s (%d threads, %s kernels)%n",
        history.epochs().size(), history.stoppedEarly() ? " (stopped early, best epoch " + history.bestEpoch() + ")"
            : "", seconds, sequencesSeen / seconds, threadCount, org.bigru.kernels.Kernels.get().name());
    if (history.skippedBatches() > 0) {
      stdout.printf(Locale.ROOT, "Skipped:   %d batches with a non-finite loss or gradient%n",
          history.skippedBatches());
    }
    stdout.flush();
    return ExitCodes.OK;
  }

  /**
   * The shipped example used without --data, or null: its options fill in what the command line left out. Its
   * file is extracted only once every option has been checked.
   */
  private Example chooseExample() {
    if (data != null) {
      if (example != null) {
        throw new BadInputException("--example and --data exclude each other");
      }
      return null;
    }
    Example chosen = Example.fromName(example == null ? "seattle-weather" : example);
    ParseResult parsed = spec.commandLine().getParseResult();
    if (!parsed.hasMatchedOption("--task")) {
      task = chosen.task;
    }
    if (!parsed.hasMatchedOption("--target") && chosen.target != null) {
      target = chosen.target;
    }
    if (!parsed.hasMatchedOption("--drop")) {
      drop = new ArrayList<>(chosen.drop);
      drop.removeIf(column -> column.equalsIgnoreCase(target));
    }
    if (!parsed.hasMatchedOption("--header")) {
      dataOptions.header = chosen.header;
    }
    if (!parsed.hasMatchedOption("--index-col")) {
      indexColumn = chosen.indexColumn;
    }
    if (!parsed.hasMatchedOption("--row-steps")) {
      rowSteps = chosen.rowSteps;
    }
    return chosen;
  }

  /**
   * Every option checked once, before any data is read: ranges (NaN and float32 overflow included), names,
   * combinations, and the sizes the network options imply (each weight matrix must fit a Java array, and the
   * network at its smallest, one feature and one output, must fit the heap).
   */
  private void checkOptions(OptionChecks checks, Task taskKind) {
    checks.atLeast("--units", units, 1);
    checks.atLeast("--layers", layers, 1);
    checks.atLeast("--epochs", epochs, 1);
    checks.atLeast("--batch", batch, 1);
    checks.atLeast("--window", window, 0);
    checks.atLeast("--horizon", horizon, 0);
    checks.atLeast("--row-steps", rowSteps, 0);
    checks.atLeast("--patience", patience, 0);
    checks.atLeast("--checkpoint-every", checkpointEvery, 0);
    checks.atLeast("--threads", threads, 0);
    for (int n : dense) {
      if (n < 1) {
        throw new BadInputException("--dense sizes must be at least 1, not " + checks.typed("--dense", dense));
      }
    }
    if (learningRate != null) {
      checks.positiveFloat("--lr", learningRate);
    }
    checks.nonNegativeFloat("--l2", l2);
    checks.nonNegativeFloat("--clip", clip);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new BadInputException("--dropout must be in [0, 1), not " + checks.typed("--dropout", dropout));
    }
    if (!(testSize >= 0 && testSize < 1)) {
      throw new BadInputException("--test-size must be in [0, 1), not " + checks.typed("--test-size", testSize));
    }
    if (!(valSize >= 0 && valSize < 1)) {
      throw new BadInputException("--val-size must be in [0, 1), not " + checks.typed("--val-size", valSize));
    }
    Split.checkFractions(valSize, testSize);
    if (checkpointEvery > 0 && checkpointDir == null && resume == null) {
      throw new BadInputException("--checkpoint-every needs --checkpoint-dir");
    }
    if (resume != null && checkpointDir != null && !resume.equals(checkpointDir)) {
      throw new BadInputException("--resume " + resume + " and --checkpoint-dir " + checkpointDir
          + " differ: a resumed run keeps checkpointing into the directory it resumes from");
    }
    if (rowSteps > 0 && (window > 0 || horizon > 0)) {
      throw new BadInputException("--row-steps reads each row as a sequence; it excludes --window and --horizon");
    }
    if (patience > 0 && valSize == 0) {
      throw new BadInputException("--patience needs validation data: give --val-size too");
    }
    checks.name("--on-nonfinite", () -> NonFinitePolicy.fromName(onNonFinite));
    checks.name("--optimizer", () -> OptimizerKind.fromName(optimizer));
    CellType cellType = checks.name("--cell", () -> CellType.fromName(cell));
    if (cellType == CellType.LSTM && resetMode != null) {
      throw new BadInputException("--reset-mode applies to GRU cells; an LSTM (--cell lstm) has no reset gate");
    }
    checks.name("--reset-mode", this::resetGateMode);
    checks.name("--merge", () -> MergeMode.fromName(merge));
    checks.name("--dense-activation", () -> Activation.fromName(denseActivation));

    // The smallest network these options can give: one feature, one output, one step of a batch of one. (What
    // the window and the batch add depends on the data, and is checked once it is read.)
    OutputMode mode = returnSequences ? OutputMode.SEQUENCE : OutputMode.LAST;
    ModelConfig oneLayer = sizes(checks, () -> new ModelConfig(1, recurrentLayers(1), mode, denseLayers(), dropout, 1,
        taskKind, List.of(), Map.of()), "");
    double bytes = (double) layers * MemoryBudget.trainingBytes(oneLayer, 1, 1);
    MemoryBudget.require((long) Math.min(bytes, Long.MAX_VALUE), sizeOptions(checks),
        "shrink --units, --layers or --dense");
  }

  /** The network for the data's features and outputs; sizes beyond a Java array are refused naming the options. */
  private ModelConfig modelConfig(OptionChecks checks, int featureCount, int outputCount, OutputMode mode,
                                  Task taskKind, List<String> classes, Preprocessing pre) {
    return sizes(checks, () -> new ModelConfig(featureCount, recurrentLayers(layers), mode, denseLayers(), dropout,
        outputCount, taskKind, classes, pre.toMap()), " with " + featureCount + " features per step and "
        + outputCount + (taskKind == Task.CLASSIFICATION ? " classes" : " outputs"));
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

  /**
   * Refuses, before the network is built, a run whose data, network, training state and evaluation together
   * would not fit the heap.
   */
  private void checkMemory(OptionChecks checks, ModelConfig config, Sequences sequences, Sequences train,
                           Sequences test) {
    int steps = Math.max(1, sequences.data().maxLength());
    long values = (long) sequences.size() * steps * config.inputSize();
    long dataBytes = values * Float.BYTES;
    long trainingBytes = MemoryBudget.trainingBytes(config, Math.min(batch, train.size()), steps);
    long evaluationBytes = 0;
    if (test != null) {
      boolean perStep = config.outputMode() == OutputMode.SEQUENCE;
      evaluationBytes = 2L * Float.BYTES * test.size() * (perStep ? steps : 1) * config.outputSize();
      if (config.task() == Task.CLASSIFICATION) {
        // The confusion matrix, and the report's copy of it.
        evaluationBytes += 2L * Long.BYTES * config.outputSize() * config.outputSize();
      }
    }
    MemoryBudget.require(MemoryBudget.saturatedAdd(MemoryBudget.saturatedAdd(dataBytes, trainingBytes),
        evaluationBytes), "training " + describe(config) + " on " + sequences.size() + " sequences of " + steps
        + " x " + config.inputSize() + " values (" + checks.described("--batch", batch) + ")",
        "shrink --batch, --window, --units or the data");
  }

  private TrainingHistory train(OptionChecks checks, Network network, Sequences train, Sequences validation,
                                TrainingOptions options, TrainingListener listener) {
    try {
      return resume != null
          ? Trainer.resume(network, train.data(), validation == null ? null : validation.data(), options, listener)
          : Trainer.fit(network, train.data(), validation == null ? null : validation.data(), options, listener);
    } catch (CheckpointFolderException e) {
      String option = e.resuming() ? "--resume" : "--checkpoint-dir";
      String folder = checks.typed(option, e.folder());
      throw new BadInputException(option + " " + folder + " " + e.reason() + (e.resuming()
          ? "; resume with that run's options and data, or start this run with a new --checkpoint-dir"
          : "; give a new --checkpoint-dir, or --resume " + folder + " to continue that run (with its options)"), e);
    }
  }

  private static Path optionalPath(String value) {
    return value == null || value.equalsIgnoreCase("none") ? null : Path.of(value);
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

  private Network createNetwork(ModelConfig config) throws IOException {
    Network network = Network.create(config, seed);
    if (init != null) {
      InitialWeights.copy(init, network);
    }
    return network;
  }

  private TrainingOptions trainingOptions(int threadCount) {
    TrainingOptions.Builder builder = TrainingOptions.builder()
        .maxEpochs(epochs)
        .miniBatchSize(batch)
        .optimizer(OptimizerKind.fromName(optimizer))
        .l2Regularization(l2)
        .shuffle(shuffle ? Shuffle.EVERY_EPOCH : Shuffle.NEVER)
        .seed(seed)
        .validationFrequency(Integer.MAX_VALUE)
        .threads(threadCount)
        .checkpointDir(resume != null ? resume : checkpointDir)
        .checkpointEvery(checkpointEvery)
        .onNonFinite(NonFinitePolicy.fromName(onNonFinite));
    if (learningRate != null) {
      builder.learningRate(learningRate);
    }
    if (clip > 0) {
      builder.gradientThreshold(clip);
    }
    if (patience > 0) {
      builder.validationPatience(patience);
    }
    return builder.build();
  }

  /** "2 x BiLSTM(64, last) + Dense(1)": the stacked recurrent layers as one, then the dense layers. */
  private static String describe(ModelConfig config) {
    List<RecurrentLayerSpec> recurrent = config.recurrent();
    RecurrentLayerSpec last = recurrent.get(recurrent.size() - 1);
    StringBuilder sb = new StringBuilder();
    sb.append(recurrent.size()).append(" x ").append(last.summary());
    for (DenseLayerSpec d : config.hidden()) {
      sb.append(" + Dense(").append(d.units()).append(", ").append(d.activation().lowerName()).append(")");
    }
    sb.append(" + Dense(").append(config.outputSize()).append(")");
    return sb.toString();
  }

  private static double[] toDoubles(float[] values, int outputs) {
    double[] first = new double[values.length / outputs];
    for (int i = 0; i < first.length; i++) {
      first[i] = values[i * outputs];
    }
    return first;
  }

  private static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
