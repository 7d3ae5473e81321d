package org.bigru.model.io.onnx;

/**
 * One entry of a shape the importer follows symbolically: {@code coefficient * N^batchPower * T^timePower},
 * N and T being the dynamic batch size and number of steps. Exporters compute shapes from Shape nodes (for
 * example the batch size for the zero initial state, or a Reshape target from the product of two dims); a
 * monomial is all such arithmetic needs.
 */
record Sym(long coefficient, int batchPower, int timePower) {

  static final Sym BATCH = new Sym(1, 1, 0);
  static final Sym TIME = new Sym(1, 0, 1);

  static Sym of(long constant) {
    return new Sym(constant, 0, 0);
  }

  boolean isConstant() {
    return batchPower == 0 && timePower == 0;
  }

  Sym times(Sym other) {
    return new Sym(Math.multiplyExact(coefficient, other.coefficient), batchPower + other.batchPower,
        timePower + other.timePower);
  }

  /** The exact quotient, or null when there is none. */
  Sym dividedBy(Sym other) {
    if (other.coefficient == 0 || coefficient % other.coefficient != 0 || batchPower < other.batchPower
        || timePower < other.timePower) {
      return null;
    }
    return new Sym(coefficient / other.coefficient, batchPower - other.batchPower, timePower - other.timePower);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    if (coefficient != 1 || isConstant()) {
      sb.append(coefficient);
    }
    for (int i = 0; i < batchPower; i++) {
      sb.append(sb.length() > 0 ? "*" : "").append("batch");
    }
    for (int i = 0; i < timePower; i++) {
      sb.append(sb.length() > 0 ? "*" : "").append("time");
    }
    return sb.toString();
  }
}
