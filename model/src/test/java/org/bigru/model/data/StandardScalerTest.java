package org.bigru.model.data;

import static org.bigru.model.data.DatasetTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardScalerTest {

  // Columns: (1, 2, 3, 4) then a constant 7, then (-2, 0, 2, 100); the last row is not part of the fit.
  private static final float[] TABLE = {
      1, 7, -2,
      2, 7, 0,
      3, 7, 2,
      4, 7, 100};

  @Test
  void fitsMeanAndPopulationStdOnTheGivenRowsOnly() {
    StandardScaler s = StandardScaler.fit(TABLE, 3, 3);
    // Rows 0..2: column 0 mean 2, population variance (1 + 0 + 1) / 3; column 2 mean 0, variance 8 / 3.
    assertArrayEquals(new double[] {2, 7, 0}, s.mean(), 1e-15);
    assertArrayEquals(new double[] {Math.sqrt(2.0 / 3), 1, Math.sqrt(8.0 / 3)}, s.scale(), 1e-15);
    float[] z = s.transform(TABLE);
    assertEquals((float) (-1 / Math.sqrt(2.0 / 3)), z[0], 1e-7f);
    assertEquals(0f, z[1], "a constant column maps to 0 with scale 1");
    assertEquals((float) (100 / Math.sqrt(8.0 / 3)), z[11], 1e-5f);
  }

  @Test
  void inverseTransformUndoesTransform() {
    StandardScaler s = StandardScaler.fit(TABLE, 4, 3);
    float[] back = s.inverseTransform(s.transform(TABLE));
    assertArrayEquals(TABLE, back, 1e-5f);
  }

  @Test
  void roundTripsThroughAStringMapExactly() {
    StandardScaler s = StandardScaler.fit(new float[] {0.1f, 0.2f, 0.7f, 1e-3f, 5f, 3f}, 3, 2);
    Map<String, String> map = s.toMap("scaler.x");
    StandardScaler back = StandardScaler.fromMap(map, "scaler.x");
    assertArrayEquals(s.mean(), back.mean(), 0.0);
    assertArrayEquals(s.scale(), back.scale(), 0.0);
  }

  @Test
  void badMetadataAndTablesAreClearErrors() {
    assertMessage(() -> StandardScaler.fromMap(Map.of("x.mean", "1,2"), "x"), "'x.scale' is missing");
    assertMessage(() -> StandardScaler.fromMap(Map.of("x.mean", "1,oops", "x.scale", "1,1"), "x"),
        "entry 1 is 'oops'");
    assertMessage(() -> StandardScaler.fromMap(Map.of("x.mean", "1", "x.scale", "0"), "x"), "scale 0.0");
    assertMessage(() -> StandardScaler.fit(TABLE, 4, 3).transform(new float[] {1, 2}), "3 columns");
    assertMessage(() -> StandardScaler.fit(new float[] {1, Float.NaN}, 2, 1), "row 1 column 0");
  }
}
