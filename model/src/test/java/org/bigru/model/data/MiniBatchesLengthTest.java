package org.bigru.model.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.bigru.model.SequenceBatch;
import org.junit.jupiter.api.Test;

/** MATLAB's SequenceLength 'shortest' and a number of steps, with both padding directions. */
class MiniBatchesLengthTest {

  /** Sequences of 5, 3 and 2 steps of one feature; the value of step t of sequence s is 10 s + t. */
  private static Dataset data() {
    int[] lengths = {5, 3, 2};
    List<float[]> xs = new ArrayList<>();
    List<float[]> ys = new ArrayList<>();
    for (int s = 0; s < lengths.length; s++) {
      float[] x = new float[lengths[s]];
      for (int t = 0; t < x.length; t++) {
        x[t] = 10 * s + t;
      }
      xs.add(x);
      ys.add(x.clone());
    }
    return Dataset.stepResponses(xs, 1, ys, 1);
  }

  /** Each row's real steps, as "s:values" with the member slot. */
  private static List<String> rows(MiniBatches.Batch batch) {
    SequenceBatch in = batch.input();
    List<String> rows = new ArrayList<>();
    float[] y = batch.targets().values();
    for (int k = 0; k < in.size(); k++) {
      StringBuilder sb = new StringBuilder().append(batch.members()[k]).append(':');
      for (int t = 0; t < in.length(k); t++) {
        float x = in.x()[k * in.steps() + t];
        assertEquals(x, y[k * in.steps() + t], "per-step targets follow their steps");
        sb.append(t == 0 ? "" : ",").append((int) x);
      }
      rows.add(sb.toString());
    }
    return rows;
  }

  private static List<List<String>> pieces(SequenceLength length, PaddingDirection direction) {
    MiniBatches batches = new MiniBatches(data(), 3, length, direction);
    List<List<String>> all = new ArrayList<>();
    for (int p = 0; p < batches.pieces(0); p++) {
      all.add(rows(batches.piece(0, p)));
    }
    return all;
  }

  @Test
  void longestKeepsEveryStepWhateverTheDirection() {
    List<List<String>> whole = List.of(List.of("0:0,1,2,3,4", "1:10,11,12", "2:20,21"));
    assertEquals(whole, pieces(SequenceLength.LONGEST, PaddingDirection.RIGHT));
    assertEquals(whole, pieces(SequenceLength.LONGEST, PaddingDirection.LEFT));
  }

  @Test
  void shortestKeepsTheFirstStepsOrTheLast() {
    assertEquals(List.of(List.of("0:0,1", "1:10,11", "2:20,21")),
        pieces(SequenceLength.SHORTEST, PaddingDirection.RIGHT));
    assertEquals(List.of(List.of("0:3,4", "1:11,12", "2:20,21")),
        pieces(SequenceLength.SHORTEST, PaddingDirection.LEFT));
  }

  @Test
  void aNumberSplitsTheBatchPaddedToItsLongestIntoPiecesTheLastShorter() {
    // right: the sequences start together; piece 2 holds step 4 of the longest alone
    assertEquals(List.of(List.of("0:0,1", "1:10,11", "2:20,21"), List.of("0:2,3", "1:12"), List.of("0:4")),
        pieces(SequenceLength.split(2), PaddingDirection.RIGHT));
    // left: the sequences end together; the shorter ones start in later pieces
    assertEquals(List.of(List.of("0:0,1"), List.of("0:2,3", "1:10,11", "2:20"), List.of("0:4", "1:12", "2:21")),
        pieces(SequenceLength.split(2), PaddingDirection.LEFT));
    assertEquals(1, new MiniBatches(data(), 3, SequenceLength.split(5), PaddingDirection.RIGHT).pieces(0));
    assertEquals(List.of(List.of("0:0,1,2,3,4", "1:10,11,12", "2:20,21")),
        pieces(SequenceLength.split(7), PaddingDirection.LEFT));
  }

  @Test
  void perSequenceTargetsStayWithTheirSequence() {
    List<float[]> xs = new ArrayList<>();
    for (int n : new int[] {4, 1}) {
      xs.add(new float[n]);
    }
    Dataset labelled = Dataset.sequenceClasses(xs, 1, new int[] {1, 0}, 2);
    MiniBatches batches = new MiniBatches(labelled, 2, SequenceLength.split(3), PaddingDirection.LEFT);
    assertEquals(2, batches.pieces(0));
    assertArrayEquals(new int[] {1}, batches.piece(0, 0).targets().labels());
    assertArrayEquals(new int[] {1, 0}, batches.piece(0, 1).targets().labels());
    assertEquals(2, batches.piece(0, 1).rows());
  }
}
