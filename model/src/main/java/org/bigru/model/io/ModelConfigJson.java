package org.bigru.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bigru.model.Activation;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;

/**
 * A {@link ModelConfig} as JSON, the {@code "config"} metadata of a model file:
 *
 * <pre>{@code
 * {"input_size": 3,
 *  "recurrent": [{"units": 8, "bidirectional": true,
 *                 "reset_mode": "recurrent-bias-after-multiplication", "merge": "concat"}],
 *  "output_mode": "last",
 *  "hidden": [{"units": 4, "activation": "relu"}],
 *  "dropout": 0.0, "output_size": 2, "task": "regression",
 *  "class_names": [], "preprocessing": {"scaler": "..."}}
 * }</pre>
 *
 * Reset modes use MATLAB's names. Parsing refuses unknown keys and wrong types with an
 * IllegalArgumentException naming the key; {@code hidden}, {@code dropout}, {@code task}, {@code class_names}
 * and {@code preprocessing} may be left out (none, 0, regression, none, none).
 */
public final class ModelConfigJson {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final Set<String> KEYS = Set.of("input_size", "recurrent", "output_mode", "hidden", "dropout",
      "output_size", "task", "class_names", "preprocessing");
  private static final Set<String> RECURRENT_KEYS = Set.of("units", "bidirectional", "reset_mode", "merge");
  private static final Set<String> DENSE_KEYS = Set.of("units", "activation");

  /** What a file's tensors say when its config leaves the architecture out (a PyTorch state_dict). */
  record Inferred(int inputSize, List<RecurrentLayerSpec> recurrent, int outputSize) {
  }

  private ModelConfigJson() {
  }

  public static String toJson(ModelConfig config) {
    ObjectNode root = JSON.createObjectNode();
    root.put("input_size", config.inputSize());
    ArrayNode recurrent = root.putArray("recurrent");
    for (RecurrentLayerSpec layer : config.recurrent()) {
      recurrent.addObject()
          .put("units", layer.units())
          .put("bidirectional", layer.bidirectional())
          .put("reset_mode", layer.resetMode().matlabName())
          .put("merge", layer.merge().lowerName());
    }
    root.put("output_mode", config.outputMode().lowerName());
    ArrayNode hidden = root.putArray("hidden");
    for (DenseLayerSpec layer : config.hidden()) {
      hidden.addObject().put("units", layer.units()).put("activation", layer.activation().lowerName());
    }
    root.put("dropout", config.dropout());
    root.put("output_size", config.outputSize());
    root.put("task", config.task().lowerName());
    ArrayNode classes = root.putArray("class_names");
    config.classNames().forEach(classes::add);
    ObjectNode preprocessing = root.putObject("preprocessing");
    new TreeMap<>(config.preprocessing()).forEach(preprocessing::put);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
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
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("model config is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("model config must be a JSON object");
    }
    checkKeys(root, KEYS, "model config");
    boolean architectureOptional = inferred != null;
    int inputSize = root.has("input_size") || !architectureOptional
        ? integer(root, "input_size", "model config") : inferred.inputSize();
    List<RecurrentLayerSpec> recurrent = root.has("recurrent") || !architectureOptional
        ? recurrent(array(root, "recurrent", "model config")) : inferred.recurrent();
    int outputSize = root.has("output_size") || !architectureOptional
        ? integer(root, "output_size", "model config") : inferred.outputSize();
    OutputMode outputMode = OutputMode.fromName(text(root, "output_mode", "model config"));
    List<DenseLayerSpec> hidden = root.has("hidden") ? hidden(array(root, "hidden", "model config")) : List.of();
    double dropout = root.has("dropout") ? number(root, "dropout", "model config") : 0.0;
    Task task = root.has("task") ? Task.fromName(text(root, "task", "model config")) : Task.REGRESSION;
    List<String> classNames = root.has("class_names")
        ? strings(array(root, "class_names", "model config"), "class_names") : List.of();
    Map<String, String> preprocessing = root.has("preprocessing")
        ? stringMap(root.get("preprocessing"), "preprocessing") : Map.of();
    return new ModelConfig(inputSize, recurrent, outputMode, hidden, dropout, outputSize, task, classNames,
        preprocessing);
  }

  private static List<RecurrentLayerSpec> recurrent(ArrayNode layers) {
    List<RecurrentLayerSpec> specs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String where = "recurrent layer " + i;
      JsonNode layer = object(layers.get(i), where);
      checkKeys(layer, RECURRENT_KEYS, where);
      JsonNode bidirectional = required(layer, "bidirectional", where);
      if (!bidirectional.isBoolean()) {
        throw new IllegalArgumentException(where + ": 'bidirectional' must be true or false, found " + bidirectional);
      }
      int units = integer(layer, "units", where);
      ResetGateMode reset = ResetGateMode.fromMatlabName(text(layer, "reset_mode", where));
      MergeMode merge = MergeMode.fromName(text(layer, "merge", where));
      try {
        specs.add(new RecurrentLayerSpec(units, bidirectional.booleanValue(), reset, merge));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return specs;
  }

  private static List<DenseLayerSpec> hidden(ArrayNode layers) {
    List<DenseLayerSpec> specs = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      String where = "hidden layer " + i;
      JsonNode layer = object(layers.get(i), where);
      checkKeys(layer, DENSE_KEYS, where);
      int units = integer(layer, "units", where);
      Activation activation = Activation.fromName(text(layer, "activation", where));
      try {
        specs.add(new DenseLayerSpec(units, activation));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
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
