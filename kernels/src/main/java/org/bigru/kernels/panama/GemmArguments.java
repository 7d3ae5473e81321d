package org.bigru.kernels.panama;

/** The GEMM guard: every dimension and slice is checked before any element is touched. */
final class GemmArguments {

  private GemmArguments() {
  }

  static void check(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                    float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    if (m < 0 || n < 0 || k < 0) {
      throw new IllegalArgumentException("gemm: dimensions must be >= 0, found m=" + m + ", n=" + n + ", k=" + k);
    }
    if (m == 0 || n == 0) {
      return;
    }
    if (k > 0) {
      slice("A", a, aOff, lda, transA ? k : m, transA ? m : k);
      slice("B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    }
    slice("C", c, cOff, ldc, m, n);
  }

  /** A rows x cols slice at offset with leading dimension ld must lie inside the array. */
  private static void slice(String name, float[] array, int offset, int ld, int rows, int cols) {
    if (array == null) {
      throw new IllegalArgumentException("gemm: " + name + " is null");
    }
    if (ld < cols) {
      throw new IllegalArgumentException("gemm: leading dimension of " + name + " is " + ld
          + ", expected >= " + cols + " (its stored row length)");
    }
    long end = offset + (long) (rows - 1) * ld + cols;
    if (offset < 0 || end > array.length) {
      throw new IllegalArgumentException("gemm: " + name + " is " + rows + " x " + cols + " with leading dimension "
          + ld + " at offset " + offset + ", which needs " + end + " elements, but its array has " + array.length);
    }
  }
}
