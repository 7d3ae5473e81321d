package org.bigru.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.bigru.kernels.Kernels;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MemoryBudget;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Targets;
import org.bigru.model.Task;
import org.bigru.model.train.Adam;
import org.bigru.model.train.AllocationCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Steady-state speed of a bidirectional GRU or LSTM + Dense(1) on synthetic data. */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = {"Speed on synthetic data: warm-up, then steady-state milliseconds per step and sequences per "
        + "second.", "train = forward, backward and Adam update of a bidirectional GRU or LSTM (--cell) + Dense(1) with MSE; infer = forward."})
final class BenchCommand implements Callable<Integer> {

  enum Mode { TRAIN, INFER }

  @Spec
  CommandSpec spec;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "32", description = "PreparedSequences per step.")
  int batch;

  @Option(names = "--seq-len", paramLabel = "T", defaultValue = "24", description = "Time steps per sequence.")
  int seqLen;

  @Option(names = "--features", paramLabel = "I", defaultValue = "8", description = "Features per step.")
  int features;

  @Option(names = "--cell", paramLabel = "CELL", defaultValue = "gru", description = "Recurrent cell: gru or lstm.")
  String cell;

  @Option(names = "--units", paramLabel = "H", defaultValue = "64", description = "Units per direction.")
  int units;

  @Option(names = "--layers", paramLabel = "L", defaultValue = "1", description = "Stacked bidirectional layers.")
  int layers;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "train", description = "train or infer.")
  Mode mode;

  @Mixin
  ThreadsOption threads;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "Measured time (after warm-up).")
  double seconds;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "2", description = "Warm-up time.")
  double warmup;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed of weights and data.")
  long seed;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  @Override
  public Integer call() {
    OptionChecks checks = new OptionChecks(spec);
    checks.atLeast("--batch", batch, 1);
    checks.atLeast("--seq-len", seqLen, 1);
    checks.atLeast("--features", features, 1);
    checks.atLeast("--units", units, 1);
    checks.atLeast("--layers", layers, 1);
    if (!(seconds > 0 && seconds <= 1e6)) {
      throw new BadInputException("--seconds must be above 0 and at most 1e6, not " + checks.typed("--seconds",
          seconds));
    }
    if (!(warmup >= 0 && warmup <= 1e6)) {
      throw new BadInputException("--warmup must be from 0 to 1e6, not " + checks.typed("--warmup", warmup));
    }
    CellType cellType = CellType.fromName(cell);
    int threadCount = threads.resolve(checks);
    String sizes = checks.described("--batch", batch) + " " + checks.described("--seq-len", seqLen) + " "
        + checks.described("--features", features) + " " + checks.described("--units", units) + " "
        + checks.described("--layers", layers);
    if ((long) batch * seqLen * features > MemoryBudget.MAX_ARRAY) {
      throw new BadInputException(sizes + ": a batch of " + (long) batch * seqLen * features + " values is more than "
          + "a Java array holds (" + MemoryBudget.MAX_ARRAY + ")");
    }
    ModelConfig oneLayer = config(cellType, 1, sizes);
    double estimate = (double) layers * MemoryBudget.trainingBytes(oneLayer, batch, seqLen)
        + (double) Float.BYTES * batch * seqLen * features;
    MemoryBudget.require((long) Math.min(estimate, Long.MAX_VALUE), sizes,
        "shrink --batch, --seq-len, --features, --units or --layers");
    ModelConfig config = config(cellType, layers, sizes);
    Network network = Network.create(config, seed);
    network.setThreads(threadCount);
    threadCount = network.threads();
    // the step of an optimizer: parameter gradients only (as PyTorch, whose input needs no gradient)
    network.setInputGradients(false);
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[Math.multiplyExact(Math.multiplyExact(batch, seqLen), features)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rng.nextGaussian();
    }
    float[] y = new float[batch];
    for (int i = 0; i < y.length; i++) {
      y[i] = (float) rng.nextGaussian();
    }
    SequenceBatch input = SequenceBatch.of(x, batch, seqLen, features);
    Targets targets = Targets.responses(y, 1);
    Adam adam = new Adam();
    Runnable step = mode == Mode.TRAIN
        ? () -> {
          network.computeGradients(input, targets, null);
          adam.step(network.arena());
        }
        : () -> network.predict(input);

    WarmupTrace trace = WarmupTrace.record(step, warmup, 3);
    long allocatedBefore = AllocationCounter.allocatedBytes();
    long cpuBefore = processCpuNanos();
    long start = System.nanoTime();
    long steps = runFor(step, seconds, 5);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long cpu = processCpuNanos() - cpuBefore;
    long allocated = AllocationCounter.allocatedBytes() - allocatedBefore;
    double msPerStep = elapsed * 1e3 / steps;
    double seqPerS = steps * (double) batch / elapsed;

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("mode", mode.name().toLowerCase(Locale.ROOT));
    result.put("cell", cellType.lowerName());
    result.put("batch", batch);
    result.put("seq_len", seqLen);
    result.put("features", features);
    result.put("units", units);
    result.put("layers", layers);
    result.put("threads", threadCount);
    result.put("kernels", Kernels.get().name());
    result.put("vector_bits", Kernels.get().vectorBits());
    result.put("steps", steps);
    result.put("seconds", elapsed);
    result.put("ms_per_step", msPerStep);
    result.put("seq_per_s", seqPerS);
    if (cpuBefore >= 0) {
      // CPU time of the whole process per step: on a shared machine, less sensitive to the load than wall time
      result.put("cpu_ms_per_step", cpu / 1e6 / steps);
    }
    if (allocatedBefore >= 0) {
      result.put("alloc_bytes_per_step", (double) allocated / steps);
    }
    trace.describe(msPerStep, result);
    if (json) {
      spec.commandLine().getOut().println(Json.write(result));
    } else {
      spec.commandLine().getOut().printf(Locale.ROOT,
          "%s B=%d T=%d I=%d H=%d L=%d, %d threads, %s kernels (%d-bit): %.3f ms/step, %.0f seq/s (%d steps in %.2f s)"
              + "%s%n",
          mode.name().toLowerCase(Locale.ROOT), batch, seqLen, features, units, layers, threadCount,
          Kernels.get().name(), Kernels.get().vectorBits(), msPerStep, seqPerS, steps, elapsed,
          allocatedBefore >= 0 ? String.format(Locale.ROOT, ", %.0f bytes allocated/step", (double) allocated / steps)
              : "");
    }
    return ExitCodes.OK;
  }

  /** The benchmarked network with {@code count} layers; sizes beyond a Java array are refused naming the options. */
  private ModelConfig config(CellType cellType, int count, String sizes) {
    try {
      List<RecurrentLayerSpec> recurrent = new ArrayList<>();
      for (int l = 0; l < count; l++) {
        recurrent.add(new RecurrentLayerSpec(cellType, units, true,
            cellType == CellType.GRU ? ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION : null, MergeMode.CONCAT,
            OutputMode.SEQUENCE));
      }
      return new ModelConfig(features, recurrent, OutputMode.LAST, List.<DenseLayerSpec>of(), 0, 1, Task.REGRESSION,
          List.of(), Map.of());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(sizes + ": " + e.getMessage(), e);
    }
  }

  /** CPU time used so far by this process, all threads; -1 where the JVM does not report it. */
  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean
        ? ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() : -1;
  }

  /** Runs the step until the time is up and at least {@code minSteps} ran; returns how many ran. */
  private static long runFor(Runnable step, double seconds, int minSteps) {
    long end = System.nanoTime() + (long) (seconds * 1e9);
    long steps = 0;
    while (steps < minSteps || System.nanoTime() < end) {
      step.run();
      steps++;
    }
    return steps;
  }
}
