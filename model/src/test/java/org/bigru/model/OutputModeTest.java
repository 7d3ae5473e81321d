package org.bigru.model;

import static org.bigru.model.NetworkFixtures.config;
import static org.bigru.model.NetworkFixtures.gru;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 'last' is PyTorch's h_n: the forward direction's state at each sequence's last real step and the backward
 * direction's state after reading back to step 0, merged; checked against the 'sequence' output of the same
 * weights read through an identity output layer.
 */
class OutputModeTest {

  private static final int H = 4;
  private static final int STEPS = 5;
  private static final int[] LENGTHS = {3, 5, 1, 4};

  @ParameterizedTest
  @EnumSource(MergeMode.class)
  void lastIsTheMergeOfEachDirectionsFinalState(MergeMode merge) {
    ModelConfig sequenceConfig = config(2, List.of(gru(H, true, ResetGateMode.AFTER_MULTIPLICATION,
        MergeMode.CONCAT)), OutputMode.SEQUENCE, List.of(), 2 * H, Task.REGRESSION);
    ModelConfig lastConfig = config(2, List.of(gru(H, true, ResetGateMode.AFTER_MULTIPLICATION, merge)),
        OutputMode.LAST, List.of(), merge.outputWidth(H), Task.REGRESSION);
    Network sequence = Network.create(sequenceConfig, 21);
    Network last = Network.create(lastConfig, 22);
    NetworkFixtures.randomizeParameters(sequence, 23);
    for (Parameter p : last.parameters()) {
      if (p.name().startsWith("gru.")) {
        p.setValues(sequence.parameter(p.name()).copyOfValues());
      }
    }
    setIdentity(sequence.parameter("fc.weight"), sequence.parameter("fc.bias"));
    setIdentity(last.parameter("fc.weight"), last.parameter("fc.bias"));

    SequenceBatch batch = NetworkFixtures.batch(new SplittableRandom(24), LENGTHS.length, STEPS, 2, LENGTHS);
    float[] states = sequence.predict(batch);   // [N][T][forward H | backward H]
    float[] finals = last.predict(batch);       // [N][width]
    int width = merge.outputWidth(H);
    for (int i = 0; i < LENGTHS.length; i++) {
      int forwardRow = (i * STEPS + LENGTHS[i] - 1) * 2 * H;
      int backwardRow = (i * STEPS) * 2 * H + H;
      for (int j = 0; j < H; j++) {
        float f = states[forwardRow + j];
        float b = states[backwardRow + j];
        String where = merge + " sequence " + i + " unit " + j;
        switch (merge) {
          case CONCAT:
            assertEquals(f, finals[i * width + j], 1e-6f, where);
            assertEquals(b, finals[i * width + H + j], 1e-6f, where);
            break;
          case SUM:
            assertEquals(f + b, finals[i * width + j], 1e-6f, where);
            break;
          case AVE:
            assertEquals((f + b) / 2, finals[i * width + j], 1e-6f, where);
            break;
          case MUL:
            assertEquals(f * b, finals[i * width + j], 1e-6f, where);
            break;
          default:
            throw new AssertionError(merge);
        }
      }
    }
  }

  private static void setIdentity(Parameter weight, Parameter bias) {
    int rows = weight.shape()[0];
    weight.setValues(new float[weight.size()]);
    for (int i = 0; i < rows; i++) {
      weight.set(i * rows + i, 1f);
    }
    bias.setValues(new float[bias.size()]);
  }
}
