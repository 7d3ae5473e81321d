package org.bigru.model.io.onnx;

import java.util.Map;

/**
 * An ONNX model: IR version, operator set versions by domain ("" is the default domain), producer, the graph
 * and the string metadata.
 */
public record OnnxModel(long irVersion, Map<String, Long> opsets, String producerName, String producerVersion,
                        OnnxGraph graph, Map<String, String> metadata) {

  public OnnxModel {
    opsets = Map.copyOf(opsets);
    metadata = Map.copyOf(metadata);
  }
}
