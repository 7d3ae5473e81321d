package org.bigru.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.DropoutLayerSpec;
import org.bigru.model.LayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.OutputLayerSpec;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;

/**
 * A {@link ModelConfig} as JSON, the {@code "config"} metadata of a model file, its layers in order:
 *
 * <pre>{@code
 * {"input_size": 3,
 *  "layers": [{"type": "recurrent", "cell": "gru", "units": 8, "bidirectional": true,
 *              "reset_mode": "recurrent-bias-after-multiplication", "merge": "concat", "output_mode": "last"},
 *             {"type": "dropout", "probability": 0.2},
 *             {"type": "dense", "units": 4, "activation": "relu"},
 *             {"type": "output", "units": 2}],
 *  "task": "regression", "class_names": [], "metadata": {"table.window": "24", ...}}
 * }</pre>
 *
 * An LSTM layer has no {@code reset_mode}; the output layer of a quantile network has its levels,
 * {@code "quantiles": [0.1, 0.5, 0.9]}. Reset modes use MATLAB's names. {@code task}, {@code class_names}
 * and {@code metadata} may be left out (regression, none, none).
 *
 * <p>The fixed-slot form that files written before the layer list hold still parses: {@code recurrent} (each
 * layer {@code units}, {@code bidirectional}, {@code reset_mode}, {@code merge}, and optionally {@code cell}),
 * {@code output_mode} (of the last recurrent layer), {@code hidden} (dense layers), {@code dropout} (before
 * every layer after the first recurrent one), {@code output_size} and {@code preprocessing} (the metadata, by
 * its earlier name). A PyTorch state_dict's partial config
 * such as {@code {"output_mode": "last"}} is of that form.
 *
 * <p>Parsing refuses unknown keys and wrong types with an IllegalArgumentException naming the key.
 */
public final class ModelConfigJson {

  private static final Set<String> KEYS = Set.of("input_size", "layers", "task", "class_names", "metadata");
  private static final Set<String> FIXED_SLOT_KEYS = Set.of("input_size", "recurrent", "output_mode", "hidden",
      "dropout", "output_size", "task", "class_names", "preprocessing");
  private static final Set<String> RECURRENT_KEYS = Set.of("type", "cell", "units", "bidirectional", "reset_mode",
      "merge", "output_mode");
  private static final Set<String> FIXED_SLOT_RECURRENT_KEYS = Set.of("cell", "units", "bidirectional", "reset_mode",
      "merge");
  private static final Set<String> DENSE_KEYS = Set.of("type", "units", "activation");
  private static final Set<String> DROPOUT_KEYS = Set.of("type", "probability");
  private static final Set<String> OUTPUT_KEYS = Set.of("type", "units", "quantiles");

  /** What a file's tensors say when its config leaves the architecture out (a PyTorch state_dict). */
  record Inferred(int inputSize, List<RecurrentLayerSpec> recurrent, int outputSize) {
  }

  private ModelConfigJson() {
  }

  public static String toJson(ModelConfig config) {
    ObjectNode root = JsonTrees.object();
    root.put("input_size", config.inputSize());
    ArrayNode layers = root.putArray("layers");
    for (LayerSpec spec : config.layers()) {
      ObjectNode layer = layers.addObject();
      if (spec instanceof RecurrentLayerSpec r) {
        layer.put("type", "recurrent").put("cell", r.cell().lowerName()).put("units", r.units())
            .put("bidirectional", r.bidirectional());
        if (r.resetMode() != null) {
          layer.put("reset_mode", r.resetMode().matlabName());
        }
        layer.put("merge", r.merge().lowerName()).put("output_mode", r.outputMode().lowerName());
      } else if (spec instanceof DenseLayerSpec d) {
        layer.put("type", "dense").put("units", d.units()).put("activation", d.activation().lowerName());
      } else if (spec instanceof DropoutLayerSpec d) {
        layer.put("type", "dropout").put("probability", d.probability());
      } else {
        OutputLayerSpec output = (OutputLayerSpec) spec;
        layer.put("type", "output").put("units", output.size());
        if (!output.quantiles().isEmpty()) {
          ArrayNode levels = layer.putArray("quantiles");
          output.quantiles().forEach(levels::add);
        }
      }
    }
    root.put("task", config.task().lowerName());
    ArrayNode classes = root.putArray("class_names");
    config.classNames().forEach(classes::add);
    ObjectNode metadata = root.putObject("metadata");
    new TreeMap<>(config.metadata()).forEach(metadata::put);
    return JsonTrees.write(root);
  }

