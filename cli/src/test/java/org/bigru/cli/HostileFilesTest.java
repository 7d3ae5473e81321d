package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built to exhaust memory are refused with one clear line (exit code 2), before they are held whole. */
class HostileFilesTest {

  @TempDir
  Path dir;

  private CliRun train(Path data) {
    return CliRun.of("train", "--data", data.toString(), "--out", dir.resolve("m.safetensors").toString(),
        "--plot", "none", "--loss-plot", "none", "--epochs", "1", "--units", "2", "--window", "2");
  }

  @Test
  void aCsvWithOneEnormousFieldIsRefusedNamingItsLine() throws IOException {
    Path csv = dir.resolve("huge.csv");
    try (OutputStream out = Files.newOutputStream(csv)) {
      out.write("a,y\n1,2\n3,\"".getBytes());
      byte[] chunk = "x,".repeat(1 << 15).getBytes();
      for (int i = 0; i < 48; i++) {
        out.write(chunk);   // 3 MiB inside one quoted field
      }
      out.write("\"\n".getBytes());
    }
    CliRun run = train(csv);
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("huge.csv line 3: a field longer than 1048576 characters"), run::toString);
  }

  @Test
  void aCsvWhoseFirstLineIsEnormousIsRefused() throws IOException {
    Path csv = dir.resolve("wide.csv");
    Files.writeString(csv, "a".repeat(3 << 20) + ",y\n1,2\n");
    CliRun run = train(csv);
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("wide.csv line 1: a field longer than"), run::toString);
  }

  @Test
  void anXlsxZipBombIsRefused() throws IOException {
    Path xlsx = corpus("zip_bomb_sheet", "bomb.xlsx");
    CliRun run = train(xlsx);
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("bomb.xlsx was refused: it expands far more than a real workbook"), run::toString);
  }

  @Test
  void anXlsxWithEntityExpansionIsRefused() throws IOException {
    CliRun run = train(corpus("xml_entity_expansion", "lol.xlsx"));
    assertEquals(2, run.code(), run::toString);
    assertTrue(run.err().contains("lol.xlsx"), run::toString);
  }

  private Path corpus(String name, String as) throws IOException {
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(
        "fuzz/TableReadersFuzzTestInputs/xlsx/" + name), name)) {
      Path file = dir.resolve(as);
      Files.copy(in, file);
      return file;
    }
  }
}
