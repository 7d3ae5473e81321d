package org.bigru.kernels;

import static org.bigru.kernels.KernelTesting.SCALAR;
import static org.bigru.kernels.KernelTesting.assertClose;
import static org.bigru.kernels.KernelTesting.randomArray;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The training-step kernels besides GEMM and gates: Panama against scalar at every width on the tail sizes
 * with offsets and leading dimensions larger than the row, and the softmax cross-entropy properties
 * (stability, masking, aliasing) on the provider in use.
 */
class OpsTest {

  private static final double ABS = 1e-6;
  private static final double REL = 1e-5;

  private final long seed = System.nanoTime();
  private final Random random = new Random(seed);

  @Test
  void addBiasRowsMatchesScalar() {
    for (Kernels k : KernelTesting.panamaAtEveryWidth()) {
      for (int cols : KernelTesting.tailSizes(k)) {
        for (int rows : new int[] {1, 3}) {
          int ldc = cols + random.nextInt(4);
          int cOff = random.nextInt(5);
          int biasOff = random.nextInt(5);
          float[] bias = randomArray(random, biasOff + cols, 1f);
          float[] expected = randomArray(random, cOff + rows * ldc + 2, 1f);
          float[] actual = expected.clone();
          SCALAR.addBiasRows(rows, cols, bias, biasOff, expected, cOff, ldc);
          k.addBiasRows(rows, cols, bias, biasOff, actual, cOff, ldc);
          assertClose(expected, actual, 0, 0, seed, "addBiasRows " + k.describe() + " " + rows + "x" + cols);
        }
      }
    }
  }

  @Test
  void columnSumsMatchesScalar() {
    for (Kernels k : KernelTesting.panamaAtEveryWidth()) {
      for (int cols : KernelTesting.tailSizes(k)) {
        for (int rows : new int[] {1, 3, 9}) {
          int lda = cols + random.nextInt(4);
          int aOff = random.nextInt(5);
          int sumsOff = random.nextInt(5);
          float[] a = randomArray(random, aOff + rows * lda, 1f);
          float[] expected = randomArray(random, sumsOff + cols + 2, 1f);
          float[] actual = expected.clone();
          SCALAR.columnSums(rows, cols, a, aOff, lda, expected, sumsOff);
          k.columnSums(rows, cols, a, aOff, lda, actual, sumsOff);
          assertClose(expected, actual, ABS * rows, REL, seed, "columnSums " + k.describe() + " " + rows + "x" + cols);
        }
      }
    }
  }

  @Test
  void elementwiseUpdatesMatchScalar() {
    for (Kernels k : KernelTesting.panamaAtEveryWidth()) {
      for (int n : KernelTesting.tailSizes(k)) {
        int aOff = random.nextInt(5);
        int bOff = random.nextInt(5);
        int cOff = random.nextInt(5);
        float[] a = randomArray(random, aOff + n + 2, 2f);
        float[] b = randomArray(random, bOff + n + 2, 2f);
        float[] expected = randomArray(random, cOff + n + 2, 2f);
        float[] actual = expected.clone();
        String where = k.describe() + " n=" + n;

        SCALAR.multiplyAdd(n, a, aOff, b, bOff, expected, cOff);
        k.multiplyAdd(n, a, aOff, b, bOff, actual, cOff);
        assertClose(expected, actual, ABS, REL, seed, "multiplyAdd " + where);

        SCALAR.axpy(n, -0.37f, a, aOff, expected, cOff);
        k.axpy(n, -0.37f, a, aOff, actual, cOff);
        assertClose(expected, actual, ABS, REL, seed, "axpy " + where);

        SCALAR.scale(n, 1.7f, expected, cOff);
        k.scale(n, 1.7f, actual, cOff);
        assertClose(expected, actual, ABS, REL, seed, "scale " + where);
      }
    }
  }

  @Test
  void sumOfSquaresMatchesScalarInDoublePrecision() {
    for (Kernels k : KernelTesting.panamaAtEveryWidth()) {
      for (int n : KernelTesting.tailSizes(k)) {
        int off = random.nextInt(5);
        float[] x = randomArray(random, off + n + 2, 3f);
        x[off + n] = 1e6f; // just past the slice: must not be counted
        double expected = SCALAR.sumOfSquares(n, x, off);
        double actual = k.sumOfSquares(n, x, off);
        assertEquals(expected, actual, 1e-12 * expected, "sumOfSquares " + k.describe() + " n=" + n + " seed " + seed);
      }
      // Half a million terms: a float accumulator would be off by about 1e-4 relative, double by 1e-11.
      float[] many = new float[1 << 19];
      java.util.Arrays.fill(many, 1.0001f);
      double expected = SCALAR.sumOfSquares(many.length, many, 0);
      assertEquals(expected, k.sumOfSquares(many.length, many, 0), 1e-9 * expected,
          "sumOfSquares " + k.describe() + " long sum");
    }
  }

