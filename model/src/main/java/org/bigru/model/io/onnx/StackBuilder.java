package org.bigru.model.io.onnx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.MergeMode;
import org.bigru.model.OutputMode;
import org.bigru.model.ResetGateMode;
import org.bigru.model.io.interchange.ImportedLayer;

/**
 * The stack of layers the importer builds while it follows the graph: each recurrent node is pending until a
 * later node uses its output as the features of the next layer (which says how its directions merge and
 * whether every step or the final state is passed on), and each dense layer stays open for its bias and
 * activation until a later node uses it. The stack is a chain: every layer reads the one before.
 */
final class StackBuilder {

  /** A recurrent node read from the graph, its weights in PyTorch's layout. */
  record Recurrent(String node, CellType cell, int hidden, ResetGateMode resetMode,
                   List<ImportedLayer.Direction> directions, int inputPosition) {
  }

  private static final class Dense {
    final int units;
    final float[] weight;
    float[] bias;
    Activation activation = Activation.LINEAR;
    boolean sealed;
    final String node;

    Dense(int units, float[] weight, String node) {
      this.units = units;
      this.weight = weight;
      this.bias = new float[units];
      this.node = node;
    }
  }

  private final int inputSize;
  private final List<Recurrent> recurrent = new ArrayList<>();
  private final List<Object> chain = new ArrayList<>();    // ImportedLayer.Recurrent or Dense
  private final List<Integer> widths = new ArrayList<>();
  private final Map<Integer, Integer> finished = new HashMap<>();  // recurrent id -> chain position

  StackBuilder(int inputSize) {
    this.inputSize = inputSize;
  }

  int addRecurrent(Recurrent r) {
    recurrent.add(r);
    return recurrent.size() - 1;
  }

  Recurrent recurrent(int id) {
    return recurrent.get(id);
  }

  int top() {
    return chain.size() - 1;
  }

  /** Width of a block of features. */
  int width(Source s) {
    return switch (s.kind()) {
      case INPUT -> inputSize;
      case LAYER -> widths.get(s.node());
      default -> recurrent.get(s.node()).hidden();
    };
  }

  int width(List<Source> blocks) {
    return blocks.stream().mapToInt(this::width).sum();
  }

  /**
   * The stack position these features are the output of (-1: the graph input), finishing the recurrent layer
   * they come from; refused unless that is the last layer of the stack.
   */
  int resolve(List<Source> blocks, String where) {
    int position = position(blocks, where);
    if (position != top()) {
      throw new Refusal(where + " reads " + (position < 0 ? "the graph input" : "layer " + (position + 1))
          + ", but the stack already has " + chain.size() + " layer(s) after it; bigru's layers form one chain");
    }
    if (position >= 0 && chain.get(position) instanceof Dense d) {
      d.sealed = true;
    }
    return position;
  }

