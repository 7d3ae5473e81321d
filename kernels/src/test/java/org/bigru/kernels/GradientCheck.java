package org.bigru.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.ToDoubleFunction;

/**
 * Backward kernels checked against central finite differences of a loss computed with the forward kernels,
 * for float inputs of order 1.
 */
final class GradientCheck {

  // A step of 1e-2 keeps truncation (~h^2) and rounding (~1e-7 / h) near 1e-5.
  private static final float STEP = 1e-2f;
  private static final double ABS = 2e-4;
  private static final double REL = 2e-3;

  private final long seed;

  /** @param seed named in failure messages, so a failing case can be rerun */
  GradientCheck(long seed) {
    this.seed = seed;
  }

  /** Central difference of loss with respect to x[i], on the float values actually taken. */
  private static double centralDifference(float[] x, int i, ToDoubleFunction<float[]> loss) {
    float original = x[i];
    float plus = original + STEP;
    float minus = original - STEP;
    x[i] = plus;
    double lossPlus = loss.applyAsDouble(x);
    x[i] = minus;
    double lossMinus = loss.applyAsDouble(x);
    x[i] = original;
    return (lossPlus - lossMinus) / ((double) plus - minus);
  }

  /** Fails unless analytic[i] is the central difference of loss with respect to x[i], for i in [from, to). */
  void assertGradient(String what, float[] x, float[] analytic, int from, int to, ToDoubleFunction<float[]> loss) {
    for (int i = from; i < to; i++) {
      double numeric = centralDifference(x, i, loss);
      assertTrue(Math.abs(numeric - analytic[i]) <= ABS + REL * Math.abs(numeric),
          what + "[" + i + "]: backward " + analytic[i] + ", finite difference " + numeric + " (seed " + seed + ")");
    }
  }

  /** sum of weights[i] * values[i], in double: a loss whose gradient with respect to values is weights. */
  static double weightedSum(float[] weights, float[] values) {
    double sum = 0;
    for (int i = 0; i < values.length; i++) {
      sum += (double) weights[i] * values[i];
    }
    return sum;
  }
}
