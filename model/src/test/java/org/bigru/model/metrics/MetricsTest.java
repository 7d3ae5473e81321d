package org.bigru.model.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void regressionScoresByHand() {
    // errors 0.5, -0.5, 0, -1 -> MSE 1.5 / 4, MAE 2 / 4; actual mean 5, SS_tot 4 + 0 + 4 + 0... see below
    float[] actual = {3, 5, 7, 5};
    float[] predicted = {2.5f, 5.5f, 7, 6};
    RegressionMetrics m = RegressionMetrics.of(actual, predicted);
    assertEquals(Math.sqrt(1.5 / 4), m.rmse(), 1e-12);
    assertEquals(0.5, m.mae(), 1e-12);
    // SS_tot = 4 + 0 + 4 + 0 = 8, SS_res = 1.5
    assertEquals(1 - 1.5 / 8, m.r2(), 1e-12);
    assertEquals(4, m.count());
  }

  @Test
  void r2OfConstantActualsFollowsSklearn() {
    assertEquals(1.0, RegressionMetrics.of(new float[] {2, 2}, new float[] {2, 2}).r2());
    assertEquals(0.0, RegressionMetrics.of(new float[] {2, 2}, new float[] {2, 3}).r2());
    assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.of(new float[] {1}, new float[0]));
  }

  @Test
  void classificationScoresByHand() {
    int[] actual = {0, 0, 1, 1, 1, 2, -1};
    int[] predicted = {0, 1, 1, 1, 0, 1, 2};
    ClassificationMetrics m = ClassificationMetrics.of(actual, predicted, 3);
    assertEquals(6, m.count(), "the padded label is skipped");
    assertArrayEquals(new long[] {1, 1, 0}, m.confusion()[0]);
    assertArrayEquals(new long[] {1, 2, 0}, m.confusion()[1]);
    assertArrayEquals(new long[] {0, 1, 0}, m.confusion()[2]);
    assertEquals(3.0 / 6, m.accuracy(), 1e-12);
    assertEquals(0.5, m.precision(0), 1e-12);
    assertEquals(0.5, m.recall(0), 1e-12);
    assertEquals(0.5, m.precision(1), 1e-12);
    assertEquals(2.0 / 3, m.recall(1), 1e-12);
    assertEquals(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3), m.f1(1), 1e-12);
    assertEquals(0.0, m.precision(2));
    assertEquals(0.0, m.f1(2));
    assertEquals((0.5 + 2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3)) / 3, m.macroF1(), 1e-12);
  }

  @Test
  void argmaxPicksTheFirstLargest() {
    assertArrayEquals(new int[] {1, 0, 2}, ClassificationMetrics.argmax(new float[] {0, 3, 1, 5, 5, 2, -1, -2, 0}, 3));
    assertThrows(IllegalArgumentException.class,
        () -> ClassificationMetrics.of(new int[] {0}, new int[] {3}, 3));
  }
}
