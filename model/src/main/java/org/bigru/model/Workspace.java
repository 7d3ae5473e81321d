package org.bigru.model;

/** Workspaces that grow only when a larger batch arrives, so steady-state training allocates nothing. */
final class Workspace {

  private Workspace() {
  }

  /** The array itself when it holds at least n values, else a new one of exactly n (contents not kept). */
  static float[] grow(float[] array, int n) {
    return array != null && array.length >= n ? array : new float[n];
  }

  static int[] grow(int[] array, int n) {
    return array != null && array.length >= n ? array : new int[n];
  }

  /** n times m, failing clearly rather than overflowing into a wrong buffer size. */
  static int size(int n, int m) {
    try {
      return Math.multiplyExact(n, m);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("batch too large: " + n + " x " + m + " values exceed an array", e);
    }
  }
}
