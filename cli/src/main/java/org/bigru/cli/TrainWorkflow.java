package org.bigru.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.bigru.cli.output.CheckpointProgress;
import org.bigru.cli.output.OutputPlan;
import org.bigru.cli.output.Plots;
import org.bigru.cli.output.Progress;
import org.bigru.cli.pipeline.Evaluation;
import org.bigru.cli.pipeline.PreparedSequences;
import org.bigru.cli.pipeline.Split;
import org.bigru.cli.pipeline.TablePreparation;
import org.bigru.cli.pipeline.TensorData;
import org.bigru.cli.table.ColumnNames;
import org.bigru.cli.table.ColumnSelector;
import org.bigru.cli.table.Table;
import org.bigru.cli.table.TableOptions;
import org.bigru.cli.table.TableReader;
import org.bigru.kernels.Kernels;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.Task;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.io.ModelFile;
import org.bigru.model.train.CheckpointFolderException;
import org.bigru.model.train.StopReason;
import org.bigru.model.train.TrainingHistory;
import org.bigru.model.train.TrainingJob;
import org.bigru.model.train.TrainingListener;
import org.bigru.model.train.TrainingOptions;
import org.bigru.model.train.Warmup;

/**
 * What train does once its options are checked, in the order of the reference workflow: read the data, prepare
 * sequences (windows, split, scaling), build the network, train (or resume), save the model, evaluate on the test
 * part, plot, report. The rules (data against network, memory, fit or resume) are the model's {@link TrainingJob};
 * this class reads tables, words messages with the options' names, and writes the outputs planned beforehand.
 */
final class TrainWorkflow {

  /** The planned output files. */
  record Outputs(OutputPlan.Output model, OutputPlan.Output plot, OutputPlan.Output lossPlot,
                 OutputPlan.Output metrics) {
  }

  /** Features and largest batch of the warm-up's synthetic data: its steps cost little, its kernels are the run's. */
  private static final int WARMUP_FEATURES = 4;
  private static final int WARMUP_MAX_BATCH = 64;

  private final OptionChecks checks;
  private final PrintWriter stdout;
  private final PrintWriter stderr;
  private final TrainDataOptions data;
  private final NetworkOptions networkOptions;
  private final FitOptions fit;
  private final OutputOptions output;
  private final CheckpointOptions checkpoints;

  TrainWorkflow(OptionChecks checks, PrintWriter stdout, PrintWriter stderr, TrainDataOptions data,
                NetworkOptions networkOptions, FitOptions fit, OutputOptions output, CheckpointOptions checkpoints) {
    this.checks = checks;
    this.stdout = stdout;
    this.stderr = stderr;
    this.data = data;
    this.networkOptions = networkOptions;
    this.fit = fit;
    this.output = output;
    this.checkpoints = checkpoints;
  }

