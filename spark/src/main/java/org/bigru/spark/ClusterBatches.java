package org.bigru.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.bigru.model.Network;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.MiniBatches;
import org.bigru.model.io.ModelConfigJson;
import org.bigru.model.train.BatchedData;
import scala.Tuple2;

/**
 * Training data held by Spark's executors, as the training loop sees it ({@link BatchedData}), in synchronous
 * steps. When the order changes (a new epoch's shuffle), one shuffle job lays the epoch out: the sequences of
 * batch b, in the order's positions, are cut into {@code shards} contiguous shards, and shard j lives in partition
 * {@code (b * shards + j) mod partitions}, cached there. A step then runs one job on the partitions holding that
 * batch's shards, with the driver's weights in the tasks: each task computes its shard's gradient with a whole
 * network pass. With one shard (the default) a task computes the whole batch, exactly as {@code bigru train}
 * does, and the driver takes its gradient as it is, so the weights are bitwise that command's. With more, the
 * shards' gradients are summed weighted by their rows in a fixed order: all in shard order on the driver (depth
 * 1), or, with a fan-in, first by combiner tasks over {@code fanIn} consecutive shards, then their sums in
 * combiner order on the driver (a tree of depth 2). Either is deterministic; both differ from the one pass in
 * float rounding.
 *
 * <p>A task lost with its executor is run again by Spark from the same cached (or recomputed) data and weights,
 * and gives the same gradient, bit for bit.
 */
final class ClusterBatches implements BatchedData {

  private final JavaSparkContext jsc;
  private final Network network;
  private final String config;
  private final JavaRDD<Window> data;
  private final int size;
  private final int batchSize;
  private final int shards;
  private final int fanIn;
  private final int partitions;
  private final int threads;
  private final int features;
  private final boolean perStep;
  private final Faults faults;
  private final int[] order;
  private JavaRDD<Map<Long, Shard>> blocks;
  private Broadcast<int[]> positions;
  private Long digest;
  private long steps;

  /** Test hooks: make the first attempt of a step's task fail (throw) or kill its executor JVM (exit). */
  record Faults(long failStep, long exitStep) implements Serializable {
    static final Faults NONE = new Faults(-1, -1);
  }

