package org.bigru.model.io.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.DropoutLayerSpec;
import org.bigru.model.LayerSpec;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputLayerSpec;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.Task;

/**
 * A network from imported layers. bigru's stack ends with a linear output layer: a last dense layer without
 * activation becomes it; after anything else (a dense layer with an activation, a recurrent layer) an
 * identity output layer is added (weight I, bias 0), which changes no value.
 */
public final class NetworkAssembly {

  private NetworkAssembly() {
  }

  /**
   * @param inputSize     features per step
   * @param task          classification when the source model ended in a softmax (bigru outputs its logits)
   * @param preprocessing metadata to keep with the model
   */
  public static Network build(int inputSize, List<ImportedLayer> layers, Task task,
                              Map<String, String> preprocessing) {
    List<ImportedLayer> stack = new ArrayList<>(layers);
    int width = inputSize;
    List<LayerSpec> specs = new ArrayList<>();
    for (ImportedLayer layer : stack) {
      width = checkShapes(layer, width);
    }
    ImportedLayer last = stack.isEmpty() ? null : stack.get(stack.size() - 1);
    if (!(last instanceof ImportedLayer.Dense d && d.activation() == Activation.LINEAR)) {
      stack.add(identity(width));
    }
    for (int i = 0; i < stack.size(); i++) {
      ImportedLayer layer = stack.get(i);
      if (i == stack.size() - 1) {
        specs.add(new OutputLayerSpec(((ImportedLayer.Dense) layer).units()));
      } else if (layer instanceof ImportedLayer.Recurrent r) {
        specs.add(new RecurrentLayerSpec(r.cell(), r.units(), r.directions().size() == 2, r.resetMode(), r.merge(),
            r.outputMode()));
      } else if (layer instanceof ImportedLayer.Dense d) {
        specs.add(new DenseLayerSpec(d.units(), d.activation()));
      } else {
        specs.add(new DropoutLayerSpec(((ImportedLayer.Dropout) layer).probability()));
      }
    }
    Network network = Network.create(new ModelConfig(inputSize, specs, task, List.of(), preprocessing), 0);
    int[] cellCount = new int[CellType.values().length];
    int dense = 0;
    for (int i = 0; i < stack.size(); i++) {
      ImportedLayer layer = stack.get(i);
      if (layer instanceof ImportedLayer.Recurrent r) {
        int k = cellCount[r.cell().ordinal()]++;
        String module = r.cell().lowerName() + ".";
        for (int d = 0; d < r.directions().size(); d++) {
          String suffix = "_l" + k + (d == 1 ? "_reverse" : "");
          ImportedLayer.Direction w = r.directions().get(d);
          network.parameter(module + "weight_ih" + suffix).setValues(w.weightIh());
          network.parameter(module + "weight_hh" + suffix).setValues(w.weightHh());
          network.parameter(module + "bias_ih" + suffix).setValues(w.biasIh());
          if (w.biasHh() != null) {
            network.parameter(module + "bias_hh" + suffix).setValues(w.biasHh());
          }
        }
      } else if (layer instanceof ImportedLayer.Dense d) {
        String module = i == stack.size() - 1 ? "fc" : "dense" + dense++;
        network.parameter(module + ".weight").setValues(d.weight());
        network.parameter(module + ".bias").setValues(d.bias());
      }
    }
    return network;
  }

  private static ImportedLayer.Dense identity(int width) {
    float[] weight = new float[width * width];
    for (int i = 0; i < width; i++) {
      weight[i * width + i] = 1f;
    }
    return new ImportedLayer.Dense(width, Activation.LINEAR, weight, new float[width]);
  }

  /** The width the layer passes on; an IllegalArgumentException when its weights do not fit its input. */
  private static int checkShapes(ImportedLayer layer, int width) {
    if (layer instanceof ImportedLayer.Recurrent r) {
      int rows = r.cell().gates() * r.units();
      for (ImportedLayer.Direction d : r.directions()) {
        check(d.weightIh(), rows * width, "input weights", r);
        check(d.weightHh(), rows * r.units(), "recurrent weights", r);
        check(d.biasIh(), rows, "input bias", r);
        if (d.biasHh() != null) {
          check(d.biasHh(), rows, "recurrent bias", r);
        }
      }
      return r.directions().size() == 2 ? r.merge().outputWidth(r.units()) : r.units();
    }
    if (layer instanceof ImportedLayer.Dense d) {
      check(d.weight(), d.units() * width, "weight", d);
      check(d.bias(), d.units(), "bias", d);
      return d.units();
    }
    return width;
  }

  private static void check(float[] values, int expected, String what, Object layer) {
    if (values.length != expected) {
      throw new IllegalArgumentException("a layer's " + what + " hold " + values.length + " values, expected "
          + expected + " (" + describe(layer) + ")");
    }
  }

  private static String describe(Object layer) {
    if (layer instanceof ImportedLayer.Recurrent r) {
      return r.cell().displayName() + "(" + r.units() + ")";
    }
    return "Dense(" + ((ImportedLayer.Dense) layer).units() + ")";
  }
}
