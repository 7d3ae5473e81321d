package org.bigru.model.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits rows 0..n-1 into consecutive parts in time order, without shuffling. As scikit-learn's
 * {@code train_test_split(shuffle=False)}: every part after the first gets ceil(fraction * n) rows and the
 * first gets the rest, so (0.8, 0.2) of 10 rows gives 8 and 2.
 */
public final class ChronologicalSplit {

  /** Rows [start, end) of one part. */
  public record Part(int start, int end) {
    public int size() {
      return end - start;
    }
  }

  private ChronologicalSplit() {
  }

  /**
   * @param rows      number of rows
   * @param fractions one fraction per part, each in (0, 1), summing to 1 (within 1e-9)
   */
  public static List<Part> split(int rows, double... fractions) {
    if (fractions == null || fractions.length < 2) {
      throw new IllegalArgumentException("a split needs at least 2 fractions");
    }
    double total = 0;
    for (int i = 0; i < fractions.length; i++) {
      if (!(fractions[i] > 0 && fractions[i] < 1)) {
        throw new IllegalArgumentException("fraction " + i + " is " + fractions[i] + ", expected in (0, 1)");
      }
      total += fractions[i];
    }
    if (Math.abs(total - 1) > 1e-9) {
      throw new IllegalArgumentException("fractions sum to " + total + ", expected 1");
    }
    int[] sizes = new int[fractions.length];
    int rest = rows;
    for (int i = 1; i < fractions.length; i++) {
      sizes[i] = (int) Math.ceil(fractions[i] * rows);
      rest -= sizes[i];
    }
    sizes[0] = rest;
    List<Part> parts = new ArrayList<>(fractions.length);
    int start = 0;
    for (int i = 0; i < sizes.length; i++) {
      if (sizes[i] < 1) {
        throw new IllegalArgumentException("splitting " + rows + " rows by fractions "
            + Arrays.toString(fractions) + " leaves part " + i + " empty; more rows are needed");
      }
      parts.add(new Part(start, start + sizes[i]));
      start += sizes[i];
    }
    return List.copyOf(parts);
  }

  /** Parts that validation and test fractions ask for (1 to 3): training, and each fraction above 0. */
  public static int partCount(double validationFraction, double testFraction) {
    return 1 + (validationFraction > 0 ? 1 : 0) + (testFraction > 0 ? 1 : 0);
  }

  /**
   * Training, validation and test parts, in that order, by the last two's fractions (0: no such part, null in
   * its place): the split of a command's {@code --val-size} and {@code --test-size}.
   *
   * @throws IllegalArgumentException when a part would be empty
   */
  public static Part[] trainValidationTest(int rows, double validationFraction, double testFraction) {
    if (partCount(validationFraction, testFraction) == 1) {
      if (rows < 1) {
        throw new IllegalArgumentException("no rows to split");
      }
      return new Part[] {new Part(0, rows), null, null};
    }
    List<Double> fractions = new ArrayList<>();
    fractions.add(1 - validationFraction - testFraction);
    if (validationFraction > 0) {
      fractions.add(validationFraction);
    }
    if (testFraction > 0) {
      fractions.add(testFraction);
    }
    List<Part> parts = split(rows, fractions.stream().mapToDouble(Double::doubleValue).toArray());
    return new Part[] {parts.get(0), validationFraction > 0 ? parts.get(1) : null,
        testFraction > 0 ? parts.get(parts.size() - 1) : null};
  }

  /** Train and test parts, the test part the last {@code testFraction} of the rows. */
  public static List<Part> trainTest(int rows, double testFraction) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException("the test fraction must be in (0, 1), not " + testFraction);
    }
    return split(rows, 1 - testFraction, testFraction);
  }
}