  ClusterBatches(JavaSparkContext jsc, Network network, JavaRDD<Window> data, int size, int batchSize, int shards,
                 int fanIn, int partitions, int threads, boolean perStep, Faults faults) {
    this.jsc = jsc;
    this.network = network;
    this.config = ModelConfigJson.toJson(network.config());
    this.data = data;
    this.size = size;
    this.batchSize = batchSize;
    this.shards = shards;
    this.fanIn = fanIn;
    this.partitions = partitions;
    this.threads = threads;
    this.features = network.config().inputSize();
    this.perStep = perStep;
    this.faults = faults;
    this.order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int batchCount() {
    return (size + batchSize - 1) / batchSize;
  }

  @Override
  public void shuffle(RandomGenerator rng) {
    MiniBatches.shuffle(order, rng);
    dropBlocks();
  }

  @Override
  public int[] order() {
    return order.clone();
  }

  @Override
  public void setOrder(int[] permutation) {
    MiniBatches.requirePermutation(permutation, size);
    System.arraycopy(permutation, 0, order, 0, size);
    dropBlocks();
  }

  /** The sequences of one shard, in the order's positions. */
  record Shard(List<float[]> x, List<float[]> y) implements Serializable {
  }

  /** What a task gives back for one shard. */
  record ShardResult(int shard, double loss, long rows, float[] grads) implements Serializable {
  }

  /** Batches are never split in time here ({@link #pieces} is 1): a piece is the whole batch. */
  @Override
  public BatchLoss gradients(int b, int piece, long dropoutSeed) {
    steps++;
    int count = shardsOf(b);
    StepWork work = new StepWork(config, network.arena().values().clone(), b, shards, count, dropoutSeed, threads,
        features, perStep, steps == faults.failStep(), steps == faults.exitStep());
    float[] grads = network.arena().grads();
    if (count == 1) {
      // The whole batch in one task: its gradient exactly as the one network pass computed it.
      ShardResult r = PartitionJobs.run(blocks(), List.of((int) ((long) b * shards % partitions)), work,
          ShardResult[].class)[0][0];
      System.arraycopy(r.grads(), 0, grads, 0, grads.length);
      return new BatchLoss(r.loss(), r.rows());
    }
    Partial total = fanIn > 0 && count > fanIn ? tree(work, count) : flat(b, work, count);
    for (int i = 0; i < grads.length; i++) {
      grads[i] = (float) (total.sum()[i] / total.rows());
    }
    return new BatchLoss(total.loss() / total.rows(), total.rows());
  }

  /**
   * Shards' gradients and losses summed in shard order, each weighted by its loss rows (sum of rows * mean), in
   * double precision; the batch's mean is the sum over its rows.
   */
  record Partial(int group, double[] sum, long rows, double loss) implements Serializable {

    static Partial of(int group, List<ShardResult> inShardOrder) {
      double[] sum = new double[inShardOrder.get(0).grads().length];
      long rows = 0;
      double loss = 0;
      for (ShardResult r : inShardOrder) {
        float[] g = r.grads();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += (double) r.rows() * g[i];
        }
        rows += r.rows();
        loss += r.rows() * r.loss();
      }
      return new Partial(group, sum, rows, loss);
    }

    static Partial add(List<Partial> inGroupOrder) {
      double[] sum = new double[inGroupOrder.get(0).sum().length];
      long rows = 0;
      double loss = 0;
      for (Partial p : inGroupOrder) {
        for (int i = 0; i < sum.length; i++) {
          sum[i] += p.sum()[i];
        }
        rows += p.rows();
        loss += p.loss();
      }
      return new Partial(0, sum, rows, loss);
    }
  }

  /** Depth 1: one job on the partitions holding the batch's shards; the driver sums all in shard order. */
  private Partial flat(int b, StepWork work, int count) {
    TreeSet<Integer> where = new TreeSet<>();
    for (int j = 0; j < count; j++) {
      where.add((int) (((long) b * shards + j) % partitions));
    }
    List<ShardResult> results = new ArrayList<>();
    for (ShardResult[] inPartition : PartitionJobs.run(blocks(), new ArrayList<>(where), work, ShardResult[].class)) {
      results.addAll(List.of(inPartition));
    }
    results.sort(Comparator.comparingInt(ShardResult::shard));
    return Partial.of(0, results);
  }

  /**
   * Depth 2: shard j's gradient goes to combiner {@code j / fanIn}, which sums its shards in shard order; the
   * driver takes one partial sum per combiner and adds them in combiner order. One stage more than {@link #flat},
   * and the driver takes in {@code count / fanIn} sums instead of {@code count} gradients.
   */
  private Partial tree(StepWork work, int count) {
    int f = fanIn;
    int groups = (count + f - 1) / f;
    List<Partial> partials = new ArrayList<>(blocks().flatMapToPair(block -> {
      List<Tuple2<Integer, ShardResult>> out = new ArrayList<>();
      for (ShardResult r : work.apply(block)) {
        out.add(new Tuple2<>(r.shard() / f, r));
      }
      return out.iterator();
    }).partitionBy(new HashPartitioner(groups)).mapPartitions(results -> {
      Map<Integer, List<ShardResult>> byGroup = new TreeMap<>();
      results.forEachRemaining(t -> byGroup.computeIfAbsent(t._1(), g -> new ArrayList<>()).add(t._2()));
      List<Partial> sums = new ArrayList<>();
      byGroup.forEach((group, list) -> {
        list.sort(Comparator.comparingInt(ShardResult::shard));
        sums.add(Partial.of(group, list));
      });
      return sums.iterator();
    }).collect());
    partials.sort(Comparator.comparingInt(Partial::group));
    return Partial.add(partials);
  }

