package org.bigru.model.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BaselinesTest {

  // Row r holds 10 r plus a season of 4: 0, 1, 2, 3, 0, 1, ...
  private static final float[] SERIES = new float[16];

  static {
    for (int r = 0; r < SERIES.length; r++) {
      SERIES[r] = 10 * r + r % 4;
    }
  }

  @Test
  void naiveRepeatsTheLastKnownValue() {
    // Windows ending at rows 5 and 6, predicting 3 rows from the next one.
    assertArrayEquals(new float[] {51, 51, 51, 62, 62, 62}, Baselines.naive(SERIES, new int[] {5, 6}, 1, 3));
    // Horizon 0 predicts the window's last row itself: the row before it is the last one known.
    assertArrayEquals(new float[] {40}, Baselines.naive(SERIES, new int[] {5}, 0, 1));
  }

  @Test
  void seasonalNaiveTakesTheLatestKnownRowOfTheSameSeason() {
    // From row 5, rows 6, 7, 8, 9, 10 come from rows 2, 3, 4, 5, then 6 - 4 = 2 again is too late: 10 - 8 = 2.
    assertArrayEquals(new float[] {22, 33, 40, 51, 22}, Baselines.seasonalNaive(SERIES, new int[] {5}, 1, 5, 4));
    assertArrayEquals(new float[] {11}, Baselines.seasonalNaive(SERIES, new int[] {5}, 0, 1, 4));
    assertTrue(Float.isNaN(Baselines.seasonalNaive(SERIES, new int[] {1}, 1, 1, 4)[0]), "row -2 is not there");
  }

  @Test
  void maseIsTheModelsMaeOverTheSeasonalNaives() {
    float[] actual = {10, 20, 30, 40};
    float[] point = {11, 21, 29, 40};     // MAE 0.75
    float[] naive = {8, 18, 30, 40};      // MAE 1
    float[] seasonal = {13, 23, 27, 37};  // MAE 3
    float[] lower = {9, 21, 28, 39};
    float[] upper = {12, 22, 31, 41};
    ForecastMetrics m = ForecastMetrics.of(actual, point, naive, seasonal, lower, upper, 2, 1);
    assertEquals(0.75, m.overall().model().mae(), 1e-12);
    assertEquals(1.0, m.overall().naiveMae(), 1e-12);
    assertEquals(3.0, m.overall().seasonalNaiveMae(), 1e-12);
    assertEquals(0.25, m.overall().mase(), 1e-12);
    assertEquals(0.75, m.overall().coverage(), 1e-12, "20 is below [21, 22]");
    assertEquals(2, m.targets().size());
    assertEquals(1.0, m.targets().get(0).all().model().mae(), 1e-12, "target 0: rows 10 and 30");
    assertEquals(1.0, m.targets().get(0).all().coverage(), 1e-12);
    assertEquals(0.5, m.targets().get(1).all().coverage(), 1e-12);
    ForecastMetrics none = ForecastMetrics.of(actual, point, naive, new float[] {Float.NaN, 1, 1, 1}, null, null,
        1, 2);
    assertTrue(Double.isNaN(none.overall().mase()) && Double.isNaN(none.overall().coverage()));
    assertEquals(2, none.targets().get(0).steps().size());
  }
}
