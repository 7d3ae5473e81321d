package org.bigru.cli.pipeline;

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
    if (count < 1) {
      throw new BadInputException(what + ": no sequences to train on");
    }
    ChronologicalSplit.Part[] parts;
    try {
      parts = ChronologicalSplit.trainValidationTest(count, valSize, testSize);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(what + ": too few for the split: " + count + (count == 1 ? " sequence" : " sequences")
          + " cannot be split into " + ChronologicalSplit.partCount(valSize, testSize) + " non-empty parts (training"
          + (valSize > 0 ? ", validation" : "") + (testSize > 0 ? ", test" : "") + ") by --val-size " + valSize
          + " and --test-size " + testSize + "; give more data or smaller fractions", e);
    }
    return new Split(parts[0], parts[1], parts[2]);
  }
}
