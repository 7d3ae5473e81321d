package org.bigru.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Small tables written by tests: a noisy-free signal the network can learn a little of in a few epochs. */
final class TestData {

  static {
    QuietLogging.configure();
  }

  private TestData() {
  }

  /** Value of feature a, b and the target y at row r: y follows a and b smoothly. */
  static double[] row(int r) {
    double a = Math.sin(r * 0.3);
    double b = Math.cos(r * 0.17);
    double y = 10 + 2 * a - b + 0.5 * Math.sin(r * 0.05);
    return new double[] {a, b, y};
  }

  /** time,a,b,y with {@code rows} data rows. */
  static Path csv(Path dir, String name, int rows) throws IOException {
    StringBuilder sb = new StringBuilder("time,a,b,y\n");
    for (int r = 0; r < rows; r++) {
      double[] v = row(r);
      sb.append(String.format(Locale.ROOT, "t%d,%.6f,%.6f,%.6f%n", r, v[0], v[1], v[2]));
    }
    return write(dir.resolve(name), sb.toString());
  }

  /** time,a,b,label with a word label that depends on a. */
  static Path classificationCsv(Path dir, String name, int rows) throws IOException {
    StringBuilder sb = new StringBuilder("time,a,b,label\n");
    for (int r = 0; r < rows; r++) {
      double[] v = row(r);
      String label = v[0] > 0.3 ? "high" : v[0] < -0.3 ? "low" : "mid";
      sb.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s%n", r, v[0], v[1], label));
    }
    return write(dir.resolve(name), sb.toString());
  }

  /** The same table as {@link #csv} in an .xlsx workbook, a date in the first column. */
  static Path xlsx(Path dir, String name, int rows) throws IOException {
    Path file = dir.resolve(name);
    try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
      Sheet sheet = workbook.createSheet("measurements");
      Row header = sheet.createRow(0);
      String[] names = {"date", "a", "b", "y"};
      for (int c = 0; c < names.length; c++) {
        header.createCell(c).setCellValue(names[c]);
      }
      var dateStyle = workbook.createCellStyle();
      dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      for (int r = 0; r < rows; r++) {
        Row row = sheet.createRow(r + 1);
        var date = row.createCell(0);
        date.setCellValue(java.time.LocalDate.of(2020, 1, 1).plusDays(r));
        date.setCellStyle(dateStyle);
        double[] v = row(r);
        for (int c = 0; c < 3; c++) {
          row.createCell(c + 1).setCellValue(v[c]);
        }
      }
      workbook.write(out);
    }
    return file;
  }

  static Path write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }
}
