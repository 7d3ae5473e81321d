package org.bigru.bench;

import java.util.Random;
import org.bigru.kernels.Kernels;

/**
 * A GEMM benchmark case parsed from {@code <ops>-<m>x<n>x<k>} (ops: n or t for A, then for B), with random
 * operands stored as the ops say and a C to write: C = op(A) op(B).
 */
final class GemmShape {

  final boolean transA;
  final boolean transB;
  final int m;
  final int n;
  final int k;
  private final float[] a;
  private final float[] b;
  private final float[] c;

  GemmShape(String shape) {
    String[] parts = shape.split("-");
    String[] dims = parts.length == 2 ? parts[1].split("x") : new String[0];
    if (parts.length != 2 || parts[0].length() != 2 || dims.length != 3) {
      throw new IllegalArgumentException("shape must look like nt-32x768x256, not " + shape);
    }
    transA = parts[0].charAt(0) == 't';
    transB = parts[0].charAt(1) == 't';
    m = Integer.parseInt(dims[0]);
    n = Integer.parseInt(dims[1]);
    k = Integer.parseInt(dims[2]);
    Random random = new Random(42);
    a = random(random, m * k);
    b = random(random, k * n);
    c = new float[m * n];
  }

  double flops() {
    return 2.0 * m * n * k;
  }

  float[] multiply(Kernels kernels) {
    kernels.gemm(transA, transB, m, n, k, 1f, a, 0, transA ? m : k, b, 0, transB ? k : n, 0f, c, 0, n);
    return c;
  }

  private static float[] random(Random random, int size) {
    float[] values = new float[size];
    for (int i = 0; i < size; i++) {
      values[i] = random.nextFloat() * 2f - 1f;
    }
    return values;
  }
}
