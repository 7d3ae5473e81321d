package org.bigru.matlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProgressTableTest {

  @Test
  void rowsAtFirstIterationEveryFrequencyAtValidationsAndAtTheEnd() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressTable table = new ProgressTable(new PrintStream(bytes, true, StandardCharsets.UTF_8), 4, true);
    table.header("scalar, 32-bit, FMA off");
    for (int iteration = 1; iteration <= 10; iteration++) {
      int epoch = (iteration - 1) / 5 + 1;
      table.batch(epoch, iteration, 1.0 / iteration, epoch == 1 ? 0.001 : 0.0001);
      if (iteration == 3 || iteration == 5) {
        table.validation(iteration, 0.5);
      }
    }
    table.finish("Max epochs completed");
    String text = bytes.toString(StandardCharsets.UTF_8);
    List<String> rows = Arrays.stream(text.split("\n")).filter(l -> l.matches("\\|\\s+\\d+ \\|.*"))
        .collect(Collectors.toList());
    List<String> iterations = rows.stream().map(r -> r.split("\\|")[2].trim()).collect(Collectors.toList());
    assertEquals(List.of("1", "3", "4", "5", "8", "10"), iterations, text);
    assertTrue(rows.get(1).contains("|       0.5000 |"), "validation loss on its row:\n" + text);
    assertTrue(rows.get(2).contains("|              |"), "blank validation loss elsewhere:\n" + text);
    assertTrue(rows.get(5).contains("1.0000e-04"), "small rates in exponent notation:\n" + text);
    assertTrue(rows.get(0).contains("|          0.0010 |"), "rates as MATLAB shows them:\n" + text);
    assertTrue(text.endsWith("Training finished: Max epochs completed.\n"), text);
    for (String line : text.split("\n")) {
      if (line.startsWith("|")) {
        assertEquals(rows.get(0).length(), line.length(), "every line of the table is as wide:\n" + text);
      }
    }
  }
}
