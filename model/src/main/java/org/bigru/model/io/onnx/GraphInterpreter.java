package org.bigru.model.io.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.ResetGateMode;
import org.bigru.model.io.interchange.GateLayout;
import org.bigru.model.io.interchange.ImportedLayer;
import org.bigru.model.io.onnx.Value.Dims;
import org.bigru.model.io.onnx.Value.Dyn;
import org.bigru.model.io.onnx.Value.Known;

/**
 * Follows an ONNX graph node by node, knowing of each tensor what it is ({@link Value}): constants are
 * computed, shapes followed symbolically, and the tensors that depend on the input described by their axes and
 * by where their features come from. Recurrent nodes, the nodes that merge their directions and dense layers
 * build a {@link StackBuilder}; the shape nodes exporters put around them (Shape, Gather, Slice, Concat,
 * Squeeze, Unsqueeze, Reshape, Transpose, Cast, Identity, Constant, ConstantOfShape, Expand, Split) are
 * followed. Any other node, or a supported node used in a way bigru cannot represent, is a {@link Refusal}
 * naming it.
 */
final class GraphInterpreter {

  private final OnnxGraph graph;
  private final long opset;
  private final boolean batchFirst;
  private final Map<String, Value> values = new HashMap<>();
  private final Map<String, OnnxTensor> initializers = new HashMap<>();
  private StackBuilder stack;
  private int stackInputSize;
  private boolean softmax;
  private int nodesDone;
  private long computed;

  /**
   * @param batchFirst whether the graph input is [batch, time, features] (else [time, batch, features]); the
   *                   importer tries both, since only the way the graph uses it tells
   */
  GraphInterpreter(OnnxGraph graph, long opset, boolean batchFirst) {
    this.graph = graph;
    this.opset = opset;
    this.batchFirst = batchFirst;
  }

  /** How many nodes were followed before a refusal (to choose which reading of the input to report). */
  int nodesDone() {
    return nodesDone;
  }

  boolean softmax() {
    return softmax;
  }

  int inputSize() {
    return stackInputSize;
  }

  /** Follows the whole graph; returns the layers of the stack. */
  List<ImportedLayer> run() {
    for (OnnxTensor t : graph.initializers()) {
      initializers.put(t.name(), t);
    }
    bindInputs();
    for (int i = 0; i < graph.nodes().size(); i++) {
      OnnxNode node = graph.nodes().get(i);
      String where = node.describe(i);
      if (!node.domain().isEmpty() && !node.domain().equals("ai.onnx")) {
        throw new Refusal("unsupported node: " + where + " of domain '" + node.domain() + "'");
      }
      List<Value> in = new ArrayList<>();
      for (String name : node.inputs()) {
        in.add(name.isEmpty() ? null : value(name, where));
      }
      checkArity(node, where, in);
      List<Value> out;
      try {
        out = apply(node, where, in);
      } catch (Refusal e) {
        throw e;
      } catch (RuntimeException e) {
        // A malformed node the checks above did not foresee: still the file's fault, named by its node.
        throw new Refusal(where + " cannot be followed: " + e);
      }
      for (int k = 0; k < node.outputs().size() && k < out.size(); k++) {
        if (!node.output(k).isEmpty() && out.get(k) != null) {
          values.put(node.output(k), out.get(k));
          if (out.get(k) instanceof Known known) {
            computed += known.tensor().size();
          }
        }
      }
      if (computed > Folding.MAX_TOTAL_ELEMENTS) {
        throw new Refusal(where + ": the graph's constants computed so far hold more than "
            + Folding.MAX_TOTAL_ELEMENTS + " elements");
      }
      nodesDone++;
    }
    finishOutput();
    return stack.layers();
  }

  // ---------------------------------------------------------------- inputs and outputs

  private void bindInputs() {
    OnnxValueInfo sequences = null;
    boolean lengthsSeen = false;
    for (OnnxValueInfo input : graph.inputs()) {
      if (initializers.containsKey(input.name())) {
        continue;
      }
      boolean integer = input.elemType() == OnnxTensor.INT32 || input.elemType() == OnnxTensor.INT64;
      if (integer && (input.dims() == null || input.dims().size() == 1) && !lengthsSeen) {
        values.put(input.name(), new Value.Lengths());
        lengthsSeen = true;
      } else if (input.elemType() == OnnxTensor.FLOAT && sequences == null) {
        sequences = input;
      } else {
        throw new Refusal("graph input '" + input.name() + "' (" + OnnxTensor.typeName(input.elemType())
            + (input.dims() == null ? "" : ", rank " + input.dims().size()) + ") is neither the float sequences "
            + "[batch, time, features] nor int sequence lengths [batch]");
      }
    }
    if (sequences == null) {
      throw new Refusal("the graph has no float input of sequences");
    }
    if (sequences.dims() != null && sequences.dims().size() != 3) {
      throw new Refusal("graph input '" + sequences.name() + "' has rank " + sequences.dims().size()
          + ", expected 3 (batch, time, features)");
    }
    Object declared = sequences.dims() == null ? null : sequences.dims().get(2);
    stackInputSize = declared instanceof Long w ? Math.toIntExact(w) : firstRecurrentInputWidth();
    if (stackInputSize < 1) {
      throw new Refusal("graph input '" + sequences.name() + "' has " + stackInputSize + " features");
    }
    stack = new StackBuilder(stackInputSize);
    Atom features = Atom.features(List.of(Source.input()), stackInputSize);
    values.put(sequences.name(), batchFirst ? Dyn.of(Atom.BATCH, Atom.TIME, features)
        : Dyn.of(Atom.TIME, Atom.BATCH, features));
  }

  private int firstRecurrentInputWidth() {
    for (OnnxNode node : graph.nodes()) {
      if ((node.opType().equals("GRU") || node.opType().equals("LSTM")) && initializers.get(node.input(1)) != null) {
        long[] dims = initializers.get(node.input(1)).dims();
        if (dims.length == 3) {
          return Math.toIntExact(dims[2]);
        }
      }
    }
    throw new Refusal("the graph input's number of features is not given, and no recurrent node's weights tell it");
  }