  private int position(List<Source> blocks, String where) {
    if (blocks.size() == 1 && blocks.get(0).kind() == Source.Kind.INPUT) {
      return -1;
    }
    if (blocks.size() == 1 && blocks.get(0).kind() == Source.Kind.LAYER) {
      return blocks.get(0).node();
    }
    Source first = blocks.get(0);
    int id = first.node();
    for (Source s : blocks) {
      if (s.kind() == Source.Kind.LAYER || s.kind() == Source.Kind.INPUT || s.node() != id
          || s.last() != first.last()) {
        throw new Refusal(where + " mixes features of different layers, which bigru's stack cannot represent");
      }
    }
    Recurrent r = recurrent.get(id);
    int directions = r.directions().size();
    MergeMode merge;
    if (first.kind() == Source.Kind.DIRECTION) {
      boolean inOrder = blocks.size() == directions;
      for (int d = 0; inOrder && d < blocks.size(); d++) {
        inOrder = blocks.get(d).direction() == d;
      }
      if (!inOrder) {
        throw new Refusal(where + " uses " + describe(blocks, r) + " of " + r.cell() + " node '" + r.node()
            + "'; bigru passes on " + (directions == 2 ? "both directions (forward, then reverse)" : "its output"));
      }
      merge = MergeMode.CONCAT;
    } else if (blocks.size() == 1 && directions == 2) {
      merge = switch (first.kind()) {
        case SUM -> MergeMode.SUM;
        case AVE -> MergeMode.AVE;
        default -> MergeMode.MUL;
      };
    } else {
      throw new Refusal(where + " combines the directions of " + r.cell() + " node '" + r.node()
          + "' in a way bigru does not merge them");
    }
    OutputMode mode = first.last() ? OutputMode.LAST : OutputMode.SEQUENCE;
    Integer done = finished.get(id);
    if (done != null) {
      ImportedLayer.Recurrent layer = (ImportedLayer.Recurrent) chain.get(done);
      if (layer.merge() != merge || layer.outputMode() != mode) {
        throw new Refusal(where + " uses " + r.cell() + " node '" + r.node() + "' with merge " + merge.lowerName()
            + " and output mode " + mode.lowerName() + ", but it is already used with " + layer.merge().lowerName()
            + " and " + layer.outputMode().lowerName());
      }
      return done;
    }
    if (r.inputPosition() != top()) {
      throw new Refusal(where + " uses " + r.cell() + " node '" + r.node() + "', whose input is no longer the "
          + "last layer of the stack; bigru's layers form one chain");
    }
    if (top() >= 0 && chain.get(top()) instanceof ImportedLayer.Recurrent before
        && before.outputMode() == OutputMode.LAST) {
      throw new Refusal(r.cell() + " node '" + r.node() + "' reads only the final state of the layer before it");
    }
    chain.add(new ImportedLayer.Recurrent(r.cell(), r.hidden(), r.resetMode(), merge, mode, r.directions()));
    widths.add(directions == 2 ? merge.outputWidth(r.hidden()) : r.hidden());
    finished.put(id, top());
    return top();
  }

  private static String describe(List<Source> blocks, Recurrent r) {
    List<String> names = new ArrayList<>();
    for (Source s : blocks) {
      names.add(s.direction() == 0 ? "the forward direction" : "the reverse direction");
    }
    return String.join(" and ", names) + (r.directions().size() == 2 && blocks.size() == 1 ? " alone" : "");
  }

  /** A dense layer reading the top of the stack; returns its position. */
  int addDense(int units, float[] weight, String node) {
    chain.add(new Dense(units, weight, node));
    widths.add(units);
    return top();
  }

  /** Adds a bias to an open dense layer; refused when it already has one or an activation. */
  void setBias(int position, float[] bias, String where) {
    Dense d = open(position, where);
    if (d.activation != Activation.LINEAR) {
      throw new Refusal(where + " adds a bias after the activation of the dense layer of node '" + d.node + "'");
    }
    for (int i = 0; i < bias.length; i++) {
      d.bias[i] += bias[i];
    }
  }

  void setActivation(int position, Activation activation, String where) {
    Dense d = open(position, where);
    if (d.activation != Activation.LINEAR) {
      throw new Refusal(where + " applies a second activation after the dense layer of node '" + d.node + "'");
    }
    d.activation = activation;
  }

  boolean isDense(int position) {
    return position >= 0 && chain.get(position) instanceof Dense;
  }

  private Dense open(int position, String where) {
    if (!isDense(position) || ((Dense) chain.get(position)).sealed || position != top()) {
      throw new Refusal(where + " acts on features that are not the output of an open dense layer (MatMul or "
          + "Gemm), which is all bigru's stack can follow it with");
    }
    return (Dense) chain.get(position);
  }

  /** The layers, in order. */
  List<ImportedLayer> layers() {
    List<ImportedLayer> list = new ArrayList<>();
    for (Object o : chain) {
      if (o instanceof Dense d) {
        list.add(new ImportedLayer.Dense(d.units, d.activation, d.weight, d.bias));
      } else {
        list.add((ImportedLayer) o);
      }
    }
    return list;
  }
}
