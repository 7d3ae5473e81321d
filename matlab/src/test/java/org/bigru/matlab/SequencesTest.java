package org.bigru.matlab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SequencesTest {

  @Test
  void columnMajorMatricesBecomeRowMajorSteps() {
    // X{1} = [1 3 5; 2 4 6] (2 features, 3 steps), X{2} = [7; 8]: X{i}(:) concatenated
    Sequences x = Sequences.fromMatlab("X", new double[] {1, 2, 3, 4, 5, 6, 7, 8}, new double[] {2, 2},
        new double[] {3, 1});
    assertEquals(2, x.size());
    assertEquals(2, x.features());
    assertEquals(3, x.steps(0));
    assertEquals(1, x.steps(1));
    assertEquals(4, x.totalSteps());
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, x.values().get(0));
    assertArrayEquals(new float[] {7, 8}, x.values().get(1));
  }

  @Test
  void octaveScalarsAndDoubleObjectArraysAreAccepted() {
    // Octave passes a 1-by-1 matrix as a Double; MATLAB may pass Double[]
    Sequences x = Sequences.fromMatlab("X", 5.0, 1.0, new Double[] {1.0});
    assertArrayEquals(new float[] {5}, x.values().get(0));
  }

  @Test
  void emptyCellArrayIsRefused() {
    assertMessage("X is empty: expected a cell array", () -> Sequences.fromMatlab("X", null, null, null));
  }

  @Test
  void differentFeatureCountsNameTheSequence() {
    assertMessage("X{2} has 3 features (rows), but X{1} has 2",
        () -> Sequences.fromMatlab("X", new double[7], new double[] {2, 3}, new double[] {2, 1}));
  }

  @Test
  void emptySequenceIsRefused() {
    assertMessage("X{2} is empty (2-by-0)",
        () -> Sequences.fromMatlab("X", new double[4], new double[] {2, 2}, new double[] {2, 0}));
  }

  @Test
  void nanAndInfinityNameTheirPlace() {
    double[] values = {1, 2, 3, Double.NaN};
    assertMessage("X{1}(2,2) is NaN (feature 2, time step 2)",
        () -> Sequences.fromMatlab("X", values, new double[] {2}, new double[] {2}));
    double[] big = {1, 1e39};
    assertMessage("ValidationData X{1}(2,1) is 1.0E39 (feature 2, time step 1): beyond single precision",
        () -> Sequences.fromMatlab("ValidationData X", big, new double[] {2}, new double[] {1}));
    double[] inf = {Double.NEGATIVE_INFINITY};
    assertMessage("X{1}(1,1) is -Inf", () -> Sequences.fromMatlab("X", inf, 1.0, 1.0));
  }

  @Test
  void sizesThatDoNotAddUpAreRefused() {
    assertMessage("X holds 5 values, but the sizes of its matrices add up to 6",
        () -> Sequences.fromMatlab("X", new double[5], new double[] {2}, new double[] {3}));
    assertMessage("the rows of X{1} must be a whole number",
        () -> Sequences.fromMatlab("X", new double[5], new double[] {2.5}, new double[] {2}));
  }

  @Test
  void nonNumericArgumentsAreRefused() {
    assertMessage("X must be a numeric vector, not a String",
        () -> Sequences.fromMatlab("X", "abc", 1.0, 1.0));
  }

  static void assertMessage(String expectedPart, org.junit.jupiter.api.function.Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    if (!e.getMessage().contains(expectedPart)) {
      throw new AssertionError("expected a message containing \"" + expectedPart + "\", got \"" + e.getMessage() + "\"");
    }
  }
}