  /** Runs the job, committing the planned outputs at the end; the exit code. */
  int run(Task task, OutputPlan plan, Outputs outputs) throws IOException {
    Prepared prepared;
    try (Warmup warmup = warmup(task)) {
      prepared = prepare(task);
    }
    PreparedSequences sequences = prepared.sequences();
    int outputCount = task == Task.CLASSIFICATION ? prepared.classes().size() : sequences.outputs();
    ModelConfig config = networkOptions.config(checks, sequences.data().features(), outputCount, prepared.mode(),
        task, prepared.classes(), prepared.preprocessing().toMetadata());
    Split split = prepared.split();
    PreparedSequences train = sequences.range(split.train().start(), split.train().end());
    PreparedSequences validation = split.validation() == null ? null
        : sequences.range(split.validation().start(), split.validation().end());
    PreparedSequences test = split.test() == null ? null : sequences.range(split.test().start(), split.test().end());

    TrainingOptions options = fit.trainingOptions(fit.threads.resolve(checks), checkpoints.folder(),
        checkpoints.checkpointEvery);
    TrainingJob job = new TrainingJob(config, train.data(), validation == null ? null : validation.data(), options,
        checkpoints.resume != null, dataBytes(sequences) + Evaluation.bytes(config, test));
    Network network = job.build(new TrainingJob.Names("the training sequences", "the training targets",
        "the validation sequences", "the validation targets", "the network"), NetworkOptions.shrink());
    if (fit.init != null) {
      InitialWeights.copy(fit.init, network);
    }
    stdout.printf(Locale.ROOT, "split: %d training, %d validation, %d test sequences; model %s%n", train.size(),
        validation == null ? 0 : validation.size(), test == null ? 0 : test.size(), describe(config));

    long start = System.nanoTime();
    TrainingListener listener = CheckpointProgress.of(new Progress(stdout, Progress.isTerminal(), fit.epochs),
        stderr);
    TrainingHistory history = train(job, network, listener);
    double seconds = (System.nanoTime() - start) / 1e9;

    plan.writeFile(outputs.model(), file -> ModelFile.save(network, file));
    if (history.stopReason() == StopReason.NOT_FINITE_LOSS) {
      plan.commit();
      stderr.println("bigru: " + history.stopMessage() + "; model written to " + output.out
          + (options.checkpointDir() != null ? ", last good checkpoint in " + options.checkpointDir() : "")
          + " (--on-nonfinite skip skips such batches)");
      stderr.flush();
      return ExitCodes.NOT_FINITE;
    }
    Preprocessing pre = prepared.preprocessing();
    List<String> classes = prepared.classes();
    Evaluation.Result result = test == null ? null : Evaluation.run(network, test, pre, classes, prepared.season());
    List<String> written = new ArrayList<>();
    if (result != null && outputs.plot() != null) {
      if (result.regression() != null) {
        // The first target at the chosen step (responses are target-major: target 0's steps come first).
        int column = output.plotStep - 1;
        Plots.fit(plan, outputs.plot(), column(test.actual(), test.outputs(), column),
            column(result.predicted(), test.outputs(), column), plotLabel(pre, output.plotStep));
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
    report(result, classes, train.size(), history, seconds, network.threads(), written);
    return ExitCodes.OK;
  }

  /**
   * Kernels compiled while the data is read: the network's layers, at the options' batch and window, trained on
   * synthetic data in the background (see {@link Warmup}).
   */
  private Warmup warmup(Task task) {
    ModelConfig layers = networkOptions.config(checks, WARMUP_FEATURES, 1, networkOptions.outputMode(), task,
        List.of(), java.util.Map.of());
    int steps = data.rowSteps > 0 ? data.rowSteps : data.window > 0 ? data.window : TablePreparation.DEFAULT_WINDOW;
    return Warmup.start(layers, Math.min(fit.batch, WARMUP_MAX_BATCH), steps);
  }

  /** The data as the network will see it, its preprocessing, classes, split and the baselines' season. */
  private record Prepared(PreparedSequences sequences, Preprocessing preprocessing, List<String> classes, Split split,
                          OutputMode mode, int season) {
  }

  private Prepared prepare(Task task) throws IOException {
    boolean header = data.read.header(true);
    if (TableReader.isTable(data.data)) {
      OutputMode mode = networkOptions.outputMode();
      Table table = ColumnSelector.select(TableReader.read(data.data, data.read.sheet, header),
          new TableOptions(data.indexColumn, data.drop, data.features, data.targets, true,
              task == Task.CLASSIFICATION, data.read.missing));
      TablePreparation.Layout layout = data.layout();
      if (layout.first() == 0 && layout.rowSteps() == 0) {
        for (String target : table.targetNames()) {
          if (table.featureNames().contains(target)) {
            throw new BadInputException("--features names the target '" + target + "', and each window predicts "
                + "its own last row (horizon 0), so the answer would be among the inputs; forecast rows after it "
                + "with --steps K or --horizon N");
          }
        }
      }
      TablePreparation.Prepared prepared = TablePreparation.prepare(table, task, mode, layout, header,
          data.indexColumn, data.valSize, data.testSize);
      Preprocessing pre = prepared.preprocessing();
      int season = pre.season(table.index());
      stdout.printf(Locale.ROOT, "data: %s, %d rows; features %s; target%s %s; %s%n", data.data.getFileName(),
          table.rows(), ColumnNames.describe(table.featureNames()), table.targetNames().size() > 1 ? "s" : "",
          quoted(table.targetNames()), data.rowSteps > 0 ? "each row one sequence of " + data.rowSteps + " steps"
              : "window " + pre.window() + (data.horizon > 0 ? ", horizon " + data.horizon : "")
                  + (data.steps > 0 ? ", steps " + data.steps : "") + (data.difference ? ", differenced" : "")
                  + (task == Task.REGRESSION ? ", season " + season : ""));
      return new Prepared(prepared.sequences(), pre, prepared.classes(), prepared.split(), mode, season);
    }
    if (data.steps > 0 || data.difference || data.targets.size() > 1) {
      throw new BadInputException((data.steps > 0 ? "--steps" : data.difference ? "--difference" : "--target a,b")
          + " builds windows over a table's rows; " + data.data.getFileName() + " holds tensors, used as given");
    }
    TensorData.Content content = TensorData.read(data.data, task, true);
    PreparedSequences sequences = content.sequences();
    OutputMode mode = sequences.data().kind().isPerStep() ? OutputMode.SEQUENCE : OutputMode.LAST;
    if (networkOptions.returnSequences && mode == OutputMode.LAST) {
      throw new BadInputException("--return-sequences needs per-step targets, but tensor 'y' of " + data.data
          + " holds one target per sequence");
    }
    Split split = Split.of(sequences.size(), data.valSize, data.testSize, data.data.getFileName().toString());
    stdout.printf(Locale.ROOT, "data: %s, %d sequences of up to %d steps x %d features%n", data.data.getFileName(),
        sequences.size(), content.steps(), sequences.data().features());
    return new Prepared(sequences, Preprocessing.tensors(), content.classes(), split, mode, 1);
  }

  /** The data's copy of the sequences, as the heap check counts it. */
  private static long dataBytes(PreparedSequences sequences) {
    int steps = Math.max(1, sequences.data().maxLength());
    return (long) Float.BYTES * sequences.size() * steps * sequences.data().features();
  }

  private TrainingHistory train(TrainingJob job, Network network, TrainingListener listener) {
    try {
      return job.run(network, listener);
    } catch (CheckpointFolderException e) {
      String option = e.resuming() ? "--resume" : "--checkpoint-dir";
      String folder = checks.typed(option, e.folder());
      throw new BadInputException(option + " " + folder + " " + e.reason() + (e.resuming()
          ? "; resume with that run's options and data, or start this run with a new --checkpoint-dir"
          : "; give a new --checkpoint-dir, or --resume " + folder + " to continue that run (with its options)"), e);
    }
  }

  private void report(Evaluation.Result result, List<String> classes, int trainSize, TrainingHistory history,
                      double seconds, int threads, List<String> written) {
    stdout.println();
    if (result != null) {
      Report.printMetrics(stdout, result, classes, "Test metrics");
    } else {
      stdout.println("No test part (--test-size 0): no test metrics.");
    }
    long sequencesSeen = (long) trainSize * history.epochs().size();
    stdout.printf(Locale.ROOT, "Model:     %s%n", output.out);
    stdout.printf(Locale.ROOT, "Plots:     %s%n", written.isEmpty() ? "none" : String.join(", ", written));
    if (output.metricsJson != null) {
      stdout.printf(Locale.ROOT, "Metrics:   %s%n", output.metricsJson);
    }
    stdout.printf(Locale.ROOT, "Training:  %d epochs%s in %.2f s, %.0f sequences/s (%d thread%s, %s kernels)%n",
        history.epochs().size(), history.stoppedEarly() ? " (stopped early, best epoch " + history.bestEpoch() + ")"
            : "", seconds, sequencesSeen / seconds, threads, threads == 1 ? "" : "s", Kernels.get().name());
    if (history.skippedBatches() > 0) {
      stdout.printf(Locale.ROOT, "Skipped:   %d batches with a non-finite loss or gradient%n",
          history.skippedBatches());
    }
    stdout.flush();
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
    sb.append(" + Dense(").append(config.outputSize());
    if (!config.quantiles().isEmpty()) {
      sb.append(", quantiles ").append(ModelConfig.quantileList(config.quantiles()));
    }
    sb.append(")");
    return sb.toString();
  }

  /** Column {@code column} of rows of {@code outputs} values. */
  static double[] column(float[] values, int outputs, int column) {
    double[] picked = new double[values.length / outputs];
    for (int i = 0; i < picked.length; i++) {
      picked[i] = values[i * outputs + column];
    }
    return picked;
  }

  /** The fit plot's quantity: the first target, and the step when there are several. */
  static String plotLabel(Preprocessing pre, int step) {
    String name = pre.targetName() != null ? pre.targetName() : "y[0]";
    return pre.steps() > 1 ? name + " (" + (pre.horizon() + step - 1) + " rows ahead)" : name;
  }

  private static String quoted(List<String> names) {
    List<String> quoted = new ArrayList<>();
    names.forEach(n -> quoted.add("'" + n + "'"));
    return String.join(", ", quoted);
  }

  private static List<Double> boxed(double[] values) {
    List<Double> list = new ArrayList<>(values.length);
    for (double v : values) {
      list.add(v);
    }
    return list;
  }
}
