package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bigru.model.ModelConfig;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.junit.jupiter.api.Test;

class WarmupTest {

  @Test
  void closingWaitsForStepsThatNoLongerSpeedUp() {
    Warmup warmup = Warmup.start(ModelConfig.biGru(3, 8, OutputMode.LAST, 1, Task.REGRESSION), 4, 5, 1);
    warmup.close();
    // a step before the last one is needed to tell that the last one did not speed up
    assertTrue(warmup.completedSteps() >= 2, warmup.completedSteps() + " steps");
  }

  @Test
  void aClosedWarmupTakesNoMoreSteps() throws InterruptedException {
    Warmup warmup = Warmup.start(ModelConfig.biGru(3, 8, OutputMode.SEQUENCE, 2, Task.REGRESSION), 3, 4, 2);
    warmup.close();
    int steps = warmup.completedSteps();
    Thread.sleep(50);
    assertTrue(warmup.completedSteps() == steps, steps + " steps at close, " + warmup.completedSteps() + " after");
  }
}
