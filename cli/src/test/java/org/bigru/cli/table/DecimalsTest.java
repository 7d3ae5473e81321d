package org.bigru.cli.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written check accepts exactly what its regular expression accepts. */
class DecimalsTest {

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  @Test
  void agreesWithTheRegularExpression() {
    List<String> cells = List.of("0", "12", "-3", "+4", "1.", ".5", "1.5", "-.5", "+1.5e3", "2E-7", "3e+02", "",
        "+", "-", ".", "e5", "1e", "1e+", "1.5.2", "1,5", " 1", "1 ", "0x10", "NaN", "Infinity", "١٢", "1e5x",
        "--1", "+-1", "1..", "..1", "9999999999999999999999", "1.e5", ".e5", "5.e-1");
    for (String cell : cells) {
      assertEquals(NUMBER.matcher(cell).matches(), Decimals.isDecimal(cell), "'" + cell + "'");
    }
  }

  @Test
  void agreesOnRandomStringsOfNumberCharacters() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    String alphabet = "0123456789.eE+-x ";
    for (int k = 0; k < 200_000; k++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(8);
      for (int i = 0; i < length; i++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String cell = sb.toString();
      assertEquals(NUMBER.matcher(cell).matches(), Decimals.isDecimal(cell), "'" + cell + "'");
    }
  }
}
