package org.bigru.model.train;

import java.util.SplittableRandom;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Targets;
import org.bigru.model.data.Compatibility;
import org.bigru.model.data.TargetKind;

/**
 * Gets the kernels a training run will call compiled before the run needs them: a network of the same layers
 * trains on synthetic batches of the run's shape on a background thread, while the front end reads and
 * prepares the data. Until the JIT has compiled a Vector API loop it runs on heap objects, tens of times slower;
 * these steps pay that cost where nothing waits for them. The network is its own (its weights, its arena), so
 * the run's results do not change.
 */
public final class Warmup implements AutoCloseable {

  private final Thread thread;
  private volatile boolean stop;

  private Warmup(ModelConfig config, int batch, int steps, int threads) {
    thread = new Thread(() -> run(config, batch, steps, threads), "bigru-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  /**
   * Starts training steps of {@code config}'s layers (its input and output sizes as given) on batches of
   * {@code batch} sequences of {@code steps} steps, until {@link #close}.
   */
  public static Warmup start(ModelConfig config, int batch, int steps, int threads) {
    Warmup warmup = new Warmup(config, Math.max(1, batch), Math.max(1, steps), threads);
    warmup.thread.start();
    return warmup;
  }

  private void run(ModelConfig config, int batch, int steps, int threads) {
    Network network = Network.create(config, 0);
    network.setThreads(threads);
    network.setInputGradients(false);
    SplittableRandom random = new SplittableRandom(0);
    // The run's last batch is usually shorter: a batch one sequence short takes the kernels' row tails (fewer rows
    // than the GEMM's tile), which the full batch may never reach, so the run does not meet them uncompiled.
    int tail = Math.max(1, batch - 1);
    SequenceBatch[] inputs = {input(random, config, batch, steps), input(random, config, tail, steps)};
    Targets[] targets = {targets(config, batch, steps), targets(config, tail, steps)};
    Adam adam = new Adam();
    for (int i = 0; !stop; i ^= 1) {
      network.computeGradients(inputs[i], targets[i], null);
      adam.step(network.arena());
      network.predict(inputs[i]);
    }
    network.setThreads(1);
  }

  private static SequenceBatch input(SplittableRandom random, ModelConfig config, int batch, int steps) {
    float[] x = new float[batch * steps * config.inputSize()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    return SequenceBatch.of(x, batch, steps, config.inputSize());
  }

  private static Targets targets(ModelConfig config, int batch, int steps) {
    TargetKind kind = Compatibility.targetsOf(config);
    int rows = kind.isPerStep() ? batch * steps : batch;
    return kind.isClassification() ? Targets.classes(new int[rows])
        : Targets.responses(new float[rows * config.outputSize()], config.outputSize());
  }

  /** Stops the steps and waits for the one under way. */
  @Override
  public void close() {
    stop = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