  private void finishOutput() {
    if (graph.outputs().size() != 1) {
      throw new Refusal("the graph has " + graph.outputs().size() + " outputs; bigru imports a graph with one");
    }
    String name = graph.outputs().get(0).name();
    Value v = value(name, "graph output '" + name + "'");
    if (!(v instanceof Dyn d)) {
      throw new Refusal("graph output '" + name + "' does not depend on the input");
    }
    List<Atom> last = d.axes().get(d.rank() - 1);
    if (last.size() != 1 || last.get(0).kind() != Atom.Kind.FEATURES || last.get(0).perDirection()) {
      throw new Refusal("graph output '" + name + "' has axes " + d + "; expected features last");
    }
    for (Atom a : d.atoms()) {
      if (a.kind() == Atom.Kind.DIRECTIONS) {
        throw new Refusal("graph output '" + name + "' keeps the directions of a recurrent node apart");
      }
    }
    if (!d.has(Atom.Kind.BATCH)) {
      throw new Refusal("graph output '" + name + "' has no batch axis");
    }
    int position = stack.resolve(last.get(0).sources(), "graph output '" + name + "'");
    if (position < 0) {
      throw new Refusal("graph output '" + name + "' is the graph input: there is no recurrent layer");
    }
    softmax = d.softmax();
  }

  private Value value(String name, String where) {
    Value v = values.get(name);
    if (v != null) {
      return v;
    }
    OnnxTensor init = initializers.get(name);
    if (init != null) {
      Known k = new Known(init);
      values.put(name, k);
      return k;
    }
    throw new Refusal(where + " reads '" + name + "', which no earlier node produces");
  }

  // ---------------------------------------------------------------- dispatch

  /** Inputs each operator needs (present and not left out), and how many it may have. */
  private static final Map<String, int[]> ARITY = Map.ofEntries(
      Map.entry("Constant", new int[] {0, 0}), Map.entry("Identity", new int[] {1, 1}),
      Map.entry("Dropout", new int[] {1, 3}), Map.entry("Cast", new int[] {1, 1}), Map.entry("Shape", new int[] {1, 1}),
      Map.entry("Gather", new int[] {2, 2}), Map.entry("Slice", new int[] {1, 5}), Map.entry("Concat", new int[] {1, 64}),
      Map.entry("Unsqueeze", new int[] {1, 2}), Map.entry("Squeeze", new int[] {1, 2}),
      Map.entry("Reshape", new int[] {2, 2}), Map.entry("Transpose", new int[] {1, 1}), Map.entry("Expand", new int[] {2, 2}),
      Map.entry("ConstantOfShape", new int[] {1, 1}), Map.entry("Split", new int[] {1, 2}),
      Map.entry("Add", new int[] {2, 2}), Map.entry("Sub", new int[] {2, 2}), Map.entry("Mul", new int[] {2, 2}),
      Map.entry("Div", new int[] {2, 2}), Map.entry("Range", new int[] {3, 3}), Map.entry("Less", new int[] {2, 2}),
      Map.entry("Where", new int[] {3, 3}), Map.entry("MatMul", new int[] {2, 2}), Map.entry("Gemm", new int[] {2, 3}),
      Map.entry("Relu", new int[] {1, 1}), Map.entry("Tanh", new int[] {1, 1}), Map.entry("Sigmoid", new int[] {1, 1}),
      Map.entry("Softmax", new int[] {1, 1}), Map.entry("GRU", new int[] {3, 6}), Map.entry("LSTM", new int[] {3, 8}));

  /** Required inputs are the first {@code min}; a required one left out ("") is refused, as are extra ones. */
  private static void checkArity(OnnxNode node, String where, List<Value> in) {
    int[] arity = ARITY.get(node.opType());
    if (arity == null) {
      return;
    }
    int required = node.opType().equals("Slice") && !node.attributes().containsKey("starts") ? 3 : arity[0];
    if (in.size() < required || in.size() > arity[1]) {
      throw new Refusal(where + " has " + in.size() + " inputs, expected " + (required == arity[1] ? required
          : required + " to " + arity[1]));
    }
    for (int i = 0; i < required; i++) {
      if (in.get(i) == null) {
        throw new Refusal(where + " leaves out its required input " + (i + 1));
      }
    }
    if (node.outputs().isEmpty() && !node.opType().equals("Constant")) {
      throw new Refusal(where + " has no output");
    }
  }

  private List<Value> apply(OnnxNode node, String where, List<Value> in) {
    String op = node.opType();
    boolean allKnown = in.stream().allMatch(v -> v == null || v instanceof Known);
    return switch (op) {
      case "Constant" -> List.of(constant(node, where));
      case "Identity" -> List.of(in.get(0));
      case "Dropout" -> Arrays.asList(in.get(0), new Value.Unusable("a dropout mask"));
      case "Cast" -> List.of(cast(node, where, in.get(0)));
      case "Shape" -> List.of(shape(node, where, in.get(0)));
      case "Gather" -> List.of(gather(node, where, in));
      case "Slice" -> List.of(slice(node, where, in));
      case "Concat" -> List.of(concat(node, where, in));
      case "Unsqueeze" -> List.of(unsqueeze(node, where, in));
      case "Squeeze" -> List.of(squeeze(node, where, in));
      case "Reshape" -> List.of(reshape(node, where, in));
      case "Transpose" -> List.of(transpose(node, where, in.get(0)));
      case "Expand" -> List.of(expand(where, in));
      case "ConstantOfShape" -> List.of(constantOfShape(node, where, in.get(0)));
      case "Split" -> split(node, where, in);
      case "Add", "Sub", "Mul", "Div" -> List.of(allKnown ? new Known(Folding.arithmetic(op,
          known(in, 0, where).tensor(), known(in, 1, where).tensor())) : arithmetic(op, where, in));
      case "Range" -> List.of(range(where, in));
      case "Less" -> List.of(less(where, in));
      case "Where" -> List.of(where(where, in));
      case "MatMul" -> List.of(matMul(where, in));
      case "Gemm" -> List.of(gemm(node, where, in));
      case "Relu" -> List.of(activation(where, in.get(0), Activation.RELU));
      case "Tanh" -> List.of(activation(where, in.get(0), Activation.TANH));
      case "Sigmoid" -> List.of(activation(where, in.get(0), Activation.SIGMOID));
      case "Softmax" -> List.of(softmax(node, where, in.get(0)));
      case "GRU", "LSTM" -> recurrent(node, where, in);
      default -> throw new Refusal("unsupported node: " + where
          + "; bigru imports GRU, LSTM, the dense head (MatMul, Gemm, Add, Relu, Tanh, Sigmoid, Softmax) and the "
          + "shape nodes around them");
    };
  }

  // ---------------------------------------------------------------- helpers

  private static Known known(List<Value> in, int i, String where) {
    if (i >= in.size() || !(in.get(i) instanceof Known k)) {
      throw new Refusal(where + ": input " + (i + 1) + " must be a constant");
    }
    return k;
  }

