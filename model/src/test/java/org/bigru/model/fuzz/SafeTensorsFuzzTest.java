package org.bigru.model.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigru.model.io.ModelFile;
import org.bigru.model.io.ModelFileException;
import org.bigru.model.io.SafeTensors;

/**
 * Hostile safetensors files: reading any bytes either succeeds or throws {@link ModelFileException}; nothing
 * else escapes (an index, a negative size, an OutOfMemoryError would fail the test), and the memory used is
 * bounded by the file's size (Jazzer's -Xmx and its malloc limit catch the rest). The corpus of
 * {@code SafeTensorsFuzzTestInputs/} is replayed by every {@code mvn test}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SafeTensorsFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void readsOrRefusesAnyBytes(byte[] bytes) throws IOException {
    Path file = Files.createTempFile("fuzz", ".safetensors");
    try {
      Files.write(file, bytes);
      try {
        SafeTensors.read(file);
      } catch (ModelFileException expected) {
        // the project's own input error
      }
      try {
        ModelFile.load(file);
      } catch (ModelFileException expected) {
        // the project's own input error
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
