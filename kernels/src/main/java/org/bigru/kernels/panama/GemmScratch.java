package org.bigru.kernels.panama;

/**
 * One thread's reusable GEMM buffers. They only grow, so a thread that repeats the same shapes allocates
 * nothing after its first call.
 */
final class GemmScratch {

  private float[] packedB = new float[0];
  private float[] tile = new float[0];
  private float[] transposedC = new float[0];

  /** Room for the packed B panels of one cache block. */
  float[] packedB(int size) {
    if (packedB.length < size) {
      packedB = new float[size];
    }
    return packedB;
  }

  /** Room for one micro-tile of accumulators on its way to C. */
  float[] tile(int size) {
    if (tile.length < size) {
      tile = new float[size];
    }
    return tile;
  }

  /** Room for C transposed, when a product is computed as C^T = op(B)^T op(A)^T. */
  float[] transposedC(int size) {
    if (transposedC.length < size) {
      transposedC = new float[size];
    }
    return transposedC;
  }
}
