package org.bigru.kernels;

import static org.bigru.kernels.GradientCheck.weightedSum;
import static org.bigru.kernels.KernelTesting.SCALAR;
import static org.bigru.kernels.KernelTesting.randomArray;

import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The oracle itself: the scalar backward kernels against central finite differences of the scalar forward
 * kernels, for L = sum(w * h') with random w (so dL/dh' = w). Reset before goes through the whole split step
 * with an explicit W_hn product (hg_n = rh W_hn^T), so the d(rh) path is exercised. The gate biases are shared
 * by the rows: their gradients are the column sums of dxg (b_r, b_z, b_in) and of dhg_n (b_hn), as a layer
 * forms them. Also the gradient of softmax cross-entropy against differences of its loss.
 */
class ScalarGruGateGradientTest {

  private static final int ROWS = 2;
  private static final int HIDDEN = 5;

  private final long seed = System.nanoTime();
  private final Random random = new Random(seed);
  private final GradientCheck check = new GradientCheck(seed);

  /** The gradient of the 4H gate biases: column sums of dxg, then of the n columns of dhg. */
  private static float[] biasGradient(float[] dxg, float[] dhg) {
    float[] db = new float[4 * HIDDEN];
    for (int row = 0; row < ROWS; row++) {
      for (int j = 0; j < 3 * HIDDEN; j++) {
        db[j] += dxg[row * 3 * HIDDEN + j];
      }
      for (int j = 0; j < HIDDEN; j++) {
        db[3 * HIDDEN + j] += dhg[row * 3 * HIDDEN + 2 * HIDDEN + j];
      }
    }
    return db;
  }

  @Test
  void resetAfterBackwardIsTheGradientOfTheForward() {
    float[] xg = randomArray(random, ROWS * 3 * HIDDEN, 2f);
    float[] hg = randomArray(random, ROWS * 3 * HIDDEN, 2f);
    float[] h = randomArray(random, ROWS * HIDDEN, 1f);
    float[] bias = randomArray(random, 4 * HIDDEN, 1f);
    float[] w = randomArray(random, ROWS * HIDDEN, 1f);
    float[] saved = new float[ROWS * 4 * HIDDEN];
    float[] hNew = new float[ROWS * HIDDEN];
    SCALAR.gruForwardResetAfter(ROWS, HIDDEN, xg, 0, hg, 0, bias, 0, h, 0, hNew, 0, saved, 0);
    float[] dxg = new float[xg.length];
    float[] dhg = new float[hg.length];
    float[] dh = new float[h.length];
    SCALAR.gruBackwardResetAfter(ROWS, HIDDEN, w, 0, h, 0, saved, 0, dxg, 0, dhg, 0, dh, 0);

    ToDoubleFunction<float[]> loss = ignored -> {
      float[] out = new float[ROWS * HIDDEN];
      SCALAR.gruForwardResetAfter(ROWS, HIDDEN, xg, 0, hg, 0, bias, 0, h, 0, out, 0, new float[saved.length], 0);
      return weightedSum(w, out);
    };
    check.assertGradient("dxg", xg, dxg, 0, xg.length, loss);
    check.assertGradient("dhg", hg, dhg, 0, hg.length, loss);
    check.assertGradient("dh", h, dh, 0, h.length, loss);
    check.assertGradient("dbias", bias, biasGradient(dxg, dhg), 0, bias.length, loss);
  }

