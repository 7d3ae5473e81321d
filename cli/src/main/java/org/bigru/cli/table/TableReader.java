package org.bigru.cli.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.bigru.cli.BadInputException;

/** Reads a table file by its extension: .csv, .tsv, .txt (optionally .gz) or .xlsx. */
public final class TableReader {

  private TableReader() {
  }

  public static RawTable read(Path file, String sheet, boolean hasHeader) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
      return XlsxTableReader.read(file, sheet, hasHeader);
    }
    if (name.endsWith(".xls")) {
      throw new BadInputException(file + ": the old binary .xls format is not read; save it as .xlsx or .csv");
    }
    if (sheet != null) {
      throw new BadInputException("--sheet applies to .xlsx workbooks, and " + file + " is not one");
    }
    return CsvTableReader.read(file, hasHeader);
  }

  /** Whether this file is read as a table (rather than as tensors). */
  public static boolean isTable(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.endsWith(".safetensors");
  }
}
