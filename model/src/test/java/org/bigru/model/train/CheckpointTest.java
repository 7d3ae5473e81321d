package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bigru.model.Network;
import org.bigru.model.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints in process: stop anywhere, resume, get the same weights; damaged files are skipped. */
class CheckpointTest {

  private static final int EPOCHS = 3;

  @Test
  void splitMix64IsTheSequenceOfSplittableRandom() {
    for (long seed : new long[] {0, 1, -7, 0x123456789abcdefL}) {
      SplitMix64 ours = new SplitMix64(seed);
      SplittableRandom jdk = new SplittableRandom(seed);
      for (int i = 0; i < 100; i++) {
        assertEquals(jdk.nextLong(), ours.nextLong(), "seed " + seed + " draw " + i);
      }
      SplitMix64 copy = new SplitMix64(ours.state());
      assertEquals(ours.nextLong(), copy.nextLong());
    }
  }

  @Test
  void nextIntIsUniformOverSmallBounds() {
    SplitMix64 rng = new SplitMix64(3);
    int[] counts = new int[7];
    for (int i = 0; i < 70_000; i++) {
      counts[rng.nextInt(7)]++;
    }
    for (int c : counts) {
      assertTrue(Math.abs(c - 10_000) < 500, "count " + c);
    }
    assertThrows(IllegalArgumentException.class, () -> rng.nextInt(0));
  }

  /** Stops after {@code stopAt} iterations (as a crash would, at a checkpoint), then resumes to the end. */
  @Test
  void resumingFromAnyCheckpointGivesTheUninterruptedWeights(@TempDir Path dir) {
    List<float[]> expected = train(null, Integer.MAX_VALUE, false);
    for (int stopAt : new int[] {1, 2, 15, 16, 31}) {
      Path checkpoints = dir.resolve("stop" + stopAt);
      train(checkpoints, stopAt, false);
      List<float[]> resumed = train(checkpoints, Integer.MAX_VALUE, true);
      assertSameBits(expected, resumed, "stopped at iteration " + stopAt);
    }
  }

  @Test
  void aCorruptOrTruncatedNewestCheckpointFallsBackToThePreviousWithAWarning(@TempDir Path dir)
      throws IOException {
    List<float[]> expected = train(null, Integer.MAX_VALUE, false);
    for (String damage : new String[] {"flip", "truncate"}) {
      Path checkpoints = dir.resolve(damage);
      train(checkpoints, 20, false);
      List<Path> files = Checkpoint.list(checkpoints);
      assertEquals(2, files.size(), files.toString());
      Path newest = files.get(0);
      long size = Files.size(newest);
      try (FileChannel channel = FileChannel.open(newest, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        if (damage.equals("flip")) {
          java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1);
          channel.read(b, size - 5);
          b.put(0, (byte) (b.get(0) ^ 0x10)).rewind();
          channel.write(b, size - 5);
        } else {
          channel.truncate(size / 2);
        }
      }
      List<String> warnings = new ArrayList<>();
      List<float[]> resumed = trainResumeCollecting(checkpoints, warnings);
      assertSameBits(expected, resumed, damage);
      assertEquals(1, warnings.size(), warnings.toString());
      assertTrue(warnings.get(0).contains(newest.getFileName().toString()), warnings.get(0));
      assertTrue(warnings.get(0).contains(damage.equals("flip") ? "checksum" : "bytes"), warnings.get(0));
    }
  }

  @Test
  void resumeRefusesOtherSettingsAndStartsOverWithoutCheckpoints(@TempDir Path dir) {
    Path checkpoints = dir.resolve("c");
    train(checkpoints, 5, false);
    Network network = Network.create(CrashTrainingMain.config(), 11);
    TrainingOptions otherSeed = CrashTrainingMain.options(checkpoints, EPOCHS).toBuilder().seed(8).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Trainer.resume(network,
        CrashTrainingMain.data(1, 120), CrashTrainingMain.data(2, 24), otherSeed, null));
    assertTrue(e.getMessage().contains("seed 7") && e.getMessage().contains("seed 8"), e.getMessage());

