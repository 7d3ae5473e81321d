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
 * the run's results do not change. It computes on one thread, whatever the run's: the kernels are the same, and
 * the other core is the JIT's (with two threads, the default job's whole process took longer: 2.25 against 2.20
 * s, 4.08 against 3.86 s of CPU).
 */
public final class Warmup implements AutoCloseable {

  /** The longest {@link #close} waits for the steps to show the kernels compiled. */
  static final long MAX_WAIT_MILLIS = 1000;

  /**
   * A step that allocates more than this still runs some vector code on heap objects, not yet compiled; once
   * compiled, a step allocates a few kilobytes, whatever the model's size or window.
   */
  static final long COMPILED_STEP_BYTES = 64 * 1024;

  private final Thread thread;
  private volatile boolean stop;
  private final Object progress = new Object();
  private Step lastStep;  // guarded by progress
  private Step stepBefore;  // guarded by progress
  private int completedSteps;  // guarded by progress

  /** One step's wall time, and the bytes the JVM's threads allocated meanwhile (-1 where it does not count them). */
  record Step(long nanos, long bytes) {
  }

  private Warmup(ModelConfig config, int batch, int steps) {
    thread = new Thread(() -> run(config, batch, steps), "bigru-warmup");
    thread.setDaemon(true);
    thread.setPriority(Thread.MIN_PRIORITY);
  }

  /**
   * Starts training steps of {@code config}'s layers (its input and output sizes as given) on batches of
   * {@code batch} sequences of {@code steps} steps, until {@link #close}.
   */
  public static Warmup start(ModelConfig config, int batch, int steps) {
    Warmup warmup = new Warmup(config, Math.max(1, batch), Math.max(1, steps));
    warmup.thread.start();
    return warmup;
  }

  private void run(ModelConfig config, int batch, int steps) {
    Network network = Network.create(config, 0);
    network.setInputGradients(false);
    SplittableRandom random = new SplittableRandom(0);
    // The run's last batch is usually shorter: a batch one sequence short takes the kernels' row tails (fewer rows
    // than the GEMM's tile), which the full batch may never reach, so the run does not meet them uncompiled.
    int tail = Math.max(1, batch - 1);
    SequenceBatch[] inputs = {input(random, config, batch, steps), input(random, config, tail, steps)};
    Targets[] targets = {targets(config, batch, steps), targets(config, tail, steps)};
    Adam adam = new Adam();
    for (int i = 0; !stop; i ^= 1) {
      long allocated = AllocationCounter.allocatedBytes();
      long start = System.nanoTime();
      network.computeGradients(inputs[i], targets[i], null);
      adam.step(network.arena());
      network.predict(inputs[i]);
      Step step = new Step(System.nanoTime() - start, allocated < 0 ? -1
          : AllocationCounter.allocatedBytes() - allocated);
      synchronized (progress) {
        stepBefore = lastStep;
        lastStep = step;
        completedSteps++;
        progress.notifyAll();
      }
    }
  }

  /** The steps done so far. */
  int completedSteps() {
    synchronized (progress) {
      return completedSteps;
    }
  }

  /** Whether the last two steps done show the JIT done with what they run. */
  boolean lastStepsCompiled() {
    synchronized (progress) {
      return compiled(stepBefore, lastStep);
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
   * Whether two steps in a row show the JIT done with what they run: neither allocated more than
   * {@value #COMPILED_STEP_BYTES} bytes, or, on a JVM that does not count allocations, the last no longer sped up
   * (within 1.5 times the one before). The steps alternate two batch shapes, hence two. Step times alone misled:
   * they level off for tens of steps at a time while the JIT works through its queue (5 ms a step, then 4, then
   * 1.2 in the default job), and a stop on the first level left a first epoch of 0.20-0.30 s against 0.045 s.
   */
  static boolean compiled(Step before, Step last) {
    if (before == null || last == null) {
      return false;
    }
    if (before.bytes() >= 0 && last.bytes() >= 0) {
      return before.bytes() <= COMPILED_STEP_BYTES && last.bytes() <= COMPILED_STEP_BYTES;
    }
    return before.nanos() * 2 <= last.nanos() * 3;
  }

  /**
   * Stops the steps once they show the JIT done with what they run (see {@link #compiled}), or
   * {@value #MAX_WAIT_MILLIS} ms after the call; then waits for the step under way. Stopping at once instead left
   * the compilation to the run's first epoch, with nothing to hide it behind.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + MAX_WAIT_MILLIS * 1_000_000L;
    synchronized (progress) {
      while (!compiled(stepBefore, lastStep) && thread.isAlive()) {
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
