package org.bigru.cli.table;

import java.util.List;

/** Column names for messages: all of them when few, else the first and last few with the count. */
public final class ColumnNames {

  private static final int SHOWN_IN_FULL = 12;

  private ColumnNames() {
  }

  public static String describe(List<String> names) {
    if (names.size() <= SHOWN_IN_FULL) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 5)) + ", ..., " + String.join(", ", names.subList(names.size() - 2,
        names.size())) + " (" + names.size() + " columns)";
  }
}
