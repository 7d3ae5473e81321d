package org.bigru.model.io.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** What the importer knows about one tensor of the graph as it follows the nodes in order. */
sealed interface Value {

  /** A constant: an initializer, a Constant node's value, or what nodes computed from constants. */
  record Known(OnnxTensor tensor) implements Value {
  }

  /** An int64 vector (or scalar) of shape entries, some depending on the batch size or steps. */
  record Dims(List<Sym> entries, boolean scalar) implements Value {
    public Dims {
      entries = List.copyOf(entries);
    }
  }

  /**
   * A tensor that depends on the input, described by its axes: each axis a group of {@link Atom}s in row-major
   * order (one atom, or several a Reshape merged), the last features axis saying what the values are.
   *
   * @param softmax whether a Softmax over the features was applied (only the graph output may be so)
   */
  record Dyn(List<List<Atom>> axes, boolean softmax) implements Value {
    public Dyn {
      List<List<Atom>> normalized = new ArrayList<>();
      for (List<Atom> group : axes) {
        normalized.add(normalize(group));
      }
      axes = List.copyOf(normalized);
    }

    static Dyn of(Atom... axes) {
      List<List<Atom>> groups = new ArrayList<>();
      for (Atom a : axes) {
        groups.add(List.of(a));
      }
      return new Dyn(groups, false);
    }

    int rank() {
      return axes.size();
    }

    /** The atoms of all axes in order. */
    List<Atom> atoms() {
      List<Atom> all = new ArrayList<>();
      axes.forEach(all::addAll);
      return all;
    }

    boolean has(Atom.Kind kind) {
      return atoms().stream().anyMatch(a -> a.kind() == kind);
    }

    /** The same tensor with every source replaced. */
    Dyn mapSources(UnaryOperator<Source> f) {
      List<List<Atom>> groups = new ArrayList<>();
      for (List<Atom> group : axes) {
        List<Atom> mapped = new ArrayList<>();
        for (Atom a : group) {
          mapped.add(a.sources().isEmpty() ? a
              : new Atom(a.kind(), a.sources().stream().map(f).toList(), a.perDirection(), a.width()));
        }
        groups.add(mapped);
      }
      return new Dyn(groups, softmax);
    }

    /**
     * Directions followed by the hidden state of each are the directions' states side by side: the features
     * of each direction, concatenated in order (how a Transpose and Reshape join a recurrent node's output).
     */
    private static List<Atom> normalize(List<Atom> group) {
      if (group.size() == 2 && group.get(0).kind() == Atom.Kind.DIRECTIONS && group.get(1).perDirection()) {
        Atom dirs = group.get(0);
        return List.of(Atom.features(dirs.sources(), dirs.sources().size() * group.get(1).width()));
      }
      return List.copyOf(group);
    }

    @Override
    public String toString() {
      return axes.toString();
    }
  }

  /** All zeros of a shape that depends on the input (an initial state). */
  record Zeros() implements Value {
  }

  /** The graph's input of sequence lengths, [batch] or with unit axes added. */
  record Lengths() implements Value {
  }

  /** The step numbers 0 .. T-1 (a Range up to the number of steps). */
  record StepIndex() implements Value {
  }

  /** Whether each step is a real step of its sequence (step index below length), as bool, int or float. */
  record Mask() implements Value {
  }

  /** An output bigru cannot use (an LSTM's final cell state), named for the message. */
  record Unusable(String what) implements Value {
  }
}
