package org.bigru.model.io.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.bigru.model.Network;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import org.bigru.model.io.interchange.Fixtures;
import org.bigru.model.io.keras.KerasImporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keras to ONNX through bigru (tf2onnx is not available here, and Keras 3's own export unrolls the recurrence):
 * a Keras model imported and exported runs in ONNX Runtime and gives Keras's outputs within 1e-5.
 */
class KerasToOnnxTest {

  static Stream<Fixtures.Case> kerasModels() {
    return Fixtures.cases("keras_").stream().filter(c -> c.file().endsWith(".keras") && !c.softmax());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kerasModels")
  void onnxRuntimeGivesKerasOutputs(Fixtures.Case c) throws Exception {
    Network network = KerasImporter.importFile(Fixtures.path(c.file()));
    SafeTensors expected = SafeTensors.read(Fixtures.path(c.expected()));
    Tensor x = expected.tensors().get("x");
    Tensor lengthTensor = expected.tensors().get("lengths");
    int[] lengths = null;
    if (lengthTensor != null) {
      lengths = new int[lengthTensor.size()];
      for (int i = 0; i < lengths.length; i++) {
        lengths[i] = (int) lengthTensor.longs()[i];
      }
    }
    byte[] model = OnnxFormat.toBytes(OnnxExporter.export(network, null, lengths != null));
    int[] shape = x.shape();
    float[] y = OrtRunner.run(model, x.floats(), new long[] {shape[0], shape[1], shape[2]}, lengths);
    float[] want = expected.tensors().get("y").floats();
    double worst = 0;
    for (int i = 0; i < want.length; i++) {
      worst = Math.max(worst, Math.abs(want[i] - y[i]));
    }
    assertTrue(worst <= 1e-5, c.file() + ": largest difference from Keras " + worst);
  }
}
