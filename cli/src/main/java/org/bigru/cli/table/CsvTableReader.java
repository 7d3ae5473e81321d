package org.bigru.cli.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.bigru.cli.BadInputException;

/**
 * Reads a delimited text file (comma, semicolon or tab, detected from the first line; optionally gzipped)
 * with Apache Commons CSV: quoted fields, a byte-order mark, and a header row unless told there is none.
 */
public final class CsvTableReader {

  private CsvTableReader() {
  }

  public static RawTable read(Path file, boolean hasHeader) throws IOException {
    TableLimits.checkFile(file);
    String source = file.getFileName().toString();
    char delimiter = detectDelimiter(file);
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(true)
        .setTrim(true)
        .get();
    List<String> header = null;
    List<String[]> rows = new ArrayList<>();
    List<Integer> rowNumbers = new ArrayList<>();
    try (Reader reader = new BoundedFieldReader(open(file), source, delimiter, TableLimits.MAX_FIELD_CHARS);
         CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord record : parser) {
        String[] cells = record.values();
        int rowNumber = (int) record.getRecordNumber();
        if (header == null) {
          header = hasHeader ? Headers.fromRow(source, cells) : Headers.generated(cells.length);
          if (hasHeader) {
            continue;
          }
        }
        if (cells.length != header.size()) {
          throw new BadInputException(source + " row " + rowNumber + ": " + cells.length + " fields, expected "
              + header.size() + (hasHeader ? " as in the header" : " as in the first row"));
        }
        rows.add(cells);
        rowNumbers.add(rowNumber);
        TableLimits.checkCells(source, rows.size(), header.size());
      }
    } catch (UncheckedIOException e) {
      throw new BadInputException(source + ": cannot be read as CSV: " + e.getCause().getMessage(), e);
    } catch (IllegalStateException e) {
      throw new BadInputException(source + ": cannot be read as CSV: " + e.getMessage(), e);
    }
    if (header == null) {
      throw new BadInputException(source + " holds no rows");
    }
    if (rows.isEmpty()) {
      throw new BadInputException(source + " has a header but no data rows");
    }
    return new RawTable(source, header, rows, rowNumbers.stream().mapToInt(Integer::intValue).toArray());
  }

  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      InputStream withoutBom = BOMInputStream.builder().setInputStream(in).get();
      return new BufferedReader(new InputStreamReader(withoutBom, StandardCharsets.UTF_8), 1 << 16);
    } catch (IOException e) {
      in.close();
      throw new BadInputException(file.getFileName() + ": cannot be opened: " + e.getMessage(), e);
    }
  }

  /**
   * The most frequent of comma, semicolon and tab outside quotes on the first non-empty line (of which at most
   * {@link TableLimits#MAX_FIELD_CHARS} characters are looked at, so that a giant first line is not read whole).
   */
  private static char detectDelimiter(Path file) throws IOException {
    try (BufferedReader reader = open(file)) {
      String line;
      do {
        line = firstLine(reader);
      } while (line != null && line.isBlank());
      if (line == null) {
        throw new BadInputException(file.getFileName() + " holds no rows");
      }
      int commas = 0;
      int semicolons = 0;
      int tabs = 0;
      boolean quoted = false;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (ch == '"') {
          quoted = !quoted;
        } else if (!quoted) {
          commas += ch == ',' ? 1 : 0;
          semicolons += ch == ';' ? 1 : 0;
          tabs += ch == '\t' ? 1 : 0;
        }
      }
      if (tabs > commas && tabs >= semicolons) {
        return '\t';
      }
      return semicolons > commas ? ';' : ',';
    }
  }

  /** The next line, or its first MAX_FIELD_CHARS characters; null at the end. */
  private static String firstLine(BufferedReader reader) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = reader.read()) >= 0 && c != '\n' && line.length() < TableLimits.MAX_FIELD_CHARS) {
      line.append((char) c);
    }
    return c < 0 && line.length() == 0 ? null : line.toString();
  }
}
