package org.bigru.model.io.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bigru.model.io.onnx.Value.Dyn;

/**
 * The shape nodes applied to tensors that depend on the input ({@link Dyn}): what each does to the axes, and
 * to the features when it picks directions of a recurrent node, its last step, or blocks of features.
 */
final class Axes {

  private static final long TO_THE_END = Integer.MAX_VALUE;

  private Axes() {
  }

  static Value gather(Dyn d, int axis, OnnxTensor indices, StackBuilder stack, String where) {
    List<Atom> group = d.axes().get(axis);
    if (group.size() != 1) {
      throw new Refusal(where + " gathers from a merged axis of " + d);
    }
    Atom atom = group.get(0);
    boolean scalar = indices.dims().length == 0;
    long[] idx = indices.longs();
    switch (atom.kind()) {
      case DIRECTIONS: {
        List<Source> picked = new ArrayList<>();
        for (long raw : idx) {
          picked.add(atom.sources().get(index(raw, atom.sources().size(), where)));
        }
        if (scalar) {
          return withoutDirections(d, axis, picked.get(0), where);
        }
        return replace(d, axis, List.of(Atom.directions(picked)));
      }
      case TIME:
        if (!scalar || idx[0] != -1) {
          throw new Refusal(where + " takes step " + Arrays.toString(idx) + " of the sequence; bigru passes on "
              + "every step or the last one");
        }
        return lastStep(remove(d, axis), stack, where);
      case UNIT:
        index(idx[0], 1, where);
        return scalar ? remove(d, axis) : d;
      default:
        throw new Refusal(where + " gathers along the " + atom + " axis");
    }
  }

  static Value slice(Dyn d, int axis, long start, long end, long step, StackBuilder stack, String where) {
    List<Atom> group = d.axes().get(axis);
    if (group.size() != 1) {
      throw new Refusal(where + " slices a merged axis of " + d);
    }
    Atom atom = group.get(0);
    boolean whole = start == 0 && end >= TO_THE_END && step == 1;
    switch (atom.kind()) {
      case BATCH:
        if (whole) {
          return d;
        }
        throw new Refusal(where + " takes part of the batch");
      case TIME:
        if (whole) {
          return d;
        }
        if (start == -1 && end >= TO_THE_END && step == 1) {
          return lastStep(replace(d, axis, List.of(Atom.UNIT)), stack, where);
        }
        throw new Refusal(where + " takes steps [" + start + ", " + end + ") of the sequence; bigru passes on "
            + "every step or the last one");
      case UNIT:
        return d;
      case DIRECTIONS: {
        long[] range = Folding.sliceRange(atom.sources().size(), start, end, step);
        List<Source> picked = new ArrayList<>();
        for (long j = 0; j < range[2]; j++) {
          picked.add(atom.sources().get((int) (range[0] + j * range[1])));
        }
        if (picked.isEmpty()) {
          throw new Refusal(where + " takes no direction");
        }
        return replace(d, axis, List.of(Atom.directions(picked)));
      }
      default: {
        if (atom.perDirection() || step != 1) {
          throw new Refusal(where + " slices the hidden state of each direction");
        }
        return replace(d, axis, List.of(blocks(atom, start, end, stack, where)));
      }
    }
  }

  /** The blocks of a features atom from start to end, which must fall on block boundaries. */
  private static Atom blocks(Atom atom, long start, long end, StackBuilder stack, String where) {
    long[] range = Folding.sliceRange(atom.width(), start, end, 1);
    long from = range[0];
    long to = range[0] + range[2];
    List<Source> picked = new ArrayList<>();
    long at = 0;
    for (Source s : atom.sources()) {
      long w = stack.width(s);
      if (at >= from && at + w <= to) {
        picked.add(s);
      } else if (at < to && at + w > from) {
        throw new Refusal(where + " cuts features [" + from + ", " + to + ") across a layer's output");
      }
      at += w;
    }
    if (picked.isEmpty()) {
      throw new Refusal(where + " takes no features");
    }
    return Atom.features(picked, (int) (to - from));
  }

