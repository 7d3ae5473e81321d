package org.bigru.kernels;

import static org.bigru.kernels.KernelTesting.SCALAR;
import static org.bigru.kernels.KernelTesting.assertClose;
import static org.bigru.kernels.KernelTesting.randomArray;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each fused gate kernel against the scalar reference, at every Panama width, on the tail sizes, with
 * nonzero offsets. Whole arrays are compared, so a write outside the slice shows up as a difference in the
 * padding. Forward results differ by the activation approximation (&le; 1e-6 before propagation).
 */
class GruGateKernelsTest {

  private static final int[] ROWS = {1, 3};
  private static final double ABS = 2e-6;
  private static final double REL = 1e-5;

  /** A saved buffer as the scalar forward writes it, so r, z, n and hn are consistent. */
  private static float[] saved(GateCase c, boolean resetAfter) {
    float[] xg = c.array(c.o1, 3, 3f);
    float[] hg = c.array(c.o2, 3, 3f);
    float[] h = c.array(c.o3, 1, 1f);
    float[] saved = c.array(c.o4, 4, 1f);
    float[] out = c.array(c.o5, 1, 1f);
    float[] bias = c.bias();
    if (resetAfter) {
      SCALAR.gruForwardResetAfter(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, out, c.o5, saved, c.o4);
    } else {
      SCALAR.gruResetBefore(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, out, c.o5, saved, c.o4);
      SCALAR.gruCandidateBefore(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, out, c.o5, saved, c.o4);
    }
    return saved;
  }

  private static void forEachCase(GateCase.Check check) {
    GateCase.forEach(ROWS, check);
  }

  @Test
  void forwardResetAfterMatchesScalar() {
    forEachCase((k, c) -> {
      float[] xg = c.array(c.o1, 3, 3f);
      float[] hg = c.array(c.o2, 3, 3f);
      float[] h = c.array(c.o3, 1, 1f);
      float[] hNew = c.array(c.o4, 1, 1f);
      float[] saved = c.array(c.o5, 4, 1f);
      float[] bias = c.bias();
      float[] hNewExpected = hNew.clone();
      float[] savedExpected = saved.clone();
      SCALAR.gruForwardResetAfter(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, hNewExpected, c.o4,
          savedExpected, c.o5);
      k.gruForwardResetAfter(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, hNew, c.o4, saved, c.o5);
      assertClose(hNewExpected, hNew, ABS, REL, c.seed, c.name(k, "forwardResetAfter hNew"));
      assertClose(savedExpected, saved, ABS, REL, c.seed, c.name(k, "forwardResetAfter saved"));
    });
  }

  @Test
  void backwardResetAfterMatchesScalar() {
    forEachCase((k, c) -> {
      float[] saved = saved(c, true);
      float[] dhNew = c.array(c.o1, 1, 1f);
      float[] h = c.array(c.o2, 1, 1f);
      float[] dxg = c.array(c.o3, 3, 1f);
      float[] dhg = c.array(c.o5, 3, 1f);
      float[] dh = c.array(c.o6, 1, 1f);
      float[] dxgExpected = dxg.clone();
      float[] dhgExpected = dhg.clone();
      float[] dhExpected = dh.clone();
      SCALAR.gruBackwardResetAfter(c.rows, c.hidden, dhNew, c.o1, h, c.o2, saved, c.o4, dxgExpected, c.o3,
          dhgExpected, c.o5, dhExpected, c.o6);
      k.gruBackwardResetAfter(c.rows, c.hidden, dhNew, c.o1, h, c.o2, saved, c.o4, dxg, c.o3, dhg, c.o5, dh, c.o6);
      assertClose(dxgExpected, dxg, ABS, REL, c.seed, c.name(k, "backwardResetAfter dxg"));
      assertClose(dhgExpected, dhg, ABS, REL, c.seed, c.name(k, "backwardResetAfter dhg"));
      assertClose(dhExpected, dh, ABS, REL, c.seed, c.name(k, "backwardResetAfter dh"));
    });
  }

  @Test
  void resetBeforeMatchesScalar() {
    forEachCase((k, c) -> {
      float[] xg = c.array(c.o1, 3, 3f);
      float[] hg = c.array(c.o2, 3, 3f);
      float[] h = c.array(c.o3, 1, 1f);
      float[] rh = c.array(c.o4, 1, 1f);
      float[] saved = c.array(c.o5, 4, 1f);
      float[] rhExpected = rh.clone();
      float[] savedExpected = saved.clone();
      float[] bias = c.bias();
      SCALAR.gruResetBefore(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, rhExpected, c.o4,
          savedExpected, c.o5);
      k.gruResetBefore(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, rh, c.o4, saved, c.o5);
      assertClose(rhExpected, rh, ABS, REL, c.seed, c.name(k, "resetBefore rh"));
      assertClose(savedExpected, saved, ABS, REL, c.seed, c.name(k, "resetBefore saved"));
    });
  }

