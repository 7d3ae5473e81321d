package org.bigru.model.io.onnx;

/**
 * Where a block of features comes from, as the importer follows it through the graph: the graph input, one
 * direction of a recurrent node, the two directions of one summed, averaged or multiplied, or a finished
 * layer of the stack. {@code last} marks a recurrent node's final state (its {@code Y_h}) rather than its
 * output at every step.
 *
 * @param node the recurrent node's number, or the layer's position in the stack
 */
record Source(Kind kind, int node, int direction, boolean last) {

  enum Kind { INPUT, DIRECTION, SUM, AVE, MUL, LAYER }

  static Source input() {
    return new Source(Kind.INPUT, -1, 0, false);
  }

  static Source direction(int node, int direction, boolean last) {
    return new Source(Kind.DIRECTION, node, direction, last);
  }

  static Source layer(int position) {
    return new Source(Kind.LAYER, position, 0, false);
  }

  Source asLast() {
    return new Source(kind, node, direction, true);
  }
}
