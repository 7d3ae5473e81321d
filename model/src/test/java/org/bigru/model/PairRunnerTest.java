package org.bigru.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PairRunnerTest {

  @Test
  void runsTheSecondTaskOnTheHelperAndReturnsWhenBothAreDone() {
    PairRunner runner = new PairRunner();
    runner.setParallel(true);
    AtomicReference<Thread> second = new AtomicReference<>();
    int[] firstCount = {0};
    int[] secondCount = {0};
    // many hand-offs, so a lost wake-up or a missed completion would hang or miscount
    for (int i = 0; i < 20_000; i++) {
      runner.run(() -> firstCount[0]++, () -> {
        second.set(Thread.currentThread());
        secondCount[0]++;
      });
      assertEquals(i + 1, secondCount[0], "the second task of call " + i + " had not finished");
    }
    assertEquals(20_000, firstCount[0]);
    assertNotEquals(Thread.currentThread(), second.get());
    assertEquals("bigru-direction", second.get().getName());
    runner.setParallel(false);
  }

  @Test
  void aFailureOfTheSecondTaskIsRethrownAfterTheFirstFinished() {
    PairRunner runner = new PairRunner();
    runner.setParallel(true);
    IllegalArgumentException failure = new IllegalArgumentException("second");
    AtomicInteger first = new AtomicInteger();
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> runner.run(first::incrementAndGet, () -> {
          throw failure;
        }));
    assertSame(failure, thrown);
    assertEquals(1, first.get());
    // the runner stays usable after a failure
    AtomicInteger both = new AtomicInteger();
    runner.run(both::incrementAndGet, both::incrementAndGet);
    assertEquals(2, both.get());
    runner.setParallel(false);
  }

  @Test
  void aFailureOfTheFirstTaskWaitsForTheSecond() {
    PairRunner runner = new PairRunner();
    runner.setParallel(true);
    AtomicInteger second = new AtomicInteger();
    assertThrows(IllegalStateException.class, () -> runner.run(() -> {
      throw new IllegalStateException("first");
    }, () -> {
      sleep(50);
      second.incrementAndGet();
    }));
    assertEquals(1, second.get(), "run returned while the second task was still running");
    runner.setParallel(false);
  }

  @Test
  void withoutParallelismBothRunOnTheCallerInOrder() {
    PairRunner runner = new PairRunner();
    StringBuilder order = new StringBuilder();
    Thread caller = Thread.currentThread();
    runner.run(() -> order.append(Thread.currentThread() == caller ? "1" : "x"),
        () -> order.append(Thread.currentThread() == caller ? "2" : "y"));
    assertEquals("12", order.toString());
  }

  @Test
  void stoppingEndsTheHelperThread() throws InterruptedException {
    PairRunner runner = new PairRunner();
    runner.setParallel(true);
    AtomicReference<Thread> helper = new AtomicReference<>();
    runner.run(() -> { }, () -> helper.set(Thread.currentThread()));
    runner.setParallel(false);
    helper.get().join(5_000);
    assertTrue(!helper.get().isAlive(), "the helper thread still runs after setParallel(false)");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
