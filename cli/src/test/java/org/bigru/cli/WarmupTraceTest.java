package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarmupTraceTest {

  private static final long MS = 1_000_000L;

  /** Steps one after the other from time 0, of these durations (ms) and allocations (bytes). */
  private static WarmupTrace trace(long[] millis, long[] bytes) {
    List<long[]> steps = new ArrayList<>();
    long end = 0;
    for (int i = 0; i < millis.length; i++) {
      end += millis[i] * MS;
      steps.add(new long[] {end, millis[i] * MS, bytes[i]});
    }
    return WarmupTrace.of(0, steps);
  }

  @Test
  void steadyIsTheEndOfTheFirstWindowWhoseMedianIsNearTheSteadyTimeAndOnlyLaterStepsCountForAllocation() {
    WarmupTrace trace = trace(new long[] {600, 90, 60, 40, 26, 26, 26, 26, 26, 26, 26},
        new long[] {500_000_000, 2_000_000, 499_600, 125_920, 2_800, 2_800, 2_800, 2_800, 2_900, 2_800, 2_800});
    Map<String, Object> result = new LinkedHashMap<>();
    trace.describe(26, result);
    assertEquals(600.0, result.get("first_step_ms"));
    // steps 2-6 (60, 40, 26, 26, 26 ms) are the first window with a median within 1.2 x 26 ms: steady at step 6's end
    assertEquals((600 + 90 + 60 + 40 + 26 + 26 + 26) / 1000.0, (Double) result.get("seconds_to_steady"), 1e-9);
    assertEquals(2_900L, result.get("max_step_alloc_bytes_after_steady"));
  }

  @Test
  void aLateAllocationAfterTheSteadyWindowCounts() {
    WarmupTrace trace = trace(new long[] {300, 26, 26, 26, 26, 26, 26, 26},
        new long[] {9_000_000, 2_800, 2_800, 2_800, 2_800, 2_800, 35_000_000, 2_800});
    Map<String, Object> result = new LinkedHashMap<>();
    trace.describe(26, result);
    assertEquals(35_000_000L, result.get("max_step_alloc_bytes_after_steady"));
  }

  @Test
  void aWarmupThatNeverGetsSteadyReportsNoSteadyPoint() {
    WarmupTrace trace = trace(new long[] {300, 90, 80, 70, 60, 50}, new long[] {1, 1, 1, 1, 1, 1});
    Map<String, Object> result = new LinkedHashMap<>();
    trace.describe(26, result);
    assertFalse(result.containsKey("seconds_to_steady"));
    assertFalse(result.containsKey("max_step_alloc_bytes_after_steady"));
  }
}