  static List<Value> split(Dyn d, int axis, long[] sizes, int outputs, StackBuilder stack, String where) {
    List<Atom> group = d.axes().get(axis);
    if (group.size() != 1) {
      throw new Refusal(where + " splits a merged axis of " + d);
    }
    Atom atom = group.get(0);
    if (atom.kind() != Atom.Kind.DIRECTIONS && !(atom.kind() == Atom.Kind.FEATURES && !atom.perDirection())) {
      throw new Refusal(where + " splits the " + atom + " axis");
    }
    long total = atom.width();
    long[] parts = sizes != null ? sizes : GraphInterpreter.equalParts(total, outputs, where);
    List<Value> out = new ArrayList<>();
    long start = 0;
    for (long p : parts) {
      out.add(slice(d, axis, start, start + p, 1, stack, where));
      start += p;
    }
    if (start != total) {
      throw new Refusal(where + " splits " + total + " into " + Arrays.toString(parts));
    }
    return out;
  }

  static Value concat(List<Dyn> parts, int axis, StackBuilder stack, String where) {
    Dyn first = parts.get(0);
    for (Dyn p : parts) {
      if (p.rank() != first.rank()) {
        throw new Refusal(where + " concatenates tensors of different ranks");
      }
      for (int i = 0; i < p.rank(); i++) {
        if (i != axis && !sameShape(p.axes().get(i), first.axes().get(i))) {
          throw new Refusal(where + " concatenates tensors of axes " + first + " and " + p);
        }
      }
      if (p.axes().get(axis).size() != 1) {
        throw new Refusal(where + " concatenates along a merged axis");
      }
    }
    Atom kind = first.axes().get(axis).get(0);
    List<Source> joined = new ArrayList<>();
    for (Dyn p : parts) {
      Atom a = p.axes().get(axis).get(0);
      if (a.kind() != kind.kind() || a.perDirection()) {
        throw new Refusal(where + " concatenates " + kind + " with " + a);
      }
      joined.addAll(a.sources());
    }
    return switch (kind.kind()) {
      case DIRECTIONS -> replace(first, axis, List.of(Atom.directions(joined)));
      case FEATURES -> replace(first, axis, List.of(Atom.features(joined, stack.width(joined))));
      default -> throw new Refusal(where + " concatenates along the " + kind + " axis");
    };
  }

