package org.bigru.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import org.bigru.model.Network;
import org.bigru.model.data.MiniBatches;
import org.bigru.model.io.ModelConfigJson;
import org.bigru.model.io.Tensor;
import org.bigru.model.train.NonFinitePolicy;
import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.SplitMix64;
import org.bigru.model.train.StopReason;
import org.bigru.model.train.TrainingHistory;
import org.bigru.model.train.TrainingListener;
import org.bigru.model.train.TrainingOptions;
import org.bigru.model.train.TrainingStep;
import scala.Tuple2;

/**
 * Local steps, then averaging (local SGD): the training windows are dealt round-robin to the partitions once;
 * each round, every partition starts from the driver's weights and optimizer state, takes {@code k} steps of
 * its own mini-batches of {@code ceil(batch / partitions)} sequences (each step the whole {@link TrainingStep}:
 * L2, clipping, optimizer), and the driver averages the partitions' weights and optimizer state, weighted by the
 * rows each one stepped on, in partition order. One Spark job per {@code k} steps instead of one per step; the
 * model is not the synchronous one (it is the average of {@code partitions} diverging runs), and is the same for
 * the same seed, data, partitions and k.
 */
final class LocalSteps {

  private LocalSteps() {
  }

  /** What a task needs to rebuild the training step (TrainingOptions is not serializable). */
  record StepSettings(OptimizerKind optimizer, double momentum, double gradientDecay, double squaredGradientDecay,
                      double epsilon, double l2, double gradientThreshold, double clipValue,
                      double parameterThreshold, NonFinitePolicy onNonFinite) implements Serializable {

    static StepSettings of(TrainingOptions o) {
      return new StepSettings(o.optimizer(), o.momentum(), o.gradientDecayFactor(), o.squaredGradientDecayFactor(),
          o.epsilon(), o.l2Regularization(), o.gradientThreshold(), o.gradientClipValue(),
          o.parameterGradientThreshold(), o.onNonFinite());
    }

    TrainingStep step(Network network, double learningRate) {
      return new TrainingStep(network.arena(), TrainingOptions.builder().optimizer(optimizer)
          .learningRate(learningRate).momentum(momentum).gradientDecayFactor(gradientDecay)
          .squaredGradientDecayFactor(squaredGradientDecay).epsilon(epsilon).l2Regularization(l2)
          .gradientThreshold(gradientThreshold).gradientClipValue(clipValue)
          .parameterGradientThreshold(parameterThreshold).onNonFinite(onNonFinite).build());
    }
  }

  /** An optimizer's state in transport: float buffers and long counters by name. */
  record State(Map<String, float[]> floats, Map<String, long[]> longs) implements Serializable {

    static State of(Map<String, Tensor> tensors) {
      Map<String, float[]> f = new LinkedHashMap<>();
      Map<String, long[]> l = new LinkedHashMap<>();
      tensors.forEach((name, t) -> {
        if (t.dtype().isFloating()) {
          f.put(name, t.floats());
        } else {
          l.put(name, t.longs());
        }
      });
      return new State(f, l);
    }

    Map<String, Tensor> tensors() {
      Map<String, Tensor> t = new LinkedHashMap<>();
      floats.forEach((name, v) -> t.put(name, Tensor.ofFloats(new int[] {v.length}, v)));
      longs.forEach((name, v) -> t.put(name, Tensor.ofLongs(new int[] {v.length}, v)));
      return t;
    }
  }

  /** One partition's round: its weights and state after its steps, and what it stepped on. */
  record RoundResult(int partition, float[] weights, State state, double lossSum, long rows, int steps, int skipped,
                     String fault) implements Serializable {
  }

