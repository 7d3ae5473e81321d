package org.bigru.kernels;

import static org.bigru.kernels.GradientCheck.weightedSum;
import static org.bigru.kernels.KernelTesting.SCALAR;
import static org.bigru.kernels.KernelTesting.assertClose;
import static org.bigru.kernels.KernelTesting.randomArray;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The LSTM oracle: the scalar backward kernel against central finite differences of the scalar forward, for
 * L = sum(wh * h') + sum(wc * c') with random wh and wc. So dL/dh' = wh, and wc is the gradient into c' from
 * the next step: the cell gradient arrives by both paths. Both projections receive dGates; the 4H bias is
 * shared by the rows, so its gradient is the column sum of dGates, as a layer forms it.
 */
class ScalarLstmGateGradientTest {

  private static final int ROWS = 2;
  private static final int HIDDEN = 5;

  private final long seed = System.nanoTime();
  private final Random random = new Random(seed);
  private final GradientCheck check = new GradientCheck(seed);

  @Test
  void backwardIsTheGradientOfTheForward() {
    float[] xg = randomArray(random, ROWS * 4 * HIDDEN, 2f);
    float[] hg = randomArray(random, ROWS * 4 * HIDDEN, 2f);
    float[] bias = randomArray(random, 4 * HIDDEN, 1f);
    float[] c = randomArray(random, ROWS * HIDDEN, 1.5f);
    float[] wh = randomArray(random, ROWS * HIDDEN, 1f);
    float[] wc = randomArray(random, ROWS * HIDDEN, 1f);
    float[] saved = new float[ROWS * 5 * HIDDEN];
    SCALAR.lstmForward(ROWS, HIDDEN, xg, 0, hg, 0, bias, 0, c, 0, new float[c.length], 0, new float[c.length], 0,
        saved, 0);
    float[] dGates = new float[xg.length];
    float[] dc = new float[c.length];
    SCALAR.lstmBackward(ROWS, HIDDEN, wh, 0, wc, 0, c, 0, saved, 0, dGates, 0, dc, 0);

    ToDoubleFunction<float[]> loss = ignored -> {
      float[] cNew = new float[c.length];
      float[] hNew = new float[c.length];
      SCALAR.lstmForward(ROWS, HIDDEN, xg, 0, hg, 0, bias, 0, c, 0, cNew, 0, hNew, 0, new float[saved.length], 0);
      return weightedSum(wh, hNew) + weightedSum(wc, cNew);
    };
    check.assertGradient("dGates (input projections)", xg, dGates, 0, xg.length, loss);
    check.assertGradient("dGates (recurrent projections)", hg, dGates, 0, hg.length, loss);
    check.assertGradient("dbias", bias, biasGradient(dGates), 0, bias.length, loss);
    check.assertGradient("dc", c, dc, 0, c.length, loss);
  }

  @Test
  void backwardMayWriteDcOverDcNew() {
    float[] c = randomArray(random, ROWS * HIDDEN, 1.5f);
    float[] saved = new float[ROWS * 5 * HIDDEN];
    SCALAR.lstmForward(ROWS, HIDDEN, randomArray(random, ROWS * 4 * HIDDEN, 2f), 0,
        randomArray(random, ROWS * 4 * HIDDEN, 2f), 0, randomArray(random, 4 * HIDDEN, 1f), 0, c, 0,
        new float[c.length], 0, new float[c.length], 0, saved, 0);
    float[] dhNew = randomArray(random, ROWS * HIDDEN, 1f);
    float[] dcNew = randomArray(random, ROWS * HIDDEN, 1f);
    float[] dGates = new float[ROWS * 4 * HIDDEN];
    float[] dc = new float[c.length];
    SCALAR.lstmBackward(ROWS, HIDDEN, dhNew, 0, dcNew, 0, c, 0, saved, 0, dGates, 0, dc, 0);
    float[] dGatesInPlace = new float[dGates.length];
    SCALAR.lstmBackward(ROWS, HIDDEN, dhNew, 0, dcNew, 0, c, 0, saved, 0, dGatesInPlace, 0, dcNew, 0);
    assertClose(dGates, dGatesInPlace, 0, 0, seed, "dGates with dc over dcNew");
    assertClose(dc, dcNew, 0, 0, seed, "dc written over dcNew");
  }

  private static float[] biasGradient(float[] dGates) {
    float[] db = new float[4 * HIDDEN];
    for (int row = 0; row < ROWS; row++) {
      for (int j = 0; j < 4 * HIDDEN; j++) {
        db[j] += dGates[row * 4 * HIDDEN + j];
      }
    }
    return db;
  }
}
