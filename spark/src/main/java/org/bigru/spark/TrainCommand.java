package org.bigru.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bigru.kernels.Kernels;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
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
import picocli.CommandLine.Spec;

/**
 * Data-parallel training of a regression on a table of series, with {@code bigru train}'s options and defaults
 * where they apply: synchronous steps (bitwise that command's model for one series and one shard) or local steps
 * then averaging.
 */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = "Trains a network on a table of one or many series on Spark: look-back windows within each "
        + "series, split in time order, scaled on the training part; synchronous steps (the default: with one "
        + "shard per batch, bitwise the model of 'bigru train' on one series) or local steps then averaging.")
final class TrainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  // Data
  @Option(names = "--data", paramLabel = "PATH", required = true, description = "A CSV or Parquet file, or a "
      + "folder of them.")
  String data;
  @Option(names = "--input-format", paramLabel = "FORMAT", description = "csv or parquet (default: from the names).")
  String inputFormat;
  @Option(names = "--header", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "CSV: the first row holds column names (default: ${DEFAULT-VALUE}).")
  boolean header;
  @Option(names = "--series", paramLabel = "COLUMN", description = "Column naming the series (default: one series).")
  String series;
  @Option(names = "--index-col", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "The first column (after --series) is the time index: orders the rows, not a feature "
          + "(default: ${DEFAULT-VALUE}).")
  boolean indexColumn;
  @Option(names = "--drop", split = ",", paramLabel = "COLUMN", showDefaultValue = Visibility.NEVER,
      description = "Columns to ignore.")
  List<String> drop = new ArrayList<>();
  @Option(names = "--features", split = ",", paramLabel = "COLUMN", showDefaultValue = Visibility.NEVER,
      description = "Feature columns (default: every column but the series, index, target and dropped ones).")
  List<String> features = new ArrayList<>();
  @Option(names = "--target", paramLabel = "COLUMN", description = "Target column (default: the last column).")
  String target;
  @Option(names = "--window", paramLabel = "N", defaultValue = "0",
      description = "Look-back rows per sequence; 0 = 24 (for one series: or the longest its rows allow).")
  int window;
  @Option(names = "--horizon", paramLabel = "N", defaultValue = "0",
      description = "Rows ahead of a window's last row whose target it predicts.")
  int horizon;
  @Option(names = "--test-size", paramLabel = "F", defaultValue = "0.2",
      description = "Fraction of each series' windows, the last ones, held out for testing.")
  double testSize;
  @Option(names = "--val-size", paramLabel = "F", defaultValue = "0",
      description = "Fraction of each series' windows, before the test part, for validation each epoch.")
  double valSize;

  // Network
  @Option(names = "--cell", paramLabel = "CELL", defaultValue = "gru", description = "gru or lstm.")
  String cell;
  @Option(names = "--units", paramLabel = "H", defaultValue = "64", description = "Units per direction.")
  int units;
  @Option(names = "--layers", paramLabel = "L", defaultValue = "1", description = "Stacked recurrent layers.")
  int layers;
  @Option(names = "--unidirectional", description = "Forward recurrent layers only.")
  boolean unidirectional;
  @Option(names = "--dense", split = ",", paramLabel = "N", showDefaultValue = Visibility.NEVER,
      description = "Hidden dense layers before the output layer (units of each).")
  List<Integer> dense = new ArrayList<>();
  @Option(names = "--dense-activation", paramLabel = "NAME", defaultValue = "relu",
      description = "linear, relu, tanh or sigmoid.")
  String denseActivation;
  @Option(names = "--merge", paramLabel = "MODE", defaultValue = "concat", description = "concat, sum, ave or mul.")
  String merge;
  @Option(names = "--return-sequences", description = "Train on every step's target (output mode 'sequence').")
  boolean returnSequences;
  @Option(names = "--dropout", paramLabel = "P", defaultValue = "0", description = "Dropout between layers.")
  double dropout;

  // Training
  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Training epochs.")
  int epochs;
  @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Global mini-batch size.")
  int batch;
  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "adam, sgdm or rmsprop.")
  String optimizer;
  @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: the optimizer's).")
  Double learningRate;
  @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0", description = "L2 regularization of weights.")
  double l2;
  @Option(names = "--clip", paramLabel = "NORM", defaultValue = "0", description = "Global gradient norm clip (0: off).")
  double clip;
  @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
      description = "Stop after N validations without a lower loss, keep the best weights (0: off).")
  int patience;
  @Option(names = "--shuffle", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Shuffle training sequences each epoch (default: ${DEFAULT-VALUE}).")
  boolean shuffle;
  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of weights, order, dropout.")
  long seed;
  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Threads of each task's network (2: both directions at once); results do not depend on it.")
  int threads;
  @Option(names = "--on-nonfinite", paramLabel = "ACTION", defaultValue = "stop", description = "stop or skip.")
  String onNonFinite;

  // Distribution
  @Option(names = "--shards", paramLabel = "S", defaultValue = "1",
      description = "Synchronous steps: tasks each batch is split over (1: the whole batch in one task, bitwise "
          + "'bigru train'; more: the batch's work spread, summed in shard order, equal within float rounding).")
  int shards;
  @Option(names = "--tree-fan-in", paramLabel = "F", defaultValue = "0",
      description = "With --shards: sum the shards' gradients in a tree, F shards per combiner task, then the "
          + "combiners' sums on the driver (0: every shard's gradient to the driver).")
  int treeFanIn;
  @Option(names = "--local-steps", paramLabel = "K", defaultValue = "0",
      description = "Local steps then averaging: each partition takes K steps of batch/partitions sequences from "
          + "the averaged weights, then the weights are averaged (0: synchronous steps).")
  int localSteps;

  // Output and checkpoints
  @Option(names = "--out", paramLabel = "FILE", defaultValue = "bigru-model.safetensors",
      description = "Model file to write (must not exist).")
  Path out;
  @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Driver checkpoints after every epoch (and "
      + "every --checkpoint-every steps), the last two kept, as 'bigru train' writes them.")
  Path checkpointDir;
  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "0",
      description = "Also checkpoint every N steps (0: at epoch ends only).")
  int checkpointEvery;
  @Option(names = "--resume", paramLabel = "DIR", description = "Continue from the newest valid checkpoint in DIR.")
  Path resume;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    check();
    PrintWriter stdout = spec.commandLine().getOut();
    SparkSession spark = sparkOptions.session("bigru-spark train");
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = sparkOptions.partitions(spark);
    Dataset<Row> table = TableInput.read(spark, data, inputFormat, header);
    TableInput.Columns columns = columns(table);
    JavaRDD<SeriesRows> rows = TableInput.series(table, columns, partitions, data);
    TrainingTable prepared = TrainingTable.prepare(spark, rows, columns, new TrainingTable.Shape(window, horizon,
        valSize, testSize, returnSequences, header, indexColumn), data);
    int[] sizes = prepared.sizes();
    ModelConfig config = config(columns.features().size(), prepared.preprocessing().toMetadata());
    stdout.printf(Locale.ROOT, "data: %s; %d series%s; features %s; target '%s'; window %d%s%n", data,
        prepared.seriesUsed(), prepared.seriesSkipped() > 0 ? " (" + prepared.seriesSkipped() + " too short, left out)"
            : "", String.join(", ", columns.features()), columns.target(), prepared.preprocessing().window(),
        horizon > 0 ? ", horizon " + horizon : "");
    stdout.printf(Locale.ROOT, "split: %d training, %d validation, %d test sequences; model %s%n", sizes[0],
        sizes[1], sizes[2], config.summary());
    stdout.printf(Locale.ROOT, "spark: %s, %d partitions; %s%n", spark.sparkContext().master(), partitions,
        localSteps > 0 ? localSteps + " local steps per round, then averaging"
            : "synchronous steps, " + shards + " shard" + (shards == 1 ? "" : "s") + " per batch"
                + (shards > 1 && treeFanIn > 0 && shards > treeFanIn ? ", summed in a tree of fan-in " + treeFanIn
                    : ""));
    stdout.flush();

    TrainingOptions options = trainingOptions();
    Network network = Network.create(config, seed);
    network.setThreads(threads);
    ClusterBatches.Faults faults = new ClusterBatches.Faults(testHook(spark, "spark.bigru.test.failStep"),
        testHook(spark, "spark.bigru.test.exitStep"));
    ClusterBatches validation = sizes[1] == 0 ? null : new ClusterBatches(jsc, network,
        prepared.part(Window.VALIDATION), sizes[1], batch, 1, 0, partitions, threads, returnSequences, faults);
    TrainingListener listener = new Progress(stdout);
    long start = System.nanoTime();
    TrainingHistory history;
    if (localSteps > 0) {
      history = LocalSteps.train(network, prepared.part(Window.TRAIN), validation, options, partitions, localSteps,
          threads, returnSequences, listener);
    } else {
      ClusterBatches train = new ClusterBatches(jsc, network, prepared.part(Window.TRAIN), sizes[0], batch, shards,
          treeFanIn, partitions, threads, returnSequences, faults);
      try {
        history = Trainer.fit(network, train, validation, options, listener, resume != null);
      } catch (CheckpointFolderException e) {
        String option = e.resuming() ? "--resume" : "--checkpoint-dir";
        throw new BadInputException(option + " " + e.folder() + " " + e.reason(), e);
      } finally {
        train.close();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (validation != null) {
      validation.close();
    }
    try {
      ModelFile.save(network, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    stdout.println();
    if (sizes[2] > 0) {
      TestMetrics.print(stdout, TestMetrics.of(spark, network, prepared, threads, returnSequences));
    }
    stdout.printf(Locale.ROOT, "Model:     %s%n", out);
    stdout.printf(Locale.ROOT, "Training:  %d epochs, %d steps in %.2f s (%.2f ms per step; %s kernels on the "
        + "driver)%n", history.epochs().size(), history.iterations(), seconds,
        history.iterations() == 0 ? 0 : 1e3 * seconds / history.iterations(), Kernels.get().name());
    if (history.stopReason() != StopReason.MAX_EPOCHS) {
      stdout.println("Stopped:   " + history.stopDescription());
    }
    prepared.windows().unpersist(false);
    stdout.flush();
    return history.stopReason() == StopReason.NOT_FINITE_LOSS ? Main.NOT_FINITE : Main.OK;
  }

  private void check() {
    atLeast("--epochs", epochs, 1);
    atLeast("--batch", batch, 1);
    atLeast("--units", units, 1);
    atLeast("--layers", layers, 1);
    atLeast("--window", window, 0);
    atLeast("--horizon", horizon, 0);
    atLeast("--patience", patience, 0);
    atLeast("--threads", threads, 1);
    atLeast("--shards", shards, 1);
    atLeast("--local-steps", localSteps, 0);
    atLeast("--tree-fan-in", treeFanIn, 0);
    if (treeFanIn == 1) {
      throw new BadInputException("--tree-fan-in must be 0 (no tree) or at least 2, not 1");
    }
    atLeast("--checkpoint-every", checkpointEvery, 0);
    if (!(testSize >= 0 && testSize < 1) || !(valSize >= 0 && valSize < 1) || !(valSize + testSize < 1)) {
      throw new BadInputException("--val-size " + valSize + " and --test-size " + testSize + " must each be in "
          + "[0, 1) and leave something to train on");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new BadInputException("--dropout must be in [0, 1), not " + dropout);
    }
    if (patience > 0 && valSize == 0) {
      throw new BadInputException("--patience needs validation data: give --val-size too");
    }
    if (resume != null && checkpointDir != null && !resume.equals(checkpointDir)) {
      throw new BadInputException("--resume " + resume + " and --checkpoint-dir " + checkpointDir + " differ: a "
          + "resumed run keeps checkpointing into the directory it resumes from");
    }
    if (localSteps > 0 && (checkpointDir != null || resume != null)) {
      throw new BadInputException("checkpoints (--checkpoint-dir, --resume) are written in synchronous steps; "
          + "--local-steps runs without them");
    }
    if (localSteps > 0 && shards > 1) {
      throw new BadInputException("--shards splits synchronous steps; --local-steps excludes it");
    }
    if (Files.exists(out)) {
      throw new BadInputException("--out " + out + " exists; remove it or choose another name");
    }
  }

  /** A test hook's step: the driver thread's local property, else the configuration's, else none (-1). */
  private static long testHook(SparkSession spark, String key) {
    String local = spark.sparkContext().getLocalProperty(key);
    return local != null ? Long.parseLong(local) : spark.sparkContext().getConf().getLong(key, -1);
  }

  private static void atLeast(String option, int value, int min) {
    if (value < min) {
      throw new BadInputException(option + " must be at least " + min + ", not " + value);
    }
  }

  /** The columns as 'bigru train' chooses them, the series column set aside. */
  private TableInput.Columns columns(Dataset<Row> table) {
    String seriesColumn = series == null ? null : TableInput.column(table, series, "--series", data);
    String index = TableInput.indexColumn(table, seriesColumn, indexColumn);
    List<String> candidates = new ArrayList<>();
    for (String c : table.columns()) {
      if (!c.equals(seriesColumn) && !c.equals(index)) {
        candidates.add(c);
      }
    }
    for (String d : drop) {
      candidates.remove(TableInput.column(table, d, "--drop", data));
    }
    if (candidates.isEmpty()) {
      throw new BadInputException(data + ": no column is left for the target");
    }
    String targetColumn = target != null ? TableInput.column(table, target, "--target", data)
        : candidates.get(candidates.size() - 1);
    if (targetColumn.equals(index) || targetColumn.equals(seriesColumn)) {
      throw new BadInputException("--target names the " + (targetColumn.equals(index) ? "index" : "series")
          + " column '" + targetColumn + "'");
    }
    candidates.remove(targetColumn);
    List<String> chosen = new ArrayList<>();
    if (features.isEmpty()) {
      chosen.addAll(candidates);
    } else {
      for (String f : features) {
        String c = TableInput.column(table, f, "--features", data);
        if (c.equals(targetColumn) || c.equals(index) || c.equals(seriesColumn)) {
          throw new BadInputException("--features names column '" + c + "', which is the target, index or series");
        }
        if (!chosen.contains(c)) {
          chosen.add(c);
        }
      }
    }
    if (chosen.isEmpty()) {
      throw new BadInputException(data + ": no feature column is left (columns: " + String.join(", ",
          table.columns()) + ")");
    }
    return new TableInput.Columns(seriesColumn, index, chosen, targetColumn);
  }

  private ModelConfig config(int featureCount, Map<String, String> metadata) {
    try {
      CellType cellType = CellType.fromName(cell);
      List<RecurrentLayerSpec> recurrent = new ArrayList<>();
      for (int l = 0; l < layers; l++) {
        recurrent.add(new RecurrentLayerSpec(cellType, units, !unidirectional,
            cellType == CellType.GRU ? ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION : null,
            MergeMode.fromName(merge), OutputMode.SEQUENCE));
      }
      List<DenseLayerSpec> hidden = new ArrayList<>();
      for (int n : dense) {
        hidden.add(new DenseLayerSpec(n, Activation.fromName(denseActivation)));
      }
      return new ModelConfig(featureCount, recurrent, returnSequences ? OutputMode.SEQUENCE : OutputMode.LAST,
          hidden, dropout, 1, Task.REGRESSION, List.of(), metadata);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** The options 'bigru train' builds from the same command line. */
  private TrainingOptions trainingOptions() {
    try {
      TrainingOptions.Builder builder = TrainingOptions.builder()
          .maxEpochs(epochs)
          .miniBatchSize(batch)
          .optimizer(OptimizerKind.fromName(optimizer))
          .l2Regularization(l2)
          .shuffle(shuffle ? Shuffle.EVERY_EPOCH : Shuffle.NEVER)
          .seed(seed)
          .validationFrequency(Integer.MAX_VALUE)
          .threads(threads)
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
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage(), e);
    }
  }

  /** One line per epoch, and the warnings. */
  private static final class Progress implements TrainingListener {
    private final PrintWriter out;

    Progress(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void onEpochEnd(int epoch, double loss, double validationLoss, double seconds) {
      out.printf(Locale.ROOT, "epoch %d: loss %.6f%s, %.2f s%n", epoch, loss,
          Double.isNaN(validationLoss) ? "" : String.format(Locale.ROOT, ", validation %.6f", validationLoss), seconds);
      out.flush();
    }

    @Override
    public void onCheckpoint(Path file, int epoch, int iteration) {
      out.printf(Locale.ROOT, "checkpoint: %s (epoch %d, step %d)%n", file, epoch, iteration);
      out.flush();
    }

    @Override
    public void onWarning(String message) {
      out.println("warning: " + message);
      out.flush();
    }
  }
}
