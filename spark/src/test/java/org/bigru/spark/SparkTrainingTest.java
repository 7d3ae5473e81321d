package org.bigru.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.bigru.model.data.ChronologicalSplit;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.SlidingWindows;
import org.bigru.model.data.StandardScaler;
import org.bigru.model.io.ModelFile;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.Trainer;
import org.bigru.model.train.TrainingOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training on Spark in local mode against training on one machine: the synchronous mode gives bitwise the model
 * of the same table, options and seed trained in memory (as {@code bigru train} prepares it), also after a failed
 * task is retried and after a resume from a driver checkpoint; shards and local steps repeat themselves.
 */
class SparkTrainingTest {

  private static final int WINDOW = 8;
  private static final int UNITS = 6;
  private static final int BATCH = 16;
  private static final long SEED = 7;

  @TempDir
  static Path dir;
  private static Path table;
  private static double[][] values;

  @BeforeAll
  static void writeTable() {
    values = SparkTests.series(160, 3);
    table = SparkTests.csv(dir.resolve("one.csv"), null, List.<double[][]>of(values), 0);
  }

  private static String[] train(Path out, String... more) {
    List<String> args = new ArrayList<>(List.of("train", "--data", table.toString(), "--window", "" + WINDOW,
        "--units", "" + UNITS, "--batch", "" + BATCH, "--seed", "" + SEED, "--val-size", "0.1", "--out",
        out.toString()));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  private static float[] trained(Path out, String... more) throws IOException {
    SparkTests.Result r = SparkTests.run(train(out, more));
    assertEquals(0, r.code(), r.err() + r.out());
    return ModelFile.load(out).arena().values();
  }

  /** The same training in memory: bigru train's preparation of the one series, then Trainer.fit. */
  private static float[] singleMachine(int epochs, boolean perStep, double dropout, int layers) {
    int rows = values.length;
    int count = rows - WINDOW + 1;
    List<ChronologicalSplit.Part> parts = ChronologicalSplit.split(count, 0.7, 0.1, 0.2);
    int lastTrain = parts.get(0).end() - 1;
    float[] features = SparkTests.floats(values, 0, 1);
    float[] target = SparkTests.floats(values, 2);
    StandardScaler featureScaler = StandardScaler.fit(features, lastTrain + WINDOW, 2);
    StandardScaler targetScaler = StandardScaler.fit(target, lastTrain + WINDOW, 1);
    SlidingWindows windows = SlidingWindows.of(featureScaler.transform(features), 2, targetScaler.transform(target),
        WINDOW, 0);
    Dataset data = perStep ? windows.toStepDataset() : windows.toDataset();
    List<RecurrentLayerSpec> recurrent = new ArrayList<>();
    for (int l = 0; l < layers; l++) {
      recurrent.add(new RecurrentLayerSpec(UNITS, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION,
          MergeMode.CONCAT));
    }
    ModelConfig config = new ModelConfig(2, recurrent,
        perStep ? OutputMode.SEQUENCE : OutputMode.LAST, List.of(), dropout, 1, Task.REGRESSION, List.of(), Map.of());
    Network network = Network.create(config, SEED);
    TrainingOptions options = TrainingOptions.builder().maxEpochs(epochs).miniBatchSize(BATCH).seed(SEED)
        .shuffle(Shuffle.EVERY_EPOCH).validationFrequency(Integer.MAX_VALUE).build();
    Trainer.fit(network, data.range(0, parts.get(0).end()), data.range(parts.get(1).start(), parts.get(1).end()),
        options, null);
    return network.arena().values();
  }

  @Test
  void synchronousStepsGiveBitwiseTheSingleMachineModel() throws IOException {
    assertArrayEquals(singleMachine(2, false, 0, 1), trained(dir.resolve("sync.safetensors"), "--epochs", "2"));
  }

  @Test
  void perStepTargetsAndDropoutToo() throws IOException {
    assertArrayEquals(singleMachine(2, true, 0.25, 2), trained(dir.resolve("steps.safetensors"), "--epochs", "2",
        "--return-sequences", "--layers", "2", "--dropout", "0.25"));
  }

  @Test
  void aFailedTaskIsRetriedAndTheModelIsTheSame() throws Exception {
    AtomicInteger failed = new AtomicInteger();
    SparkListener listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
          failed.incrementAndGet();
        }
      }
    };
    var context = SparkTests.session().sparkContext();
    context.addSparkListener(listener);
    context.setLocalProperty("spark.bigru.test.failStep", "5");
    try {
      assertArrayEquals(singleMachine(2, false, 0, 1), trained(dir.resolve("retried.safetensors"), "--epochs", "2"));
    } finally {
      context.setLocalProperty("spark.bigru.test.failStep", null);
      context.listenerBus().waitUntilEmpty();
      context.removeSparkListener(listener);
    }
    assertEquals(1, failed.get(), "one attempt failed and was retried");
  }

  @Test
  void aResumedRunEndsWithTheUninterruptedModel() throws IOException {
    Path checkpoints = dir.resolve("checkpoints");
    trained(dir.resolve("first-epoch.safetensors"), "--epochs", "1", "--checkpoint-dir", checkpoints.toString());
    float[] resumed = trained(dir.resolve("resumed.safetensors"), "--epochs", "2", "--resume",
        checkpoints.toString());
    assertArrayEquals(singleMachine(2, false, 0, 1), resumed);
  }

  @Test
  void shardsSpreadABatchAndStayWithinRounding() throws IOException {
    float[] whole = singleMachine(1, false, 0, 1);
    float[] sharded = trained(dir.resolve("shards.safetensors"), "--epochs", "1", "--shards", "3");
    float[] again = trained(dir.resolve("shards-again.safetensors"), "--epochs", "1", "--shards", "3");
    assertArrayEquals(sharded, again, "the same shards give the same model");
    double largest = 0;
    for (int i = 0; i < whole.length; i++) {
      largest = Math.max(largest, Math.abs(whole[i] - sharded[i]));
    }
    assertTrue(largest > 0, "three shards sum the batch in another order");
    assertTrue(largest < 1e-4, "but only float rounding apart: " + largest);
  }

  @Test
  void aTreeOfCombinersSumsInAFixedOrderToo() throws IOException {
    float[] whole = singleMachine(1, false, 0, 1);
    float[] tree = trained(dir.resolve("tree.safetensors"), "--epochs", "1", "--shards", "4", "--tree-fan-in", "2");
    float[] again = trained(dir.resolve("tree-again.safetensors"), "--epochs", "1", "--shards", "4", "--tree-fan-in",
        "2");
    assertArrayEquals(tree, again, "combiners sum in shard order, the driver in combiner order");
    for (int i = 0; i < whole.length; i++) {
      assertEquals(whole[i], tree[i], 1e-4, "parameter value " + i);
    }
  }

  @Test
  void localStepsLearnAndRepeat() throws IOException {
    Path out = dir.resolve("local.safetensors");
    SparkTests.Result r = SparkTests.run(train(out, "--epochs", "3", "--local-steps", "3", "--lr", "0.01"));
    assertEquals(0, r.code(), r.err() + r.out());
    float[] again = trained(dir.resolve("local-again.safetensors"), "--epochs", "3", "--local-steps", "3", "--lr",
        "0.01");
    assertArrayEquals(ModelFile.load(out).arena().values(), again);
    List<Double> losses = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      if (line.startsWith("epoch ")) {
        losses.add(Double.parseDouble(line.replaceAll(".*loss ([0-9.]+).*", "$1")));
      }
    }
    assertEquals(3, losses.size(), r.out());
    assertTrue(losses.get(2) < losses.get(0), "the loss falls: " + losses);
  }

  @Test
  void manySeriesAreWindowedEachOnItsOwn() throws IOException {
    Path many = SparkTests.csv(dir.resolve("many.csv"), List.of("a", "b", "c"), List.of(SparkTests.series(60, 1),
        SparkTests.series(45, 2), SparkTests.series(5, 3)), 11);
    Path out = dir.resolve("many.safetensors");
    SparkTests.Result r = SparkTests.run("train", "--data", many.toString(), "--series", "store", "--window",
        "" + WINDOW, "--units", "" + UNITS, "--epochs", "1", "--out", out.toString());
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("2 series (1 too short, left out)"), r.out());
    // 53 and 38 windows; each series' last 20% (11 and 8) for testing
    assertTrue(r.out().contains("split: 72 training, 0 validation, 19 test sequences"), r.out());
    assertFalse(r.out().contains("NaN"), r.out());
  }
}
