package org.bigru.kernels;

import static org.bigru.kernels.KernelTesting.SCALAR;
import static org.bigru.kernels.KernelTesting.assertClose;
import static org.bigru.kernels.KernelTesting.randomArray;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused LSTM gate kernels against the scalar reference, at every Panama width, on the tail sizes, with
 * nonzero offsets; whole arrays are compared, so a write outside a slice shows up in the padding. Forward
 * results differ by the activation approximation (&le; 1e-6 before propagation). The backward kernel does the
 * scalar arithmetic in the scalar order on the same saved gates, so it must match bit for bit.
 */
class LstmGateKernelsTest {

  private static final int[] ROWS = {1, 3};
  private static final double ABS = 2e-6;
  private static final double REL = 1e-5;

  /** A saved buffer [rows x 5H] at offset o4 as the scalar forward writes it, so its gates are consistent. */
  private static float[] saved(GateCase c) {
    float[] xg = c.array(c.o1, 4, 3f);
    float[] hg = c.array(c.o2, 4, 3f);
    float[] cell = c.array(c.o3, 1, 2f);
    float[] saved = c.array(c.o4, 5, 1f);
    float[] bias = c.bias();
    SCALAR.lstmForward(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, cell, c.o3, c.array(c.o5, 1, 1f), c.o5,
        c.array(c.o7, 1, 1f), c.o7, saved, c.o4);
    return saved;
  }

  @Test
  void forwardMatchesScalar() {
    GateCase.forEach(ROWS, (k, c) -> {
      float[] xg = c.array(c.o1, 4, 3f);
      float[] hg = c.array(c.o2, 4, 3f);
      float[] cell = c.array(c.o3, 1, 2f);
      float[] cNew = c.array(c.o4, 1, 1f);
      float[] hNew = c.array(c.o5, 1, 1f);
      float[] saved = c.array(c.o7, 5, 1f);
      float[] bias = c.bias();
      float[] cNewExpected = cNew.clone();
      float[] hNewExpected = hNew.clone();
      float[] savedExpected = saved.clone();
      SCALAR.lstmForward(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, cell, c.o3, cNewExpected, c.o4,
          hNewExpected, c.o5, savedExpected, c.o7);
      k.lstmForward(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, cell, c.o3, cNew, c.o4, hNew, c.o5,
          saved, c.o7);
      assertClose(cNewExpected, cNew, ABS, REL, c.seed, c.name(k, "lstmForward cNew"));
      assertClose(hNewExpected, hNew, ABS, REL, c.seed, c.name(k, "lstmForward hNew"));
      assertClose(savedExpected, saved, ABS, REL, c.seed, c.name(k, "lstmForward saved"));
    });
  }

  @Test
  void backwardMatchesScalarExactly() {
    GateCase.forEach(ROWS, (k, c) -> {
      float[] saved = saved(c);
      float[] dhNew = c.array(c.o1, 1, 1f);
      float[] dcNew = c.array(c.o2, 1, 1f);
      float[] cell = c.array(c.o3, 1, 2f);
      float[] dGates = c.array(c.o5, 4, 1f);
      float[] dc = c.array(c.o6, 1, 1f);
      float[] dGatesExpected = dGates.clone();
      float[] dcExpected = dc.clone();
      SCALAR.lstmBackward(c.rows, c.hidden, dhNew, c.o1, dcNew, c.o2, cell, c.o3, saved, c.o4, dGatesExpected, c.o5,
          dcExpected, c.o6);
      k.lstmBackward(c.rows, c.hidden, dhNew, c.o1, dcNew, c.o2, cell, c.o3, saved, c.o4, dGates, c.o5, dc, c.o6);
      assertClose(dGatesExpected, dGates, 0, 0, c.seed, c.name(k, "lstmBackward dGates"));
      assertClose(dcExpected, dc, 0, 0, c.seed, c.name(k, "lstmBackward dc"));
    });
  }

  @Test
  void backwardWithDcInPlaceOfDcNewMatchesScalar() {
    GateCase.forEach(ROWS, (k, c) -> {
      float[] saved = saved(c);
      float[] dhNew = c.array(c.o1, 1, 1f);
      float[] dcNewThenDc = c.array(c.o2, 1, 1f);
      float[] cell = c.array(c.o3, 1, 2f);
      float[] dGates = c.array(c.o5, 4, 1f);
      float[] dGatesExpected = dGates.clone();
      // The reference reads dcNew from one array and writes dc into another (same padding).
      float[] dcExpected = dcNewThenDc.clone();
      SCALAR.lstmBackward(c.rows, c.hidden, dhNew, c.o1, dcNewThenDc.clone(), c.o2, cell, c.o3, saved, c.o4,
          dGatesExpected, c.o5, dcExpected, c.o2);
      k.lstmBackward(c.rows, c.hidden, dhNew, c.o1, dcNewThenDc, c.o2, cell, c.o3, saved, c.o4, dGates, c.o5,
          dcNewThenDc, c.o2);
      assertClose(dGatesExpected, dGates, 0, 0, c.seed, c.name(k, "lstmBackward in place dGates"));
      assertClose(dcExpected, dcNewThenDc, 0, 0, c.seed, c.name(k, "lstmBackward in place dc"));
    });
  }

  @Test
  void forwardResultsDoNotDependOnTheVectorWidth() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int rows = 3;
    int hidden = 207;
    float[] xg = randomArray(random, rows * 4 * hidden, 3f);
    float[] hg = randomArray(random, rows * 4 * hidden, 3f);
    float[] cell = randomArray(random, rows * hidden, 2f);
    float[] bias = randomArray(random, 4 * hidden, 1f);
    KernelTesting.assertSameAtEveryWidth(seed, k -> {
      float[] cNew = new float[rows * hidden];
      float[] hNew = new float[rows * hidden];
      float[] saved = new float[rows * 5 * hidden];
      k.lstmForward(rows, hidden, xg, 0, hg, 0, bias, 0, cell, 0, cNew, 0, hNew, 0, saved, 0);
      return new float[][] {cNew, hNew, saved};
    }, "cNew", "hNew", "saved");
  }
}
