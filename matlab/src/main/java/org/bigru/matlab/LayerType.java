package org.bigru.matlab;

import org.bigru.model.Activation;
import org.bigru.model.CellType;

/** The layers of a MATLAB layer array, by their function names without "Layer", with MATLAB's default names. */
public enum LayerType {
  SEQUENCE_INPUT("sequenceInput", "sequenceinput"),
  BIGRU("bigru", "bigru", CellType.GRU, true),
  GRU("gru", "gru", CellType.GRU, false),
  BILSTM("bilstm", "bilstm", CellType.LSTM, true),
  LSTM("lstm", "lstm", CellType.LSTM, false),
  FULLY_CONNECTED("fullyConnected", "fc"),
  RELU("relu", "relu", Activation.RELU),
  TANH("tanh", "tanh", Activation.TANH),
  SIGMOID("sigmoid", "sigmoid", Activation.SIGMOID),
  DROPOUT("dropout", "dropout"),
  SOFTMAX("softmax", "softmax"),
  CLASSIFICATION("classification", "classoutput"),
  REGRESSION("regression", "regressionoutput");

  private final String key;
  private final String defaultName;
  private final CellType cell;
  private final boolean bidirectional;
  private final Activation activation;

  LayerType(String key, String defaultName) {
    this(key, defaultName, null, false, null);
  }

  LayerType(String key, String defaultName, CellType cell, boolean bidirectional) {
    this(key, defaultName, cell, bidirectional, null);
  }

  LayerType(String key, String defaultName, Activation activation) {
    this(key, defaultName, null, false, activation);
  }

  LayerType(String key, String defaultName, CellType cell, boolean bidirectional, Activation activation) {
    this.key = key;
    this.defaultName = defaultName;
    this.cell = cell;
    this.bidirectional = bidirectional;
    this.activation = activation;
  }

  /** The layer struct's Type: "bilstm", "fullyConnected", ... */
  public String key() {
    return key;
  }

  /** The name MATLAB gives a layer of this type that has none. */
  String defaultName() {
    return defaultName;
  }

  /** The layer function: "bilstmLayer". */
  String function() {
    return key + "Layer";
  }

  boolean isRecurrent() {
    return cell != null;
  }

  /** The cell of a recurrent layer. */
  CellType cell() {
    return cell;
  }

  boolean bidirectional() {
    return bidirectional;
  }

  /** The activation of reluLayer, tanhLayer or sigmoidLayer; null for the other layers. */
  Activation activation() {
    return activation;
  }

  /** softmaxLayer, classificationLayer or regressionLayer: what follows the output fullyConnectedLayer. */
  boolean endsNetwork() {
    return this == SOFTMAX || this == CLASSIFICATION || this == REGRESSION;
  }

  /** The recurrent layer of a cell and direction count. */
  static LayerType recurrent(CellType cell, boolean bidirectional) {
    for (LayerType t : values()) {
      if (t.cell == cell && t.bidirectional == bidirectional) {
        return t;
      }
    }
    throw new IllegalArgumentException("no MATLAB layer for a " + cell + " layer");
  }

  /** The layer that {@code function} ("bigruLayer") makes, or null. */
  static LayerType ofFunction(String function) {
    for (LayerType t : values()) {
      if (t.function().equals(function)) {
        return t;
      }
    }
    return null;
  }

  /** The layer with this Type, naming its position in the array if there is none. */
  static LayerType of(String key, int position) {
    for (LayerType t : values()) {
      if (t.key.equalsIgnoreCase(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException("layers(" + position + ") has unknown type '" + key + "'");
  }
}
