package org.bigru.model;

import java.util.Arrays;

/**
 * W^T [cols x rows] of a weight matrix W [rows x cols], kept for the GEMMs of a forward pass: multiplying by
 * W^T as stored lets the GEMM stream it (or pack it by plain copy) instead of transposing W at every call.
 * Rebuilt by {@link #refresh} only when W differs from the copy it was built from (inference at batch 1 would
 * otherwise spend a tenth of its time here).
 */
final class TransposedWeights {

  private final Parameter weight;
  private final int rows;
  private final int cols;
  private final float[] source;
  private final float[] transposed;
  private boolean built;

  TransposedWeights(Parameter weight) {
    this.weight = weight;
    this.rows = weight.shape()[0];
    this.cols = weight.shape()[1];
    this.source = new float[rows * cols];
    this.transposed = new float[rows * cols];
  }

  /** W^T as of the last {@link #refresh}, [cols x rows]. */
  float[] values() {
    return transposed;
  }

  /** Brings W^T up to date with the weight's values. */
  void refresh() {
    float[] w = weight.values();
    int offset = weight.offset();
    if (built && Arrays.equals(w, offset, offset + source.length, source, 0, source.length)) {
      return;
    }
    System.arraycopy(w, offset, source, 0, source.length);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        transposed[j * rows + i] = source[i * cols + j];
      }
    }
    built = true;
  }
}
