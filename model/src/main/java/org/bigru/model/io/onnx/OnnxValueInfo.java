package org.bigru.model.io.onnx;

import java.util.List;

/**
 * A graph input or output: its name, its tensor element type (0 when not a tensor or not given) and its dims,
 * each a {@code Long} (a fixed size), a {@code String} (a named dynamic axis) or null (unknown); dims is null
 * when the shape is not given.
 */
public record OnnxValueInfo(String name, int elemType, List<Object> dims) {

  public OnnxValueInfo {
    dims = dims == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(dims));
  }
}
