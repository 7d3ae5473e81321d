package org.bigru.cli.table;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.bigru.cli.BadInputException;

/**
 * Reads a delimited text file (comma, semicolon or tab, detected from the first line; optionally gzipped)
 * with Apache Commons CSV: quoted fields, UTF-8 or (with a byte-order mark) UTF-16 or UTF-32, and a header row
 * unless told there is none. What the cells hold in memory is checked against the heap as they are read.
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
    long fileBytes = Files.size(file);
    boolean compressed = source.toLowerCase(Locale.ROOT).endsWith(".gz");
    long cellBytes = 0;
    try (BoundedFieldReader reader = new BoundedFieldReader(open(file), source, delimiter,
        TableLimits.MAX_FIELD_CHARS);
         CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord record : parser) {
        String[] cells = record.values();
        cellBytes += TableLimits.heldBytes(cells);
        TableLimits.checkMemory(source, cellBytes, rows.size() + 1, cells.length,
            compressed ? 1 : Math.max(1.0, (double) fileBytes / Math.max(1, reader.charsRead())));
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

  /**
   * The file as text: gunzipped when its name ends in .gz, decoded as its byte-order mark says (UTF-8, UTF-16 or
   * UTF-32), else as UTF-8. Text in UTF-16 without a mark (a NUL in every other byte) is refused naming the
   * encoding, rather than read as garbage rows.
   */
  private static BufferedReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      BOMInputStream withoutBom = BOMInputStream.builder().setInputStream(in).setByteOrderMarks(ByteOrderMark.UTF_8,
          ByteOrderMark.UTF_32LE, ByteOrderMark.UTF_32BE, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
      String charset = withoutBom.getBOMCharsetName();
      BufferedInputStream buffered = new BufferedInputStream(withoutBom, 1 << 16);
      if (charset == null) {
        refuseUtf16WithoutMark(file, buffered);
      }
      return new BufferedReader(new InputStreamReader(buffered, charset == null ? "UTF-8" : charset), 1 << 16);
    } catch (IOException | RuntimeException e) {
      in.close();
      if (e instanceof BadInputException) {
        throw (BadInputException) e;
      }
      throw new BadInputException(file.getFileName() + ": cannot be opened: " + e.getMessage(), e);
    }
  }

  private static void refuseUtf16WithoutMark(Path file, BufferedInputStream in) throws IOException {
    byte[] start = new byte[4096];
    in.mark(start.length);
    int n = in.readNBytes(start, 0, start.length);
    in.reset();
    int[] zerosAt = new int[2];
    for (int i = 0; i < n; i++) {
      if (start[i] == 0) {
        zerosAt[i % 2]++;
      }
    }
    for (int parity = 0; parity < 2; parity++) {
      if (n >= 4 && zerosAt[parity] >= n / 4 && zerosAt[1 - parity] == 0) {
        throw new BadInputException(file.getFileName() + " looks like UTF-16 text (" + (parity == 0 ? "big" : "little")
            + "-endian) without a byte-order mark; save it as UTF-8, or as UTF-16 with a byte-order mark");
      }
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
