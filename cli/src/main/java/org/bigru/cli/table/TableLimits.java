package org.bigru.cli.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bigru.cli.BadInputException;
import org.bigru.model.InsufficientMemoryException;
import org.bigru.model.MemoryBudget;

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

  /**
   * Heap a row of text cells holds until the table is converted, and what conversion adds: per cell a String
   * (24 bytes), its byte array (16 bytes and the text, in 8-byte steps; two bytes a character beyond Latin-1),
   * the row's reference to it (4) and the number it becomes (8); per row the array of cells (16).
   */
  static long heldBytes(String[] cells) {
    long bytes = 16;
    for (String cell : cells) {
      long text = 0;
      for (int i = 0; i < cell.length(); i++) {
        text += cell.charAt(i) < 256 ? 1 : 2;
      }
      bytes += 24 + 16 + ((text + 7) & ~7L) + 4 + 8;
    }
    return bytes;
  }

  /**
   * Refuses to read on once the cells read so far would not fit the heap, naming the whole table's size,
   * extrapolated from the share of the file read ({@code scale}: file size over bytes read; 1 for a compressed
   * file, whose share is unknown).
   */
  static void checkMemory(String source, long heldBytes, long rows, int columns, double scale) {
    if (MemoryBudget.needed(heldBytes) <= MemoryBudget.heapBytes()) {
      return;
    }
    long estimatedRows = (long) Math.ceil(rows * scale);
    throw new InsufficientMemoryException("reading " + source + " (" + (scale > 1 ? "about " : "at least ")
        + estimatedRows + " rows x " + columns + " columns)", MemoryBudget.needed((long) (heldBytes * scale)),
        MemoryBudget.heapBytes(), "shrink the table (fewer rows or columns)");
  }

  static void checkCells(String source, long rows, int columns) {
    if (rows * columns > MAX_CELLS) {
      throw new BadInputException(source + " has more than " + MAX_CELLS + " cells (" + rows + " rows x "
          + columns + " columns read so far)");
    }
  }
}
