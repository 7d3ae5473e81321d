package org.bigru.cli.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bigru.cli.BadInputException;

/** Column names from a header row, or generated ones for a file without header. */
final class Headers {

  private Headers() {
  }

  /** Names from a header row: trimmed, blank ones named by position, duplicates refused. */
  static List<String> fromRow(String source, String[] cells) {
    List<String> names = new ArrayList<>(cells.length);
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < cells.length; c++) {
      String name = cells[c] == null ? "" : cells[c].trim();
      if (name.isEmpty()) {
        name = "column" + (c + 1);
      }
      if (!seen.add(name)) {
        throw new BadInputException(source + ": the header names column '" + name + "' twice (columns "
            + (names.indexOf(name) + 1) + " and " + (c + 1) + ")");
      }
      names.add(name);
    }
    return names;
  }

  /** column1, column2, ... for a file without a header row. */
  static List<String> generated(int count) {
    List<String> names = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      names.add("column" + (c + 1));
    }
    return names;
  }
}