  /** Validation: every batch in data order, each whole in one task, all at once; summed in batch order. */
  @Override
  public Evaluation evaluate() {
    String json = config;
    float[] weights = network.arena().values().clone();
    int t = threads;
    int f = features;
    boolean stepTargets = perStep;
    List<double[]> losses = new ArrayList<>(blocks().flatMap(block -> {
      List<double[]> out = new ArrayList<>();
      for (Map.Entry<Long, Shard> e : block.entrySet()) {
        MiniBatches.Batch batch = batch(e.getValue(), f, stepTargets);
        Network net = ExecutorNetworks.borrow(json, weights, t);
        try {
          double loss = net.loss(batch.input(), batch.targets());
          out.add(new double[] {e.getKey(), loss, batch.rows(), net.lastAccuracy()});
        } finally {
          ExecutorNetworks.giveBack(json, net);
        }
      }
      return out.iterator();
    }).collect());
    losses.sort(Comparator.comparingDouble(l -> l[0]));
    double sum = 0;
    double correct = 0;
    long rows = 0;
    for (double[] l : losses) {
      sum += l[1] * (int) l[2];
      correct += l[3] * (int) l[2];
      rows += (long) l[2];
    }
    return new Evaluation(sum / rows, correct / rows);
  }

  /** A digest of every window (index, inputs, targets), independent of where the windows are held. */
  @Override
  public void addToChecksum(Checksum checksum) {
    if (digest == null) {
      digest = data.map(w -> {
        CRC32C crc = new CRC32C();
        ByteBuffer bytes = ByteBuffer.allocate(4 * (1 + w.x().length + w.y().length)).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putInt(w.index());
        for (float v : w.x()) {
          bytes.putFloat(v);
        }
        for (float v : w.y()) {
          bytes.putFloat(v);
        }
        crc.update(bytes.flip());
        return crc.getValue() * 0x9E3779B97F4A7C15L + w.index();
      }).fold(0L, Long::sum);
    }
    ByteBuffer bytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(digest).flip();
    checksum.update(bytes);
  }

  /** Releases the cached layout. */
  void close() {
    dropBlocks();
  }

  /** Shards of batch b: as many as asked, but no more than it has sequences. */
  private int shardsOf(int b) {
    return Math.min(shards, Math.min(batchSize, size - b * batchSize));
  }

  private void dropBlocks() {
    if (blocks != null) {
      blocks.unpersist(false);
      blocks = null;
      positions.destroy();
      positions = null;
    }
  }

  /** The current order's layout: each shard of each batch in its partition, cached. */
  private JavaRDD<Map<Long, Shard>> blocks() {
    if (blocks != null) {
      return blocks;
    }
    int[] positionOfIndex = new int[size];
    for (int p = 0; p < size; p++) {
      positionOfIndex[order[p]] = p;
    }
    // Kept while this layout is: a lost partition is rebuilt from it.
    positions = jsc.broadcast(positionOfIndex);
    Broadcast<int[]> positionOf = positions;
    int n = size;
    int b = batchSize;
    int s = shards;
    blocks = data.mapToPair(w -> {
      int position = positionOf.value()[w.index()];
      return new Tuple2<>(slot(position, n, b, s), new Placed(position, w.x(), w.y()));
    }).partitionBy(new SlotPartitioner(partitions)).mapPartitions(ClusterBatches::block)
        .persist(StorageLevel.MEMORY_ONLY());
    return blocks;
  }

  /** The slot (batch * shards + shard) of the sequence at {@code position}. */
  static long slot(int position, int size, int batchSize, int shards) {
    int b = position / batchSize;
    int inBatch = Math.min(batchSize, size - b * batchSize);
    int k = position - b * batchSize;
    int base = inBatch / shards;
    int extra = inBatch % shards;
    int shard = k < extra * (base + 1) ? k / (base + 1) : extra + (k - extra * (base + 1)) / base;
    return (long) b * shards + shard;
  }