  @Test
  void softmaxCrossEntropyMatchesScalarIncludingInPlace() {
    int rows = 4;
    for (Kernels k : KernelTesting.panamaAtEveryWidth()) {
      for (int classes : KernelTesting.tailSizes(k)) {
        int logitsOff = random.nextInt(5);
        int gradOff = random.nextInt(5);
        float[] logits = randomArray(random, logitsOff + rows * classes + 2, 6f);
        int[] labels = {random.nextInt(classes), -1, classes - 1, 0, 0};
        float[] expected = randomArray(random, gradOff + rows * classes + 2, 1f);
        float[] actual = expected.clone();
        String where = k.describe() + " classes=" + classes;
        double expectedLoss = SCALAR.softmaxCrossEntropy(rows, classes, logits, logitsOff, labels, 0, 0.25f,
            expected, gradOff);
        double actualLoss = k.softmaxCrossEntropy(rows, classes, logits, logitsOff, labels, 0, 0.25f, actual, gradOff);
        assertEquals(expectedLoss, actualLoss, 1e-5 * Math.max(1, expectedLoss), "loss " + where + " seed " + seed);
        assertClose(expected, actual, ABS, 1e-4, seed, "softmax grad " + where);

        float[] inPlace = logits.clone();
        double inPlaceLoss = k.softmaxCrossEntropy(rows, classes, inPlace, logitsOff, labels, 0, 0.25f,
            inPlace, logitsOff);
        assertEquals(actualLoss, inPlaceLoss, 0, "in-place loss " + where);
        float[] separate = logits.clone();
        k.softmaxCrossEntropy(rows, classes, logits, logitsOff, labels, 0, 0.25f, separate, logitsOff);
        assertClose(separate, inPlace, 0, 0, seed, "in-place softmax grad " + where);
      }
    }
  }

  @Test
  void softmaxCrossEntropyStaysFiniteForExtremeLogits() {
    Kernels k = Kernels.get();
    int classes = 19;
    float[] logits = new float[2 * classes];
    for (int j = 0; j < classes; j++) {
      logits[j] = j % 2 == 0 ? 1e4f : -1e4f;
      logits[classes + j] = j == 3 ? -1e4f : 1e4f;
    }
    float[] grad = new float[logits.length];
    double loss = k.softmaxCrossEntropy(2, classes, logits, 0, new int[] {0, 3}, 0, 1f, grad, 0);
    // Row 0: ten classes tie at the maximum, the label among them: loss log(10). Row 1: the label is 2e4 below.
    assertEquals(Math.log(10) + 2e4 + Math.log(classes - 1), loss, 1e-2, k.describe());
    for (float g : grad) {
      assertTrue(Float.isFinite(g), k.describe() + ": gradient " + g);
    }
    assertEquals(0.1f - 1f, grad[0], 1e-6, k.describe());
    assertEquals(-1f, grad[classes + 3], 1e-6, k.describe());
  }

  @Test
  void maskedRowsGiveZeroGradientAndNoLoss() {
    Kernels k = Kernels.get();
    int classes = 23;
    float[] logits = randomArray(random, 3 * classes, 4f);
    float[] grad = randomArray(random, logits.length, 1f);
    double loss = k.softmaxCrossEntropy(3, classes, logits, 0, new int[] {-1, 5, -7}, 0, 1f, grad, 0);
    float[] onlyRow = new float[classes];
    double rowLoss = k.softmaxCrossEntropy(1, classes, logits, classes, new int[] {5}, 0, 1f, onlyRow, 0);
    assertEquals(rowLoss, loss, 0, k.describe() + " seed " + seed);
    for (int j = 0; j < classes; j++) {
      assertEquals(0f, grad[j], 0f, k.describe());
      assertEquals(0f, grad[2 * classes + j], 0f, k.describe());
      assertEquals(onlyRow[j], grad[classes + j], 0f, k.describe());
    }
  }

  @Test
  void adamMatchesScalarOverSeveralSteps() {
    for (Kernels k : KernelTesting.panamaAtEveryWidth()) {
      int lanes = KernelTesting.lanes(k);
      // the tails, and sizes around the Panama kernel's calls of 4,096 values: one whole, several and a rest
      int[] sizes = IntStream.concat(IntStream.of(KernelTesting.tailSizes(k)),
          IntStream.of(4095, 4096, 4096 + lanes, 3 * 4096 + lanes + 3)).toArray();
      for (int n : sizes) {
        int off = random.nextInt(5);
        float[] wExpected = randomArray(random, off + n + 2, 1f);
        float[] mExpected = new float[off + n + 2];
        float[] vExpected = new float[off + n + 2];
        float[] w = wExpected.clone();
        float[] m = mExpected.clone();
        float[] v = vExpected.clone();
        for (int step = 1; step <= 5; step++) {
          float[] g = randomArray(random, off + n + 2, 0.1f);
          SCALAR.adam(n, wExpected, off, g, off, mExpected, off, vExpected, off, 1e-3f, 0.9f, 0.999f, 1e-8f, step);
          k.adam(n, w, off, g, off, m, off, v, off, 1e-3f, 0.9f, 0.999f, 1e-8f, step);
        }
        String where = k.describe() + " n=" + n;
        assertClose(mExpected, m, 1e-8, REL, seed, "adam m " + where);
        assertClose(vExpected, v, 1e-10, REL, seed, "adam v " + where);
        assertClose(wExpected, w, 1e-7, REL, seed, "adam w " + where);
      }
    }
  }
}