  /** Parses a complete configuration. */
  public static ModelConfig fromJson(String json) {
    return fromJson(json, null);
  }

  /**
   * Parses a configuration; when {@code inferred} is not null, {@code input_size}, {@code recurrent} and
   * {@code output_size} may be absent and are taken from it.
   */
  static ModelConfig fromJson(String json, Inferred inferred) {
    JsonNode root;
    try {
      root = JsonTrees.read(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("model config is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("model config is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("model config must be a JSON object");
    }
    Task task = root.has("task") ? Task.fromName(text(root, "task", "model config")) : Task.REGRESSION;
    List<String> classNames = root.has("class_names")
        ? strings(array(root, "class_names", "model config"), "class_names") : List.of();
    // files of the fixed-slot form keep the metadata under its earlier name, "preprocessing"
    String metadataKey = root.has("layers") ? "metadata" : "preprocessing";
    Map<String, String> metadata = root.has(metadataKey)
        ? stringMap(root.get(metadataKey), metadataKey) : Map.of();
    if (root.has("layers")) {
      checkKeys(root, KEYS, "model config");
      return new ModelConfig(integer(root, "input_size", "model config"),
          layers(array(root, "layers", "model config")), task, classNames, metadata);
    }
    checkKeys(root, FIXED_SLOT_KEYS, "model config");
    boolean architectureOptional = inferred != null;
    int inputSize = root.has("input_size") || !architectureOptional
        ? integer(root, "input_size", "model config") : inferred.inputSize();
    List<RecurrentLayerSpec> recurrent = root.has("recurrent") || !architectureOptional
        ? fixedSlotRecurrent(array(root, "recurrent", "model config")) : inferred.recurrent();
    int outputSize = root.has("output_size") || !architectureOptional
        ? integer(root, "output_size", "model config") : inferred.outputSize();
    OutputMode outputMode = OutputMode.fromName(text(root, "output_mode", "model config"));
    List<DenseLayerSpec> hidden = root.has("hidden") ? hidden(array(root, "hidden", "model config")) : List.of();
    double dropout = root.has("dropout") ? number(root, "dropout", "model config") : 0.0;
    return new ModelConfig(inputSize, recurrent, outputMode, hidden, dropout, outputSize, task, classNames,
        metadata);
  }

  private static List<LayerSpec> layers(ArrayNode layers) {
    List<LayerSpec> specs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String where = "layer " + (i + 1);
      JsonNode layer = object(layers.get(i), where);
      String type = text(layer, "type", where);
      switch (type) {
        case "recurrent":
          checkKeys(layer, RECURRENT_KEYS, where);
          specs.add(recurrent(layer, where, OutputMode.fromName(text(layer, "output_mode", where))));
          break;
        case "dense":
          specs.add(dense(layer, where));
          break;
        case "dropout":
          checkKeys(layer, DROPOUT_KEYS, where);
          specs.add(new DropoutLayerSpec(number(layer, "probability", where)));
          break;
        case "output":
          checkKeys(layer, OUTPUT_KEYS, where);
          int units = integer(layer, "units", where);
          List<Double> levels = layer.has("quantiles") ? numbers(array(layer, "quantiles", where), where) : List.of();
          specs.add(named(where, () -> new OutputLayerSpec(units, levels)));
          break;
        default:
          throw new IllegalArgumentException(where + ": unknown type '" + type
              + "' (expected recurrent, dense, dropout or output)");
      }
    }
    return specs;
  }

  private static List<RecurrentLayerSpec> fixedSlotRecurrent(ArrayNode layers) {
    List<RecurrentLayerSpec> specs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String where = "recurrent layer " + i;
      JsonNode layer = object(layers.get(i), where);
      checkKeys(layer, FIXED_SLOT_RECURRENT_KEYS, where);
      specs.add(recurrent(layer, where, OutputMode.SEQUENCE));
    }
    return specs;
  }

