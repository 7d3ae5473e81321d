package org.bigru.cli.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigru.cli.BadInputException;

/** Bounds on what a table file may ask of memory, checked before reading it. */
final class TableLimits {

  /** Largest table file read (a CSV of this size already holds tens of millions of cells). */
  static final long MAX_FILE_BYTES = 512L << 20;
  /** Largest number of cells kept in memory. */
  static final long MAX_CELLS = 40_000_000L;

  private TableLimits() {
  }

  static void checkFile(Path file) throws IOException {
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
    if (size > MAX_FILE_BYTES) {
      throw new BadInputException(file + " is " + (size >> 20) + " MiB, more than the " + (MAX_FILE_BYTES >> 20)
          + " MiB a table may have");
    }
  }

  static void checkCells(String source, long rows, int columns) {
    if (rows * columns > MAX_CELLS) {
      throw new BadInputException(source + " has more than " + MAX_CELLS + " cells (" + rows + " rows x "
          + columns + " columns read so far)");
    }
  }
}
