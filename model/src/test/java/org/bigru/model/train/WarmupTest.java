package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bigru.model.ModelConfig;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.junit.jupiter.api.Test;

class WarmupTest {

  private static final long MS = 1_000_000L;
  private static final long KB = 1024;

  @Test
  void twoStepsWithinTheCompiledAllocationShowTheKernelsCompiled() {
    assertTrue(Warmup.compiled(new Warmup.Step(40 * MS, 5 * KB), new Warmup.Step(90 * MS, 64 * KB)));
    // a step still on heap-allocated vectors, however fast or steady its time
    assertFalse(Warmup.compiled(new Warmup.Step(5 * MS, 2854 * KB), new Warmup.Step(5 * MS, 5 * KB)));
    assertFalse(Warmup.compiled(new Warmup.Step(5 * MS, 5 * KB), new Warmup.Step(5 * MS, 64 * KB + 1)));
    assertFalse(Warmup.compiled(null, new Warmup.Step(5 * MS, 5 * KB)));
  }

  @Test
  void withoutAllocationCountsTheStepsMustStopSpeedingUp() {
    assertFalse(Warmup.compiled(new Warmup.Step(50 * MS, -1), new Warmup.Step(17 * MS, -1)));
    assertTrue(Warmup.compiled(new Warmup.Step(25 * MS, -1), new Warmup.Step(17 * MS, -1)));
    assertTrue(Warmup.compiled(new Warmup.Step(10 * MS, -1), new Warmup.Step(40 * MS, -1)));
    assertFalse(Warmup.compiled(new Warmup.Step(50 * MS, 5 * KB), new Warmup.Step(17 * MS, -1)));
  }

  @Test
  void closingWaitsForStepsThatShowTheKernelsCompiledOrItsLimit() {
    Warmup warmup = Warmup.start(ModelConfig.biGru(3, 8, OutputMode.LAST, 1, Task.REGRESSION), 4, 5);
    long start = System.nanoTime();
    warmup.close();
    long waitedMillis = (System.nanoTime() - start) / MS;
    assertTrue(warmup.lastStepsCompiled() || waitedMillis >= Warmup.MAX_WAIT_MILLIS,
        warmup.completedSteps() + " steps, closed after " + waitedMillis + " ms");
  }

  @Test
  void aClosedWarmupTakesNoMoreSteps() throws InterruptedException {
    Warmup warmup = Warmup.start(ModelConfig.biGru(3, 8, OutputMode.SEQUENCE, 2, Task.REGRESSION), 3, 4);
    warmup.close();
    int steps = warmup.completedSteps();
    Thread.sleep(50);
    assertEquals(steps, warmup.completedSteps());
  }
}
