package org.bigru.cli.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.bigru.cli.BadInputException;
import org.bigru.model.data.ChronologicalSplit;

/**
 * Sequences [0, n) split in time order into training, validation and test parts (the last two optional).
 *
 * @param train      the training part
 * @param validation the validation part, or null
 * @param test       the test part, or null
 */
public record Split(ChronologicalSplit.Part train, ChronologicalSplit.Part validation, ChronologicalSplit.Part test) {

  /** Number of parts these fractions ask for (1 to 3). */
  public static int partCount(double valSize, double testSize) {
    return 1 + (valSize > 0 ? 1 : 0) + (testSize > 0 ? 1 : 0);
  }

  public static void checkFractions(double valSize, double testSize) {
    if (!(testSize >= 0 && testSize < 1)) {
      throw new BadInputException("--test-size must be in [0, 1), not " + testSize);
    }
    if (!(valSize >= 0 && valSize < 1)) {
      throw new BadInputException("--val-size must be in [0, 1), not " + valSize);
    }
    if (!(valSize + testSize < 1)) {
      throw new BadInputException("--val-size " + valSize + " and --test-size " + testSize
          + " leave nothing to train on");
    }
  }

  public static Split of(int count, double valSize, double testSize, String what) {
    checkFractions(valSize, testSize);
    int parts = partCount(valSize, testSize);
    if (parts == 1) {
      if (count < 1) {
        throw new BadInputException(what + ": no sequences to train on");
      }
      return new Split(new ChronologicalSplit.Part(0, count), null, null);
    }
    List<Double> fractions = new ArrayList<>();
    fractions.add(1 - valSize - testSize);
    if (valSize > 0) {
      fractions.add(valSize);
    }
    if (testSize > 0) {
      fractions.add(testSize);
    }
    List<ChronologicalSplit.Part> split;
    try {
      split = ChronologicalSplit.split(count, fractions.stream().mapToDouble(Double::doubleValue).toArray());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(what + ": too few for the split: " + count + (count == 1 ? " sequence" : " sequences")
          + " cannot be split into " + parts + " non-empty parts (training" + (valSize > 0 ? ", validation" : "")
          + (testSize > 0 ? ", test" : "") + ") by --val-size " + valSize + " and --test-size " + testSize
          + "; give more data or smaller fractions", e);
    }
    ChronologicalSplit.Part validation = valSize > 0 ? split.get(1) : null;
    ChronologicalSplit.Part test = testSize > 0 ? split.get(split.size() - 1) : null;
    return new Split(split.get(0), validation, test);
  }
}
