package org.bigru.model.io.onnx;

import java.util.List;

/**
 * One elementary axis of a tensor the importer follows: the batch, the steps, a unit axis, the directions of
 * a recurrent node (each direction one {@link Source}), or features. A feature atom either holds its blocks
 * (concatenated in order) or, beside a direction atom, stands for the hidden state of whichever direction
 * that atom selects ({@code perDirection}, width {@code width}).
 */
record Atom(Kind kind, List<Source> sources, boolean perDirection, int width) {

  enum Kind { BATCH, TIME, UNIT, DIRECTIONS, FEATURES }

  static final Atom BATCH = new Atom(Kind.BATCH, List.of(), false, 0);
  static final Atom TIME = new Atom(Kind.TIME, List.of(), false, 0);
  static final Atom UNIT = new Atom(Kind.UNIT, List.of(), false, 1);

  static Atom directions(List<Source> sources) {
    return new Atom(Kind.DIRECTIONS, List.copyOf(sources), false, sources.size());
  }

  static Atom features(List<Source> blocks, int width) {
    return new Atom(Kind.FEATURES, List.copyOf(blocks), false, width);
  }

  static Atom hiddenOfEachDirection(int hidden) {
    return new Atom(Kind.FEATURES, List.of(), true, hidden);
  }

  /** The size of this axis: a constant, or the batch size or number of steps. */
  Sym size() {
    return switch (kind) {
      case BATCH -> Sym.BATCH;
      case TIME -> Sym.TIME;
      default -> Sym.of(width);
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case BATCH -> "batch";
      case TIME -> "time";
      case UNIT -> "1";
      case DIRECTIONS -> "directions(" + sources.size() + ")";
      case FEATURES -> "features(" + width + ")";
    };
  }
}
