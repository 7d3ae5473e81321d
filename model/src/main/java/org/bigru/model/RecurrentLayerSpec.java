package org.bigru.model;

/** One recurrent layer of a stack: a GRU, bidirectional or not. */
public record RecurrentLayerSpec(int units, boolean bidirectional, ResetGateMode resetMode, MergeMode merge) {

  public RecurrentLayerSpec {
    if (units < 1) {
      throw new IllegalArgumentException("a GRU layer needs at least 1 unit, not " + units);
    }
    if (resetMode == null || merge == null) {
      throw new IllegalArgumentException("reset mode and merge mode are required");
    }
  }

  /** Width of what this layer passes on. */
  public int outputWidth() {
    return bidirectional ? merge.outputWidth(units) : units;
  }
}