    List<String> warnings = new ArrayList<>();
    List<float[]> fresh = trainResumeCollecting(dir.resolve("empty"), warnings);
    assertSameBits(train(null, Integer.MAX_VALUE, false), fresh, "no checkpoint");
    assertTrue(warnings.get(0).contains("starts from the beginning"), warnings.toString());
  }

  @Test
  void nonFiniteGradientStopsNamingEpochAndBatchOrIsSkipped(@TempDir Path dir) {
    TrainerTest.ConstantGradientModel model = new TrainerTest.ConstantGradientModel(1f);
    model.nanGradientAtCall = 6;
    TrainingOptions options = TrainingOptions.builder().optimizer(OptimizerKind.SGDM).momentum(0)
        .learningRate(1).maxEpochs(3).miniBatchSize(1).shuffle(Shuffle.NEVER).checkpointDir(dir).build();
    TrainingHistory history = Trainer.fit(model, TrainerTest.linearData(4, 3, 1), null, options, null);
    assertEquals(StopReason.NOT_FINITE_LOSS, history.stopReason());
    assertEquals(5, history.iterations());
    assertEquals(-5f, model.weight.get(0), "the weights before the bad batch");
    assertTrue(history.stopMessage().contains("non-finite gradient NaN of 'b'")
        && history.stopMessage().contains("epoch 2, batch 2 of 4"), history.stopMessage());

    TrainerTest.ConstantGradientModel skipping = new TrainerTest.ConstantGradientModel(1f);
    skipping.nanGradientAtCall = 6;
    List<String> warnings = new ArrayList<>();
    TrainingHistory skipped = Trainer.fit(skipping, TrainerTest.linearData(4, 3, 1), null,
        options.toBuilder().onNonFinite(NonFinitePolicy.SKIP).checkpointDir(null).build(), collecting(warnings));
    assertEquals(StopReason.MAX_EPOCHS, skipped.stopReason());
    assertEquals(1, skipped.skippedBatches());
    assertEquals(11, skipped.iterations());
    assertEquals(-11f, skipping.weight.get(0));
    assertEquals(1, warnings.size());
  }

  private static TrainingListener collecting(List<String> warnings) {
    return new TrainingListener() {
      @Override
      public void onWarning(String message) {
        warnings.add(message);
      }
    };
  }

  private static List<float[]> trainResumeCollecting(Path checkpoints, List<String> warnings) {
    Network network = Network.create(CrashTrainingMain.config(), 11);
    Trainer.resume(network, CrashTrainingMain.data(1, 120), CrashTrainingMain.data(2, 24),
        CrashTrainingMain.options(checkpoints, EPOCHS), collecting(warnings));
    return values(network);
  }

  private static List<float[]> train(Path checkpoints, int stopAt, boolean resume) {
    Network network = Network.create(CrashTrainingMain.config(), 11);
    TrainingListener listener = new TrainingListener() {
      private int iterations;

      @Override
      public void onBatchEnd(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double loss) {
        iterations = iteration;
      }

      @Override
      public boolean stopRequested() {
        return iterations >= stopAt;
      }
    };
    TrainingOptions options = CrashTrainingMain.options(checkpoints, EPOCHS);
    if (resume) {
      Trainer.resume(network, CrashTrainingMain.data(1, 120), CrashTrainingMain.data(2, 24), options, listener);
    } else {
      Trainer.fit(network, CrashTrainingMain.data(1, 120), CrashTrainingMain.data(2, 24), options, listener);
    }
    return values(network);
  }

  private static List<float[]> values(Network network) {
    List<float[]> values = new ArrayList<>();
    for (Parameter p : network.parameters()) {
      values.add(p.copyOfValues());
    }
    return values;
  }

  private static void assertSameBits(List<float[]> expected, List<float[]> actual, String context) {
    for (int i = 0; i < expected.size(); i++) {
      float[] a = expected.get(i);
      float[] b = actual.get(i);
      int[] aBits = new int[a.length];
      int[] bBits = new int[b.length];
      for (int k = 0; k < a.length; k++) {
        aBits[k] = Float.floatToRawIntBits(a[k]);
        bBits[k] = Float.floatToRawIntBits(b[k]);
      }
      assertArrayEquals(aBits, bBits, context + ", parameter " + i);
    }
  }
}
