package org.bigru.model;

import static org.bigru.model.NetworkFixtures.config;
import static org.bigru.model.NetworkFixtures.gru;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad batches and targets fail with an IllegalArgumentException that says what is wrong. */
class ValidationTest {

  private static final ModelConfig LAST_CLASSES = config(2,
      List.of(gru(3, true, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT)), OutputMode.LAST, List.of(), 3,
      Task.CLASSIFICATION);
  private static final ModelConfig SEQUENCE_RESPONSES = config(2,
      List.of(gru(3, false, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT)), OutputMode.SEQUENCE,
      List.of(), 2, Task.REGRESSION);
  private static final SequenceBatch BATCH = SequenceBatch.of(new float[2 * 4 * 2], 2, 4, 2);

  @Test
  void wrongFeatureCount() {
    Network network = Network.create(LAST_CLASSES, 1);
    SequenceBatch threeFeatures = SequenceBatch.of(new float[2 * 4 * 3], 2, 4, 3);
    assertMessage(() -> network.predict(threeFeatures), "3 features", "expects 2");
    assertMessage(() -> network.loss(threeFeatures, Targets.classes(new int[] {0, 1})), "3 features");
  }

  @Test
  void wrongNumberOfTargetRows() {
    Network classes = Network.create(LAST_CLASSES, 1);
    assertMessage(() -> classes.computeGradients(BATCH, Targets.classes(new int[] {0, 1, 2}), null),
        "3 rows", "expected 2", "one per sequence");
    Network responses = Network.create(SEQUENCE_RESPONSES, 1);
    assertMessage(() -> responses.loss(BATCH, Targets.responses(new float[2 * 2], 2)),
        "2 rows", "expected 8", "2 sequences x 4 steps");
  }

  @Test
  void wrongResponseWidth() {
    Network responses = Network.create(SEQUENCE_RESPONSES, 1);
    assertMessage(() -> responses.computeGradients(BATCH, Targets.responses(new float[8 * 3], 3), null),
        "3 responses per row", "2 outputs");
  }

  @Test
  void labelsOutOfRange() {
    Network classes = Network.create(LAST_CLASSES, 1);
    assertMessage(() -> classes.computeGradients(BATCH, Targets.classes(new int[] {0, 3}), null),
        "class label 3 at row 1", "0 to 2");
    assertMessage(() -> classes.loss(BATCH, Targets.classes(new int[] {-2, 0})), "class label -2 at row 0");
  }

  @Test
  void targetsOfTheWrongTask() {
    Network classes = Network.create(LAST_CLASSES, 1);
    assertMessage(() -> classes.loss(BATCH, Targets.responses(new float[2 * 3], 3)), "needs class labels");
    Network responses = Network.create(SEQUENCE_RESPONSES, 1);
    assertMessage(() -> responses.loss(BATCH, Targets.classes(new int[8])), "needs responses");
    assertMessage(() -> responses.loss(BATCH, null), "targets are required");
    assertMessage(() -> responses.predict(null), "batch is required");
  }

  @Test
  void unknownParameterName() {
    Network network = Network.create(LAST_CLASSES, 1);
    assertMessage(() -> network.parameter("gru.bias_hh_l0"), "no parameter named 'gru.bias_hh_l0'",
        "gru.bias_ih_l0");
  }

  @Test
  void inputGradientBeforeAnyGradient() {
    Network network = Network.create(LAST_CLASSES, 1);
    IllegalStateException e = assertThrows(IllegalStateException.class, network::inputGradient);
    assertTrue(e.getMessage().contains("computeGradients"), e.getMessage());
  }

  private static void assertMessage(Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + e.getMessage() + "' should mention '" + part + "'");
    }
  }
}
