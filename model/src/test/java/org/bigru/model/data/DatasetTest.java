package org.bigru.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DatasetTest {

  // Three sequences of 2 features with 2, 1 and 3 steps; values encode (sequence, step, feature).
  private static final List<float[]> RAGGED = List.of(
      new float[] {1.0f, 1.1f, 1.2f, 1.3f},
      new float[] {2.0f, 2.1f},
      new float[] {3.0f, 3.1f, 3.2f, 3.3f, 3.4f, 3.5f});

  @Test
  void batchesArePaddedToTheirLongestSequence() {
    Dataset data = Dataset.stepResponses(RAGGED, 2,
        List.of(new float[] {10, 11}, new float[] {20}, new float[] {30, 31, 32}), 1);
    MiniBatches batches = new MiniBatches(data, 2);
    assertEquals(2, batches.count());
    MiniBatches.Batch first = batches.batch(0);
    assertEquals(2, first.input().steps());
    assertArrayEquals(new int[] {2, 1}, first.input().lengths());
    assertArrayEquals(new float[] {1.0f, 1.1f, 1.2f, 1.3f, 2.0f, 2.1f, 0f, 0f}, first.input().x());
    assertArrayEquals(new float[] {10, 11, 20, 0}, first.targets().values());
    assertEquals(3, first.rows(), "per-step rows are real steps");
    MiniBatches.Batch last = batches.batch(1);
    assertEquals(1, last.input().size());
    assertNull(last.input().lengths(), "a batch of equal lengths needs no lengths");
    assertArrayEquals(RAGGED.get(2), last.input().x());
  }

  @Test
  void classIdsArePaddedWithMinusOne() {
    Dataset steps = Dataset.stepClasses(RAGGED, 2, List.of(new int[] {0, 1}, new int[] {2}, new int[] {1, 1, 0}), 3);
    MiniBatches.Batch batch = new MiniBatches(steps, 3).batch(0);
    assertArrayEquals(new int[] {0, 1, -1, 2, -1, -1, 1, 1, 0}, batch.targets().labels());
    Dataset sequences = Dataset.sequenceClasses(RAGGED, 2, new int[] {2, 0, 1}, 3);
    MiniBatches.Batch perSequence = new MiniBatches(sequences, 3).batch(0);
    assertArrayEquals(new int[] {2, 0, 1}, perSequence.targets().labels());
    assertEquals(3, perSequence.rows());
  }

  @Test
  void buffersAreReusedAndRepaddedAcrossBatches() {
    Dataset data = Dataset.sequenceResponses(RAGGED, 2, new float[] {1, 2, 3}, 1);
    MiniBatches batches = new MiniBatches(data, 2);
    float[] x = batches.batch(0).input().x();
    batches.shuffle(new SplittableRandom(3));
    int[] order = {batches.indexAt(0), batches.indexAt(1), batches.indexAt(2)};
    int[] sorted = order.clone();
    Arrays.sort(sorted);
    assertArrayEquals(new int[] {0, 1, 2}, sorted, "a shuffle is a permutation");
    batches.resetOrder();
    assertSame(x, batches.batch(0).input().x(), "same shape, same buffer");
    assertArrayEquals(new float[] {1.0f, 1.1f, 1.2f, 1.3f, 2.0f, 2.1f, 0f, 0f}, batches.batch(0).input().x());
  }

  @Test
  void seededShuffleIsReproducible() {
    List<float[]> many = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      many.add(new float[] {i});
    }
    Dataset data = Dataset.inputs(many, 1);
    MiniBatches a = new MiniBatches(data, 7);
    MiniBatches b = new MiniBatches(data, 7);
    a.shuffle(new SplittableRandom(11));
    b.shuffle(new SplittableRandom(11));
    int[] orderA = new int[50];
    int[] orderB = new int[50];
    for (int i = 0; i < 50; i++) {
      orderA[i] = a.indexAt(i);
      orderB[i] = b.indexAt(i);
    }
    assertArrayEquals(orderA, orderB);
    int[] identity = new int[50];
    Arrays.setAll(identity, i -> i);
    assertNotEquals(Arrays.toString(identity), Arrays.toString(orderA));
    assertEquals(8, a.count());
    assertEquals(1, a.batch(7).input().size());
    assertNull(a.batch(7).targets());
  }

  @Test
  void subsetsAndRangesKeepTargets() {
    Dataset data = Dataset.sequenceResponses(RAGGED, 2, new float[] {1, 2, 3}, 1);
    Dataset tail = data.range(1, 3);
    assertEquals(2, tail.size());
    assertArrayEquals(new float[] {2}, tail.responses(0));
    assertEquals(3, tail.maxLength());
    Dataset picked = data.subset(new int[] {2, 0});
    assertArrayEquals(new float[] {3}, picked.responses(0));
    assertThrows(IllegalArgumentException.class, () -> data.range(2, 2));
  }

  @Test
  void badInputGetsOneClearMessage() {
    assertMessage(() -> Dataset.inputs(List.of(new float[] {1, 2, 3}), 2), "sequence 0 holds 3 values");
    assertMessage(() -> Dataset.inputs(List.of(new float[] {1, Float.NaN}), 1), "sequence 0 step 1");
    assertMessage(() -> Dataset.sequenceResponses(RAGGED, 2, new float[] {1, 2}, 1), "2 responses for 3");
    assertMessage(() -> Dataset.sequenceClasses(RAGGED, 2, new int[] {0, 3, 1}, 3), "class id 3 of sequence 1");
    assertMessage(() -> Dataset.stepClasses(RAGGED, 2, List.of(new int[] {0, 1}, new int[] {0, 0},
        new int[] {0, 0, 0}), 2), "sequence 1 has 1 steps but 2 class ids");
    assertMessage(() -> Dataset.inputs(List.of(), 2), "at least one sequence");
    assertMessage(() -> new MiniBatches(Dataset.inputs(RAGGED, 2), 0), "mini-batch size");
  }

  static void assertMessage(Runnable action, String expected) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
    assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' lacks '" + expected + "'");
  }
}
