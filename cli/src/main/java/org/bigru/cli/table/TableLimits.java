package org.bigru.cli.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigru.cli.BadInputException;

/** Bounds on what a table file may ask of memory, checked before reading it. */
final class TableLimits {

  /** Largest table file read (a CSV of this size already holds tens of millions of cells). */
  static final long MAX_FILE_BYTES = 512L << 20;
  /** Largest .xlsx workbook read (POI holds the whole sheet in memory, several times the file's size). */
  static final long MAX_WORKBOOK_BYTES = 64L << 20;
  /** Largest part of a workbook once unzipped. */
  static final long MAX_WORKBOOK_ENTRY_BYTES = 1L << 30;
  /** Longest field of a delimited file, in characters. */
  static final long MAX_FIELD_CHARS = 1L << 20;
  /** Largest number of cells kept in memory. */
  static final long MAX_CELLS = 40_000_000L;

  private TableLimits() {
  }

  static void checkFile(Path file) throws IOException {
    checkFile(file, MAX_FILE_BYTES);
  }

  static void checkFile(Path file, long maxBytes) throws IOException {
    if (!Files.exists(file)) {
      throw new BadInputException("file not found: " + file);
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + " is a directory, expected a data file");
    }
    long size = Files.size(file);
    if (size == 0) {
      throw new BadInputException(file + " is empty");
    }
    if (size > maxBytes) {
      throw new BadInputException(file + " is " + (size >> 20) + " MiB, more than the " + (maxBytes >> 20)
          + " MiB a table of this kind may have");
    }
  }

  static void checkCells(String source, long rows, int columns) {
    if (rows * columns > MAX_CELLS) {
      throw new BadInputException(source + " has more than " + MAX_CELLS + " cells (" + rows + " rows x "
          + columns + " columns read so far)");
    }
  }
}
