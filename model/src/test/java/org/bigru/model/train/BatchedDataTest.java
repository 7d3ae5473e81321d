package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import java.util.zip.Checksum;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.PaddingDirection;
import org.bigru.model.data.SequenceLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training loop over {@link BatchedData} (what a cluster drives) is the loop over data in memory: the same
 * weights, history and checkpoints for data that computes each batch as the network does; and a batch's gradient
 * summed from two halves is not the one pass's, which is why a cluster computes a batch whole.
 */
class BatchedDataTest {

  private static final Dataset TRAIN = CrashTrainingMain.data(1, 60);
  private static final Dataset VALIDATION = CrashTrainingMain.data(2, 16);

  @TempDir
  Path dir;

  /** Data held "elsewhere": the batches of data in memory, reached only through the interface. */
  private static final class Elsewhere implements BatchedData {
    private final BatchedData inner;
    private final Trainable model;
    private final boolean halves;
    private final Dataset data;
    private final int batchSize;

    Elsewhere(Network network, Dataset data, int batchSize, boolean halves) {
      this.model = Trainable.of(network);
      this.inner = new LocalBatches(model, data, batchSize, SequenceLength.LONGEST, PaddingDirection.RIGHT);
      this.halves = halves;
      this.data = data;
      this.batchSize = batchSize;
    }

    @Override
    public int size() {
      return inner.size();
    }

    @Override
    public int batchCount() {
      return inner.batchCount();
    }

    @Override
    public void shuffle(RandomGenerator rng) {
      inner.shuffle(rng);
    }

    @Override
    public int[] order() {
      return inner.order();
    }

    @Override
    public void setOrder(int[] permutation) {
      inner.setOrder(permutation);
    }

    @Override
    public BatchLoss gradients(int b, int piece, long dropoutSeed) {
      if (!halves) {
        return inner.gradients(b, piece, dropoutSeed);
      }
      // The batch's sequences in two halves, each a pass of its own, their mean gradients weighted by rows.
      int[] order = inner.order();
      int from = b * batchSize;
      int to = Math.min(order.length, from + batchSize);
      int middle = (from + to) / 2;
      float[] sum = new float[model.arena().size()];
      double loss = 0;
      for (int[] part : new int[][] {Arrays.copyOfRange(order, from, middle), Arrays.copyOfRange(order, middle, to)}) {
        LocalBatches half = new LocalBatches(model, data.subset(part), part.length, SequenceLength.LONGEST,
            PaddingDirection.RIGHT);
        BatchLoss l = half.gradients(0, 0, dropoutSeed);
        float weight = (float) part.length / (to - from);
        float[] g = model.arena().grads();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += weight * g[i];
        }
        loss += weight * l.loss();
      }
      System.arraycopy(sum, 0, model.arena().grads(), 0, sum.length);
      return new BatchLoss(loss, to - from);
    }

    @Override
    public Evaluation evaluate() {
      return inner.evaluate();
    }

    @Override
    public void addToChecksum(Checksum checksum) {
      inner.addToChecksum(checksum);
    }
  }

  private static TrainingOptions options(Path checkpoints, int epochs) {
    return CrashTrainingMain.options(checkpoints, epochs);
  }

  @Test
  void theLoopOverBatchedDataIsTheLoopOverDataInMemory() {
    Network inMemory = Network.create(CrashTrainingMain.config(), 11);
    TrainingHistory expected = Trainer.fit(inMemory, TRAIN, VALIDATION, options(dir.resolve("a"), 3), null);
    Network elsewhere = Network.create(CrashTrainingMain.config(), 11);
    TrainingHistory history = Trainer.fit(elsewhere, new Elsewhere(elsewhere, TRAIN, 8, false),
        new Elsewhere(elsewhere, VALIDATION, 8, false), options(dir.resolve("b"), 3), null, false);
    assertArrayEquals(inMemory.arena().values(), elsewhere.arena().values());
    assertEquals(expected.losses().length, history.losses().length);
    assertArrayEquals(expected.losses(), history.losses());
    assertArrayEquals(expected.validationLosses(), history.validationLosses());
  }

  @Test
  void resumingThroughBatchedDataContinuesBitwise() {
    Network uninterrupted = Network.create(CrashTrainingMain.config(), 11);
    Trainer.fit(uninterrupted, TRAIN, VALIDATION, options(dir.resolve("whole"), 3), null);
    Path folder = dir.resolve("resumed");
    Network first = Network.create(CrashTrainingMain.config(), 11);
    Trainer.fit(first, new Elsewhere(first, TRAIN, 8, false), new Elsewhere(first, VALIDATION, 8, false),
        options(folder, 2), null, false);
    Network resumed = Network.create(CrashTrainingMain.config(), 11);
    Trainer.fit(resumed, new Elsewhere(resumed, TRAIN, 8, false), new Elsewhere(resumed, VALIDATION, 8, false),
        options(folder, 3), null, true);
    assertArrayEquals(uninterrupted.arena().values(), resumed.arena().values());
  }

  @Test
  void aBatchSummedFromHalvesIsNotTheOnePass() {
    // Without dropout, whose masks the halves would draw apart: only the order of the sums differs.
    ModelConfig config = ModelConfig.biGru(CrashTrainingMain.FEATURES, 6, OutputMode.LAST, 1, Task.REGRESSION);
    Network whole = Network.create(config, 11);
    Trainer.fit(whole, TRAIN, null, options(null, 1), null);
    Network halves = Network.create(config, 11);
    Trainer.fit(halves, new Elsewhere(halves, TRAIN, 8, true), null, options(null, 1), null, false);
    float[] a = whole.arena().values();
    float[] b = halves.arena().values();
    assertFalse(Arrays.equals(a, b), "float sums in another order round differently");
    for (int i = 0; i < a.length; i++) {
      assertEquals(a[i], b[i], 1e-5, "but only by rounding, at " + i);
    }
  }
}
