package org.bigru.model;

/**
 * What a batch should produce: responses for regression ([size, outputs] per sequence, or
 * [size, steps, outputs] per step), or class indices for classification ([size] per sequence, or
 * [size, steps] per step, with -1 on padded steps).
 */
public final class Targets {

  private final float[] values;
  private final int[] labels;
  private final int width;

  private Targets(float[] values, int[] labels, int width) {
    this.values = values;
    this.labels = labels;
    this.width = width;
  }

  /** Regression responses, row-major, {@code outputs} per row. */
  public static Targets responses(float[] values, int outputs) {
    if (values == null || outputs < 1 || values.length % outputs != 0) {
      throw new IllegalArgumentException("responses must hold a whole number of rows of " + outputs);
    }
    return new Targets(values, null, outputs);
  }

  /** Class indices, 0-based; -1 marks a padded step. */
  public static Targets classes(int[] labels) {
    if (labels == null) {
      throw new IllegalArgumentException("labels are required");
    }
    return new Targets(null, labels, 1);
  }

  public boolean isClassification() {
    return labels != null;
  }

  /** Regression responses (shared), or null for classification. */
  public float[] values() {
    return values;
  }

  /** Class indices (shared), or null for regression. */
  public int[] labels() {
    return labels;
  }

  /** Outputs per row for regression; 1 for classification. */
  public int width() {
    return width;
  }

  /** Number of rows: sequences (per-sequence targets) or sequences times steps (per-step targets). */
  public int rows() {
    return labels != null ? labels.length : values.length / width;
  }
}
