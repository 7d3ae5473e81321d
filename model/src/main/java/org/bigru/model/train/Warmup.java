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

  /** The longest {@link #close} waits for the steps to stop speeding up. */
  private static final long MAX_WAIT_MILLIS = 1000;

  private final Thread thread;
  private volatile boolean stop;
  private final Object progress = new Object();
  private long lastStepNanos;  // guarded by progress
  private long stepBeforeNanos;  // guarded by progress
  private int completedSteps;  // guarded by progress

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
      long start = System.nanoTime();
      network.computeGradients(inputs[i], targets[i], null);
      adam.step(network.arena());
      network.predict(inputs[i]);
      synchronized (progress) {
        stepBeforeNanos = lastStepNanos;
        lastStepNanos = System.nanoTime() - start;
        completedSteps++;
        progress.notifyAll();
      }
    }
    network.setThreads(1);
  }

  /** The steps done so far. */
  int completedSteps() {
    synchronized (progress) {
      return completedSteps;
    }
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

  /**
   * Stops the steps once they no longer speed up, the last within 1.5 times the one before (the JIT has compiled
   * what they run, so the run's first epoch does not wait for it), or {@value #MAX_WAIT_MILLIS} ms after the call;
   * then waits for the step under way. Stopping at once instead left the compilation to the first epoch whenever
   * the data was read before a step had begun: 0.66-0.87 s against 0.045 s for a steady one in the default job.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000L;
    synchronized (progress) {
      while ((completedSteps < 2 || lastStepNanos * 2 > stepBeforeNanos * 3) && thread.isAlive()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          progress.wait(Math.max(1, left / 1_000_000L));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    stop = true;
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
