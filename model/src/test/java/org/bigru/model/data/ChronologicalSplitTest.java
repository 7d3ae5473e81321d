package org.bigru.model.data;

import static org.bigru.model.data.DatasetTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChronologicalSplitTest {

  @Test
  void matchesTrainTestSplitWithoutShuffling() {
    // sklearn: n_test = ceil(0.2 * n), n_train = n - n_test.
    assertEquals(List.of(new ChronologicalSplit.Part(0, 8), new ChronologicalSplit.Part(8, 10)),
        ChronologicalSplit.trainTest(10, 0.2));
    List<ChronologicalSplit.Part> parts = ChronologicalSplit.trainTest(309, 0.2);
    assertEquals(247, parts.get(0).size());
    assertEquals(62, parts.get(1).size());
    assertEquals(309, parts.get(1).end());
  }

  @Test
  void threeConsecutiveParts() {
    List<ChronologicalSplit.Part> parts = ChronologicalSplit.split(101, 0.7, 0.15, 0.15);
    assertEquals(new ChronologicalSplit.Part(0, 69), parts.get(0));
    assertEquals(new ChronologicalSplit.Part(69, 85), parts.get(1));
    assertEquals(new ChronologicalSplit.Part(85, 101), parts.get(2));
  }

  @Test
  void trainValidationTestLeavesAbsentPartsNull() {
    ChronologicalSplit.Part[] all = ChronologicalSplit.trainValidationTest(101, 0.15, 0.15);
    assertEquals(List.of(ChronologicalSplit.split(101, 0.7, 0.15, 0.15).toArray()), List.of(all));
    ChronologicalSplit.Part[] noValidation = ChronologicalSplit.trainValidationTest(10, 0, 0.2);
    assertEquals(ChronologicalSplit.trainTest(10, 0.2).get(0), noValidation[0]);
    assertNull(noValidation[1]);
    assertEquals(new ChronologicalSplit.Part(8, 10), noValidation[2]);
    ChronologicalSplit.Part[] trainOnly = ChronologicalSplit.trainValidationTest(5, 0, 0);
    assertEquals(new ChronologicalSplit.Part(0, 5), trainOnly[0]);
    assertNull(trainOnly[1]);
    assertNull(trainOnly[2]);
    assertEquals(3, ChronologicalSplit.partCount(0.1, 0.2));
    assertEquals(2, ChronologicalSplit.partCount(0, 0.2));
    assertEquals(1, ChronologicalSplit.partCount(0, 0));
    assertMessage(() -> ChronologicalSplit.trainValidationTest(0, 0, 0), "no rows to split");
  }

  @Test
  void anEmptyPartIsAClearError() {
    assertMessage(() -> ChronologicalSplit.trainTest(1, 0.2), "leaves part 0 empty");
    assertMessage(() -> ChronologicalSplit.split(10, 0.5, 0.6), "sum to");
    assertMessage(() -> ChronologicalSplit.split(10, 1.2, -0.2), "fraction 0 is 1.2");
    assertMessage(() -> ChronologicalSplit.trainTest(10, 0), "test fraction must be in (0, 1), not 0.0");
  }
}
