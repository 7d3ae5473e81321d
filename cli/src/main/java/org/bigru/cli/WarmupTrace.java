package org.bigru.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigru.model.train.AllocationCounter;

/**
 * The steps of a benchmark's warm-up, one by one, from a cold start: how long the first took, when the steps
 * reached the steady speed measured afterwards, and what each allocated from then on. The JIT compiles the
 * kernels during these steps; until it has, vector code runs on heap objects and is many times slower.
 */
final class WarmupTrace {

  /** A window of steps is steady when its median is within this factor of the steady time per step. */
  static final double STEADY_FACTOR = 1.2;
  private static final int WINDOW = 5;

  private final long jvmStartMillis;
  private final long firstStepStart;
  private final List<long[]> steps = new ArrayList<>();  // per step: end nanos, duration nanos, bytes allocated

  private WarmupTrace(long firstStepStart) {
    this.jvmStartMillis = ManagementFactory.getRuntimeMXBean().getUptime();
    this.firstStepStart = firstStepStart;
  }

  /** A trace of steps already taken: per step, its end in nanoseconds, its duration and the bytes it allocated. */
  static WarmupTrace of(long firstStepStart, List<long[]> steps) {
    WarmupTrace trace = new WarmupTrace(firstStepStart);
    trace.steps.addAll(steps);
    return trace;
  }

  /** Runs the step until {@code seconds} passed and at least {@code minSteps} ran, recording each step. */
  static WarmupTrace record(Runnable step, double seconds, int minSteps) {
    long start = System.nanoTime();
    WarmupTrace trace = new WarmupTrace(start);
    long end = start + (long) (seconds * 1e9);
    while (trace.steps.size() < minSteps || System.nanoTime() < end) {
      long allocated = AllocationCounter.allocatedBytes();
      long t0 = System.nanoTime();
      step.run();
      long t1 = System.nanoTime();
      long bytes = allocated < 0 ? -1 : AllocationCounter.allocatedBytes() - allocated;
      trace.steps.add(new long[] {t1, t1 - t0, bytes});
    }
    return trace;
  }

  /**
   * Adds {@code first_step_ms}, {@code jvm_ms_before_first_step}, {@code seconds_to_steady} (from the first
   * step's start to the end of the first window of {@value #WINDOW} steps whose median is within
   * {@value #STEADY_FACTOR} times {@code steadyMs}; absent when the warm-up never got there) and
   * {@code max_step_alloc_bytes_after_steady}: the most one step allocated among the steps after that window, the
   * steps that begin once steady. (Counting the window's own steps too, as before 2026-11-29 evening, charged the
   * steady state with the last steps of the JIT's work, such as a step at 1.5 times the steady time.)
   */
  void describe(double steadyMs, Map<String, Object> result) {
    result.put("first_step_ms", steps.get(0)[1] / 1e6);
    result.put("jvm_ms_before_first_step", jvmStartMillis);
    int steady = steadyFrom(steadyMs);
    if (steady < 0) {
      return;
    }
    result.put("seconds_to_steady", (steps.get(steady + WINDOW - 1)[0] - firstStepStart) / 1e9);
    long max = -1;
    for (int i = steady + WINDOW; i < steps.size(); i++) {
      max = Math.max(max, steps.get(i)[2]);
    }
    if (max >= 0) {
      result.put("max_step_alloc_bytes_after_steady", max);
    }
  }

  /** The first step of the first steady window, or -1. */
  private int steadyFrom(double steadyMs) {
    for (int i = 0; i + WINDOW <= steps.size(); i++) {
      long[] durations = new long[WINDOW];
      for (int j = 0; j < WINDOW; j++) {
        durations[j] = steps.get(i + j)[1];
      }
      java.util.Arrays.sort(durations);
      if (durations[WINDOW / 2] / 1e6 <= STEADY_FACTOR * steadyMs) {
        return i;
      }
    }
    return -1;
  }
}
