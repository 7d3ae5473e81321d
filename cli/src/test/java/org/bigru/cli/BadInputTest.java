package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input catalogue: each case exits with code 2, prints exactly one line naming the problem on stderr
 * (no stack trace), and leaves no output file behind.
 */
class BadInputTest {

  @TempDir
  Path dir;
  Path outDir;

  @BeforeEach
  void outputFolder() throws IOException {
    outDir = Files.createDirectory(dir.resolve("out"));
  }

  @Test
  void missingFile() {
    expectBadInput(train(dir.resolve("absent.csv")), "file not found", "absent.csv");
  }

  @Test
  void emptyFile() throws IOException {
    expectBadInput(train(TestData.write(dir.resolve("empty.csv"), "")), "empty.csv is empty");
  }

  @Test
  void headerOnly() throws IOException {
    expectBadInput(train(TestData.write(dir.resolve("head.csv"), "time,a,y\n")), "head.csv has a header but no data");
  }

  @Test
  void raggedRows() throws IOException {
    Path file = TestData.write(dir.resolve("ragged.csv"), "time,a,y\n1,2,3\n2,3\n3,4,5\n");
    expectBadInput(train(file), "ragged.csv row 3: 2 fields, expected 3");
  }

  @Test
  void nonNumericCell() throws IOException {
    Path file = TestData.write(dir.resolve("text.csv"), "time,a,y\n1,2,3\n2,abc,4\n");
    expectBadInput(train(file), "text.csv row 3, column 'a': expected a number, found 'abc'");
  }

  @Test
  void missingValue() throws IOException {
    Path file = TestData.write(dir.resolve("gap.csv"), "time,a,y\n1,2,3\n2,,4\n");
    expectBadInput(train(file), "gap.csv row 3, column 'a': missing value", "--missing");
  }

  @Test
  void unknownTarget() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(train(file, "--target", "nope"), "--target names column 'nope'", "columns: time, a, b, y");
  }

  @Test
  void unknownFeature() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(train(file, "--features", "a,zzz"), "--features names column 'zzz'");
  }

  @Test
  void windowLongerThanTheData() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 30);
    expectBadInput(train(file, "--window", "40"), "30 rows are too few for a window of 40 rows");
  }

  @Test
  void tooFewRowsForTheSplit() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 4);
    expectBadInput(train(file, "--window", "3", "--val-size", "0.2"), "too few for the split");
  }

  @Test
  void corruptWorkbook() throws IOException {
    Path file = TestData.write(dir.resolve("broken.xlsx"), "not a zip archive");
    expectBadInput(train(file), "broken.xlsx is not a readable .xlsx workbook");
  }

  @Test
  void infinityIsRefused() throws IOException {
    Path file = TestData.write(dir.resolve("huge.csv"), "time,a,y\n1,2,3\n2,1e999,4\n");
    expectBadInput(train(file), "huge.csv row 3, column 'a': 1e999 is beyond the range of a number");
  }

  @Test
  void corruptModelFile() throws IOException {
    Path model = dir.resolve("corrupt.safetensors");
    Files.write(model, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, '{', '}'});
    Path data = TestData.csv(dir, "d.csv", 40);
    expectBadInput(CliRun.of("evaluate", "--model", model.toString(), "--data", data.toString(),
        "--metrics-json", outDir.resolve("m.json").toString()), "corrupt.safetensors");
    expectBadInput(CliRun.of("predict", "--model", model.toString(), "--data", data.toString(), "--out",
        outDir.resolve("p.csv").toString()), "corrupt.safetensors");
    expectBadInput(CliRun.of("infer", "--model", model.toString(), "--input", model.toString(), "--output",
        outDir.resolve("y.safetensors").toString()), "corrupt.safetensors");
  }

  @Test
  void unwritableOutputPath() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    expectBadInput(CliRun.of("train", "--data", file.toString(), "--out",
        dir.resolve("no-such-folder").resolve("m.safetensors").toString()), "does not exist");
    expectBadInput(CliRun.of("train", "--data", file.toString(), "--out", outDir.toString()), "is a folder");
  }

  @Test
  void outputOverInputIsRefused() throws IOException {
    Path file = TestData.csv(dir, "d.csv", 40);
    String before = Files.readString(file);
    expectBadInput(CliRun.of("train", "--data", file.toString(), "--out", outDir.resolve("m.safetensors").toString(),
        "--plot", "none", "--loss-plot", "none", "--metrics-json", file.toString()), "is an input file");
    assertEquals(before, Files.readString(file));
  }

  @Test
  void usageErrors() {
    expectBadInput(CliRun.of("train", "--epochs", "many"), "--epochs");
    expectBadInput(CliRun.of("train", "--no-such-option"), "Unknown option");
    expectBadInput(CliRun.of("frobnicate"), "frobnicate");
    expectBadInput(CliRun.of("train", "--data", "x.csv", "--test-size", "1.5", "--out",
        outDir.resolve("m.safetensors").toString()), "--test-size must be in [0, 1)");
  }

  private CliRun train(Path data, String... extra) {
    List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(),
        "--out", outDir.resolve("model.safetensors").toString(),
        "--plot", outDir.resolve("fit.png").toString(),
        "--loss-plot", outDir.resolve("loss.png").toString(),
        "--metrics-json", outDir.resolve("metrics.json").toString(),
        "--epochs", "1", "--units", "2"));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(new String[0]));
  }

  private void expectBadInput(CliRun run, String... fragments) {
    assertEquals(2, run.code(), run::toString);
    String[] lines = run.errLines();
    assertEquals(1, lines.length, run::toString);
    for (String fragment : fragments) {
      assertTrue(lines[0].contains(fragment), () -> "expected '" + fragment + "' in: " + lines[0]);
    }
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run::toString);
    try (Stream<Path> left = Files.list(outDir)) {
      assertEquals(List.of(), left.toList(), "output files left behind");
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
