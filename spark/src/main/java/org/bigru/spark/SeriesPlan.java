package org.bigru.spark;

import java.io.Serializable;
import org.bigru.model.data.ChronologicalSplit;

/**
 * How one series becomes training sequences: its windows split in time order into training, validation and test
 * parts by the same fractions as the bigru command, and where its windows start in each part's numbering.
 *
 * @param key        the series key
 * @param windows    windows the series gives
 * @param trainEnd   windows [0, trainEnd) train
 * @param validationEnd windows [trainEnd, validationEnd) validate, the rest test
 * @param offsets    per part, the number of that part's windows in the series before this one
 */
record SeriesPlan(String key, int windows, int trainEnd, int validationEnd, int[] offsets) implements Serializable {

  /** The parts of {@code count} windows (null when they cannot give each part one), as the command's split. */
  static SeriesPlan of(String key, int count, double valSize, double testSize, int[] offsets) {
    if (count < ChronologicalSplit.partCount(valSize, testSize)) {
      return null;
    }
    ChronologicalSplit.Part[] parts;
    try {
      parts = ChronologicalSplit.trainValidationTest(count, valSize, testSize);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int trainEnd = parts[0].end();
    int validationEnd = parts[1] != null ? parts[1].end() : trainEnd;
    return new SeriesPlan(key, count, trainEnd, validationEnd, offsets.clone());
  }

  /** Windows of each part. */
  int[] sizes() {
    return new int[] {trainEnd, validationEnd - trainEnd, windows - validationEnd};
  }

  int part(int window) {
    return window < trainEnd ? Window.TRAIN : window < validationEnd ? Window.VALIDATION : Window.TEST;
  }

  int indexInPart(int window) {
    int part = part(window);
    return offsets[part] + window - (part == Window.TRAIN ? 0 : part == Window.VALIDATION ? trainEnd : validationEnd);
  }
}
