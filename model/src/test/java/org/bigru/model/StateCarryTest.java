package org.bigru.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.MiniBatches;
import org.bigru.model.data.PaddingDirection;
import org.bigru.model.data.SequenceLength;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * States carried between the pieces of a batch split in time: a stack of one-direction layers reads the pieces as
 * it reads the whole sequences, so the pieces' losses add up to the whole batch's, whatever the alignment.
 */
class StateCarryTest {

  private static final int[] LENGTHS = {5, 3, 2, 4};

  private static Dataset data(SplittableRandom rng) {
    List<float[]> xs = new ArrayList<>();
    List<float[]> ys = new ArrayList<>();
    for (int length : LENGTHS) {
      float[] x = new float[length * 2];
      float[] y = new float[length];
      for (int j = 0; j < x.length; j++) {
        x[j] = (float) rng.nextDouble(-1, 1);
      }
      for (int j = 0; j < y.length; j++) {
        y[j] = (float) rng.nextDouble(-1, 1);
      }
      xs.add(x);
      ys.add(y);
    }
    return Dataset.stepResponses(xs, 2, ys, 1);
  }

  @ParameterizedTest
  @EnumSource(CellType.class)
  void piecesOfOneDirectionLayersAddUpToTheWholeSequences(CellType cell) {
    List<LayerSpec> layers = List.of(recurrent(cell, 3), recurrent(cell, 4), new OutputLayerSpec(1));
    Network network = Network.create(new ModelConfig(2, layers, Task.REGRESSION, List.of(), Map.of()), 5);
    Dataset data = data(new SplittableRandom(6));
    int steps = 0;
    for (int length : LENGTHS) {
      steps += length;
    }
    MiniBatches whole = new MiniBatches(data, LENGTHS.length);
    double wholeSum = network.loss(whole.batch(0).input(), whole.batch(0).targets()) * steps;
    for (PaddingDirection direction : PaddingDirection.values()) {
      MiniBatches split = new MiniBatches(data, LENGTHS.length, SequenceLength.split(2), direction);
      double carried = 0;
      double fresh = 0;
      for (int p = 0; p < split.pieces(0); p++) {
        MiniBatches.Batch piece = split.piece(0, p);
        network.carryStates(piece.members(), p == 0);
        carried += network.computeGradients(piece.input(), piece.targets(), null) * piece.rows();
      }
      network.carryStates(null, true);
      for (int p = 0; p < split.pieces(0); p++) {
        MiniBatches.Batch piece = split.piece(0, p);
        fresh += network.computeGradients(piece.input(), piece.targets(), null) * piece.rows();
      }
      assertEquals(wholeSum, carried, 1e-5 * Math.abs(wholeSum), cell + " " + direction);
      assertNotEquals(wholeSum, fresh, 1e-3 * Math.abs(wholeSum), "without carrying, each piece starts from zeros");
    }
    assertEquals(wholeSum, network.loss(whole.batch(0).input(), whole.batch(0).targets()) * steps,
        "carrying states never reaches a pass without gradients");
  }

  private static RecurrentLayerSpec recurrent(CellType cell, int units) {
    return cell == CellType.LSTM ? RecurrentLayerSpec.lstm(units, false, MergeMode.CONCAT, OutputMode.SEQUENCE)
        : new RecurrentLayerSpec(units, false, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.CONCAT)
            .withOutputMode(OutputMode.SEQUENCE);
  }
}
