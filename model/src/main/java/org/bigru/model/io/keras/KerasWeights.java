package org.bigru.model.io.keras;

import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.io.ModelFileException;

/**
 * The variables of a Keras model's layers, in Keras's order (kernel, recurrent kernel, bias), from either
 * layout: Keras 3's {@code model.weights.h5} ({@code layers/<key>/[forward_layer/|backward_layer/][cell/]vars/<i>},
 * each layer's {@code vars} group naming its layer) or Keras 2's HDF5 model file ({@code model_weights/<layer>}
 * listing its datasets in the attribute {@code weight_names}).
 */
abstract class KerasWeights {

  /** Which weights of a layer: its own, or those of a Bidirectional wrapper's forward or backward layer. */
  enum Part { OWN, FORWARD, BACKWARD }

  protected final Hdf5 h5;
  protected final String source;

  KerasWeights(Hdf5 h5, String source) {
    this.h5 = h5;
    this.source = source;
  }

  /** The variables of a layer (or of one direction of a Bidirectional one), in order. */
  abstract List<Hdf5.Weights> variables(String layer, Part part, boolean recurrent) throws ModelFileException;

  /** Keras 3: {@code layers/<key>/...}, the key found through the layer name each {@code vars} group carries. */
  static KerasWeights keras3(Hdf5 h5, String source) throws ModelFileException {
    Group layers = h5.group("layers");
    Map<String, Group> byName = new HashMap<>();
    if (layers != null) {
      for (Node child : h5.children(layers)) {
        Node vars = child instanceof Group g ? h5.child(g, "vars") : null;
        String name = vars == null ? null : h5.stringAttribute(vars, "name");
        if (name != null && child instanceof Group g) {
          byName.put(name, g);
        }
      }
    }
    return new KerasWeights(h5, source) {
      @Override
      List<Hdf5.Weights> variables(String layer, Part part, boolean recurrent) throws ModelFileException {
        Group group = byName.get(layer);
        if (group == null) {
          throw new ModelFileException(source + ": the weights hold no layer '" + layer + "'");
        }
        String path = (part == Part.FORWARD ? "forward_layer/" : part == Part.BACKWARD ? "backward_layer/" : "")
            + (recurrent ? "cell/" : "") + "vars";
        Node vars = h5.child(group, path);
        List<Hdf5.Weights> list = new ArrayList<>();
        if (!(vars instanceof Group g)) {
          return list;
        }
        for (int i = 0; ; i++) {
          Node v = h5.child(g, Integer.toString(i));
          if (v == null) {
            return list;
          }
          list.add(h5.floats(v, "weight " + layer + "/" + path + "/" + i));
        }
      }
    };
  }

  /** Keras 2 / tf.keras HDF5: {@code model_weights/<layer>} with its {@code weight_names}. */
  static KerasWeights keras2(Hdf5 h5, Group weights, String source) {
    return new KerasWeights(h5, source) {
      @Override
      List<Hdf5.Weights> variables(String layer, Part part, boolean recurrent) throws ModelFileException {
        Node node = h5.child(weights, layer);
        if (!(node instanceof Group group)) {
          throw new ModelFileException(source + ": the weights hold no layer '" + layer + "'");
        }
        List<Hdf5.Weights> list = new ArrayList<>();
        for (String name : h5.stringsAttribute(group, "weight_names")) {
          String trimmed = name.trim();
          boolean backward = trimmed.contains("/backward_");
          if (part == Part.FORWARD && backward || part == Part.BACKWARD && !backward) {
            continue;
          }
          Node dataset = h5.child(group, trimmed);
          if (dataset == null) {
            throw new ModelFileException(source + ": weight '" + trimmed + "' of layer '" + layer
                + "' is listed but absent");
          }
          list.add(h5.floats(dataset, "weight " + trimmed));
        }
        return list;
      }
    };
  }
}
