package org.bigru.model;

/**
 * A recurrent layer: a GRU or LSTM, bidirectional or not, passing on every step or only the final state.
 *
 * @param cell          GRU or LSTM
 * @param units         hidden units per direction
 * @param bidirectional whether a backward direction runs beside the forward one
 * @param resetMode     where a GRU's reset gate acts; null for an LSTM, which has none
 * @param merge         how the two directions join (ignored when unidirectional)
 * @param outputMode    every step, or the final state (MATLAB's 'OutputMode', Keras's return_sequences)
 */
public record RecurrentLayerSpec(CellType cell, int units, boolean bidirectional, ResetGateMode resetMode,
                                 MergeMode merge, OutputMode outputMode) implements LayerSpec {

  /** The most units of a GRU whose recurrent weights (3H x H) fit one Java array. */
  public static final int MAX_UNITS = maxUnits(CellType.GRU);

  /** The most units whose recurrent weights (gates x H x H) fit one Java array. */
  public static int maxUnits(CellType cell) {
    return (int) Math.sqrt(MemoryBudget.MAX_ARRAY / (double) cell.gates());
  }

  public RecurrentLayerSpec {
    if (cell == null || merge == null || outputMode == null) {
      throw new IllegalArgumentException("cell, merge mode and output mode are required");
    }
    if (units < 1) {
      throw new IllegalArgumentException("a " + cell.displayName() + " layer needs at least 1 unit, not " + units);
    }
    if (units > maxUnits(cell)) {
      throw new IllegalArgumentException("a " + cell.displayName() + " layer of " + units + " units has a recurrent "
          + "weight matrix of " + cell.gates() + " x " + units + " x " + units + " values, more than a Java array "
          + "holds (at most " + maxUnits(cell) + " units)");
    }
    if (cell == CellType.GRU && resetMode == null) {
      throw new IllegalArgumentException("a GRU layer needs a reset gate mode");
    }
    if (cell == CellType.LSTM && resetMode != null) {
      throw new IllegalArgumentException("an LSTM layer has no reset gate, so no reset gate mode");
    }
  }

  /** A GRU layer passing on every step. */
  public RecurrentLayerSpec(int units, boolean bidirectional, ResetGateMode resetMode, MergeMode merge) {
    this(CellType.GRU, units, bidirectional, resetMode, merge, OutputMode.SEQUENCE);
  }

  /** An LSTM layer. */
  public static RecurrentLayerSpec lstm(int units, boolean bidirectional, MergeMode merge, OutputMode outputMode) {
    return new RecurrentLayerSpec(CellType.LSTM, units, bidirectional, null, merge, outputMode);
  }

  /** The same layer with another output mode. */
  public RecurrentLayerSpec withOutputMode(OutputMode mode) {
    return new RecurrentLayerSpec(cell, units, bidirectional, resetMode, merge, mode);
  }

  /** Width of what this layer passes on. */
  public int outputWidth() {
    return bidirectional ? merge.outputWidth(units) : units;
  }

  @Override
  public int outputWidth(int inputWidth) {
    return outputWidth();
  }

  /** "BiGRU(64, last)", "LSTM(32, sequence)". */
  public String summary() {
    return (bidirectional ? "Bi" : "") + cell.displayName() + "(" + units + ", " + outputMode.lowerName() + ")";
  }
}
