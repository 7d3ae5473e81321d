package org.bigru.cli.pipeline;

import java.util.Arrays;
import org.bigru.model.data.Dataset;

/**
 * PreparedSequences ready for the network, with what reports need about each: the label of the row it predicts, and
 * its actual target in original units.
 *
 * @param data          inputs (scaled) with scaled targets, or inputs only
 * @param index         per sequence, the index value of the row it predicts (or its number)
 * @param actual        regression targets in original units, [size, outputs] (null without targets or for
 *                      classification); for per-step tensors, [sum of lengths, outputs] over real steps
 * @param actualClasses class ids per sequence, or per real step for per-step tensors (null otherwise)
 * @param outputs       responses per row (regression)
 * @param lastStepOnly  whether reports score only a sequence's last step (windows trained per step)
 * @param origins       for windows over a table, where each forecast is made from (null for tensors)
 */
public record PreparedSequences(Dataset data, String[] index, float[] actual, int[] actualClasses, int outputs,
                        boolean lastStepOnly, Origins origins) {

  /**
   * Where windows' forecasts are made from, for the baselines and the inverse of differencing.
   *
   * @param series   the target columns in original units, [targets][table rows] (null when the data has none)
   * @param lastRows per window, its last row in the table
   * @param last     per window, each target's value at its last row, [windows, targets] (null without targets)
   */
  public record Origins(float[][] series, int[] lastRows, float[] last) {

    Origins range(int from, int to) {
      int targets = series == null ? 0 : series.length;
      return new Origins(series, Arrays.copyOfRange(lastRows, from, to),
          last == null ? null : Arrays.copyOfRange(last, from * targets, to * targets));
    }
  }

  public PreparedSequences(Dataset data, String[] index, float[] actual, int[] actualClasses, int outputs,
                           boolean lastStepOnly) {
    this(data, index, actual, actualClasses, outputs, lastStepOnly, null);
  }

  public int size() {
    return data.size();
  }

  /** PreparedSequences [from, to), in order. */
  public PreparedSequences range(int from, int to) {
    String[] idx = Arrays.copyOfRange(index, from, to);
    Origins part = origins == null ? null : origins.range(from, to);
    if (perStepTargets()) {
      int start = 0;
      for (int i = 0; i < from; i++) {
        start += data.length(i);
      }
      int end = start;
      for (int i = from; i < to; i++) {
        end += data.length(i);
      }
      return new PreparedSequences(data.range(from, to), idx,
          actual == null ? null : Arrays.copyOfRange(actual, start * outputs, end * outputs),
          actualClasses == null ? null : Arrays.copyOfRange(actualClasses, start, end), outputs,
          lastStepOnly, part);
    }
    return new PreparedSequences(data.range(from, to), idx,
        actual == null ? null : Arrays.copyOfRange(actual, from * outputs, to * outputs),
        actualClasses == null ? null : Arrays.copyOfRange(actualClasses, from, to), outputs,
        lastStepOnly, part);
  }

  /** Whether reports score every real step (per-step targets given as tensors). */
  public boolean perStepTargets() {
    return data.kind().isPerStep() && !lastStepOnly;
  }
}
