package org.bigru.kernels;

import static org.bigru.kernels.KernelTesting.randomArray;

import java.util.Random;

/**
 * The operands of one gate-kernel call, for comparing Panama with the scalar reference: the shape, a seed,
 * seven random offsets, and arrays of random values with padding around each slice, so that comparing whole
 * arrays also catches a write outside the slice.
 */
final class GateCase {

  final int rows;
  final int hidden;
  final long seed;
  final Random random;
  final int o1;
  final int o2;
  final int o3;
  final int o4;
  final int o5;
  final int o6;
  final int o7;

  GateCase(int rows, int hidden, long seed) {
    this.rows = rows;
    this.hidden = hidden;
    this.seed = seed;
    this.random = new Random(seed);
    o1 = 1 + random.nextInt(5);
    o2 = 1 + random.nextInt(5);
    o3 = 1 + random.nextInt(5);
    o4 = 1 + random.nextInt(5);
    o5 = 1 + random.nextInt(5);
    o6 = 1 + random.nextInt(5);
    o7 = 1 + random.nextInt(5);
  }

  /** rows x width x H values in [-scale, scale] after offset, plus padding. */
  float[] array(int offset, int width, float scale) {
    return randomArray(random, offset + rows * width * hidden + 3, scale);
  }

  /** The 4H gate biases at offset o6, plus padding. */
  float[] bias() {
    return randomArray(random, o6 + 4 * hidden + 3, 1f);
  }

  String name(Kernels k, String kernel) {
    return kernel + " " + k.describe() + " rows=" + rows + " hidden=" + hidden;
  }

  interface Check {
    void check(Kernels k, GateCase c);
  }

  /** Runs check for Panama at every width, on every tail size as the hidden size, for each row count. */
  static void forEach(int[] rowCounts, Check check) {
    long base = System.nanoTime();
    for (Kernels k : KernelTesting.panamaAtEveryWidth()) {
      for (int hidden : KernelTesting.tailSizes(k)) {
        for (int rows : rowCounts) {
          long seed = base + 1000L * hidden + rows + k.vectorBits();
          check.check(k, new GateCase(rows, hidden, seed));
        }
      }
    }
  }
}
