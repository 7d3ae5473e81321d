package org.bigru.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigru.cli.BadInputException;
import org.bigru.cli.table.TableReader;

/**
 * Hostile table files: reading any bytes as a .csv or an .xlsx either gives a table or throws
 * {@link BadInputException}, the command line's input error; nothing else escapes (an index, a null pointer,
 * POI's own exceptions, an OutOfMemoryError). The corpora of {@code TableReadersFuzzTestInputs/} are replayed
 * by every {@code mvn test}; {@code JAZZER_FUZZ=1} fuzzes (one target per run, see the module README).
 */
class TableReadersFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void csv(byte[] bytes) throws IOException {
    read(bytes, ".csv");
  }

  @FuzzTest(maxDuration = "60s")
  void xlsx(byte[] bytes) throws IOException {
    read(bytes, ".xlsx");
  }

  private static void read(byte[] bytes, String extension) throws IOException {
    Path file = Files.createTempFile("fuzz", extension);
    try {
      Files.write(file, bytes);
      for (boolean header : new boolean[] {true, false}) {
        try {
          TableReader.read(file, null, header);
        } catch (BadInputException expected) {
          // the command line's own input error
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
