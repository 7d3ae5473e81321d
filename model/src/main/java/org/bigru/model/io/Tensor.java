package org.bigru.model.io;

import java.util.Arrays;

/**
 * One named array of a safetensors file: row-major values, floating (F32 or F64, held as float) or integer
 * (I32 or I64, held as long). {@link #dtype()} says what the file stored; a floating tensor is written back as
 * F32 and an integer one as I64.
 */
public final class Tensor {

  private final DType dtype;
  private final int[] shape;
  private final float[] floats;
  private final long[] longs;

  private Tensor(DType dtype, int[] shape, float[] floats, long[] longs) {
    this.dtype = dtype;
    this.shape = shape.clone();
    this.floats = floats;
    this.longs = longs;
    long count = elementCount(this.shape);
    int held = floats != null ? floats.length : longs.length;
    if (count != held) {
      throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + count
          + " values, found " + held);
    }
  }

  /** A float32 tensor of this shape (the array is kept, not copied). */
  public static Tensor ofFloats(int[] shape, float[] values) {
    return new Tensor(DType.F32, shape, values, null);
  }

  /** An int64 tensor of this shape (the array is kept, not copied). */
  public static Tensor ofLongs(int[] shape, long[] values) {
    return new Tensor(DType.I64, shape, null, values);
  }

  static Tensor read(DType dtype, int[] shape, float[] floats, long[] longs) {
    return new Tensor(dtype, shape, floats, longs);
  }

  public DType dtype() {
    return dtype;
  }

  public int[] shape() {
    return shape.clone();
  }

  /** Number of elements, the product of the shape (1 for a scalar). */
  public int size() {
    return floats != null ? floats.length : longs.length;
  }

  /** The values of a floating tensor (shared, not a copy). */
  public float[] floats() {
    if (floats == null) {
      throw new IllegalStateException("a " + dtype + " tensor holds integers, not floats");
    }
    return floats;
  }

  /** The values of an integer tensor (shared, not a copy). */
  public long[] longs() {
    if (longs == null) {
      throw new IllegalStateException("a " + dtype + " tensor holds floats, not integers");
    }
    return longs;
  }

  /** Whether this tensor has exactly this shape. */
  public boolean hasShape(int... expected) {
    return Arrays.equals(shape, expected);
  }

  @Override
  public String toString() {
    return dtype + Arrays.toString(shape);
  }

  static long elementCount(int[] shape) {
    long count = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
      }
      count = Math.multiplyExact(count, d);
    }
    return count;
  }
}
