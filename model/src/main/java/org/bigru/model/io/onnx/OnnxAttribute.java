package org.bigru.model.io.onnx;

import java.util.List;

/**
 * One attribute of an ONNX node, with the fields bigru reads: a float, an int, a string, a tensor, or lists of
 * floats, ints or strings. A graph-valued attribute (the body of If, Loop, Scan) is recorded only by its type.
 */
public record OnnxAttribute(String name, int type, float f, long i, String s, OnnxTensor t, float[] floats,
                            long[] ints, List<String> strings) {

  public static final int FLOAT = 1;
  public static final int INT = 2;
  public static final int STRING = 3;
  public static final int TENSOR = 4;
  public static final int GRAPH = 5;
  public static final int FLOATS = 6;
  public static final int INTS = 7;
  public static final int STRINGS = 8;

  public static OnnxAttribute ofInt(String name, long value) {
    return new OnnxAttribute(name, INT, 0f, value, null, null, null, null, null);
  }

  public static OnnxAttribute ofString(String name, String value) {
    return new OnnxAttribute(name, STRING, 0f, 0, value, null, null, null, null);
  }

  public static OnnxAttribute ofInts(String name, long... values) {
    return new OnnxAttribute(name, INTS, 0f, 0, null, null, null, values.clone(), null);
  }

  /** The value as written in a message: {@code 1}, {@code [Sigmoid, Tanh]}, {@code "forward"}. */
  String describe() {
    return switch (type) {
      case FLOAT -> Float.toString(f);
      case INT -> Long.toString(i);
      case STRING -> "\"" + s + "\"";
      case FLOATS -> java.util.Arrays.toString(floats);
      case INTS -> java.util.Arrays.toString(ints);
      case STRINGS -> strings.toString();
      case TENSOR -> "a tensor";
      case GRAPH -> "a graph";
      default -> "an attribute of type " + type;
    };
  }
}
