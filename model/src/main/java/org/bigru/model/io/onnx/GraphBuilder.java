package org.bigru.model.io.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the nodes and initializers of a graph being exported, naming each node's output after the node. */
final class GraphBuilder {

  private final List<OnnxNode> nodes = new ArrayList<>();
  private final List<OnnxTensor> initializers = new ArrayList<>();
  private final Map<String, Integer> counts = new LinkedHashMap<>();

  /** A node with one output, named after its purpose; returns the output's name. */
  String node(String opType, String purpose, List<String> inputs, OnnxAttribute... attributes) {
    String name = unique(purpose);
    add(opType, name, inputs, List.of(name), attributes);
    return name;
  }

  /** A node with several outputs ("" for one that is not produced). */
  void add(String opType, String name, List<String> inputs, List<String> outputs, OnnxAttribute... attributes) {
    Map<String, OnnxAttribute> map = new LinkedHashMap<>();
    for (OnnxAttribute a : attributes) {
      map.put(a.name(), a);
    }
    nodes.add(new OnnxNode(name, opType, "", inputs, outputs, map));
  }

  /** A fresh name starting with {@code purpose}. */
  String unique(String purpose) {
    int n = counts.merge(purpose, 1, Integer::sum);
    return n == 1 ? purpose : purpose + "_" + n;
  }

  String floats(String name, long[] dims, float[] values) {
    String unique = unique(name);
    initializers.add(OnnxTensor.ofFloats(unique, dims, values));
    return unique;
  }

  /** A float scalar constant. */
  String scalar(String name, float value) {
    return floats(name, new long[0], new float[] {value});
  }

  /** An int64 vector constant (axes, shapes, starts). */
  String longs(String name, long... values) {
    String unique = unique(name);
    initializers.add(OnnxTensor.ofLongs(unique, OnnxTensor.INT64, new long[] {values.length}, values.clone()));
    return unique;
  }

  /** An int64 scalar constant (an index). */
  String longScalar(String name, long value) {
    String unique = unique(name);
    initializers.add(OnnxTensor.ofLongs(unique, OnnxTensor.INT64, new long[0], new long[] {value}));
    return unique;
  }

  /** An int32 scalar constant. */
  String intScalar(String name, long value) {
    String unique = unique(name);
    initializers.add(OnnxTensor.ofLongs(unique, OnnxTensor.INT32, new long[0], new long[] {value}));
    return unique;
  }

  /** An initializer given whole (an overridable default of a graph input). */
  void initializer(OnnxTensor tensor) {
    initializers.add(tensor);
  }

  List<OnnxNode> nodes() {
    return nodes;
  }

  List<OnnxTensor> initializers() {
    return initializers;
  }

  static List<String> inputs(String... names) {
    return Arrays.asList(names);
  }
}
