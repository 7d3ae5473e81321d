package org.bigru.matlab;

import static org.bigru.matlab.MatlabArgument.choice;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigru.matlab.MatlabChoices.Normalization;
import org.bigru.model.CellType;
import org.bigru.model.MergeMode;
import org.bigru.model.OutputMode;
import org.bigru.model.ResetGateMode;

/**
 * The layer functions of {@code +bigru} ({@code bigruLayer}, {@code dropoutLayer}, ...): what each takes, with
 * MATLAB's defaults, and the layer struct each returns, which has the same fields in the same order for every
 * layer so that layers concatenate with {@code [a; b; c]} in MATLAB and in Octave.
 */
final class LayerFunctions {

  static final MatlabArgument<Integer> INPUT_SIZE = MatlabArgument.required("inputSize", "InputSize",
      ValueType.whole(1)).hint("features per time step");
  static final MatlabArgument<Integer> NUM_HIDDEN_UNITS = MatlabArgument.required("numHiddenUnits", "NumHiddenUnits",
      ValueType.whole(1));
  static final MatlabArgument<Integer> OUTPUT_SIZE = MatlabArgument.required("outputSize", "OutputSize",
      ValueType.whole(1));
  /** MATLAB's default dropout probability. */
  static final MatlabArgument<Double> PROBABILITY = MatlabArgument.optional("probability", "Probability",
      ValueType.number(ValueType.Bound.UNIT_OPEN), 0.5);
  /** "" gives MATLAB's default name for the type, made unique when the layers are read ({@link LayerArray}). */
  static final MatlabArgument<String> NAME = MatlabArgument.option("Name", ValueType.text(), "");
  static final MatlabArgument<Normalization> NORMALIZATION = choice("Normalization", Normalization.NONE);
  static final MatlabArgument<OutputMode> OUTPUT_MODE = choice("OutputMode", OutputMode.SEQUENCE);
  /** MATLAB's default, one bias; PyTorch and Keras use RECURRENT_BIAS_AFTER_MULTIPLICATION. */
  static final MatlabArgument<ResetGateMode> RESET_GATE_MODE = choice("ResetGateMode",
      ResetGateMode.AFTER_MULTIPLICATION);
  static final MatlabArgument<MergeMode> MERGE_MODE = choice("MergeMode", MergeMode.CONCAT);

  private LayerFunctions() {
  }

  /** What the function of {@code type} takes: its size (if it has one), Name, then its options. */
  static Signature signature(LayerType type) {
    List<MatlabArgument<?>> arguments = new ArrayList<>();
    MatlabArgument<? extends Number> size = sizeArgument(type);
    if (size != null) {
      arguments.add(size);
    }
    arguments.add(NAME);
    if (type == LayerType.SEQUENCE_INPUT) {
      arguments.add(NORMALIZATION);
    }
    if (type.isRecurrent()) {
      arguments.add(OUTPUT_MODE);
      if (type.cell() == CellType.GRU) {
        arguments.add(RESET_GATE_MODE);
        if (type.bidirectional()) {
          arguments.add(MERGE_MODE);
        }
      }
    }
    return new Signature(type.function(), arguments);
  }

  /** The layer the function of {@code type} makes from the arguments given by name. */
  static MatlabLayer make(LayerType type, Map<String, MatlabValue> given) {
    Signature.Values v = signature(type).read(given);
    MatlabArgument<? extends Number> size = sizeArgument(type);
    String outputMode = "";
    String resetGateMode = "";
    String mergeMode = "";
    if (type.isRecurrent()) {
      outputMode = v.get(OUTPUT_MODE).lowerName();
      if (type.cell() == CellType.GRU) {
        resetGateMode = v.get(RESET_GATE_MODE).matlabName();
      }
      if (type.bidirectional()) {
        // MATLAB's bilstmLayer concatenates its two directions; bigruLayer takes a MergeMode.
        mergeMode = (type.cell() == CellType.GRU ? v.get(MERGE_MODE) : MergeMode.CONCAT).lowerName();
      }
    }
    return new MatlabLayer(type, v.get(NAME), size == null ? Double.NaN : v.get(size).doubleValue(), outputMode,
        resetGateMode, mergeMode);
  }

  /** The layer struct of {@code layer}: {@code [field, kind, text]} rows for {@code bigru.internal.structFromRows}. */
  static List<String> rows(MatlabLayer layer) {
    MatlabArgument<? extends Number> size = sizeArgument(layer.type());
    List<String> rows = new ArrayList<>();
    addRow(rows, NAME, layer.name());
    rows.addAll(List.of("Type", "text", layer.typeName()));
    addRow(rows, INPUT_SIZE, size == INPUT_SIZE ? MatlabValues.number(layer.size()) : "");
    addRow(rows, NUM_HIDDEN_UNITS, size == NUM_HIDDEN_UNITS ? MatlabValues.number(layer.size()) : "");
    addRow(rows, OUTPUT_MODE, layer.outputMode());
    addRow(rows, RESET_GATE_MODE, layer.resetGateMode());
    addRow(rows, MERGE_MODE, layer.mergeMode());
    addRow(rows, OUTPUT_SIZE, size == OUTPUT_SIZE ? MatlabValues.number(layer.size()) : "");
    addRow(rows, PROBABILITY, size == PROBABILITY ? MatlabValues.number(layer.size()) : "");
    return rows;
  }

  private static void addRow(List<String> rows, MatlabArgument<?> field, String text) {
    rows.add(field.field());
    rows.add(field.type().kind());
    rows.add(text);
  }

  /** The positional argument giving a layer's size: InputSize, NumHiddenUnits, OutputSize or Probability; or null. */
  private static MatlabArgument<? extends Number> sizeArgument(LayerType type) {
    if (type.isRecurrent()) {
      return NUM_HIDDEN_UNITS;
    }
    switch (type) {
      case SEQUENCE_INPUT:
        return INPUT_SIZE;
      case FULLY_CONNECTED:
        return OUTPUT_SIZE;
      case DROPOUT:
        return PROBABILITY;
      default:
        return null;
    }
  }
}
