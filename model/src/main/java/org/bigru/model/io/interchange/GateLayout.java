package org.bigru.model.io.interchange;

/**
 * Conversions of recurrent weights between frameworks' layouts, applied at the edge of an import or export:
 * bigru holds PyTorch's ({@code weight_ih} [G*H, I] with gate blocks r|z|n for a GRU and i|f|g|o for an LSTM).
 *
 * <p>A permutation {@code order} lists, for each gate block of the result, the block of the source it comes
 * from: ONNX's GRU blocks z|r|h are PyTorch's {@code {1, 0, 2}}, ONNX's LSTM blocks i|o|f|c are
 * {@code {0, 3, 1, 2}}.
 */
public final class GateLayout {

  /** ONNX GRU z|r|h from PyTorch r|z|n, and back (the permutation is its own inverse). */
  public static final int[] GRU_ONNX_FROM_TORCH = {1, 0, 2};
  /** ONNX LSTM i|o|f|c from PyTorch i|f|g|o. */
  public static final int[] LSTM_ONNX_FROM_TORCH = {0, 3, 1, 2};
  /** PyTorch LSTM i|f|g|o from ONNX i|o|f|c. */
  public static final int[] LSTM_TORCH_FROM_ONNX = {0, 2, 3, 1};
  /** PyTorch GRU r|z|n from Keras z|r|h. */
  public static final int[] GRU_TORCH_FROM_KERAS = {1, 0, 2};

  private GateLayout() {
  }

  /**
   * Gate blocks of a row-major matrix (or vector, {@code columns} = 1) of {@code order.length * hidden} rows,
   * reordered: block k of the result is block {@code order[k]} of {@code source}.
   */
  public static float[] reorderBlocks(float[] source, int[] order, int hidden, int columns) {
    int block = hidden * columns;
    if (source.length != order.length * block) {
      throw new IllegalArgumentException(source.length + " values are not " + order.length + " gate blocks of "
          + hidden + " x " + columns);
    }
    float[] result = new float[source.length];
    for (int k = 0; k < order.length; k++) {
      System.arraycopy(source, order[k] * block, result, k * block, block);
    }
    return result;
  }

  /** The transpose of a row-major [rows, columns] matrix. */
  public static float[] transpose(float[] source, int rows, int columns) {
    if (source.length != rows * columns) {
      throw new IllegalArgumentException(source.length + " values are not a " + rows + " x " + columns + " matrix");
    }
    float[] result = new float[source.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        result[c * rows + r] = source[r * columns + c];
      }
    }
    return result;
  }

  /** Element-wise sum of two vectors of the same length, as a new array. */
  public static float[] add(float[] a, float[] b) {
    float[] sum = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  /** Whether every value is zero. */
  public static boolean allZero(float[] values, int from, int to) {
    for (int i = from; i < to; i++) {
      if (values[i] != 0f) {
        return false;
      }
    }
    return true;
  }
}
