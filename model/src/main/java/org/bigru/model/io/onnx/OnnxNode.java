package org.bigru.model.io.onnx;

import java.util.List;
import java.util.Map;

/**
 * One node of an ONNX graph. An empty string among the inputs marks an optional input left out, as ONNX does.
 */
public record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
                       Map<String, OnnxAttribute> attributes) {

  public OnnxNode {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    attributes = Map.copyOf(attributes);
  }

  /** The input at this position, or "" when absent. */
  public String input(int i) {
    return i < inputs.size() ? inputs.get(i) : "";
  }

  /** The output at this position, or "" when absent. */
  public String output(int i) {
    return i < outputs.size() ? outputs.get(i) : "";
  }

  /** "GRU node 'onnx::GRU_12'" or "the 3rd node (GRU)" for an unnamed one: how messages name it. */
  public String describe(int index) {
    return name.isEmpty() ? "node " + (index + 1) + " (" + opType + ")" : opType + " node '" + name + "'";
  }
}
