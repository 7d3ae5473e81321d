package org.bigru.cli.pipeline;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.HashMap;
import org.bigru.cli.BadInputException;
import org.bigru.cli.table.Table;

/** Class labels of a classification target: numbers or words, in a stable order. */
public final class Labels {

  private Labels() {
  }

  /** The distinct labels of the table's target: in numeric order when all are numbers, else alphabetical. */
  public static List<String> classes(Table table) {
    TreeSet<String> distinct = new TreeSet<>(List.of(table.labels()));
    boolean numeric = distinct.stream().allMatch(Labels::isNumber);
    List<String> classes = new ArrayList<>(distinct);
    if (numeric) {
      classes.sort((a, b) -> new BigDecimal(a).compareTo(new BigDecimal(b)));
    }
    if (classes.size() < 2) {
      throw new BadInputException(table.source() + ": the target '" + table.targetName()
          + "' holds a single class ('" + classes.get(0) + "'); classification needs at least 2");
    }
    return classes;
  }

  /** Class id of each row's label; a label the classes do not include is bad input. */
  static int[] ids(Table table, List<String> classes) {
    Map<String, Integer> byName = new HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      byName.put(classes.get(c), c);
      if (isNumber(classes.get(c))) {
        byName.putIfAbsent(new BigDecimal(classes.get(c)).stripTrailingZeros().toPlainString(), c);
      }
    }
    int[] ids = new int[table.rows()];
    for (int r = 0; r < ids.length; r++) {
      String label = table.labels()[r];
      Integer id = byName.get(label);
      if (id == null && isNumber(label)) {
        id = byName.get(new BigDecimal(label).stripTrailingZeros().toPlainString());
      }
      if (id == null) {
        throw new BadInputException(table.source() + ": row with index " + table.index()[r] + " has the label '"
            + label + "', which is not one of the model's classes " + classes);
      }
      ids[r] = id;
    }
    return ids;
  }

  private static boolean isNumber(String s) {
    try {
      new BigDecimal(s.trim());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