  private static boolean sameShape(List<Atom> a, List<Atom> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).kind() != b.get(i).kind() || !a.get(i).size().equals(b.get(i).size())) {
        return false;
      }
    }
    return true;
  }

  static Value unsqueeze(Dyn d, long[] axes, String where) {
    int rank = d.rank() + axes.length;
    boolean[] inserted = new boolean[rank];
    for (long a : axes) {
      long i = a < 0 ? a + rank : a;
      if (i < 0 || i >= rank || inserted[(int) i]) {
        throw new Refusal(where + ": axes " + Arrays.toString(axes) + " for rank " + rank);
      }
      inserted[(int) i] = true;
    }
    List<List<Atom>> out = new ArrayList<>();
    int k = 0;
    for (int i = 0; i < rank; i++) {
      out.add(inserted[i] ? List.of(Atom.UNIT) : d.axes().get(k++));
    }
    return new Dyn(out, d.softmax());
  }

  static Value squeeze(Dyn d, long[] axes, String where) {
    boolean[] drop = new boolean[d.rank()];
    if (axes == null) {
      for (int i = 0; i < d.rank(); i++) {
        drop[i] = isOne(d.axes().get(i));
      }
    } else {
      for (long a : axes) {
        long i = a < 0 ? a + d.rank() : a;
        if (i < 0 || i >= d.rank() || !isOne(d.axes().get((int) i))) {
          throw new Refusal(where + " squeezes axis " + a + " of " + d + ", which is not of size 1");
        }
        drop[(int) i] = true;
      }
    }
    Dyn result = d;
    for (int i = d.rank() - 1; i >= 0; i--) {
      if (drop[i]) {
        List<Atom> group = result.axes().get(i);
        Atom dirs = group.stream().filter(a -> a.kind() == Atom.Kind.DIRECTIONS).findFirst().orElse(null);
        result = dirs == null ? remove(result, i) : withoutDirections(result, i, dirs.sources().get(0), where);
      }
    }
    return result;
  }

  private static boolean isOne(List<Atom> group) {
    for (Atom a : group) {
      boolean one = a.kind() == Atom.Kind.UNIT || a.kind() == Atom.Kind.DIRECTIONS && a.sources().size() == 1;
      if (!one) {
        return false;
      }
    }
    return true;
  }

  /**
   * Regroups the atoms in order into the new shape (entries: sizes, 0 to copy an input dim unless allowZero,
   * -1 for the rest). Unit axes are dropped and added where the shape asks for a 1; a lone direction becomes
   * part of the features first; an atom is never split. The entries before -1 take atoms from the left, those
   * after it from the right, and -1 what remains. A constant entry may stand for the batch or the steps: an
   * exporter that fixed the example's size there (torch.export does for time-first inputs) made a graph for
   * that size only, and bigru's network takes any.
   */
  static Value reshape(Dyn d, List<Sym> shape, boolean allowZero, String where) {
    Dyn flat = singleDirectionsToFeatures(d, where);
    List<Atom> atoms = new ArrayList<>();
    for (Atom a : flat.atoms()) {
      if (a.kind() != Atom.Kind.UNIT) {
        atoms.add(a);
      }
    }
    List<Sym> target = new ArrayList<>(shape);
    int infer = -1;
    for (int i = 0; i < target.size(); i++) {
      Sym t = target.get(i);
      if (t.isConstant() && t.coefficient() == 0 && !allowZero) {
        if (i >= flat.rank()) {
          throw new Refusal(where + " copies dimension " + i + " of a tensor of rank " + flat.rank());
        }
        Sym size = Sym.of(1);
        for (Atom a : flat.axes().get(i)) {
          size = size.times(a.size());
        }
        target.set(i, size);
      } else if (t.isConstant() && t.coefficient() == -1) {
        if (infer >= 0) {
          throw new Refusal(where + ": two dimensions to infer");
        }
        infer = i;
      } else if (t.isConstant() && t.coefficient() < 1) {
        throw new Refusal(where + ": dimension " + t);
      }
    }
    String failure = where + " reshapes " + d + " to " + target + ", which splits or mixes axes bigru follows";
    List<List<Atom>> out = new ArrayList<>();
    int left = 0;
    int leftEnd = infer >= 0 ? infer : target.size();
    for (int i = 0; i < leftEnd; i++) {
      List<Atom> group = take(atoms, left, 1, target.get(i), failure);
      left += group.size();
      out.add(group.isEmpty() ? List.of(Atom.UNIT) : group);
    }
    if (infer >= 0) {
      int right = atoms.size() - 1;
      List<List<Atom>> tail = new ArrayList<>();
      for (int i = target.size() - 1; i > infer; i--) {
        List<Atom> group = take(atoms, right, -1, target.get(i), failure);
        right -= group.size();
        tail.add(0, group.isEmpty() ? List.of(Atom.UNIT) : group);
      }
      if (right + 1 < left) {
        throw new Refusal(failure);
      }
      List<Atom> rest = atoms.subList(left, right + 1);
      out.add(rest.isEmpty() ? List.of(Atom.UNIT) : List.copyOf(rest));
      out.addAll(tail);
      left = atoms.size();
    }
    if (left != atoms.size()) {
      throw new Refusal(failure);
    }
    for (List<Atom> group : out) {
      if (group.size() > 1 && group.stream().anyMatch(a -> a.kind() == Atom.Kind.FEATURES)
          && !(group.size() == 2 && group.get(0).kind() == Atom.Kind.DIRECTIONS && group.get(1).perDirection())) {
        throw new Refusal(where + " merges features with another axis (" + group + ")");
      }
    }
    return new Dyn(out, d.softmax());
  }

  /**
   * The atoms from {@code start} on (step 1) or back from it (step -1) whose sizes multiply to {@code size}:
   * none for a 1, one batch or time atom for any constant, else atoms until the product is reached.
   */
  private static List<Atom> take(List<Atom> atoms, int start, int step, Sym size, String failure) {
    List<Atom> group = new ArrayList<>();
    if (size.equals(Sym.of(1))) {
      return group;
    }
    int i = start;
    if (size.isConstant() && i >= 0 && i < atoms.size()
        && (atoms.get(i).kind() == Atom.Kind.BATCH || atoms.get(i).kind() == Atom.Kind.TIME)) {
      group.add(atoms.get(i));
      return group;
    }
    Sym product = Sym.of(1);
    while (!product.equals(size)) {
      if (i < 0 || i >= atoms.size() || size.dividedBy(product) == null) {
        throw new Refusal(failure);
      }
      Atom a = atoms.get(i);
      product = product.times(a.size());
      if (step > 0) {
        group.add(a);
      } else {
        group.add(0, a);
      }
      i += step;
      if (size.dividedBy(product) == null) {
        throw new Refusal(failure);
      }
    }
    return group;
  }

  /** Directions of size 1 become unit axes, their one direction the features' source. */
  private static Dyn singleDirectionsToFeatures(Dyn d, String where) {
    Dyn result = d;
    for (int i = 0; i < result.rank(); i++) {
      List<Atom> group = result.axes().get(i);
      if (group.size() == 1 && group.get(0).kind() == Atom.Kind.DIRECTIONS && group.get(0).sources().size() == 1) {
        Dyn without = withoutDirections(result, i, group.get(0).sources().get(0), where);
        List<List<Atom>> axes = new ArrayList<>(without.axes());
        axes.add(i, List.of(Atom.UNIT));
        result = new Dyn(axes, d.softmax());
      }
    }
    return result;
  }

  /** Add, Mul (or Sub, Div, refused) of two tensors: the directions of one recurrent node merged. */
  static Value mergeDirections(String op, Dyn a, Dyn b, StackBuilder stack, String where) {
    Source x = onlySource(a);
    Source y = onlySource(b);
    if (!sameAxes(a, b) || x == null || y == null || x.kind() != Source.Kind.DIRECTION
        || y.kind() != Source.Kind.DIRECTION || x.node() != y.node() || x.direction() == y.direction()
        || x.last() != y.last() || !(op.equals("Add") || op.equals("Mul"))) {
      throw new Refusal(where + " (" + op + ") combines " + GraphInterpreter.describe(a) + " and "
          + GraphInterpreter.describe(b) + "; bigru follows only the sum or product of the two directions of one "
          + "recurrent node");
    }
    Source.Kind kind = op.equals("Add") ? Source.Kind.SUM : Source.Kind.MUL;
    return a.mapSources(s -> new Source(kind, s.node(), 0, s.last()));
  }

  private static Source onlySource(Dyn d) {
    List<Atom> last = d.axes().get(d.rank() - 1);
    if (last.size() != 1 || last.get(0).kind() != Atom.Kind.FEATURES || last.get(0).sources().size() != 1) {
      return null;
    }
    return last.get(0).sources().get(0);
  }

  private static boolean sameAxes(Dyn a, Dyn b) {
    if (a.rank() != b.rank()) {
      return false;
    }
    for (int i = 0; i < a.rank() - 1; i++) {
      if (!sameShape(a.axes().get(i), b.axes().get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The last step of sequences: for a unidirectional recurrent node, its final state. */
  private static Dyn lastStep(Dyn d, StackBuilder stack, String where) {
    return d.mapSources(s -> {
      if (s.kind() != Source.Kind.DIRECTION) {
        throw new Refusal(where + " takes the last step of " + (s.kind() == Source.Kind.INPUT ? "the input"
            : "a layer after the recurrent ones") + "; bigru takes it right after a recurrent layer");
      }
      if (stack.recurrent(s.node()).directions().size() == 2) {
        throw new Refusal(where + " takes the last step of the output of bidirectional "
            + stack.recurrent(s.node()).cell() + " node '" + stack.recurrent(s.node()).node() + "', where the "
            + "reverse direction has read only that step; bigru's output mode 'last' passes on the final states "
            + "of both directions (h_n), a different function");
      }
      return s.asLast();
    });
  }

  /** The tensor without the directions axis at {@code axis}, its features now those of one direction. */
  private static Dyn withoutDirections(Dyn d, int axis, Source picked, String where) {
    List<List<Atom>> axes = new ArrayList<>();
    for (int i = 0; i < d.rank(); i++) {
      if (i == axis) {
        List<Atom> rest = new ArrayList<>();
        for (Atom a : d.axes().get(i)) {
          if (a.kind() != Atom.Kind.DIRECTIONS) {
            rest.add(a);
          }
        }
        if (!rest.isEmpty()) {
          throw new Refusal(where + " removes directions merged with other axes");
        }
        continue;
      }
      List<Atom> group = new ArrayList<>();
      for (Atom a : d.axes().get(i)) {
        group.add(a.perDirection() ? Atom.features(List.of(picked), a.width()) : a);
      }
      axes.add(group);
    }
    return new Dyn(axes, d.softmax());
  }

  private static Dyn remove(Dyn d, int axis) {
    List<List<Atom>> axes = new ArrayList<>(d.axes());
    axes.remove(axis);
    return new Dyn(axes, d.softmax());
  }

  private static Dyn replace(Dyn d, int axis, List<Atom> group) {
    List<List<Atom>> axes = new ArrayList<>(d.axes());
    axes.set(axis, group);
    return new Dyn(axes, d.softmax());
  }

  private static int index(long raw, long size, String where) {
    long j = raw < 0 ? raw + size : raw;
    if (j < 0 || j >= size) {
      throw new Refusal(where + ": index " + raw + " outside an axis of " + size);
    }
    return (int) j;
  }
}
