package org.bigru.matlab;

/**
 * One layer of a MATLAB layer array: the struct a layer function of {@code +bigru} returns.
 *
 * @param type          the layer function
 * @param name          the layer's name ("" for MATLAB's default name)
 * @param size          InputSize, NumHiddenUnits, OutputSize or Probability; NaN for the other layers
 * @param outputMode    a recurrent layer's OutputMode ('sequence' or 'last'), else ""
 * @param resetGateMode a GRU layer's ResetGateMode, else ""
 * @param mergeMode     a bidirectional layer's MergeMode, else ""
 */
public record MatlabLayer(LayerType type, String name, double size, String outputMode, String resetGateMode,
                          String mergeMode) {

  public MatlabLayer {
    if (type == null || name == null || outputMode == null || resetGateMode == null || mergeMode == null) {
      throw new IllegalArgumentException("a layer needs a type, and strings (possibly empty) for its name and modes");
    }
  }

  /** A layer that is only its type and size. */
  static MatlabLayer of(LayerType type, double size) {
    return new MatlabLayer(type, "", size, "", "", "");
  }

  /** The layer struct's Type, for the MATLAB side: "bilstm", "fullyConnected", ... */
  public String typeName() {
    return type.key();
  }

  /** The same layer under another name. */
  MatlabLayer named(String newName) {
    return new MatlabLayer(type, newName, size, outputMode, resetGateMode, mergeMode);
  }

  /** For messages: {@code layers(3) (bilstmLayer 'bilstm_1')}, where {@code index} is 0-based. */
  String describe(int index) {
    return "layers(" + (index + 1) + ") (" + type.function() + " '" + name + "')";
  }
}
