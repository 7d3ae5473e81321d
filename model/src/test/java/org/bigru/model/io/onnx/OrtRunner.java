package org.bigru.model.io.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs an ONNX graph in ONNX Runtime (its Java package): the test oracle for exported graphs. */
final class OrtRunner {

  private OrtRunner() {
  }

  /**
   * Output 'y' of the graph for input x of this shape, and {@code lengths} fed as 'sequence_lens' unless
   * null; flattened row-major.
   */
  static float[] run(byte[] model, float[] x, long[] shape, int[] lengths) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      try (OrtSession session = env.createSession(model, options)) {
        Map<String, ai.onnxruntime.OnnxTensor> feeds = new LinkedHashMap<>();
        try {
          feeds.put("x", ai.onnxruntime.OnnxTensor.createTensor(env, FloatBuffer.wrap(x), shape));
          if (lengths != null) {
            feeds.put("sequence_lens", ai.onnxruntime.OnnxTensor.createTensor(env, IntBuffer.wrap(lengths),
                new long[] {lengths.length}));
          }
          try (OrtSession.Result result = session.run(feeds)) {
            ai.onnxruntime.OnnxTensor y = (ai.onnxruntime.OnnxTensor) result.get("y").orElseThrow();
            FloatBuffer buffer = y.getFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            return values;
          }
        } finally {
          feeds.values().forEach(ai.onnxruntime.OnnxTensor::close);
        }
      }
    }
  }
}