  @Test
  void candidateBeforeMatchesScalar() {
    forEachCase((k, c) -> {
      float[] saved = saved(c, false);
      float[] xg = c.array(c.o1, 3, 3f);
      float[] hg = c.array(c.o2, 3, 3f);
      float[] h = c.array(c.o3, 1, 1f);
      float[] hNew = c.array(c.o5, 1, 1f);
      float[] bias = c.bias();
      float[] hNewExpected = hNew.clone();
      float[] savedExpected = saved.clone();
      SCALAR.gruCandidateBefore(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, hNewExpected, c.o5,
          savedExpected, c.o4);
      k.gruCandidateBefore(c.rows, c.hidden, xg, c.o1, hg, c.o2, bias, c.o6, h, c.o3, hNew, c.o5, saved, c.o4);
      assertClose(hNewExpected, hNew, ABS, REL, c.seed, c.name(k, "candidateBefore hNew"));
      assertClose(savedExpected, saved, ABS, REL, c.seed, c.name(k, "candidateBefore saved"));
    });
  }

  @Test
  void backwardCandidateBeforeMatchesScalar() {
    forEachCase((k, c) -> {
      float[] saved = saved(c, false);
      float[] dhNew = c.array(c.o1, 1, 1f);
      float[] h = c.array(c.o2, 1, 1f);
      float[] dxg = c.array(c.o3, 3, 1f);
      float[] dhg = c.array(c.o5, 3, 1f);
      float[] dh = c.array(c.o6, 1, 1f);
      float[] dxgExpected = dxg.clone();
      float[] dhgExpected = dhg.clone();
      float[] dhExpected = dh.clone();
      SCALAR.gruBackwardCandidateBefore(c.rows, c.hidden, dhNew, c.o1, h, c.o2, saved, c.o4, dxgExpected, c.o3,
          dhgExpected, c.o5, dhExpected, c.o6);
      k.gruBackwardCandidateBefore(c.rows, c.hidden, dhNew, c.o1, h, c.o2, saved, c.o4, dxg, c.o3, dhg, c.o5,
          dh, c.o6);
      assertClose(dxgExpected, dxg, ABS, REL, c.seed, c.name(k, "backwardCandidateBefore dxg"));
      assertClose(dhgExpected, dhg, ABS, REL, c.seed, c.name(k, "backwardCandidateBefore dhg"));
      assertClose(dhExpected, dh, ABS, REL, c.seed, c.name(k, "backwardCandidateBefore dh"));
    });
  }

  @Test
  void backwardResetBeforeMatchesScalar() {
    forEachCase((k, c) -> {
      float[] saved = saved(c, false);
      float[] drh = c.array(c.o1, 1, 1f);
      float[] h = c.array(c.o2, 1, 1f);
      float[] dxg = c.array(c.o3, 3, 1f);
      float[] dhg = c.array(c.o5, 3, 1f);
      float[] dh = c.array(c.o6, 1, 1f);
      float[] dxgExpected = dxg.clone();
      float[] dhgExpected = dhg.clone();
      float[] dhExpected = dh.clone();
      SCALAR.gruBackwardResetBefore(c.rows, c.hidden, drh, c.o1, h, c.o2, saved, c.o4, dxgExpected, c.o3,
          dhgExpected, c.o5, dhExpected, c.o6);
      k.gruBackwardResetBefore(c.rows, c.hidden, drh, c.o1, h, c.o2, saved, c.o4, dxg, c.o3, dhg, c.o5, dh, c.o6);
      assertClose(dxgExpected, dxg, ABS, REL, c.seed, c.name(k, "backwardResetBefore dxg"));
      assertClose(dhgExpected, dhg, ABS, REL, c.seed, c.name(k, "backwardResetBefore dhg"));
      assertClose(dhExpected, dh, ABS, REL, c.seed, c.name(k, "backwardResetBefore dh (accumulated)"));
    });
  }

  @Test
  void forwardResultsDoNotDependOnTheVectorWidth() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    int rows = 3;
    int hidden = 207;
    float[] xg = randomArray(random, rows * 3 * hidden, 3f);
    float[] hg = randomArray(random, rows * 3 * hidden, 3f);
    float[] h = randomArray(random, rows * hidden, 1f);
    float[] bias = randomArray(random, 4 * hidden, 1f);
    KernelTesting.assertSameAtEveryWidth(seed, k -> {
      float[] hNew = new float[rows * hidden];
      float[] saved = new float[rows * 4 * hidden];
      k.gruForwardResetAfter(rows, hidden, xg, 0, hg, 0, bias, 0, h, 0, hNew, 0, saved, 0);
      return new float[][] {hNew, saved};
    }, "hNew", "saved");
  }
}
