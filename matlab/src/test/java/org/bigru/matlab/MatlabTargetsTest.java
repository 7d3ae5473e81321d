package org.bigru.matlab;

import static org.bigru.matlab.SequencesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.bigru.model.data.Dataset;
import org.bigru.model.data.TargetKind;
import org.junit.jupiter.api.Test;

class MatlabTargetsTest {

  /** Three sequences of 1 feature with 2, 3 and 1 steps. */
  private static Sequences three() {
    return Sequences.fromMatlab("X", new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 1, 1},
        new double[] {2, 3, 1});
  }

  @Test
  void labelsPerSequenceAreZeroBasedClassIds() {
    Dataset d = MatlabTargets.labelsPerSequence(three(), "Y", new double[] {2, 1, 2}, new String[] {"a", "b"});
    assertEquals(TargetKind.SEQUENCE_CLASSES, d.kind());
    assertEquals(2, d.outputs());
    assertArrayEquals(new int[] {1}, d.classIds(0));
    assertArrayEquals(new int[] {0}, d.classIds(1));
  }

  @Test
  void labelCountMustMatchSequences() {
    assertMessage("Y has 2 labels but X has 3 sequences",
        () -> MatlabTargets.labelsPerSequence(three(), "Y", new double[] {1, 2}, new String[] {"a", "b"}));
  }

  @Test
  void missingAndOutOfRangeLabelsAreNamed() {
    assertMessage("Y(2) is undefined", () -> MatlabTargets.labelsPerSequence(three(), "Y",
        new double[] {1, Double.NaN, 1}, new String[] {"a"}));
    assertMessage("Y(3) has class code 3, expected 1 to 2", () -> MatlabTargets.labelsPerSequence(three(), "Y",
        new double[] {1, 2, 3}, new String[] {"a", "b"}));
    assertMessage("names the class 'a' twice", () -> MatlabTargets.labelsPerSequence(three(), "Y",
        new double[] {1, 1, 1}, new String[] {"a", "a"}));
  }

  @Test
  void labelsPerStepFollowTheSequences() {
    Dataset d = MatlabTargets.labelsPerStep(three(), "Y", new double[] {1, 2, 2, 2, 1, 1},
        new double[] {2, 3, 1}, new String[] {"x", "y"});
    assertEquals(TargetKind.STEP_CLASSES, d.kind());
    assertArrayEquals(new int[] {1, 1, 0}, d.classIds(1));
    assertMessage("Y{2} has 2 labels but X{2} has 3 time steps", () -> MatlabTargets.labelsPerStep(three(), "Y",
        new double[] {1, 2, 2, 2, 1}, new double[] {2, 2, 1}, new String[] {"x", "y"}));
  }

  @Test
  void responseMatrixIsReadColumnMajor() {
    // Y = [1 10; 2 20; 3 30]: three sequences, two responses each
    Dataset d = MatlabTargets.responsesPerSequence(three(), "Y", new double[] {1, 2, 3, 10, 20, 30}, 3, 2);
    assertEquals(TargetKind.SEQUENCE_RESPONSES, d.kind());
    assertArrayEquals(new float[] {2, 20}, d.responses(1));
    assertMessage("Y has 2 rows but X has 3 sequences",
        () -> MatlabTargets.responsesPerSequence(three(), "Y", new double[4], 2, 2));
    assertMessage("Y(2,1) is NaN",
        () -> MatlabTargets.responsesPerSequence(three(), "Y", new double[] {0, Double.NaN, 0}, 3, 1));
  }

  @Test
  void responsesPerStepAreCheckedPerSequence() {
    Dataset d = MatlabTargets.responsesPerStep(three(), "Y", new double[] {1, 2, 3, 4, 5, 6},
        new double[] {1, 1, 1}, new double[] {2, 3, 1});
    assertEquals(TargetKind.STEP_RESPONSES, d.kind());
    assertArrayEquals(new float[] {3, 4, 5}, d.responses(1));
    assertMessage("Y{3} has 2 time steps but X{3} has 1 time steps", () -> MatlabTargets.responsesPerStep(three(),
        "Y", new double[7], new double[] {1, 1, 1}, new double[] {2, 3, 2}));
    assertMessage("Y{2} has 2 responses (rows), but Y{1} has 1", () -> MatlabTargets.responsesPerStep(three(),
        "Y", new double[9], new double[] {1, 2, 1}, new double[] {2, 3, 1}));
  }
}
