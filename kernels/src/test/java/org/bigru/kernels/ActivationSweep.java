package org.bigru.kernels;

/**
 * A dense sweep of the activations over [-20, 20] against Math.tanh and the exact sigmoid (in double):
 * every 64th float bit pattern of [0, 20] and its negation (34 million points, dense near zero like the
 * floats themselves) plus an evenly spaced grid of 8 million points (dense where tanh bends).
 *
 * <p>{@link #main} sweeps {@link Kernels#get()} in a JVM of its own: the Vector API compiles well only while
 * one vector width is in use per JVM, and the tests use every width, so the sweep of each width runs in a
 * child JVM to stay fast.
 */
final class ActivationSweep {

  static final double MAX_ERROR = 1e-6;
  private static final int BIT_STRIDE = 64;
  private static final int GRID_POINTS = 8_000_000;
  private static final int CHUNK = 1 << 16;

  private final Kernels kernels;
  private final float[] x = new float[CHUNK];
  private final float[] y = new float[CHUNK];
  private double worstTanh;
  private double worstSigmoid;
  private long points;
  private String violation;

  private ActivationSweep(Kernels kernels) {
    this.kernels = kernels;
  }

  /** Sweeps and returns one line: "OK ..." with the worst errors, or "FAIL ..." naming the first bad point. */
  static String sweep(Kernels kernels) {
    ActivationSweep sweep = new ActivationSweep(kernels);
    int filled = 0;
    int last = Float.floatToIntBits(20f);
    for (long bits = 0; bits <= last && sweep.violation == null; bits += BIT_STRIDE) {
      float positive = Float.intBitsToFloat((int) bits);
      sweep.x[filled++] = positive;
      sweep.x[filled++] = -positive;
      if (filled == CHUNK) {
        sweep.check(filled);
        filled = 0;
      }
    }
    for (int i = 0; i <= GRID_POINTS && sweep.violation == null; i++) {
      sweep.x[filled++] = (float) (-20.0 + 40.0 * i / GRID_POINTS);
      if (filled == CHUNK) {
        sweep.check(filled);
        filled = 0;
      }
    }
    sweep.check(filled);
    String summary = kernels.describe() + ": " + sweep.points + " points, max |error| tanh " + sweep.worstTanh
        + ", sigmoid " + sweep.worstSigmoid;
    return sweep.violation != null ? "FAIL " + sweep.violation : "OK " + summary;
  }

  private void check(int n) {
    kernels.tanh(n, x, 0, y, 0);
    for (int i = 0; i < n && violation == null; i++) {
      double error = Math.abs(y[i] - Math.tanh(x[i]));
      worstTanh = Math.max(worstTanh, error);
      if (!(error <= MAX_ERROR && y[i] >= -1f && y[i] <= 1f)) {
        violation = kernels.describe() + ": tanh(" + x[i] + ") = " + y[i] + ", exact " + Math.tanh(x[i]);
      }
    }
    kernels.sigmoid(n, x, 0, y, 0);
    for (int i = 0; i < n && violation == null; i++) {
      double exact = 1.0 / (1.0 + Math.exp(-(double) x[i]));
      double error = Math.abs(y[i] - exact);
      worstSigmoid = Math.max(worstSigmoid, error);
      if (!(error <= MAX_ERROR && y[i] >= 0f && y[i] <= 1f)) {
        violation = kernels.describe() + ": sigmoid(" + x[i] + ") = " + y[i] + ", exact " + exact;
      }
    }
    points += n;
  }

  public static void main(String[] args) {
    String result = sweep(Kernels.get());
    System.out.println(result);
    System.exit(result.startsWith("OK ") ? 0 : 1);
  }
}
