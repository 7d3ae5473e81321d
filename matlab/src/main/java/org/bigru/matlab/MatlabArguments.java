package org.bigru.matlab;

import java.util.Map;
import org.bigru.model.train.OptimizerKind;

/**
 * What the {@code +bigru} functions take, for {@code bigru.internal.arguments}: each function's positional
 * arguments and name-value options are declared once on this side ({@link MatlabOptions} for trainingOptions,
 * classify and predict, {@link LayerFunctions} for the layers, {@link Interchange} for exportONNXNetwork), with
 * MATLAB's defaults and allowed values; the MATLAB side matches the option names and passes every value
 * through, and this side checks it and writes each message about a value, naming the argument as MATLAB does.
 */
public final class MatlabArguments {

  private MatlabArguments() {
  }

  /** {@code [name, role]} of each argument {@code function} takes, in order; roles: required, optional, option. */
  public static String[] declared(String function) {
    if (function.equals(MatlabOptions.FUNCTION)) {
      // The solver changes defaults, not names.
      return MatlabOptions.signature(OptimizerKind.ADAM).declared();
    }
    LayerType layer = LayerType.ofFunction(function);
    return layer != null ? LayerFunctions.signature(layer).declared() : options(function).declared();
  }

  /**
   * Checks what {@code function} was given (one entry per argument: its name, its kind and its text, see
   * {@link MatlabValue}) and returns the function's result as {@code [field, kind, text]} rows: the options
   * with MATLAB's defaults filled in and choices in their canonical spelling, or the layer struct.
   */
  public static String[] resolve(String function, Object names, Object kinds, Object texts) {
    Map<String, MatlabValue> given = MatlabValue.given(names, kinds, texts);
    if (function.equals(MatlabOptions.FUNCTION)) {
      return MatlabOptions.read(given).rows();
    }
    LayerType layer = LayerType.ofFunction(function);
    if (layer != null) {
      return LayerFunctions.rows(LayerFunctions.make(layer, given)).toArray(new String[0]);
    }
    return options(function).read(given).rows();
  }

  /** A function whose result is the values of its options. */
  private static Signature options(String function) {
    switch (function) {
      case "classify":
      case "predict":
        return MatlabOptions.prediction(function);
      case Interchange.EXPORT_ONNX:
        return Interchange.exportSignature();
      default:
        throw new IllegalArgumentException("no +bigru function " + function + " has arguments declared here");
    }
  }
}