  private static long[] ints(Value v, String where, String what) {
    if (v instanceof Known k && !k.tensor().isFloating()) {
      return k.tensor().longs();
    }
    if (v instanceof Dims d && d.entries().stream().allMatch(Sym::isConstant)) {
      return d.entries().stream().mapToLong(Sym::coefficient).toArray();
    }
    throw new Refusal(where + ": " + what + " must be constant integers");
  }

  private static long intAttribute(OnnxNode node, String name, long otherwise) {
    OnnxAttribute a = node.attributes().get(name);
    return a == null ? otherwise : a.i();
  }

  /** An axes list from the attribute (older opsets) or the given input. */
  private static long[] axes(OnnxNode node, List<Value> in, int input, String where) {
    OnnxAttribute a = node.attributes().get("axes");
    if (a != null) {
      return a.ints();
    }
    return input < in.size() && in.get(input) != null ? ints(in.get(input), where, "axes") : null;
  }

  private static int axis(long axis, int rank, String where) {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new Refusal(where + ": axis " + axis + " is outside rank " + rank);
    }
    return (int) a;
  }

  private static Dims dims(Value v) {
    if (v instanceof Dims d) {
      return d;
    }
    if (v instanceof Known k && !k.tensor().isFloating() && k.tensor().dims().length <= 1) {
      List<Sym> entries = new ArrayList<>();
      for (long x : k.tensor().longs()) {
        entries.add(Sym.of(x));
      }
      return new Dims(entries, k.tensor().dims().length == 0);
    }
    return null;
  }

  /** Dims that are all constant become a constant, so folding takes over. */
  private static Value normalize(Dims d) {
    if (!d.entries().stream().allMatch(Sym::isConstant)) {
      return d;
    }
    long[] v = d.entries().stream().mapToLong(Sym::coefficient).toArray();
    return new Known(new OnnxTensor("", OnnxTensor.INT64, d.scalar() ? new long[0] : new long[] {v.length}, null, v));
  }

  // ---------------------------------------------------------------- constants and shapes

  private Value constant(OnnxNode node, String where) {
    for (OnnxAttribute a : node.attributes().values()) {
      switch (a.name()) {
        case "value":
          if (a.t() == null) {
            throw new Refusal(where + ": attribute 'value' holds no tensor");
          }
          return new Known(a.t());
        case "value_float":
          return new Known(OnnxTensor.ofFloats("", new long[0], new float[] {a.f()}));
        case "value_floats":
          return new Known(OnnxTensor.ofFloats("", new long[] {a.floats().length}, a.floats()));
        case "value_int":
          return new Known(OnnxTensor.ofLongs("", OnnxTensor.INT64, new long[0], new long[] {a.i()}));
        case "value_ints":
          return new Known(OnnxTensor.ofLongs("", OnnxTensor.INT64, new long[] {a.ints().length}, a.ints()));
        default:
          break;
      }
    }
    throw new Refusal(where + ": no value bigru reads (value, value_float(s), value_int(s))");
  }

  private Value cast(OnnxNode node, String where, Value v) {
    int to = (int) intAttribute(node, "to", 0);
    boolean toFloat = to == OnnxTensor.FLOAT || to == OnnxTensor.DOUBLE;
    if (v instanceof Known k) {
      return new Known(Folding.cast(k.tensor(), to));
    }
    if (v instanceof Dyn && toFloat || v instanceof Dims && !toFloat || v instanceof Value.Lengths && !toFloat
        || v instanceof Value.Mask || v instanceof Value.StepIndex && !toFloat || v instanceof Value.Zeros) {
      return v;
    }
    throw new Refusal(where + " casts " + describe(v) + " to " + OnnxTensor.typeName(to));
  }

  private Value shape(OnnxNode node, String where, Value v) {
    List<Sym> sizes = new ArrayList<>();
    if (v instanceof Known k) {
      for (long d : k.tensor().dims()) {
        sizes.add(Sym.of(d));
      }
    } else if (v instanceof Dyn d) {
      for (List<Atom> group : d.axes()) {
        Sym size = Sym.of(1);
        for (Atom a : group) {
          size = size.times(a.size());
        }
        sizes.add(size);
      }
    } else if (v instanceof Value.Lengths) {
      sizes.add(Sym.BATCH);
    } else {
      throw new Refusal(where + " takes the shape of " + describe(v));
    }
    int rank = sizes.size();
    long start = intAttribute(node, "start", 0);
    long end = intAttribute(node, "end", rank);
    int s = (int) Math.max(0, Math.min(rank, start < 0 ? start + rank : start));
    int e = (int) Math.max(0, Math.min(rank, end < 0 ? end + rank : end));
    return normalize(new Dims(sizes.subList(s, Math.max(s, e)), false));
  }

  private Value gather(OnnxNode node, String where, List<Value> in) {
    Value data = in.get(0);
    Known indices = known(in, 1, where);
    if (indices.tensor().isFloating()) {
      throw new Refusal(where + ": indices must be integers");
    }
    long axisAttr = intAttribute(node, "axis", 0);
    if (data instanceof Known k) {
      return new Known(Folding.gather(k.tensor(), axis(axisAttr, k.tensor().dims().length, where), indices.tensor()));
    }
    Dims dims = dims(data);
    if (dims != null && !dims.scalar()) {
      List<Sym> picked = new ArrayList<>();
      for (long raw : indices.tensor().longs()) {
        long j = raw < 0 ? raw + dims.entries().size() : raw;
        if (j < 0 || j >= dims.entries().size()) {
          throw new Refusal(where + ": index " + raw + " outside a shape of rank " + dims.entries().size());
        }
        picked.add(dims.entries().get((int) j));
      }
      return normalize(new Dims(picked, indices.tensor().dims().length == 0));
    }
    if (data instanceof Dyn d) {
      return Axes.gather(d, axis(axisAttr, d.rank(), where), indices.tensor(), stack, where);
    }
    if (data instanceof Value.Zeros) {
      return data;
    }
    throw new Refusal(where + " gathers from " + describe(data));
  }

  private Value slice(OnnxNode node, String where, List<Value> in) {
    Value data = in.get(0);
    long[] starts;
    long[] ends;
    long[] axes;
    long[] steps;
    if (node.attributes().containsKey("starts")) {
      starts = node.attributes().get("starts").ints();
      ends = node.attributes().get("ends") == null ? null : node.attributes().get("ends").ints();
      axes = axes(node, in, 99, where);
      steps = null;
    } else {
      starts = ints(in.get(1), where, "starts");
      ends = in.size() > 2 && in.get(2) != null ? ints(in.get(2), where, "ends") : null;
      axes = in.size() > 3 && in.get(3) != null ? ints(in.get(3), where, "axes") : null;
      steps = in.size() > 4 && in.get(4) != null ? ints(in.get(4), where, "steps") : null;
    }
    if (ends == null || ends.length != starts.length || axes != null && axes.length != starts.length
        || steps != null && steps.length != starts.length) {
      throw new Refusal(where + ": starts, ends, axes and steps differ in length");
    }
    Value result = data;
    for (int i = 0; i < starts.length; i++) {
      long step = steps == null ? 1 : steps[i];
      long axisValue = axes == null ? i : axes[i];
      result = sliceOne(result, axisValue, starts[i], ends[i], step, where);
    }
    return result;
  }

  private Value sliceOne(Value data, long axisValue, long start, long end, long step, String where) {
    if (data instanceof Known k) {
      return new Known(Folding.slice(k.tensor(), axis(axisValue, k.tensor().dims().length, where), start, end, step));
    }
    Dims dims = dims(data);
    if (dims != null && !dims.scalar()) {
      axis(axisValue, 1, where);
      long[] range = Folding.sliceRange(dims.entries().size(), start, end, step);
      List<Sym> picked = new ArrayList<>();
      for (long j = 0; j < range[2]; j++) {
        picked.add(dims.entries().get((int) (range[0] + j * range[1])));
      }
      return normalize(new Dims(picked, false));
    }
    if (data instanceof Dyn d) {
      return Axes.slice(d, axis(axisValue, d.rank(), where), start, end, step, stack, where);
    }
    if (data instanceof Value.Zeros) {
      return data;
    }
    throw new Refusal(where + " slices " + describe(data));
  }

  private Value concat(OnnxNode node, String where, List<Value> in) {
    long axisAttr = intAttribute(node, "axis", 0);
    if (in.stream().allMatch(v -> v instanceof Known)) {
      List<OnnxTensor> parts = in.stream().map(v -> ((Known) v).tensor()).toList();
      return new Known(Folding.concat(parts, axis(axisAttr, parts.get(0).dims().length, where)));
    }
    if (in.stream().allMatch(v -> dims(v) != null && !dims(v).scalar())) {
      List<Sym> all = new ArrayList<>();
      in.forEach(v -> all.addAll(dims(v).entries()));
      return normalize(new Dims(all, false));
    }
    if (in.stream().allMatch(v -> v instanceof Dyn)) {
      List<Dyn> parts = in.stream().map(v -> (Dyn) v).toList();
      return Axes.concat(parts, axis(axisAttr, parts.get(0).rank(), where), stack, where);
    }
    if (in.stream().allMatch(v -> v instanceof Value.Zeros || v instanceof Known k && Folding.allZero(k.tensor()))) {
      return new Value.Zeros();
    }
    throw new Refusal(where + " concatenates " + in.stream().map(GraphInterpreter::describe).toList());
  }

  private Value unsqueeze(OnnxNode node, String where, List<Value> in) {
    Value data = in.get(0);
    long[] axes = axes(node, in, 1, where);
    if (axes == null) {
      throw new Refusal(where + ": no axes");
    }
    if (data instanceof Known k) {
      return new Known(Folding.reshape(k.tensor(), unsqueezedDims(k.tensor().dims(), axes, where)));
    }
    Dims dims = dims(data);
    if (dims != null && dims.scalar()) {
      if (axes.length != 1 || axes[0] != 0 && axes[0] != -1) {
        throw new Refusal(where + ": a scalar unsqueezed on axes " + Arrays.toString(axes));
      }
      return normalize(new Dims(dims.entries(), false));
    }
    if (data instanceof Dyn d) {
      return Axes.unsqueeze(d, axes, where);
    }
    if (data instanceof Value.Zeros || data instanceof Value.Lengths || data instanceof Value.Mask) {
      return data;
    }
    throw new Refusal(where + " unsqueezes " + describe(data));
  }

  private static long[] unsqueezedDims(long[] dims, long[] axes, String where) {
    int rank = dims.length + axes.length;
    boolean[] inserted = new boolean[rank];
    for (long a : axes) {
      inserted[axis(a, rank, where)] = true;
    }
    long[] out = new long[rank];
    int k = 0;
    for (int i = 0; i < rank; i++) {
      out[i] = inserted[i] ? 1 : dims[k++];
    }
    return out;
  }

  private Value squeeze(OnnxNode node, String where, List<Value> in) {
    Value data = in.get(0);
    long[] axes = axes(node, in, 1, where);
    if (data instanceof Known k) {
      long[] dims = k.tensor().dims();
      List<Long> out = new ArrayList<>();
      boolean[] drop = new boolean[dims.length];
      if (axes == null) {
        for (int i = 0; i < dims.length; i++) {
          drop[i] = dims[i] == 1;
        }
      } else {
        for (long a : axes) {
          int i = axis(a, dims.length, where);
          if (dims[i] != 1) {
            throw new Refusal(where + ": squeezes axis " + a + " of size " + dims[i]);
          }
          drop[i] = true;
        }
      }
      for (int i = 0; i < dims.length; i++) {
        if (!drop[i]) {
          out.add(dims[i]);
        }
      }
      return new Known(Folding.reshape(k.tensor(), out.stream().mapToLong(Long::longValue).toArray()));
    }
    Dims dims = dims(data);
    if (dims != null && !dims.scalar() && dims.entries().size() == 1) {
      return normalize(new Dims(dims.entries(), true));
    }
    if (data instanceof Dyn d) {
      return Axes.squeeze(d, axes, where);
    }
    if (data instanceof Value.Zeros || data instanceof Value.Lengths || data instanceof Value.Mask) {
      return data;
    }
    throw new Refusal(where + " squeezes " + describe(data));
  }

  private Value reshape(OnnxNode node, String where, List<Value> in) {
    Value data = in.get(0);
    boolean allowZero = intAttribute(node, "allowzero", 0) == 1;
    Dims target = dims(in.get(1));
    if (target == null || target.scalar()) {
      throw new Refusal(where + ": the new shape must be a vector of integers");
    }
    if (data instanceof Known k) {
      long[] shape = ints(in.get(1), where, "the new shape");
      return new Known(Folding.reshape(k.tensor(), resolveShape(k.tensor().dims(), shape, allowZero, where)));
    }
    Dims dims = dims(data);
    if (dims != null) {
      long[] shape = ints(in.get(1), where, "the new shape");
      int n = dims.entries().size();
      if (shape.length == 0 && n == 1) {
        return normalize(new Dims(dims.entries(), true));
      }
      if (shape.length == 1 && (shape[0] == -1 || shape[0] == n)) {
        return normalize(new Dims(dims.entries(), false));
      }
      throw new Refusal(where + " reshapes a shape vector to " + Arrays.toString(shape));
    }
    if (data instanceof Dyn d) {
      return Axes.reshape(d, target.entries(), allowZero, where);
    }
    if (data instanceof Value.Zeros) {
      return data;
    }
    throw new Refusal(where + " reshapes " + describe(data));
  }

  private static long[] resolveShape(long[] dims, long[] shape, boolean allowZero, String where) {
    long total = OnnxTensor.elementCount(dims);
    long[] out = shape.clone();
    int infer = -1;
    long known = 1;
    for (int i = 0; i < out.length; i++) {
      if (out[i] == 0 && !allowZero) {
        if (i >= dims.length) {
          throw new Refusal(where + ": copies dimension " + i + " of a tensor of rank " + dims.length);
        }
        out[i] = dims[i];
      }
      if (out[i] == -1) {
        if (infer >= 0) {
          throw new Refusal(where + ": two dimensions to infer");
        }
        infer = i;
      } else if (out[i] < 0) {
        throw new Refusal(where + ": dimension " + out[i]);
      } else {
        known = Math.multiplyExact(known, out[i]);
      }
    }
    if (infer >= 0) {
      if (known == 0 || total % known != 0) {
        throw new Refusal(where + ": cannot infer a dimension of " + Arrays.toString(shape) + " from "
            + Arrays.toString(dims));
      }
      out[infer] = total / known;
    } else if (known != total) {
      throw new Refusal(where + ": " + Arrays.toString(dims) + " cannot be reshaped to " + Arrays.toString(shape));
    }
    return out;
  }

  private Value transpose(OnnxNode node, String where, Value data) {
    OnnxAttribute permAttr = node.attributes().get("perm");
    if (data instanceof Known k) {
      int rank = k.tensor().dims().length;
      return new Known(Folding.transpose(k.tensor(), perm(permAttr, rank, where)));
    }
    if (data instanceof Dyn d) {
      int[] perm = perm(permAttr, d.rank(), where);
      List<List<Atom>> axes = new ArrayList<>();
      for (int p : perm) {
        axes.add(d.axes().get(p));
      }
      return new Dyn(axes, d.softmax());
    }
    if (data instanceof Value.Zeros) {
      return data;
    }
    throw new Refusal(where + " transposes " + describe(data));
  }

  private static int[] perm(OnnxAttribute attr, int rank, String where) {
    int[] perm = new int[rank];
    if (attr == null) {
      for (int i = 0; i < rank; i++) {
        perm[i] = rank - 1 - i;
      }
      return perm;
    }
    if (attr.ints().length != rank) {
      throw new Refusal(where + ": perm " + Arrays.toString(attr.ints()) + " for rank " + rank);
    }
    boolean[] seen = new boolean[rank];
    for (int i = 0; i < rank; i++) {
      int p = axis(attr.ints()[i], rank, where);
      if (seen[p]) {
        throw new Refusal(where + ": perm " + Arrays.toString(attr.ints()) + " is not a permutation");
      }
      seen[p] = true;
      perm[i] = p;
    }
    return perm;
  }

  private Value expand(String where, List<Value> in) {
    Value data = in.get(0);
    if (data instanceof Known k && in.get(1) instanceof Known shape) {
      return new Known(Folding.expand(k.tensor(), shape.tensor().longs()));
    }
    if (data instanceof Known k && Folding.allZero(k.tensor()) && dims(in.get(1)) != null) {
      return new Value.Zeros();
    }
    if (data instanceof Value.Zeros) {
      return data;
    }
    throw new Refusal(where + " expands " + describe(data));
  }

  private Value constantOfShape(OnnxNode node, String where, Value shape) {
    OnnxAttribute valueAttr = node.attributes().get("value");
    OnnxTensor fill = valueAttr == null || valueAttr.t() == null
        ? OnnxTensor.ofFloats("", new long[] {1}, new float[] {0f}) : valueAttr.t();
    if (fill.size() != 1) {
      throw new Refusal(where + ": value must hold one element");
    }
    if (shape instanceof Known k) {
      return new Known(Folding.filled(k.tensor().longs(), fill));
    }
    if (dims(shape) != null && Folding.allZero(fill)) {
      return new Value.Zeros();
    }
    throw new Refusal(where + " fills a shape that depends on the input with a value that is not zero");
  }

  private List<Value> split(OnnxNode node, String where, List<Value> in) {
    Value data = in.get(0);
    long axisAttr = intAttribute(node, "axis", 0);
    int outputs = node.outputs().size();
    long[] sizes = node.attributes().containsKey("split") ? node.attributes().get("split").ints()
        : in.size() > 1 && in.get(1) != null ? ints(in.get(1), where, "split") : null;
    if (data instanceof Known k) {
      int axis = axis(axisAttr, k.tensor().dims().length, where);
      long[] parts = sizes != null ? sizes : equalParts(k.tensor().dims()[axis], outputs, where);
      List<Value> out = new ArrayList<>();
      long start = 0;
      for (long p : parts) {
        out.add(new Known(Folding.slice(k.tensor(), axis, start, start + p, 1)));
        start += p;
      }
      return out;
    }
    if (data instanceof Dyn d) {
      return Axes.split(d, axis(axisAttr, d.rank(), where), sizes, outputs, stack, where);
    }
    throw new Refusal(where + " splits " + describe(data));
  }

  static long[] equalParts(long size, int outputs, String where) {
    if (outputs < 1) {
      throw new Refusal(where + ": no outputs");
    }
    long each = (size + outputs - 1) / outputs;
    long[] parts = new long[outputs];
    long left = size;
    for (int i = 0; i < outputs; i++) {
      parts[i] = Math.min(each, left);
      left -= parts[i];
    }
    return parts;
  }

  // ---------------------------------------------------------------- arithmetic on what depends on the input

  private Value arithmetic(String op, String where, List<Value> in) {
    Value a = in.get(0);
    Value b = in.get(1);
    Dims da = dims(a);
    Dims db = dims(b);
    if (da != null && db != null && (op.equals("Mul") || op.equals("Add"))) {
      return dimsArithmetic(op, da, db, where);
    }
    if (op.equals("Mul") && (a instanceof Value.Mask && b instanceof Dyn || a instanceof Dyn && b instanceof Value.Mask)) {
      return a instanceof Dyn ? a : b;
    }
    if (a instanceof Dyn x && b instanceof Dyn y) {
      return Axes.mergeDirections(op, x, y, stack, where);
    }
    Dyn x = a instanceof Dyn d ? d : b instanceof Dyn d ? d : null;
    Known c = a instanceof Known k ? k : b instanceof Known k ? k : null;
    if (x == null || c == null) {
      throw new Refusal(where + " combines " + describe(a) + " and " + describe(b));
    }
    List<Atom> last = x.axes().get(x.rank() - 1);
    Source only = last.size() == 1 && last.get(0).sources().size() == 1 ? last.get(0).sources().get(0) : null;
    if (only != null && only.kind() == Source.Kind.INPUT && (op.equals("Sub") || op.equals("Div"))) {
      throw new Refusal(where + " scales the graph input; bigru imports the network alone (export it without "
          + "preprocessing, and scale the data as the model's metadata says)");
    }
    if (only != null && only.kind() == Source.Kind.SUM
        && (op.equals("Mul") && a == x && isScalar(c, 0.5f) || op.equals("Div") && a == x && isScalar(c, 2f)
        || op.equals("Mul") && b == x && isScalar(c, 0.5f))) {
      return x.mapSources(s -> new Source(Source.Kind.AVE, s.node(), 0, s.last()));
    }
    if (only != null && only.kind() == Source.Kind.LAYER && op.equals("Add")) {
      stack.setBias(only.node(), bias(c.tensor(), stack.width(only), where), where);
      return x;
    }
    throw new Refusal(where + " (" + op + ") applies a constant to " + describe(x)
        + ", which is not a bias of a dense layer nor the average of two directions");
  }

  private static boolean isScalar(Known c, float value) {
    return c.tensor().size() == 1 && c.tensor().value(0) == value;
  }

  /** A bias constant as a vector of the layer's width (it may carry leading unit dims or be a scalar). */
  private static float[] bias(OnnxTensor c, int width, String where) {
    long[] dims = c.dims();
    for (int i = 0; i < dims.length - 1; i++) {
      if (dims[i] != 1) {
        throw new Refusal(where + ": a bias of shape " + Arrays.toString(dims));
      }
    }
    long n = dims.length == 0 ? 1 : dims[dims.length - 1];
    if (n != width && n != 1) {
      throw new Refusal(where + ": a bias of " + n + " values for a layer of " + width);
    }
    float[] b = new float[width];
    for (int i = 0; i < width; i++) {
      b[i] = (float) c.value(n == 1 ? 0 : i);
    }
    return b;
  }

  private Value dimsArithmetic(String op, Dims a, Dims b, String where) {
    int n = Math.max(a.entries().size(), b.entries().size());
    List<Sym> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Sym x = a.entries().get(a.entries().size() == 1 ? 0 : i);
      Sym y = b.entries().get(b.entries().size() == 1 ? 0 : i);
      if (op.equals("Mul")) {
        out.add(x.times(y));
      } else if (x.isConstant() && y.isConstant()) {
        out.add(Sym.of(x.coefficient() + y.coefficient()));
      } else {
        throw new Refusal(where + " adds shape entries " + x + " and " + y);
      }
    }
    return normalize(new Dims(out, a.scalar() && b.scalar()));
  }

  private Value range(String where, List<Value> in) {
    if (in.stream().allMatch(v -> v instanceof Known)) {
      long start = (long) known(in, 0, where).tensor().value(0);
      long limit = (long) known(in, 1, where).tensor().value(0);
      long delta = (long) known(in, 2, where).tensor().value(0);
      if (delta == 0) {
        throw new Refusal(where + ": delta 0");
      }
      long n = Math.max(0, (limit - start + delta - (delta > 0 ? 1 : -1)) / delta);
      long[] v = new long[(int) Folding.count(new long[] {n})];
      for (int i = 0; i < v.length; i++) {
        v[i] = start + i * delta;
      }
      return new Known(new OnnxTensor("", OnnxTensor.INT64, new long[] {n}, null, v));
    }
    Dims limit = dims(in.get(1));
    if (in.get(0) instanceof Known s && s.tensor().value(0) == 0 && in.get(2) instanceof Known d
        && d.tensor().value(0) == 1 && limit != null && limit.entries().size() == 1
        && limit.entries().get(0).equals(Sym.TIME)) {
      return new Value.StepIndex();
    }
    throw new Refusal(where + ": a Range other than 0 .. time - 1");
  }

  private Value less(String where, List<Value> in) {
    if (in.get(0) instanceof Value.StepIndex && in.get(1) instanceof Value.Lengths) {
      return new Value.Mask();
    }
    throw new Refusal(where + " compares " + describe(in.get(0)) + " with " + describe(in.get(1))
        + " (bigru follows only step index < length)");
  }

  private Value where(String where, List<Value> in) {
    if (in.get(0) instanceof Value.Mask && in.get(1) instanceof Dyn d && in.get(2) instanceof Known zero
        && Folding.allZero(zero.tensor()) && d.has(Atom.Kind.TIME)) {
      return d;
    }
    throw new Refusal(where + ": a Where other than zeros on padded steps");
  }

  // ---------------------------------------------------------------- dense layers

  private Value matMul(String where, List<Value> in) {
    if (!(in.get(0) instanceof Dyn x)) {
      throw new Refusal(where + " multiplies " + describe(in.get(0)) + "; bigru follows only features times a "
          + "constant weight");
    }
    OnnxTensor w = known(in, 1, where).tensor();
    if (w.dims().length != 2 || !w.isFloating()) {
      throw new Refusal(where + ": the weight must be a float matrix, found " + Arrays.toString(w.dims()));
    }
    return dense(x, w, false, where);
  }

  private Value gemm(OnnxNode node, String where, List<Value> in) {
    if (!(in.get(0) instanceof Dyn x) || x.rank() != 2) {
      throw new Refusal(where + " multiplies " + describe(in.get(0)) + "; bigru follows only features [batch, "
          + "features] times a constant weight");
    }
    if (intAttribute(node, "transA", 0) != 0) {
      throw new Refusal(where + ": attribute transA=1 (the features transposed) is not supported");
    }
    for (String scale : List.of("alpha", "beta")) {
      OnnxAttribute a = node.attributes().get(scale);
      if (a != null && a.f() != 1f) {
        throw new Refusal(where + ": attribute " + scale + "=" + a.f() + " is not supported (1 only)");
      }
    }
    OnnxTensor w = known(in, 1, where).tensor();
    if (w.dims().length != 2 || !w.isFloating()) {
      throw new Refusal(where + ": the weight must be a float matrix, found " + Arrays.toString(w.dims()));
    }
    Dyn out = dense(x, w, intAttribute(node, "transB", 0) != 0, where);
    if (in.size() > 2 && in.get(2) != null) {
      Source layer = out.axes().get(1).get(0).sources().get(0);
      stack.setBias(layer.node(), bias(known(in, 2, where).tensor(), stack.width(layer), where), where);
    }
    return out;
  }

  /** x [..., in] times w ([in, out], or [out, in] when transposed): a new dense layer on the stack. */
  private Dyn dense(Dyn x, OnnxTensor w, boolean transposed, String where) {
    List<Atom> last = x.axes().get(x.rank() - 1);
    if (last.size() != 1 || last.get(0).kind() != Atom.Kind.FEATURES || last.get(0).perDirection()) {
      throw new Refusal(where + " multiplies a tensor of axes " + x + "; bigru follows a dense layer on features");
    }
    for (Atom a : x.atoms()) {
      if (a.kind() == Atom.Kind.DIRECTIONS) {
        throw new Refusal(where + " applies a dense layer to each direction of a recurrent node apart");
      }
    }
    int in = last.get(0).width();
    int rows = (int) w.dims()[0];
    int cols = (int) w.dims()[1];
    int wIn = transposed ? cols : rows;
    int out = transposed ? rows : cols;
    if (wIn != in) {
      throw new Refusal(where + ": a weight of shape " + Arrays.toString(w.dims()) + " for " + in + " features");
    }
    stack.resolve(last.get(0).sources(), where);
    float[] weight = transposed ? w.floats().clone() : GateLayout.transpose(w.floats(), in, out);
    int position = stack.addDense(out, weight, where);
    List<List<Atom>> axes = new ArrayList<>(x.axes());
    axes.set(axes.size() - 1, List.of(Atom.features(List.of(Source.layer(position)), out)));
    return new Dyn(axes, false);
  }

  private Value activation(String where, Value v, Activation activation) {
    if (v instanceof Dyn d) {
      List<Atom> last = d.axes().get(d.rank() - 1);
      if (last.size() == 1 && last.get(0).sources().size() == 1
          && last.get(0).sources().get(0).kind() == Source.Kind.LAYER) {
        stack.setActivation(last.get(0).sources().get(0).node(), activation, where);
        return d;
      }
    }
    throw new Refusal(where + " applies " + activation.lowerName() + " to " + describe(v)
        + "; bigru has activations only after a dense layer");
  }

  private Value softmax(OnnxNode node, String where, Value v) {
    if (!(v instanceof Dyn d)) {
      throw new Refusal(where + " applies softmax to " + describe(v));
    }
    long axis = intAttribute(node, "axis", opset >= 13 ? -1 : 1);
    if (axis(axis, d.rank(), where) != d.rank() - 1) {
      throw new Refusal(where + ": softmax over axis " + axis + ", not the features");
    }
    List<Atom> last = d.axes().get(d.rank() - 1);
    if (last.size() != 1 || last.get(0).sources().size() != 1 || !stack.isDense(last.get(0).sources().get(0).node())
        || last.get(0).sources().get(0).kind() != Source.Kind.LAYER) {
      throw new Refusal(where + ": softmax of something other than a dense layer's output");
    }
    stack.resolve(last.get(0).sources(), where);
    return new Dyn(d.axes(), true);
  }

  // ---------------------------------------------------------------- recurrent nodes

  private List<Value> recurrent(OnnxNode node, String where, List<Value> in) {
    boolean gru = node.opType().equals("GRU");
    CellType cell = gru ? CellType.GRU : CellType.LSTM;
    String direction = node.attributes().containsKey("direction") ? node.attributes().get("direction").s() : "forward";
    if (!direction.equals("forward") && !direction.equals("bidirectional")) {
      throw new Refusal(where + ": attribute direction=\"" + direction + "\" is not supported (forward or "
          + "bidirectional)");
    }
    int directions = direction.equals("bidirectional") ? 2 : 1;
    checkDefaultAttributes(node, where, gru, directions);
    long layout = intAttribute(node, "layout", 0);
    if (layout != 0 && layout != 1) {
      throw new Refusal(where + ": attribute layout=" + layout);
    }
    if (!(in.get(0) instanceof Dyn x) || x.rank() != 3) {
      throw new Refusal(where + " reads " + describe(in.get(0)) + " as its sequences");
    }
    Atom.Kind first = layout == 0 ? Atom.Kind.TIME : Atom.Kind.BATCH;
    Atom.Kind second = layout == 0 ? Atom.Kind.BATCH : Atom.Kind.TIME;
    List<Atom> features = x.axes().get(2);
    if (x.axes().get(0).size() != 1 || x.axes().get(0).get(0).kind() != first || x.axes().get(1).size() != 1
        || x.axes().get(1).get(0).kind() != second || features.size() != 1
        || features.get(0).kind() != Atom.Kind.FEATURES || features.get(0).perDirection()) {
      throw new Refusal(where + " reads sequences of axes " + x + "; with layout=" + layout + " it needs ["
          + first.name().toLowerCase() + ", " + second.name().toLowerCase() + ", features]");
    }
    int inputWidth = features.get(0).width();
    int inputPosition = stack.resolve(features.get(0).sources(), where);
    int gates = cell.gates();
    OnnxTensor w = weight(in, 1, where, "W");
    OnnxTensor r = weight(in, 2, where, "R");
    long hiddenAttr = intAttribute(node, "hidden_size", -1);
    int hidden = (int) (r.dims().length == 3 ? r.dims()[2] : -1);
    if (!Arrays.equals(w.dims(), new long[] {directions, (long) gates * hidden, inputWidth})
        || !Arrays.equals(r.dims(), new long[] {directions, (long) gates * hidden, hidden})
        || hiddenAttr >= 0 && hiddenAttr != hidden || hidden < 1) {
      throw new Refusal(where + ": W " + Arrays.toString(w.dims()) + " and R " + Arrays.toString(r.dims())
          + " do not fit " + directions + " direction(s) of hidden_size " + hiddenAttr + " on " + inputWidth
          + " features");
    }
    float[] b = new float[directions * 2 * gates * hidden];
    if (in.size() > 3 && in.get(3) != null) {
      OnnxTensor bias = weight(in, 3, where, "B");
      if (!Arrays.equals(bias.dims(), new long[] {directions, 2L * gates * hidden})) {
        throw new Refusal(where + ": B has shape " + Arrays.toString(bias.dims()) + ", expected ["
            + directions + ", " + 2 * gates * hidden + "]");
      }
      b = bias.floats();
    }
    if (in.size() > 4 && in.get(4) != null && !(in.get(4) instanceof Value.Lengths)) {
      throw new Refusal(where + ": sequence_lens is " + describe(in.get(4)) + ", not the graph's input of lengths");
    }
    for (int i = 5; i < in.size(); i++) {
      Value v = in.get(i);
      String name = i == 5 ? "initial_h" : i == 6 ? "initial_c" : "P (peepholes)";
      if (v != null && !(v instanceof Value.Zeros) && !(v instanceof Known k && Folding.allZero(k.tensor()))) {
        throw new Refusal(where + ": input " + name + " is not zero; bigru's recurrent layers start from zero");
      }
    }
    long linearBeforeReset = gru ? intAttribute(node, "linear_before_reset", 0) : 0;
    List<ImportedLayer.Direction> weights = new ArrayList<>();
    ResetGateMode mode = null;
    int block = gates * hidden;
    boolean recurrentBiasZero = GateLayout.allZero(b, 0, 0);
    for (int d = 0; d < directions; d++) {
      recurrentBiasZero &= GateLayout.allZero(b, (2 * d + 1) * block, (2 * d + 2) * block);
    }
    if (gru) {
      mode = linearBeforeReset == 0 ? ResetGateMode.BEFORE_MULTIPLICATION
          : recurrentBiasZero ? ResetGateMode.AFTER_MULTIPLICATION : ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION;
    }
    int[] order = gru ? GateLayout.GRU_ONNX_FROM_TORCH : GateLayout.LSTM_TORCH_FROM_ONNX;
    for (int d = 0; d < directions; d++) {
      float[] wd = Arrays.copyOfRange(w.floats(), d * block * inputWidth, (d + 1) * block * inputWidth);
      float[] rd = Arrays.copyOfRange(r.floats(), d * block * hidden, (d + 1) * block * hidden);
      float[] wb = GateLayout.reorderBlocks(Arrays.copyOfRange(b, 2 * d * block, (2 * d + 1) * block), order, hidden, 1);
      float[] rb = GateLayout.reorderBlocks(Arrays.copyOfRange(b, (2 * d + 1) * block, (2 * d + 2) * block), order,
          hidden, 1);
      boolean separate = !gru || mode == ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION;
      weights.add(new ImportedLayer.Direction(GateLayout.reorderBlocks(wd, order, hidden, inputWidth),
          GateLayout.reorderBlocks(rd, order, hidden, hidden), separate ? wb : GateLayout.add(wb, rb),
          separate ? rb : null));
    }
    String name = node.name().isEmpty() ? where : node.name();
    int id = stack.addRecurrent(new StackBuilder.Recurrent(name, cell, hidden, mode, weights, inputPosition));
    List<Source> sequenceSources = new ArrayList<>();
    List<Source> finalSources = new ArrayList<>();
    for (int d = 0; d < directions; d++) {
      sequenceSources.add(Source.direction(id, d, false));
      finalSources.add(Source.direction(id, d, true));
    }
    Atom perDirection = Atom.hiddenOfEachDirection(hidden);
    Dyn y = layout == 0 ? Dyn.of(Atom.TIME, Atom.directions(sequenceSources), Atom.BATCH, perDirection)
        : Dyn.of(Atom.BATCH, Atom.TIME, Atom.directions(sequenceSources), perDirection);
    Dyn yh = layout == 0 ? Dyn.of(Atom.directions(finalSources), Atom.BATCH, perDirection)
        : Dyn.of(Atom.BATCH, Atom.directions(finalSources), perDirection);
    return Arrays.asList(y, yh, new Value.Unusable("the final cell state Y_c of " + where));
  }

  private static OnnxTensor weight(List<Value> in, int i, String where, String what) {
    if (i >= in.size() || !(in.get(i) instanceof Known k) || !k.tensor().isFloating()) {
      throw new Refusal(where + ": input " + what + " must be a constant float tensor");
    }
    return k.tensor();
  }

  /** Activations, their parameters, clip and input_forget must be ONNX's defaults. */
  private static void checkDefaultAttributes(OnnxNode node, String where, boolean gru, int directions) {
    OnnxAttribute activations = node.attributes().get("activations");
    if (activations != null) {
      List<String> one = gru ? List.of("sigmoid", "tanh") : List.of("sigmoid", "tanh", "tanh");
      List<String> expected = new ArrayList<>();
      for (int d = 0; d < directions; d++) {
        expected.addAll(one);
      }
      List<String> found = activations.strings().stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
      if (!found.equals(expected)) {
        throw new Refusal(where + ": attribute activations=" + activations.strings() + " is not supported (bigru's "
            + (gru ? "GRU uses Sigmoid, Tanh" : "LSTM uses Sigmoid, Tanh, Tanh") + " per direction)");
      }
    }
    for (String name : List.of("activation_alpha", "activation_beta", "clip")) {
      OnnxAttribute a = node.attributes().get(name);
      if (a != null) {
        throw new Refusal(where + ": attribute " + name + "=" + a.describe() + " is not supported (bigru's cells "
            + "have no " + (name.equals("clip") ? "cell clipping" : "activation parameters") + ")");
      }
    }
    if (!gru && intAttribute(node, "input_forget", 0) != 0) {
      throw new Refusal(where + ": attribute input_forget=1 (coupled input and forget gates) is not supported");
    }
    for (String name : node.attributes().keySet()) {
      if (!List.of("activations", "direction", "hidden_size", "layout", "linear_before_reset", "input_forget")
          .contains(name)) {
        throw new Refusal(where + ": attribute " + name + " is not supported");
      }
    }
  }

  static String describe(Value v) {
    if (v == null) {
      return "nothing";
    }
    if (v instanceof Known k) {
      return "a constant " + Arrays.toString(k.tensor().dims());
    }
    if (v instanceof Dims d) {
      return "a shape " + d.entries();
    }
    if (v instanceof Dyn d) {
      return "a tensor of axes " + d;
    }
    if (v instanceof Value.Unusable u) {
      return u.what();
    }
    return v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
