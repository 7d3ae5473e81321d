package org.bigru.model.io.onnx;

import java.util.Arrays;

/**
 * One ONNX tensor (an initializer, a Constant's value, an attribute): its name, ONNX element type, dims and
 * values, floating types held as float, integer and boolean types as long.
 */
public record OnnxTensor(String name, int dataType, long[] dims, float[] floats, long[] longs) {

  public static final int FLOAT = 1;
  public static final int UINT8 = 2;
  public static final int INT8 = 3;
  public static final int INT32 = 6;
  public static final int INT64 = 7;
  public static final int BOOL = 9;
  public static final int DOUBLE = 11;

  public OnnxTensor {
    long count = elementCount(dims);
    int held = floats != null ? floats.length : longs.length;
    if (count != held) {
      throw new IllegalArgumentException("tensor '" + name + "' of shape " + Arrays.toString(dims) + " holds "
          + held + " values");
    }
  }

  public static OnnxTensor ofFloats(String name, long[] dims, float[] values) {
    return new OnnxTensor(name, FLOAT, dims, values, null);
  }

  public static OnnxTensor ofLongs(String name, int dataType, long[] dims, long[] values) {
    return new OnnxTensor(name, dataType, dims, null, values);
  }

  public boolean isFloating() {
    return floats != null;
  }

  public int size() {
    return floats != null ? floats.length : longs.length;
  }

  /** The i-th value as a double, whatever the type. */
  public double value(int i) {
    return floats != null ? floats[i] : longs[i];
  }

  /** Product of the dims; an IllegalArgumentException on a negative dim or overflow. */
  static long elementCount(long[] dims) {
    long count = 1;
    for (long d : dims) {
      if (d < 0) {
        throw new IllegalArgumentException("negative dimension in " + Arrays.toString(dims));
      }
      count = Math.multiplyExact(count, d);
    }
    return count;
  }

  /** The ONNX name of an element type, for messages. */
  static String typeName(int dataType) {
    return switch (dataType) {
      case FLOAT -> "float";
      case UINT8 -> "uint8";
      case INT8 -> "int8";
      case 4 -> "uint16";
      case 5 -> "int16";
      case INT32 -> "int32";
      case INT64 -> "int64";
      case 8 -> "string";
      case BOOL -> "bool";
      case 10 -> "float16";
      case DOUBLE -> "double";
      case 12 -> "uint32";
      case 13 -> "uint64";
      case 16 -> "bfloat16";
      default -> "type " + dataType;
    };
  }

  @Override
  public String toString() {
    return name + " " + typeName(dataType) + Arrays.toString(dims);
  }
}
