package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * tanh, sigmoid and exp on float vectors, as array kernels and as vector functions the fused GRU and
 * softmax loops call inline.
 *
 * <p>Scalar forms compute bit for bit what a lane computes, so a result does not depend on the vector width
 * or on its position (vector loop or scalar tail). The polynomials use fused multiply-adds where the CPU has
 * them (a third fewer operations, and these loops are bound by the number of operations), else a multiply
 * then an add: a result depends only on that.
 */
final class PanamaActivations {

  private static final boolean FMA = CpuFeatures.hasFma();

  // tanh: odd rational approximation p(x)/q(x) on [0, c] (Eigen's generic_fast_tanh_float), exactly 1 from c
  // on, and the sign of x put back (tanh is odd), which costs fewer operations than clamping x to [-c, c].
  private static final float TANH_CLAMP = 7.90531110763549805f;
  private static final int SIGN_BIT = 0x80000000;
  // Below this |x|, tanh(x) = x in float; returning x keeps -0.0, subnormals and relative accuracy.
  private static final float TANH_TINY = 0.0004f;
  private static final float ALPHA_1 = 4.89352455891786e-03f;
  private static final float ALPHA_3 = 6.37261928875436e-04f;
  private static final float ALPHA_5 = 1.48572235717979e-05f;
  private static final float ALPHA_7 = 5.12229709037114e-08f;
  private static final float ALPHA_9 = -8.60467152213735e-11f;
  private static final float ALPHA_11 = 2.00018790482477e-13f;
  private static final float ALPHA_13 = -2.76076847742355e-16f;
  private static final float BETA_0 = 4.89352518554385e-03f;
  private static final float BETA_2 = 2.26843463243900e-03f;
  private static final float BETA_4 = 1.18534705686654e-04f;
  private static final float BETA_6 = 1.19825839466702e-06f;

  // exp: x = k ln2 + r with |r| <= ln2/2 (Cody-Waite split of ln2), exp(r) by Cephes' expf polynomial,
  // 2^k built in the exponent bits. Below EXP_LOW the result is flushed to 0; EXP_HIGH keeps 2^k finite.
  private static final float EXP_LOW = -87.33654f;
  private static final float EXP_HIGH = 88.0f;
  private static final float LOG2_E = 1.44269504088896341f;
  private static final float LN2_HI = 0.693359375f;
  private static final float LN2_LO = -2.12194440e-4f;
  // Adding 1.5 * 2^23 rounds to an integer held in the low mantissa bits.
  private static final float ROUNDING_MAGIC = 12582912f;
  private static final int MAGIC_BITS_MINUS_BIAS = Float.floatToRawIntBits(ROUNDING_MAGIC) - 127;
  private static final float EXP_P0 = 1.9875691500e-4f;
  private static final float EXP_P1 = 1.3981999507e-3f;
  private static final float EXP_P2 = 8.3334519073e-3f;
  private static final float EXP_P3 = 4.1665795894e-2f;
  private static final float EXP_P4 = 1.6666665459e-1f;
  private static final float EXP_P5 = 5.0000001201e-1f;

  private final ConstantSpecies species;

  PanamaActivations(VectorSpecies<Float> species) {
    this.species = ConstantSpecies.of(species);
  }

