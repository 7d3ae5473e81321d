package org.bigru.matlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProgressTableTest {

  /** Ten iterations in two epochs, validated at iterations 3 and 5 (and 0 for trainnet's). */
  private static String run(ProgressTable table, boolean validationAtStart) {
    table.header("scalar, 32-bit, FMA off");
    if (validationAtStart) {
      table.validation(0, 0, 0, 0.75, 40, 0.001);
    }
    for (int iteration = 1; iteration <= 10; iteration++) {
      int epoch = (iteration - 1) / 5 + 1;
      table.iteration(epoch, iteration, 0, 1.0 / iteration, 12.5 * iteration, epoch == 1 ? 0.001 : 0.0001);
      if (iteration == 3 || iteration == 5) {
        table.validation(epoch, iteration, 0, 0.5, 62.5, 0.001);
      }
    }
    table.finish("Max epochs completed");
    return String.join("\n", table.takeLines()) + "\n";
  }

  @Test
  void trainNetworksRowsAtFirstIterationEveryFrequencyAtValidationsAndAtTheEnd() {
    String text = run(new ProgressTable(ProgressTable.Style.TRAIN_NETWORK, true, 4, true, true, List.of()), false);
    List<String> rows = Arrays.stream(text.split("\n")).filter(l -> l.matches("\\|\\s+\\d+ \\|.*"))
        .collect(Collectors.toList());
    List<String> iterations = rows.stream().map(r -> r.split("\\|")[2].trim()).collect(Collectors.toList());
    assertEquals(List.of("1", "3", "4", "5", "8", "10"), iterations, text);
    assertTrue(text.contains("|  Epoch  |  Iteration  |  Time Elapsed  |  Mini-batch  |  Validation  |  Mini-batch  "
        + "|  Validation  |  Base Learning  |"), "MATLAB's columns:\n" + text);
    assertTrue(text.contains("|         |             |   (hh:mm:ss)   |   Accuracy   |   Accuracy   |     Loss     "
        + "|     Loss     |      Rate       |"), "MATLAB's columns:\n" + text);
    assertTrue(rows.get(1).contains("|       37.50% |       62.50% |       0.3333 |       0.5000 |"),
        "accuracies, then losses, of the mini-batch and of the validation:\n" + text);
    assertTrue(rows.get(2).contains("|       50.00% |              |       0.2500 |              |"),
        "blank validation cells elsewhere:\n" + text);
    assertTrue(rows.get(5).contains("1.0000e-04"), "small rates in exponent notation:\n" + text);
    assertTrue(rows.get(0).contains("|          0.0010 |"), "rates as MATLAB shows them:\n" + text);
    assertTrue(text.endsWith("Training finished: Max epochs completed.\n"), text);
    for (String line : text.split("\n")) {
      if (line.startsWith("|")) {
        assertEquals(rows.get(0).length(), line.length(), "every line of the table is as wide:\n" + text);
      }
    }
  }

  @Test
  void trainNetworksRegressionTableShowsRmseAndNoValidationColumnsWithoutValidationData() {
    String text = run(new ProgressTable(ProgressTable.Style.TRAIN_NETWORK, true, 4, false, false, List.of()), false);
    assertTrue(text.contains("|  Epoch  |  Iteration  |  Time Elapsed  |  Mini-batch  |  Mini-batch  |  Base "
        + "Learning  |"), text);
    assertTrue(text.contains("|     RMSE     |     Loss     |"), text);
  }

  @Test
  void withoutVerboseOnlyWarningsArePrinted() {
    ProgressTable table = new ProgressTable(ProgressTable.Style.TRAIN_NETWORK, false, 4, true, true, List.of());
    table.header("scalar");
    table.iteration(1, 1, 0, 1, 50, 0.001);
    table.line("Warning: a batch was skipped");
    table.finish("Max epochs completed");
    assertEquals(List.of("Warning: a batch was skipped"), List.of(table.takeLines()));
  }

  @Test
  void trainnetsTableHasARowForTheValidationBeforeTrainingAndAColumnPerMetric() {
    String text = run(new ProgressTable(ProgressTable.Style.TRAINNET, true, 4, true, true,
        List.of(MatlabChoices.Metric.ACCURACY)), true);
    String[] lines = text.split("\n");
    assertEquals("    Iteration    Epoch    TimeElapsed    LearnRate    TrainingLoss    ValidationLoss    "
        + "TrainingAccuracy    ValidationAccuracy", lines[1]);
    assertTrue(lines[2].matches("( {4}_+)+"), lines[2]);
    assertEquals("            0        0       00:00:00        0.001                              0.75"
        + " ".repeat(40) + "40", lines[3]);
    assertEquals("            3        1       00:00:00        0.001         0.33333               0.5"
        + "                37.5                  62.5", lines[5]);
    assertEquals("Training stopped: Max epochs completed", lines[lines.length - 1]);
  }
}
