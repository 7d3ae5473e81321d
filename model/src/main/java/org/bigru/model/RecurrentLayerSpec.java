package org.bigru.model;

/** One recurrent layer of a stack: a GRU, bidirectional or not. */
public record RecurrentLayerSpec(int units, boolean bidirectional, ResetGateMode resetMode, MergeMode merge) {

  /** The most units whose recurrent weights (3H x H) fit one Java array. */
  public static final int MAX_UNITS = (int) Math.sqrt(MemoryBudget.MAX_ARRAY / 3.0);

  public RecurrentLayerSpec {
    if (units < 1) {
      throw new IllegalArgumentException("a GRU layer needs at least 1 unit, not " + units);
    }
    if (units > MAX_UNITS) {
      throw new IllegalArgumentException("a GRU layer of " + units + " units has a recurrent weight matrix of 3 x "
          + units + " x " + units + " values, more than a Java array holds (at most " + MAX_UNITS + " units)");
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
