package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.bigru.cli.table.ColumnSelector;
import org.bigru.cli.table.MissingPolicy;
import org.bigru.cli.table.RawTable;
import org.bigru.cli.table.Table;
import org.bigru.cli.table.TableOptions;
import org.bigru.cli.table.TableReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReadersTest {

  @TempDir
  Path dir;

  @Test
  void csvWithBomQuotedFieldsAndSemicolons() throws IOException {
    Path file = dir.resolve("semi.csv");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "\"when\";\"x; quoted\";y\n\"1 Jan\";1.5;-2e1\n\"2 Jan\";\" 3 \";4\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Files.write(file, all);
    RawTable raw = TableReader.read(file, null, true);
    assertEquals(List.of("when", "x; quoted", "y"), raw.header());
    assertArrayEquals(new int[] {2, 3}, raw.rowNumbers());
    Table table = ColumnSelector.select(raw, options(true, List.of(), null, MissingPolicy.ERROR));
    assertEquals(List.of("x; quoted"), table.featureNames());
    assertEquals("y", table.targetName());
    assertArrayEquals(new double[] {-20, 4}, table.targets()[0]);
    assertEquals(3.0, table.features()[1][0]);
    assertArrayEquals(new String[] {"1 Jan", "2 Jan"}, table.index());
  }

  @Test
  void utf16AndUtf32WithAByteOrderMarkAreDecoded() throws IOException {
    String text = "\uFEFFtime\ta\ty\n1\t2.5\t\u00e9t\u00e9\n2\t3\tx\n";
    for (String charset : new String[] {"UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"}) {
      Path file = dir.resolve("excel-" + charset + ".txt");
      Files.write(file, text.getBytes(charset));
      RawTable raw = TableReader.read(file, null, true);
      assertEquals(List.of("time", "a", "y"), raw.header(), charset);
      assertArrayEquals(new String[] {"1", "2.5", "\u00e9t\u00e9"}, raw.rows().get(0), charset);
      assertArrayEquals(new int[] {2, 3}, raw.rowNumbers(), charset);
    }
  }

  @Test
  void gzippedCsvWithoutHeader() throws IOException {
    Path file = dir.resolve("plain.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write("1,2,0\n3,4,1\n".getBytes(StandardCharsets.UTF_8));
    }
    RawTable raw = TableReader.read(file, null, false);
    assertEquals(List.of("column1", "column2", "column3"), raw.header());
    Table table = ColumnSelector.select(raw, options(false, List.of(), null, MissingPolicy.ERROR));
    assertEquals(List.of("column1", "column2"), table.featureNames());
    assertArrayEquals(new double[] {0, 1}, table.targets()[0]);
  }

  @Test
  void xlsxKeepsNumbersAndReadsDatesAsIndex() throws IOException {
    Path file = TestData.xlsx(dir, "data.xlsx", 5);
    RawTable raw = TableReader.read(file, null, true);
    assertEquals(List.of("date", "a", "b", "y"), raw.header());
    Table table = ColumnSelector.select(raw, options(true, List.of(), null, MissingPolicy.ERROR));
    assertEquals("2020-01-03", table.index()[2]);
    assertEquals(TestData.row(3)[0], table.features()[3][0], 0.0);
    assertEquals(TestData.row(4)[2], table.targets()[0][4], 0.0);
    BadInputException e = assertThrows(BadInputException.class, () -> TableReader.read(file, "nope", true));
    assertTrue(e.getMessage().contains("no sheet 'nope'") && e.getMessage().contains("measurements"), e.getMessage());
  }

  @Test
  void missingValuePolicies() throws IOException {
    Path file = TestData.write(dir.resolve("gaps.csv"), "i,a,y\n1,1,10\n2,,20\n3,NA,30\n4,7,\n5,9,50\n");
    RawTable raw = TableReader.read(file, null, true);
    BadInputException e = assertThrows(BadInputException.class,
        () -> ColumnSelector.select(raw, options(true, List.of(), null, MissingPolicy.ERROR)));
    assertTrue(e.getMessage().contains("row 3, column 'a'"), e.getMessage());

    Table dropped = ColumnSelector.select(raw, options(true, List.of(), null, MissingPolicy.DROP));
    assertArrayEquals(new double[] {10, 50}, dropped.targets()[0]);
    assertArrayEquals(new String[] {"1", "5"}, dropped.index());

    Table filled = ColumnSelector.select(raw, options(true, List.of(), null, MissingPolicy.FFILL));
    assertArrayEquals(new double[] {1, 1, 1, 7, 9}, column(filled, 0));
    assertArrayEquals(new double[] {10, 20, 30, 30, 50}, filled.targets()[0]);

    Table interpolated = ColumnSelector.select(raw, options(true, List.of(), null, MissingPolicy.INTERPOLATE));
    assertArrayEquals(new double[] {1, 3, 5, 7, 9}, column(interpolated, 0), 1e-12);
    assertArrayEquals(new double[] {10, 20, 30, 40, 50}, interpolated.targets()[0], 1e-12);
  }

  @Test
  void columnChoicesAndTheirErrors() throws IOException {
    Path file = TestData.write(dir.resolve("w.csv"), "date,temp,kind,wind,y\nd1,1,sun,3,4\nd2,2,rain,5,6\n");
    RawTable raw = TableReader.read(file, null, true);
    BadInputException text = assertThrows(BadInputException.class,
        () -> ColumnSelector.select(raw, options(true, List.of(), null, MissingPolicy.ERROR)));
    assertEquals("w.csv row 2, column 'kind': expected a number, found 'sun' (a column that is not numeric must be "
        + "dropped: --drop kind)", text.getMessage());
    Table dropped = ColumnSelector.select(raw, options(true, List.of("kind"), "temp", MissingPolicy.ERROR));
    assertEquals(List.of("wind", "y"), dropped.featureNames());
    assertEquals("temp", dropped.targetName());
    Table labels = ColumnSelector.select(raw, new TableOptions(true, List.of(), List.of("temp", "wind"),
        List.of("kind"), true, true, MissingPolicy.ERROR));
    assertArrayEquals(new String[] {"sun", "rain"}, labels.labels());
    BadInputException unknown = assertThrows(BadInputException.class,
        () -> ColumnSelector.select(raw, options(true, List.of(), "tmp", MissingPolicy.ERROR)));
    assertTrue(unknown.getMessage().startsWith("--target names column 'tmp', which w.csv does not have"),
        unknown.getMessage());
  }

  private static TableOptions options(boolean index, List<String> drop, String target, MissingPolicy missing) {
    return new TableOptions(index, drop, List.of(), target == null ? List.of() : List.of(target), true, false,
        missing);
  }

  private static double[] column(Table table, int f) {
    double[] c = new double[table.rows()];
    for (int r = 0; r < c.length; r++) {
      c[r] = table.features()[r][f];
    }
    return c;
  }
}
