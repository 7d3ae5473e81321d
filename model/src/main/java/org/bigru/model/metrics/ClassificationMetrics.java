package org.bigru.model.metrics;

/**
 * Classification scores from a confusion matrix: accuracy, and per class precision, recall and F1 with
 * scikit-learn's definitions (0 where the denominator is 0, sklearn's {@code zero_division=0}). Labels below 0
 * (padded steps) are skipped.
 *
 * @param confusion [actual][predicted] counts
 */
public record ClassificationMetrics(long[][] confusion, int count) {

  /** Scores of predicted class ids against actual ones; ids must be in [0, classes) or negative (skipped). */
  public static ClassificationMetrics of(int[] actual, int[] predicted, int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException("classes must be at least 1, not " + classes);
    }
    if (actual == null || predicted == null || actual.length != predicted.length) {
      throw new IllegalArgumentException((actual == null ? 0 : actual.length) + " actual and "
          + (predicted == null ? 0 : predicted.length) + " predicted labels; expected the same count");
    }
    long[][] confusion = new long[classes][classes];
    int count = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] < 0) {
        continue;
      }
      if (actual[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
        throw new IllegalArgumentException("label " + i + ": actual " + actual[i] + ", predicted " + predicted[i]
            + "; expected class ids in [0, " + classes + ")");
      }
      confusion[actual[i]][predicted[i]]++;
      count++;
    }
    if (count == 0) {
      throw new IllegalArgumentException("no labels to score");
    }
    return new ClassificationMetrics(confusion, count);
  }

  /** The index of the largest of each row of logits [rows, classes] (first on ties). */
  public static int[] argmax(float[] logits, int classes) {
    if (classes < 1 || logits == null || logits.length % classes != 0) {
      throw new IllegalArgumentException("logits must hold whole rows of " + classes + " classes");
    }
    int[] ids = new int[logits.length / classes];
    for (int r = 0; r < ids.length; r++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (logits[r * classes + c] > logits[r * classes + best]) {
          best = c;
        }
      }
      ids[r] = best;
    }
    return ids;
  }

  /** The [actual][predicted] counts (a copy). */
  @Override
  public long[][] confusion() {
    long[][] copy = new long[confusion.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = confusion[i].clone();
    }
    return copy;
  }

  public int classes() {
    return confusion.length;
  }

  public double accuracy() {
    long correct = 0;
    for (int c = 0; c < confusion.length; c++) {
      correct += confusion[c][c];
    }
    return (double) correct / count;
  }

  /** Of those predicted as class c, the fraction that are c. */
  public double precision(int c) {
    long predicted = 0;
    for (long[] row : confusion) {
      predicted += row[c];
    }
    return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
  }

  /** Of those that are class c, the fraction predicted as c. */
  public double recall(int c) {
    long actual = 0;
    for (long v : confusion[c]) {
      actual += v;
    }
    return actual == 0 ? 0 : (double) confusion[c][c] / actual;
  }

  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /** Unweighted mean of the per-class F1 scores (sklearn's average='macro'). */
  public double macroF1() {
    double sum = 0;
    for (int c = 0; c < confusion.length; c++) {
      sum += f1(c);
    }
    return sum / confusion.length;
  }
}
