package org.bigru.model.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bigru.model.io.ModelFileException;
import org.bigru.model.io.onnx.OnnxFormat;
import org.bigru.model.io.onnx.OnnxImporter;
import org.bigru.model.io.onnx.OnnxModel;

/**
 * Hostile ONNX files: parsing any bytes and importing what parses either gives a network or throws
 * {@link ModelFileException}; nothing else escapes (an index, a negative size, an arithmetic overflow, an
 * OutOfMemoryError from a constant of absurd shape would fail the test). The corpus of
 * {@code OnnxImportFuzzTestInputs/} (PyTorch's and bigru's exports, and what fuzzing found) is replayed by every
 * {@code mvn test}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class OnnxImportFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void importsOrRefusesAnyBytes(byte[] bytes) {
    try {
      OnnxModel model = OnnxFormat.parse(bytes, "fuzz.onnx");
      OnnxImporter.importModel(model, "fuzz.onnx");
    } catch (ModelFileException expected) {
      // the project's own input error
    }
  }
}
