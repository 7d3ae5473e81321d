package org.bigru.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bigru.model.data.Dataset;
import org.bigru.model.train.Trainer;
import org.bigru.model.train.TrainingOptions;
import org.junit.jupiter.api.Test;

/** One predictor, many threads, shared inputs: every answer bitwise as a sequential call gives it. */
class PredictorConcurrencyTest {

  private static final int THREADS = 8;
  private static final int ROUNDS = 12;
  private static final int FEATURES = 3;

  private static ModelConfig config() {
    return NetworkFixtures.config(FEATURES,
        List.of(NetworkFixtures.gru(6, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
            NetworkFixtures.lstm(5, true, MergeMode.SUM)),
        OutputMode.SEQUENCE, List.of(new DenseLayerSpec(4, Activation.TANH)), 2, Task.REGRESSION);
  }

  private static List<SequenceBatch> batches() {
    SplittableRandom random = new SplittableRandom(17);
    List<SequenceBatch> batches = new ArrayList<>();
    for (int b = 0; b < 10; b++) {
      int size = 1 + random.nextInt(6);
      int steps = 1 + random.nextInt(9);
      int[] lengths = new int[size];
      for (int i = 0; i < size; i++) {
        lengths[i] = 1 + random.nextInt(steps);
      }
      lengths[0] = steps;
      batches.add(NetworkFixtures.batch(random, size, steps, FEATURES, lengths));
    }
    return batches;
  }

  @Test
  void eightThreadsGetTheSequentialAnswersBitwise() throws Exception {
    Network network = Network.create(config(), 5);
    NetworkFixtures.randomizeParameters(network, 6);
    List<SequenceBatch> batches = batches();
    List<float[]> expected = new ArrayList<>();
    for (SequenceBatch batch : batches) {
      expected.add(network.predict(batch));
    }
    Predictor predictor = new Predictor(network);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          start.await();
          int checked = 0;
          for (int r = 0; r < ROUNDS; r++) {
            for (int k = 0; k < batches.size(); k++) {
              int b = (k + offset + r) % batches.size();
              assertArrayEquals(expected.get(b), predictor.predict(batches.get(b)),
                  "thread " + offset + ", round " + r + ", batch " + b);
              checked++;
            }
          }
          return checked;
        }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get(120, TimeUnit.SECONDS);
      }
      assertEquals(THREADS * ROUNDS * batches.size(), total);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void trainingOneNetworkWhilePredictingWithAnotherChangesNeither() throws Exception {
    ModelConfig config = NetworkFixtures.config(FEATURES,
        List.of(NetworkFixtures.gru(5, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT)),
        OutputMode.SEQUENCE, List.of(), 2, Task.REGRESSION);
    SplittableRandom random = new SplittableRandom(3);
    List<float[]> xs = new ArrayList<>();
    List<float[]> ys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int steps = 2 + random.nextInt(5);
      xs.add(NetworkFixtures.uniform(random, steps * FEATURES, 1));
      ys.add(NetworkFixtures.uniform(random, steps * 2, 1));
    }
    Dataset data = Dataset.stepResponses(xs, FEATURES, ys, 2);
    TrainingOptions options = TrainingOptions.builder().maxEpochs(3).miniBatchSize(8).seed(1).build();

    Network alone = Network.create(config, 9);
    Trainer.fit(alone, data, null, options, null);

    Network served = Network.create(config, 10);
    float[][] expected = Trainer.predict(served, data);
    Predictor predictor = new Predictor(served);
    Network trained = Network.create(config, 9);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      Future<?> training = pool.submit(() -> Trainer.fit(trained, data, null, options, null));
      List<Future<?>> predictions = new ArrayList<>();
      for (int t = 0; t < THREADS - 1; t++) {
        predictions.add(pool.submit(() -> {
          for (int r = 0; r < 5; r++) {
            float[][] got = predictor.predict(data);
            for (int i = 0; i < got.length; i++) {
              assertArrayEquals(expected[i], got[i], "sequence " + i);
            }
          }
          return null;
        }));
      }
      training.get(120, TimeUnit.SECONDS);
      for (Future<?> f : predictions) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int p = 0; p < alone.parameters().size(); p++) {
      assertArrayEquals(alone.parameters().get(p).copyOfValues(), trained.parameters().get(p).copyOfValues(),
          alone.parameters().get(p).name());
    }
  }
}
