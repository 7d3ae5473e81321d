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
 * @param normalization sequenceInputLayer's Normalization (and its statistics), else {@link InputNormalization#NONE}
 */
public record MatlabLayer(LayerType type, String name, double size, String outputMode, String resetGateMode,
                          String mergeMode, InputNormalization normalization) {

  public MatlabLayer {
    if (type == null || name == null || outputMode == null || resetGateMode == null || mergeMode == null
        || normalization == null) {
      throw new IllegalArgumentException("a layer needs a type, and strings (possibly empty) for its name and modes");
    }
  }

  public MatlabLayer(LayerType type, String name, double size, String outputMode, String resetGateMode,
                     String mergeMode) {
    this(type, name, size, outputMode, resetGateMode, mergeMode, InputNormalization.NONE);
  }

  /** A layer that is only its type and size. */
  static MatlabLayer of(LayerType type, double size) {
    return new MatlabLayer(type, "", size, "", "", "");
  }

  /** The same layer with another normalization (sequenceInputLayer's). */
  MatlabLayer normalized(InputNormalization n) {
    return new MatlabLayer(type, name, size, outputMode, resetGateMode, mergeMode, n);
  }

  /** The layer struct's Type, for the MATLAB side: "bilstm", "fullyConnected", ... */
  public String typeName() {
    return type.key();
  }

  /** The same layer under another name. */
  MatlabLayer named(String newName) {
    return new MatlabLayer(type, newName, size, outputMode, resetGateMode, mergeMode, normalization);
  }

  /** For messages: {@code layers(3) (bilstmLayer 'bilstm_1')}, where {@code index} is 0-based. */
  String describe(int index) {
    return "layers(" + (index + 1) + ") (" + type.function() + " '" + name + "')";
  }
}
