package org.bigru.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The activations' contract: |error| &le; 1e-6 against Math.tanh and the exact sigmoid over [-20, 20], exact
 * saturation, NaN in gives NaN out, no overflow for any input. Checked for Panama at every width, or for the
 * scalar provider when the run forces it.
 */
class ActivationAccuracyTest {

  private static final double MAX_ERROR = ActivationSweep.MAX_ERROR;

  private static List<Kernels> providers() {
    List<Kernels> panama = KernelTesting.panamaAtEveryWidth();
    return panama.isEmpty() ? List.of(Kernels.get()) : panama;
  }

  @Test
  void errorIsAtMostOneMillionthOverMinusTwentyToTwenty() throws Exception {
    List<Kernels> panama = KernelTesting.panamaAtEveryWidth();
    if (panama.isEmpty()) {
      String result = ActivationSweep.sweep(Kernels.get());
      System.out.println(result);
      assertTrue(result.startsWith("OK "), result);
      return;
    }
    for (Kernels k : panama) {
      String result = sweepInChildJvm(k.vectorBits(), "-XX:+UseFMA");
      System.out.println(result);
      assertTrue(result.startsWith("OK " + k.describe()), "child JVM at " + k.vectorBits() + " bits: " + result);
    }
    // the form for CPUs without FMA (a multiply, then an add)
    String result = sweepInChildJvm(0, "-XX:-UseFMA");
    System.out.println(result);
    assertTrue(result.startsWith("OK ") && result.contains("FMA off"), "child JVM without FMA: " + result);
  }

  private static String sweepInChildJvm(int vectorBits, String fmaOption) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "--add-modules", "jdk.incubator.vector", fmaOption,
        "-cp", System.getProperty("java.class.path"), "-Dbigru.kernels=panama", "-Dbigru.vectorBits=" + vectorBits,
        ActivationSweep.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    int status = child.waitFor();
    return status == 0 ? output : "exit status " + status + ": " + output;
  }

  @Test
  void saturatesExactlyAndPassesNaNThrough() {
    float[] inputs = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE,
        -Float.MAX_VALUE, 1e30f, -1e30f, 200f, -200f, 20f, -20f, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE,
        Float.MIN_NORMAL, -Float.MIN_NORMAL, 1e-20f, -Float.NaN};
    int offset = 3;
    for (Kernels k : providers()) {
      float[] x = new float[offset + inputs.length];
      System.arraycopy(inputs, 0, x, offset, inputs.length);
      float[] tanh = new float[x.length];
      float[] sigmoid = new float[x.length];
      k.tanh(inputs.length, x, offset, tanh, offset);
      k.sigmoid(inputs.length, x, offset, sigmoid, offset);
      for (int i = 0; i < inputs.length; i++) {
        float in = inputs[i];
        float t = tanh[offset + i];
        float s = sigmoid[offset + i];
        String what = k.describe() + " at " + in + ": tanh " + t + ", sigmoid " + s;
        if (Float.isNaN(in)) {
          assertTrue(Float.isNaN(t) && Float.isNaN(s), what);
        } else if (Math.abs(in) >= 20f) {
          assertEquals(Math.signum(in), t, 0f, what);
          if (in > 0 || in <= -200f) {
            assertEquals(in > 0 ? 1f : 0f, s, 0f, what);
          }
        } else if (Math.abs(in) < 1e-10f) {
          // tanh(x) = x for tiny x, sign of zero included; sigmoid is 1/2.
          assertEquals(Float.floatToRawIntBits(in), Float.floatToRawIntBits(t), what);
          assertEquals(0.5f, s, 0f, what);
        }
        assertTrue(Float.isNaN(in) || (t >= -1f && t <= 1f && s >= 0f && s <= 1f), what);
      }
    }
  }

  @Test
  void matchesScalarOnEveryTailAndOffsetAndMayWorkInPlace() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (Kernels k : providers()) {
      for (int n : KernelTesting.tailSizes(k)) {
        int xOff = random.nextInt(5);
        int yOff = random.nextInt(5);
        float[] x = KernelTesting.randomArray(random, xOff + n + 3, 12f);
        float[] yExpected = KernelTesting.randomArray(random, yOff + n + 3, 1f);
        float[] y = yExpected.clone();
        KernelTesting.SCALAR.tanh(n, x, xOff, yExpected, yOff);
        k.tanh(n, x, xOff, y, yOff);
        KernelTesting.assertClose(yExpected, y, MAX_ERROR, 0, seed, k.describe() + " tanh n=" + n);
        KernelTesting.SCALAR.sigmoid(n, x, xOff, yExpected, yOff);
        k.sigmoid(n, x, xOff, y, yOff);
        KernelTesting.assertClose(yExpected, y, MAX_ERROR, 0, seed, k.describe() + " sigmoid n=" + n);

        float[] inPlace = x.clone();
        k.sigmoid(n, inPlace, xOff, inPlace, xOff);
        float[] separate = x.clone();
        k.sigmoid(n, x, xOff, separate, xOff);
        KernelTesting.assertClose(separate, inPlace, 0, 0, seed, k.describe() + " in-place sigmoid n=" + n);
      }
    }
  }
}
