package org.bigru.model.data;

import static org.bigru.model.data.DatasetTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

  // 6 rows of 2 features: row r is (r, 10 r); target of row r is 100 r.
  private static final float[] TABLE = {0, 0, 1, 10, 2, 20, 3, 30, 4, 40, 5, 50};
  private static final float[] TARGET = {0, 100, 200, 300, 400, 500};

  @Test
  void horizonZeroPredictsTheLastRowsOwnTarget() {
    SlidingWindows w = SlidingWindows.of(TABLE, 2, TARGET, 3, 0);
    assertEquals(4, w.count());
    assertArrayEquals(new float[] {0, 0, 1, 10, 2, 20}, w.window(0));
    assertArrayEquals(new float[] {3, 30, 4, 40, 5, 50}, w.window(3));
    assertArrayEquals(new int[] {2, 3, 4, 5}, w.targetRows());
    assertArrayEquals(new float[] {200, 300, 400, 500}, w.targets());
  }

  @Test
  void horizonOneForecastsTheNextRow() {
    SlidingWindows w = SlidingWindows.of(TABLE, 2, TARGET, 2, 1);
    assertEquals(4, w.count());
    assertArrayEquals(new float[] {0, 0, 1, 10}, w.window(0));
    assertEquals(2, w.targetRow(0));
    assertEquals(200, w.target(0));
    assertArrayEquals(new float[] {3, 30, 4, 40}, w.window(3));
    assertEquals(5, w.targetRow(3));
  }

  @Test
  void convertsToDataSets() {
    SlidingWindows w = SlidingWindows.of(TABLE, 2, TARGET, 3, 1);
    Dataset last = w.toDataset();
    assertEquals(TargetKind.SEQUENCE_RESPONSES, last.kind());
    assertEquals(3, last.size());
    assertArrayEquals(new float[] {300}, last.responses(0));
    Dataset steps = w.toStepDataset();
    assertEquals(TargetKind.STEP_RESPONSES, steps.kind());
    // Window 0 covers rows 0..2; with horizon 1 its steps predict rows 1..3.
    assertArrayEquals(new float[] {100, 200, 300}, steps.responses(0));
    assertArrayEquals(new float[] {300, 400, 500}, steps.responses(2));
  }

  @Test
  void aWindowLongerThanTheDataIsAClearError() {
    assertMessage(() -> SlidingWindows.of(TABLE, 2, TARGET, 6, 1), "needs at least 7 rows, the data has 6");
    assertMessage(() -> SlidingWindows.of(TABLE, 2, TARGET, 0, 0), "at least 1 row");
    assertMessage(() -> SlidingWindows.of(TABLE, 2, TARGET, 2, -1), "horizon must be at least 0");
    assertMessage(() -> SlidingWindows.of(TABLE, 2, new float[5], 2, 0), "5 target values for 6 rows of 1 target");
    assertMessage(() -> SlidingWindows.of(new float[] {1, 2, 3}, 2, TARGET, 1, 0), "whole number of rows");
  }

  /** Two targets (100 r and -r), three steps from the row after the window: target-major responses. */
  @Test
  void severalTargetsAndSteps() {
    float[] targets = new float[12];
    for (int r = 0; r < 6; r++) {
      targets[2 * r] = 100 * r;
      targets[2 * r + 1] = -r;
    }
    SlidingWindows w = SlidingWindows.of(TABLE, 2, targets, 2, 2, 1, 3);
    assertEquals(2, w.count(), "rows 1 and 2 end a window with three rows after it");
    assertEquals(6, w.width());
    assertArrayEquals(new int[] {1, 2}, w.lastRows());
    assertArrayEquals(new int[] {2, 3}, w.targetRows());
    assertArrayEquals(new float[] {200, 300, 400, -2, -3, -4, 300, 400, 500, -3, -4, -5}, w.targets());
    Dataset data = w.toDataset();
    assertEquals(6, data.outputs());
    assertArrayEquals(new float[] {300, 400, 500, -3, -4, -5}, data.responses(1));
    assertMessage(() -> SlidingWindows.of(TABLE, 2, targets, 2, 2, 1, 5), "a window of 2 rows with horizon 1 and 5 "
        + "steps needs at least 7 rows, the data has 6");
  }

  @Test
  void theWholeTableIsOneWindow() {
    SlidingWindows w = SlidingWindows.of(TABLE, 2, TARGET, 6, 0);
    assertEquals(1, w.count());
    assertArrayEquals(TABLE, w.window(0));
  }
}
