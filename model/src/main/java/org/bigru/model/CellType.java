package org.bigru.model;

/** The recurrent cell of a layer, named as PyTorch's module ({@code nn.GRU}, {@code nn.LSTM}). */
public enum CellType {
  /** Gates r | z | n: W_ih is 3H x I. */
  GRU(3, "GRU"),
  /** Gates i | f | g | o: W_ih is 4H x I; carries a cell state c beside h. */
  LSTM(4, "LSTM");

  private final int gates;
  private final String displayName;

  CellType(int gates, String displayName) {
    this.gates = gates;
    this.displayName = displayName;
  }

  /** Gate blocks of H rows in the weight matrices. */
  public int gates() {
    return gates;
  }

  /** "GRU" or "LSTM", for summaries such as "BiLSTM(64, last)". */
  public String displayName() {
    return displayName;
  }

  /** The PyTorch module prefix of its parameters, {@code gru} or {@code lstm}. */
  public String lowerName() {
    return EnumNames.of(this);
  }

  public static CellType fromName(String name) {
    return EnumNames.parse(CellType.class, name, "cell");
  }
}