  /** Trains {@code network} in place; validation (may be null) runs at every epoch's end. */
  static TrainingHistory train(Network network, JavaRDD<Window> train, ClusterBatches validation,
                               TrainingOptions options, int partitions, int localSteps, int threads, boolean perStep,
                               TrainingListener listener) {
    JavaRDD<List<Window>> dealt = train.mapToPair(w -> new Tuple2<>(w.index() % partitions, w))
        .partitionBy(new HashPartitioner(partitions))
        .mapPartitions(it -> {
          List<Window> list = new ArrayList<>();
          it.forEachRemaining(t -> list.add(t._2()));
          list.sort(Comparator.comparingInt(Window::index));
          return List.<List<Window>>of(list).iterator();
        }).persist(StorageLevel.MEMORY_AND_DISK());
    List<Integer> sizes = dealt.map(List::size).collect();
    int largest = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
    int localBatch = (options.miniBatchSize() + partitions - 1) / partitions;
    int rounds = ((largest + localBatch - 1) / localBatch + localSteps - 1) / localSteps;
    List<Integer> all = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      all.add(p);
    }
    String config = ModelConfigJson.toJson(network.config());
    StepSettings settings = StepSettings.of(options);
    State state = new State(new LinkedHashMap<>(), new LinkedHashMap<>());
    List<TrainingHistory.Epoch> epochs = new ArrayList<>();
    float[] best = null;
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    int sinceBest = 0;
    int iterations = 0;
    int skipped = 0;
    StopReason stop = null;
    String stopMessage = "";
    for (int epoch = 1; epoch <= options.maxEpochs() && stop == null; epoch++) {
      long start = System.nanoTime();
      double lr = options.learningRateAt(epoch);
      double lossSum = 0;
      long rows = 0;
      for (int round = 0; round < rounds && stop == null; round++) {
        RoundWork work = new RoundWork(config, network.arena().values().clone(), state, settings, lr,
            options.seed(), options.shuffle(), epoch, round, localSteps, localBatch, threads, perStep);
        RoundResult[] results = PartitionJobs.run(dealt, all, work, RoundResult.class);
        for (RoundResult r : results) {
          if (r.fault() != null) {
            stop = StopReason.NOT_FINITE_LOSS;
            stopMessage = r.fault() + " in partition " + r.partition() + " at epoch " + epoch + ", round "
                + (round + 1) + ": training stopped with the weights before that round";
          }
        }
        if (stop != null) {
          break;
        }
        long roundRows = 0;
        int steps = 0;
        for (RoundResult r : results) {
          roundRows += r.rows();
          lossSum += r.lossSum();
          skipped += r.skipped();
          steps = Math.max(steps, r.steps());
        }
        rows += roundRows;
        if (roundRows > 0) {
          average(network.arena().values(), results, roundRows);
          state = averageState(results, roundRows);
          iterations += steps;
        }
      }
      double validationLoss = validation == null || stop != null ? Double.NaN : validation.evaluate().loss();
      double seconds = (System.nanoTime() - start) / 1e9;
      double epochLoss = rows == 0 ? Double.NaN : lossSum / rows;
      epochs.add(new TrainingHistory.Epoch(epoch, epochLoss, validationLoss, seconds, lr));
      listener.onEpochEnd(epoch, epochLoss, validationLoss, seconds);
      if (validation != null && stop == null) {
        if (validationLoss < bestLoss) {
          bestLoss = validationLoss;
          bestEpoch = epoch;
          sinceBest = 0;
          best = network.arena().values().clone();
        } else if (++sinceBest >= options.validationPatience()) {
          stop = StopReason.VALIDATION_PATIENCE;
          stopMessage = "validation loss did not improve for " + sinceBest + " epochs";
        }
      }
    }
    dealt.unpersist(false);
    boolean restore = best != null && options.restoreBestWeights();
    if (restore) {
      System.arraycopy(best, 0, network.arena().values(), 0, best.length);
    }
    return new TrainingHistory(epochs, iterations, bestEpoch, 0, validation == null ? Double.NaN : bestLoss,
        stop == null ? StopReason.MAX_EPOCHS : stop, restore, skipped, stopMessage);
  }

  /** The rows-weighted mean of the partitions' weights, summed in partition order. */
  private static void average(float[] into, RoundResult[] results, long rows) {
    double[] sum = new double[into.length];
    for (RoundResult r : results) {
      if (r.rows() > 0) {
        double weight = (double) r.rows() / rows;
        float[] w = r.weights();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += weight * w[i];
        }
      }
    }
    for (int i = 0; i < into.length; i++) {
      into[i] = (float) sum[i];
    }
  }

  /** The optimizer states averaged as the weights are; counters (Adam's step) the largest. */
  private static State averageState(RoundResult[] results, long rows) {
    Map<String, float[]> floats = new LinkedHashMap<>();
    Map<String, long[]> longs = new LinkedHashMap<>();
    for (RoundResult r : results) {
      if (r.rows() == 0) {
        continue;
      }
      double weight = (double) r.rows() / rows;
      r.state().floats().forEach((name, v) -> {
        float[] acc = floats.computeIfAbsent(name, n -> new float[v.length]);
        for (int i = 0; i < v.length; i++) {
          acc[i] = (float) (acc[i] + weight * v[i]);
        }
      });
      r.state().longs().forEach((name, v) -> longs.merge(name, v.clone(), (a, b) -> {
        for (int i = 0; i < a.length; i++) {
          a[i] = Math.max(a[i], b[i]);
        }
        return a;
      }));
    }
    return new State(floats, longs);
  }

  /** A partition's own stream for an epoch, drawn from the seed. */
  private static SplitMix64 stream(long seed, int partition, int epoch) {
    SplitMix64 root = new SplitMix64(seed);
    long base = root.nextLong() ^ (0x9E3779B97F4A7C15L * (partition + 1));
    return new SplitMix64(new SplitMix64(base + 0xBF58476D1CE4E5B9L * epoch).nextLong());
  }

  /** One round on one partition: up to k local steps from the given weights and state. */
  private record RoundWork(String config, float[] weights, State state, StepSettings settings, double learningRate,
                           long seed, Shuffle shuffle, int epoch, int round, int steps, int batchSize, int threads,
                           boolean perStep) implements PartitionJobs.Work<List<Window>, RoundResult> {

    @Override
    public RoundResult apply(List<Window> windows) {
      int partition = org.apache.spark.TaskContext.getPartitionId();
      Network net = ExecutorNetworks.borrow(config, weights, threads);
      try {
        TrainingStep step = settings.step(net, learningRate);
        if (!state.floats().isEmpty()) {
          step.optimizer().restoreState(net.arena(), state.tensors());
        }
        int[] order = new int[windows.size()];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        if (shuffle != Shuffle.NEVER) {
          MiniBatches.shuffle(order, stream(seed, partition, shuffle == Shuffle.ONCE ? 0 : epoch));
        }
        long dropoutBase = stream(seed ^ 0x5DEECE66DL, partition, epoch).nextLong();
        double lossSum = 0;
        long rows = 0;
        int taken = 0;
        int skipped = 0;
        int features = net.config().inputSize();
        for (int i = 0; i < steps; i++) {
          int first = (round * steps + i) * batchSize;
          if (first >= order.length) {
            break;
          }
          List<float[]> x = new ArrayList<>();
          List<float[]> y = new ArrayList<>();
          for (int k = first; k < Math.min(order.length, first + batchSize); k++) {
            x.add(windows.get(order[k]).x());
            y.add(windows.get(order[k]).y());
          }
          MiniBatches.Batch batch = ClusterBatches.batch(new ClusterBatches.Shard(x, y), features, perStep);
          SplittableRandom dropout = net.config().hasDropout()
              ? new SplittableRandom(new SplitMix64(dropoutBase + (long) round * steps + i).nextLong()) : null;
          double loss = net.computeGradients(batch.input(), batch.targets(), dropout);
          String fault = step.apply(loss);
          if (fault != null) {
            if (settings.onNonFinite() == NonFinitePolicy.STOP) {
              return new RoundResult(partition, null, null, 0, 0, taken, skipped, fault);
            }
            skipped++;
            continue;
          }
          lossSum += loss * batch.rows();
          rows += batch.rows();
          taken++;
        }
        return new RoundResult(partition, net.arena().values().clone(), State.of(step.optimizer().state(net.arena())),
            lossSum, rows, taken, skipped, null);
      } finally {
        ExecutorNetworks.giveBack(config, net);
      }
    }
  }
}
