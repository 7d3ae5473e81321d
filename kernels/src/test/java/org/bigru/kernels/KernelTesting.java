package org.bigru.kernels;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import jdk.incubator.vector.FloatVector;

/** What the kernel tests share: the providers under test, the tail sizes, and tolerant comparison. */
public final class KernelTesting {

  private KernelTesting() {
  }

  /** The scalar reference. */
  public static final Kernels SCALAR = new Kernels(new ScalarKernels());

  /**
   * Panama at every species width this CPU has (128 up to the preferred one); empty when this run forces
   * scalar, so the same tests then check nothing against themselves.
   */
  public static List<Kernels> panamaAtEveryWidth() {
    List<Kernels> result = new ArrayList<>();
    if (!Kernels.get().name().equals("panama")) {
      return result;
    }
    for (int bits = 128; bits <= FloatVector.SPECIES_PREFERRED.vectorBitSize(); bits *= 2) {
      result.add(KernelProvider.choose("panama", bits));
    }
    return result;
  }

  /** Lanes of a float vector at this provider's width. */
  public static int lanes(Kernels kernels) {
    return kernels.vectorBits() / Float.SIZE;
  }

  /** The sizes every kernel is checked on: 1, 7, lanes - 1, lanes, lanes + 1, 207, 1021 (distinct, positive). */
  public static int[] tailSizes(Kernels kernels) {
    int lanes = lanes(kernels);
    return java.util.stream.IntStream.of(1, 7, lanes - 1, lanes, lanes + 1, 207, 1021)
        .filter(s -> s > 0).distinct().toArray();
  }

  /** Uniform values in [-scale, scale]. */
  public static float[] randomArray(Random random, int n, float scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (random.nextFloat() * 2f - 1f) * scale;
    }
    return a;
  }

  /**
   * Fails, naming the index, the two values, the seed and the case, unless every element satisfies
   * |actual - expected| &le; abs + rel * |expected|.
   */
  public static void assertClose(float[] expected, float[] actual, double abs, double rel, long seed, String what) {
    if (expected.length != actual.length) {
      fail(what + ": lengths " + expected.length + " and " + actual.length + " (seed " + seed + ")");
    }
    for (int i = 0; i < expected.length; i++) {
      double e = expected[i];
      double a = actual[i];
      boolean bothNaN = Double.isNaN(e) && Double.isNaN(a);
      if (!bothNaN && !(Math.abs(a - e) <= abs + rel * Math.abs(e))) {
        fail(what + ": element " + i + " is " + a + ", expected " + e + " (seed " + seed + ")");
      }
    }
  }

  /**
   * Fails unless compute gives the same bits at every Panama width. Kernels whose vector lanes and scalar tails
   * do the same float operations must pass: each width splits a row differently between vector loop and tail.
   *
   * @param compute runs a kernel with the given provider and returns its outputs, in the order of names
   */
  public static void assertSameAtEveryWidth(long seed, Function<Kernels, float[][]> compute, String... names) {
    float[][] narrowest = null;
    for (Kernels k : panamaAtEveryWidth()) {
      float[][] outputs = compute.apply(k);
      if (narrowest == null) {
        narrowest = outputs;
        continue;
      }
      for (int i = 0; i < names.length; i++) {
        assertClose(narrowest[i], outputs[i], 0, 0, seed,
            names[i] + " at " + k.describe() + " against the narrowest width");
      }
    }
  }
}