  @Test
  void resetBeforeBackwardIsTheGradientOfTheSplitForward() {
    float[] xg = randomArray(random, ROWS * 3 * HIDDEN, 2f);
    // Only the r and z columns of hg are inputs; the n columns are the product rh W_hn^T + b_hn.
    float[] hg = randomArray(random, ROWS * 3 * HIDDEN, 2f);
    float[] h = randomArray(random, ROWS * HIDDEN, 1f);
    float[] wHn = randomArray(random, HIDDEN * HIDDEN, 0.8f);
    float[] bias = randomArray(random, 4 * HIDDEN, 1f);
    float[] w = randomArray(random, ROWS * HIDDEN, 1f);

    ToDoubleFunction<float[]> loss = ignored -> weightedSum(w, resetBeforeForward(xg, hg, h, wHn, bias,
        new float[ROWS * 4 * HIDDEN], new float[ROWS * HIDDEN]));
    float[] saved = new float[ROWS * 4 * HIDDEN];
    resetBeforeForward(xg, hg, h, wHn, bias, saved, new float[ROWS * HIDDEN]);

    float[] dxg = new float[xg.length];
    float[] dhg = new float[hg.length];
    float[] dh = new float[h.length];
    SCALAR.gruBackwardCandidateBefore(ROWS, HIDDEN, w, 0, h, 0, saved, 0, dxg, 0, dhg, 0, dh, 0);
    // d(rh) = dhg_n W_hn
    float[] drh = new float[ROWS * HIDDEN];
    for (int row = 0; row < ROWS; row++) {
      for (int j = 0; j < HIDDEN; j++) {
        float dn = dhg[row * 3 * HIDDEN + 2 * HIDDEN + j];
        for (int i = 0; i < HIDDEN; i++) {
          drh[row * HIDDEN + i] += dn * wHn[j * HIDDEN + i];
        }
      }
    }
    SCALAR.gruBackwardResetBefore(ROWS, HIDDEN, drh, 0, h, 0, saved, 0, dxg, 0, dhg, 0, dh, 0);

    check.assertGradient("dxg", xg, dxg, 0, xg.length, loss);
    for (int row = 0; row < ROWS; row++) {
      int rz = row * 3 * HIDDEN;
      check.assertGradient("dhg (r, z columns)", hg, dhg, rz, rz + 2 * HIDDEN, loss);
    }
    check.assertGradient("dbias", bias, biasGradient(dxg, dhg), 0, bias.length, loss);
    check.assertGradient("dh (direct and through r * h)", h, dh, 0, h.length, loss);
  }

  /** The reset-before step as a layer runs it: gates, the W_hn product, candidate. Returns h'. */
  private static float[] resetBeforeForward(float[] xg, float[] hg, float[] h, float[] wHn, float[] bias,
                                            float[] saved, float[] hNew) {
    float[] hgStep = hg.clone();
    float[] rh = new float[ROWS * HIDDEN];
    SCALAR.gruResetBefore(ROWS, HIDDEN, xg, 0, hgStep, 0, bias, 0, h, 0, rh, 0, saved, 0);
    for (int row = 0; row < ROWS; row++) {
      for (int j = 0; j < HIDDEN; j++) {
        double sum = 0;
        for (int i = 0; i < HIDDEN; i++) {
          sum += (double) rh[row * HIDDEN + i] * wHn[j * HIDDEN + i];
        }
        hgStep[row * 3 * HIDDEN + 2 * HIDDEN + j] = (float) sum;
      }
    }
    SCALAR.gruCandidateBefore(ROWS, HIDDEN, xg, 0, hgStep, 0, bias, 0, h, 0, hNew, 0, saved, 0);
    return hNew;
  }

  @Test
  void softmaxCrossEntropyGradientIsTheGradientOfTheLoss() {
    int rows = 3;
    int classes = 7;
    float[] logits = randomArray(random, rows * classes, 3f);
    int[] labels = {4, -1, 0};
    float gradScale = 0.5f;
    float[] grad = new float[logits.length];
    SCALAR.softmaxCrossEntropy(rows, classes, logits, 0, labels, 0, gradScale, grad, 0);
    ToDoubleFunction<float[]> scaledLoss = x ->
        gradScale * SCALAR.softmaxCrossEntropy(rows, classes, x, 0, labels, 0, 1f, new float[x.length], 0);
    check.assertGradient("dlogits", logits, grad, 0, logits.length, scaledLoss);
  }
}
