package org.bigru.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PreprocessingTest {

  private static final StandardScaler FEATURES = StandardScaler.of(new double[] {0, 0}, new double[] {1, 1});

  private static Preprocessing forecast(boolean difference, StandardScaler target) {
    return new Preprocessing(Preprocessing.TABLE, true, true, List.of("a", "y"), List.of("y", "z"), 4, 1, 2, 0,
        difference, 0, FEATURES, target);
  }

  /** A model of one target and one step writes the keys it always did, and no new ones. */
  @Test
  void onePointTargetKeepsTheMetadataAsItWas() {
    Preprocessing one = new Preprocessing(Preprocessing.TABLE, true, true, List.of("a"), List.of("y"), 24, 0, 1, 0,
        false, 0, FEATURES, StandardScaler.of(new double[] {1}, new double[] {2}));
    Map<String, String> map = one.toMetadata();
    assertEquals("y", map.get("table.target"));
    for (String key : List.of("table.targets", "table.steps", "table.difference", "table.season")) {
      assertFalse(map.containsKey(key), key);
    }
    assertEquals(map, Preprocessing.fromMetadata(map, "m").toMetadata());
  }

  @Test
  void targetsStepsDifferenceAndSeasonRoundTrip() {
    Preprocessing p = new Preprocessing(Preprocessing.TABLE, true, true, List.of("a", "y"), List.of("y", "z"), 4, 1,
        2, 0, true, 12, FEATURES, StandardScaler.of(new double[] {0, 0, 0, 0}, new double[] {1, 1, 1, 1}));
    Map<String, String> map = p.toMetadata();
    assertEquals("[\"y\",\"z\"]", map.get("table.targets"));
    Preprocessing read = Preprocessing.fromMetadata(map, "m");
    assertEquals(map, read.toMetadata());
    assertEquals(List.of("y", "z"), read.targetNames());
    assertEquals(2, read.steps());
    assertEquals(12, read.season());
    assertTrue(read.difference());
    assertEquals(4, p.responses());
  }

  /** With differencing, a target among the features enters as its change from the row before; row 0 goes. */
  @Test
  void differencedInputs() {
    float[] table = {1, 10, 2, 13, 3, 17};   // a, y
    assertArrayEquals(new float[] {2, 3, 3, 4}, forecast(true, null).inputRows(table));
    assertArrayEquals(table, forecast(false, null).inputRows(table));
  }

  /** Targets become scaled changes from the last row, and predictions come back in original units. */
  @Test
  void differencingAndScalingRoundTrip() {
    StandardScaler changes = StandardScaler.of(new double[] {1, 2, 3, 4}, new double[] {2, 2, 4, 4});
    Preprocessing p = forecast(true, changes);
    float[] responses = {11, 12, 23, 24};   // y at +1, +2, z at +1, +2
    float[] last = {10, 20};
    float[] network = p.networkTargets(responses, last);
    assertArrayEquals(new float[] {0, 0, 0, 0}, network);
    assertArrayEquals(responses, p.originalUnits(network, 1, last));
    // Three quantile levels per response share its scaler column and its last value.
    float[] levels = {-1, 0, 1, -1, 0, 1, 0, 0, 0, 0, 0, 0};
    assertArrayEquals(new float[] {9, 11, 13, 10, 12, 14, 23, 23, 23, 24, 24, 24}, p.originalUnits(levels, 3, last));

    StandardScaler perTarget = StandardScaler.of(new double[] {10, 20}, new double[] {1, 2});
    Preprocessing levelsOnly = forecast(false, perTarget);
    float[] scaled = levelsOnly.networkTargets(responses, last);
    assertArrayEquals(new float[] {1, 2, 1.5f, 2}, scaled);
    assertArrayEquals(responses, levelsOnly.originalUnits(scaled, 1, null));
    assertTrue(levelsOnly.firstRow() == 0 && p.firstRow() == 1);
  }
}