  void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
    VectorSpecies<Float> vs = species.get();
    int i = 0;
    for (int bound = vs.loopBound(n); i < bound; i += vs.length()) {
      sigmoid(FloatVector.fromArray(vs, x, xOff + i)).intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] = sigmoid(x[xOff + i]);
    }
  }

  void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
    VectorSpecies<Float> vs = species.get();
    int i = 0;
    for (int bound = vs.loopBound(n); i < bound; i += vs.length()) {
      tanh(FloatVector.fromArray(vs, x, xOff + i)).intoArray(y, yOff + i);
    }
    for (; i < n; i++) {
      y[yOff + i] = tanh(x[xOff + i]);
    }
  }

  /** tanh of every lane: |error| &le; 1e-6, exactly +-1 beyond +-7.905, NaN stays NaN. */
  static FloatVector tanh(FloatVector a) {
    FloatVector x = a.abs();
    FloatVector x2 = x.mul(x);
    FloatVector p = multiplyAdd(x2, x2.broadcast(ALPHA_13), ALPHA_11);
    p = multiplyAdd(x2, p, ALPHA_9);
    p = multiplyAdd(x2, p, ALPHA_7);
    p = multiplyAdd(x2, p, ALPHA_5);
    p = multiplyAdd(x2, p, ALPHA_3);
    p = multiplyAdd(x2, p, ALPHA_1);
    p = x.mul(p);
    FloatVector q = multiplyAdd(x2, x2.broadcast(BETA_6), BETA_4);
    q = multiplyAdd(x2, q, BETA_2);
    q = multiplyAdd(x2, q, BETA_0);
    // NaN compares false everywhere, so it stays NaN through both blends
    FloatVector magnitude = p.div(q).blend(1f, x.compare(VectorOperators.GE, TANH_CLAMP));
    FloatVector signed = magnitude.reinterpretAsInts().or(a.reinterpretAsInts().and(SIGN_BIT)).reinterpretAsFloats();
    return signed.blend(a, x.compare(VectorOperators.LT, TANH_TINY));
  }

  private static FloatVector multiplyAdd(FloatVector x, FloatVector y, float c) {
    return FMA ? x.fma(y, x.broadcast(c)) : x.mul(y).add(c);
  }

  private static float multiplyAdd(float x, float y, float c) {
    return FMA ? Math.fma(x, y, c) : x * y + c;
  }

  /** sigmoid(x) = 0.5 + 0.5 tanh(x / 2): |error| &le; 5e-7, exactly 0 or 1 when saturated. */
  static FloatVector sigmoid(FloatVector x) {
    FloatVector t = tanh(x.mul(0.5f));
    return FMA ? t.fma(t.broadcast(0.5f), t.broadcast(0.5f)) : t.mul(0.5f).add(0.5f);
  }

  /**
   * exp of every lane, relative error under 1e-7 on [-87.3, 0] (measured); 0 below -87.34 (where exp underflows to subnormals),
   * exp(88) above 88 (callers pass x &le; 0, as softmax does after subtracting the row maximum).
   */
  static FloatVector exp(FloatVector a) {
    FloatVector x = a.min(EXP_HIGH).max(EXP_LOW);
    FloatVector shifted = x.mul(LOG2_E).add(ROUNDING_MAGIC);
    FloatVector k = shifted.sub(ROUNDING_MAGIC);
    FloatVector r = x.sub(k.mul(LN2_HI)).sub(k.mul(LN2_LO));
    FloatVector p = r.mul(EXP_P0).add(EXP_P1);
    p = r.mul(p).add(EXP_P2);
    p = r.mul(p).add(EXP_P3);
    p = r.mul(p).add(EXP_P4);
    p = r.mul(p).add(EXP_P5);
    p = r.mul(r).mul(p).add(r).add(1f);
    IntVector exponent = shifted.reinterpretAsInts().sub(MAGIC_BITS_MINUS_BIAS).lanewise(VectorOperators.LSHL, 23);
    FloatVector scaled = p.mul(exponent.reinterpretAsFloats());
    return scaled.blend(0f, a.compare(VectorOperators.LT, EXP_LOW));
  }

  /** {@link #tanh(FloatVector)} for one float, bit for bit the same: the scalar tails use it. */
  static float tanh(float a) {
    float x = Math.abs(a);
    float x2 = x * x;
    float p = multiplyAdd(x2, ALPHA_13, ALPHA_11);
    p = multiplyAdd(x2, p, ALPHA_9);
    p = multiplyAdd(x2, p, ALPHA_7);
    p = multiplyAdd(x2, p, ALPHA_5);
    p = multiplyAdd(x2, p, ALPHA_3);
    p = multiplyAdd(x2, p, ALPHA_1);
    p = x * p;
    float q = multiplyAdd(x2, BETA_6, BETA_4);
    q = multiplyAdd(x2, q, BETA_2);
    q = multiplyAdd(x2, q, BETA_0);
    float magnitude = x >= TANH_CLAMP ? 1f : p / q;
    float signed = Float.intBitsToFloat(Float.floatToRawIntBits(magnitude) | (Float.floatToRawIntBits(a) & SIGN_BIT));
    return x < TANH_TINY ? a : signed;
  }

  /** {@link #sigmoid(FloatVector)} for one float, bit for bit the same: the scalar tails use it. */
  static float sigmoid(float x) {
    float t = tanh(x * 0.5f);
    return FMA ? Math.fma(t, 0.5f, 0.5f) : t * 0.5f + 0.5f;
  }

  /** {@link #exp(FloatVector)} for one float, bit for bit the same: the scalar tails use it. */
  static float exp(float a) {
    float x = Math.max(Math.min(a, EXP_HIGH), EXP_LOW);
    float shifted = x * LOG2_E + ROUNDING_MAGIC;
    float k = shifted - ROUNDING_MAGIC;
    float r = x - k * LN2_HI - k * LN2_LO;
    float p = r * EXP_P0 + EXP_P1;
    p = r * p + EXP_P2;
    p = r * p + EXP_P3;
    p = r * p + EXP_P4;
    p = r * p + EXP_P5;
    p = r * r * p + r + 1f;
    float scaled = p * Float.intBitsToFloat((Float.floatToRawIntBits(shifted) - MAGIC_BITS_MINUS_BIAS) << 23);
    return a < EXP_LOW ? 0f : scaled;
  }
}