  private static RecurrentLayerSpec recurrent(JsonNode layer, String where, OutputMode outputMode) {
    CellType cell = layer.has("cell") ? CellType.fromName(text(layer, "cell", where)) : CellType.GRU;
    JsonNode bidirectional = required(layer, "bidirectional", where);
    if (!bidirectional.isBoolean()) {
      throw new IllegalArgumentException(where + ": 'bidirectional' must be true or false, found " + bidirectional);
    }
    if (cell == CellType.LSTM && layer.has("reset_mode")) {
      throw new IllegalArgumentException(where + ": an LSTM layer has no 'reset_mode'");
    }
    ResetGateMode reset = cell == CellType.LSTM ? null : ResetGateMode.fromMatlabName(text(layer, "reset_mode", where));
    int units = integer(layer, "units", where);
    MergeMode merge = MergeMode.fromName(text(layer, "merge", where));
    return named(where, () -> new RecurrentLayerSpec(cell, units, bidirectional.booleanValue(), reset, merge,
        outputMode));
  }

  private static DenseLayerSpec dense(JsonNode layer, String where) {
    checkKeys(layer, DENSE_KEYS, where);
    int units = integer(layer, "units", where);
    Activation activation = Activation.fromName(text(layer, "activation", where));
    return named(where, () -> new DenseLayerSpec(units, activation));
  }

  /** A layer spec whose refusal (a size beyond an array, say) names the layer it was read from. */
  private static <T> T named(String where, java.util.function.Supplier<T> spec) {
    try {
      return spec.get();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static List<DenseLayerSpec> hidden(ArrayNode layers) {
    List<DenseLayerSpec> specs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String where = "hidden layer " + i;
      JsonNode layer = object(layers.get(i), where);
      if (layer.has("type")) {
        throw new IllegalArgumentException(where + ": unknown key 'type' (expected [activation, units])");
      }
      specs.add(dense(layer, where));
    }
    return specs;
  }

  private static void checkKeys(JsonNode node, Set<String> allowed, String where) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "' (expected "
            + new TreeSet<>(allowed) + ")");
      }
    }
  }

  private static JsonNode required(JsonNode node, String key, String where) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException(where + ": missing '" + key + "'");
    }
    return value;
  }

  private static JsonNode object(JsonNode node, String where) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(where + " must be a JSON object, found " + node);
    }
    return node;
  }

  private static ArrayNode array(JsonNode node, String key, String where) {
    JsonNode value = required(node, key, where);
    if (!value.isArray()) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be an array, found " + value);
    }
    return (ArrayNode) value;
  }

  private static int integer(JsonNode node, String key, String where) {
    JsonNode value = required(node, key, where);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be an integer, found " + value);
    }
    return value.intValue();
  }

  private static double number(JsonNode node, String key, String where) {
    JsonNode value = required(node, key, where);
    if (!value.isNumber()) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a number, found " + value);
    }
    return value.doubleValue();
  }

  private static List<Double> numbers(ArrayNode values, String where) {
    List<Double> list = new ArrayList<>();
    for (JsonNode v : values) {
      if (!v.isNumber()) {
        throw new IllegalArgumentException(where + ": 'quantiles' must hold numbers, found " + v);
      }
      list.add(v.doubleValue());
    }
    return list;
  }

  private static String text(JsonNode node, String key, String where) {
    JsonNode value = required(node, key, where);
    if (!value.isTextual()) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a string, found " + value);
    }
    return value.textValue();
  }

  private static List<String> strings(ArrayNode values, String key) {
    List<String> list = new ArrayList<>();
    for (JsonNode v : values) {
      if (!v.isTextual()) {
        throw new IllegalArgumentException("model config: '" + key + "' must hold strings, found " + v);
      }
      list.add(v.textValue());
    }
    return list;
  }

  private static Map<String, String> stringMap(JsonNode node, String key) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("model config: '" + key + "' must be an object of strings, found " + node);
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isTextual()) {
        throw new IllegalArgumentException("model config: '" + key + "." + e.getKey() + "' must be a string, found "
            + e.getValue());
      }
      map.put(e.getKey(), e.getValue().textValue());
    }
    return map;
  }
}
