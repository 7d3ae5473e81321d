package org.bigru.model.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigru.model.io.ModelFileException;
import org.bigru.model.io.keras.KerasImporter;

/**
 * Hostile Keras files: importing any bytes as a .keras zip or an .h5 HDF5 file either gives a network or throws
 * {@link ModelFileException}; nothing else escapes (the zip and HDF5 libraries' own exceptions, an index, an
 * OutOfMemoryError). The corpora of {@code KerasImportFuzzTestInputs/} are replayed by every {@code mvn test};
 * {@code JAZZER_FUZZ=1} fuzzes (one target per run).
 */
class KerasImportFuzzTest {

  static {
    System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    System.setProperty("slf4j.internal.verbosity", "ERROR");
  }

  @FuzzTest(maxDuration = "60s")
  void keras(byte[] bytes) throws IOException {
    read(bytes, ".keras");
  }

  @FuzzTest(maxDuration = "60s")
  void h5(byte[] bytes) throws IOException {
    read(bytes, ".h5");
  }

  private static void read(byte[] bytes, String extension) throws IOException {
    Path file = Files.createTempFile("fuzz", extension);
    try {
      Files.write(file, bytes);
      try {
        KerasImporter.importFile(file);
      } catch (ModelFileException expected) {
        // the project's own input error
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
