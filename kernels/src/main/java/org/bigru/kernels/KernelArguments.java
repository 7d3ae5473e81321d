package org.bigru.kernels;

/**
 * The argument checks of every kernel, made once in {@link Kernels} before either provider runs: counts are
 * not negative, and every slice an operand describes lies inside its array. The providers then assume valid
 * arguments, so the scalar reference and the Panama kernels refuse exactly the same calls.
 */
final class KernelArguments {

  private KernelArguments() {
  }

  /** A count (rows, columns, elements) must not be negative. */
  static void count(String kernel, String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(kernel + ": " + name + " must be >= 0, found " + value);
    }
  }

  /** {@code length} consecutive elements from {@code offset} must lie inside the array. */
  static void vector(String kernel, String name, float[] array, int offset, long length) {
    inside(kernel, name, array == null ? -1 : array.length, offset, length);
  }

  /** As {@link #vector} for labels. */
  static void vector(String kernel, String name, int[] array, int offset, long length) {
    inside(kernel, name, array == null ? -1 : array.length, offset, length);
  }

  /** The slice check of both: {@code arrayLength} -1 for a null array. */
  private static void inside(String kernel, String name, int arrayLength, int offset, long length) {
    if (length == 0) {
      return;
    }
    if (arrayLength < 0) {
      throw new IllegalArgumentException(kernel + ": " + name + " is null");
    }
    if (offset < 0 || offset + length > arrayLength) {
      throw new IllegalArgumentException(kernel + ": " + name + " needs " + length + " elements at offset " + offset
          + ", but its array has " + arrayLength);
    }
  }

  /** A rows x cols slice at {@code offset} with leading dimension {@code ld} must lie inside the array. */
  static void matrix(String kernel, String name, float[] array, int offset, int ld, int rows, int cols) {
    if (rows == 0 || cols == 0) {
      return;
    }
    if (array == null) {
      throw new IllegalArgumentException(kernel + ": " + name + " is null");
    }
    if (ld < cols) {
      throw new IllegalArgumentException(kernel + ": leading dimension of " + name + " is " + ld + ", expected >= "
          + cols + " (its stored row length)");
    }
    long end = offset + (long) (rows - 1) * ld + cols;
    if (offset < 0 || end > array.length) {
      throw new IllegalArgumentException(kernel + ": " + name + " is " + rows + " x " + cols
          + " with leading dimension " + ld + " at offset " + offset + ", which needs " + end
          + " elements, but its array has " + array.length);
    }
  }

  /** C = alpha op(A) op(B) + beta C: dimensions, then each operand's stored slice. */
  static void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, int lda,
                   float[] b, int bOff, int ldb, float[] c, int cOff, int ldc) {
    count("gemm", "m", m);
    count("gemm", "n", n);
    count("gemm", "k", k);
    if (m == 0 || n == 0) {
      return;
    }
    if (k > 0) {
      matrix("gemm", "A", a, aOff, lda, transA ? k : m, transA ? m : k);
      matrix("gemm", "B", b, bOff, ldb, transB ? n : k, transB ? k : n);
    }
    matrix("gemm", "C", c, cOff, ldc, m, n);
  }

  /** rows and hidden of a gate kernel; returns rows * hidden, the size of an [rows x H] operand. */
  static long gates(String kernel, int rows, int hidden) {
    count(kernel, "rows", rows);
    if (hidden < 1) {
      throw new IllegalArgumentException(kernel + ": hidden must be >= 1, found " + hidden);
    }
    return (long) rows * hidden;
  }

  /** Every label is a class index or negative (a masked row). */
  static void labels(int rows, int classes, int[] labels, int labelsOff) {
    for (int row = 0; row < rows; row++) {
      int label = labels[labelsOff + row];
      if (label >= classes) {
        throw new IllegalArgumentException("softmaxCrossEntropy: label " + label + " of row " + row
            + " is not a class index in [0, " + classes + ")");
      }
    }
  }
}
