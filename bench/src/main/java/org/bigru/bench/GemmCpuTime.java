package org.bigru.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.bigru.kernels.Kernels;

/**
 * GEMM GFLOP/s in thread CPU time rather than wall-clock time, for a machine shared with other work (time
 * the thread spends descheduled does not count). Prints one JSON object per provider and shape, the best
 * of several timed rounds after a warm-up, in the format {@code jmh_gflops.py} and {@code numpy_sgemm.py
 * --clock cpu} share.
 *
 * <p>usage: {@code java --add-modules=jdk.incubator.vector -cp benchmarks.jar org.bigru.bench.GemmCpuTime
 * scalar,panama nt-32x768x256 nn-256x256x256 ...}
 */
public final class GemmCpuTime {

  private static final double ROUND_CPU_SECONDS = 0.2;
  private static final int ROUNDS = 7;
  private static final double WARMUP_CPU_SECONDS = 2.0;

  private GemmCpuTime() {
  }

  public static void main(String[] args) {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: GemmCpuTime scalar,panama <shape> [<shape> ...]");
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    for (int s = 1; s < args.length; s++) {
      GemmShape shape = new GemmShape(args[s]);
      for (String provider : args[0].split(",")) {
        Kernels kernels = Kernels.create(provider, 0);
        long calls = callsFor(threads, shape, kernels, WARMUP_CPU_SECONDS);
        double best = 0;
        for (int round = 0; round < ROUNDS; round++) {
          long start = threads.getCurrentThreadCpuTime();
          for (long i = 0; i < calls; i++) {
            shape.multiply(kernels);
          }
          long nanos = threads.getCurrentThreadCpuTime() - start;
          best = Math.max(best, shape.flops() * calls / nanos);
        }
        System.out.printf(Locale.ROOT, "{\"shape\": \"%s\", \"provider\": \"%s\", \"gflops\": %.2f}%n",
            args[s], provider, best);
      }
    }
  }

  /** Runs the shape for warmupSeconds of CPU time and returns how many calls fill one round. */
  private static long callsFor(ThreadMXBean threads, GemmShape shape, Kernels kernels, double warmupSeconds) {
    long start = threads.getCurrentThreadCpuTime();
    long calls = 0;
    while (threads.getCurrentThreadCpuTime() - start < warmupSeconds * 1e9) {
      shape.multiply(kernels);
      calls++;
    }
    return Math.max(1, (long) (calls * ROUND_CPU_SECONDS / warmupSeconds));
  }
}