  /** A sequence at its position in the order. */
  record Placed(int position, float[] x, float[] y) implements Serializable {
  }

  private static Iterator<Map<Long, Shard>> block(Iterator<Tuple2<Long, Placed>> placed) {
    Map<Long, List<Placed>> bySlot = new HashMap<>();
    while (placed.hasNext()) {
      Tuple2<Long, Placed> p = placed.next();
      bySlot.computeIfAbsent(p._1(), k -> new ArrayList<>()).add(p._2());
    }
    Map<Long, Shard> block = new HashMap<>();
    for (Map.Entry<Long, List<Placed>> e : bySlot.entrySet()) {
      List<Placed> list = e.getValue();
      list.sort(Comparator.comparingInt(Placed::position));
      List<float[]> x = new ArrayList<>(list.size());
      List<float[]> y = new ArrayList<>(list.size());
      for (Placed p : list) {
        x.add(p.x());
        y.add(p.y());
      }
      block.put(e.getKey(), new Shard(x, y));
    }
    return List.<Map<Long, Shard>>of(block).iterator();
  }

  /** A shard as the batch {@link MiniBatches} makes of the same sequences in the same order. */
  static MiniBatches.Batch batch(Shard shard, int features, boolean perStep) {
    Dataset data;
    if (perStep) {
      data = Dataset.stepResponses(shard.x(), features, shard.y(), 1);
    } else {
      float[] y = new float[shard.y().size()];
      for (int i = 0; i < y.length; i++) {
        y[i] = shard.y().get(i)[0];
      }
      data = Dataset.sequenceResponses(shard.x(), features, y, 1);
    }
    return new MiniBatches(data, data.size()).batch(0);
  }

  /** Slot s lives in partition s mod partitions. */
  private static final class SlotPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int partitions;

    SlotPartitioner(int partitions) {
      this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
      return partitions;
    }

    @Override
    public int getPartition(Object key) {
      return (int) ((Long) key % partitions);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof SlotPartitioner p && p.partitions == partitions;
    }

    @Override
    public int hashCode() {
      return partitions;
    }
  }

  /** One step's task: the gradients of the batch's shards that its partition holds. */
  private record StepWork(String config, float[] weights, int batch, int shards, int count, long dropoutSeed,
                          int threads, int features, boolean perStep, boolean fail, boolean exit)
      implements PartitionJobs.Work<Map<Long, Shard>, ShardResult[]> {

    @Override
    public ShardResult[] apply(Map<Long, Shard> block) {
      TaskContext context = TaskContext.get();
      // Only the very first attempt: a lost executor's shuffle output makes Spark rerun the stage, whose tasks
      // start again at attempt 0.
      if ((fail || exit) && context.stageAttemptNumber() == 0 && context.attemptNumber() == 0) {
        if (exit) {
          System.err.println("bigru-spark: test hook spark.bigru.test.exitStep: this executor exits");
          Runtime.getRuntime().halt(137);
        }
        throw new IllegalStateException("bigru-spark: test hook spark.bigru.test.failStep: this attempt fails");
      }
      List<ShardResult> results = new ArrayList<>();
      for (int j = 0; j < count; j++) {
        Shard shard = block.get((long) batch * shards + j);
        if (shard == null) {
          continue;
        }
        MiniBatches.Batch b = ClusterBatches.batch(shard, features, perStep);
        Network net = ExecutorNetworks.borrow(config, weights, threads);
        try {
          SplittableRandom dropout = net.config().hasDropout()
              ? new SplittableRandom(j == 0 ? dropoutSeed : new SplittableRandom(dropoutSeed + j).nextLong()) : null;
          double loss = net.computeGradients(b.input(), b.targets(), dropout);
          results.add(new ShardResult(j, loss, b.rows(), net.arena().grads().clone()));
        } finally {
          ExecutorNetworks.giveBack(config, net);
        }
      }
      return results.toArray(new ShardResult[0]);
    }
  }
}
