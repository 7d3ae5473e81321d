package org.bigru.cli.table;

import java.util.List;

/**
 * A table as read from a file, before any column is chosen or converted: a header and rows of text cells
 * (an empty string for an empty cell), each row with its number in the file as a spreadsheet shows it.
 *
 * @param source     the file name, for messages
 * @param header     column names, unique
 * @param rows       cells per row, each as wide as the header
 * @param rowNumbers the file's row number of each row (the header of a CSV file is row 1)
 */
public record RawTable(String source, List<String> header, List<String[]> rows, int[] rowNumbers) {

  public RawTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    if (rowNumbers.length != rows.size()) {
      throw new IllegalStateException(rowNumbers.length + " row numbers for " + rows.size() + " rows");
    }
  }

  public int columnCount() {
    return header.size();
  }

  public int rowCount() {
    return rows.size();
  }

  /** Position of a column by name (exact, else ignoring case), or -1. */
  public int columnIndex(String name) {
    int exact = header.indexOf(name);
    if (exact >= 0) {
      return exact;
    }
    for (int c = 0; c < header.size(); c++) {
      if (header.get(c).equalsIgnoreCase(name)) {
        return c;
      }
    }
    return -1;
  }
}
