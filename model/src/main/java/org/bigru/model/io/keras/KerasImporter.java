package org.bigru.model.io.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.api.Group;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.bigru.model.Activation;
import org.bigru.model.CellType;
import org.bigru.model.MergeMode;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.bigru.model.io.JsonTrees;
import org.bigru.model.io.ModelFileException;
import org.bigru.model.io.interchange.GateLayout;
import org.bigru.model.io.interchange.ImportedLayer;
import org.bigru.model.io.interchange.NetworkAssembly;

/**
 * A network from a Keras model: a Keras 3 {@code .keras} file (a zip of {@code config.json} and
 * {@code model.weights.h5}) or a Keras 2 / tf.keras {@code .h5} file (the configuration in the root attribute
 * {@code model_config}, the weights under {@code model_weights}), read with jHDF, in pure Java.
 *
 * <p>Layers: {@code InputLayer}; {@code Masking} before the recurrent layers (bigru skips padded steps given as
 * sequence lengths; the mask value is kept in the model's metadata as {@value #MASK_VALUE_KEY}); {@code GRU}
 * ({@code reset_after} True: recurrent bias after multiplication; False: before multiplication) and
 * {@code LSTM}, with {@code return_sequences} either way and with or without bias; {@code Bidirectional} of
 * either with merge_mode concat, sum, ave or mul; {@code Dense} with activation linear, relu, tanh, sigmoid,
 * or softmax on the last layer (then classification: bigru outputs the logits); {@code Activation} of those
 * after a linear Dense; {@code Dropout}. A Sequential model, or a Functional one whose layers form a chain.
 * Keras's layouts are converted: kernels [in, G*H] transposed, GRU gates z|r|h to r|z|n, the GRU bias
 * [2, 3H] split into input and recurrent biases.
 *
 * <p>The configuration is only read, never run: a layer of any other class (Lambda, custom objects,
 * anything else) is refused with one line naming the layer and its class, as is an attribute bigru cannot
 * honour (another activation, go_backwards, stateful, return_state, a time-major layer). Sizes are bounded
 * (the file, the configuration, each weight).
 */
public final class KerasImporter {

  /** Metadata key of a Masking layer's value. */
  public static final String MASK_VALUE_KEY = "keras.mask_value";
  /** Largest file read: 1 GiB. */
  public static final long MAX_FILE_BYTES = 1L << 30;
  /** Largest configuration read: 16 MiB. */
  static final int MAX_CONFIG_BYTES = 16 << 20;

  private final String source;
  private final KerasWeights weights;
  private final List<ImportedLayer> layers = new ArrayList<>();
  private int inputSize;
  private boolean recurrentSeen;
  private String maskValue;
  private boolean softmax;

  private KerasImporter(String source, KerasWeights weights) {
    this.source = source;
    this.weights = weights;
  }

  /** Imports a .keras or .h5 file; any problem is a {@link ModelFileException} naming the file. */
  public static Network importFile(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new ModelFileException(file + ": " + size + " bytes, more than the " + MAX_FILE_BYTES
          + " a Keras model file may have here");
    }
    byte[] head = new byte[8];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(head, 0, 8);
      head = Arrays.copyOf(head, n);
    }
    if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return keras3(file);
    }
    if (head.length == 8 && (head[0] & 0xff) == 0x89 && head[1] == 'H' && head[2] == 'D' && head[3] == 'F') {
      return keras2(file);
    }
    throw new ModelFileException(file + ": neither a Keras 3 .keras file (a zip) nor a Keras 2 HDF5 .h5 file");
  }

  private static Network keras3(Path file) throws IOException {
    String source = file.toString();
    byte[] config;
    byte[] weightBytes;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      config = entry(zip, "config.json", MAX_CONFIG_BYTES, source);
      weightBytes = entry(zip, "model.weights.h5", MAX_FILE_BYTES, source);
    } catch (ModelFileException e) {
      throw e;
    } catch (ZipException | java.io.EOFException e) {
      throw new ModelFileException(source + ": not a readable .keras zip (" + e + ")", e);
    }
    try (Hdf5 h5 = Hdf5.fromBytes(weightBytes, source + "!model.weights.h5")) {
      KerasImporter importer = new KerasImporter(source, KerasWeights.keras3(h5, source));
      return importer.build(parse(config, source, "config.json"));
    }
  }

  private static Network keras2(Path file) throws IOException {
    String source = file.toString();
    // Read whole (at most MAX_FILE_BYTES, checked above): reading from the file, jHDF fills a buffer of whatever
    // length a header declares, re-reading the file's last bytes until it is full (a 136-byte file declaring
    // 1.1 GB: 1.2 GB of memory and 28 s); from memory, a length past the end fails at once.
    try (Hdf5 h5 = Hdf5.fromBytes(Files.readAllBytes(file), source)) {
      Group root = h5.group("");
      String config = h5.stringAttribute(root, "model_config");
      if (config == null) {
        throw new ModelFileException(source + ": an HDF5 file without 'model_config' (weights only, as "
            + "save_weights writes them); save the whole model (model.save) to import it");
      }
      if (config.length() > MAX_CONFIG_BYTES) {
        throw new ModelFileException(source + ": its model configuration has " + config.length()
            + " characters, more than " + MAX_CONFIG_BYTES);
      }
      Group weights = h5.group("model_weights");
      if (weights == null) {
        throw new ModelFileException(source + ": no 'model_weights' group");
      }
      KerasImporter importer = new KerasImporter(source, KerasWeights.keras2(h5, weights, source));
      return importer.build(parse(config.getBytes(java.nio.charset.StandardCharsets.UTF_8), source,
          "model_config"));
    }
  }

  /** One zip entry's bytes, read to at most {@code limit} whatever the entry claims (no zip bomb). */
  private static byte[] entry(ZipFile zip, String name, long limit, String source) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      throw new ModelFileException(source + ": no '" + name + "' inside; a .keras file holds config.json and "
          + "model.weights.h5");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
      if (in.read() >= 0) {
        throw new ModelFileException(source + ": '" + name + "' is larger than " + limit + " bytes");
      }
      return bytes;
    }
  }

  private static JsonNode parse(byte[] json, String source, String what) throws ModelFileException {
    try {
      JsonNode root = JsonTrees.read(json);
      if (root == null || !root.isObject()) {
        throw new ModelFileException(source + ": " + what + " is not a JSON object");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw new ModelFileException(source + ": " + what + " is not valid JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new ModelFileException(source + ": " + what + " cannot be read (" + e.getMessage() + ")");
    }
  }

  // ---------------------------------------------------------------- the model's layers

  private Network build(JsonNode root) throws ModelFileException {
    String modelClass = text(root, "class_name");
    if (!List.of("Sequential", "Functional", "Model").contains(modelClass)) {
      throw new ModelFileException(source + ": a model of class '" + modelClass + "'; bigru imports Sequential "
          + "and Functional models");
    }
    JsonNode config = root.get("config");
    JsonNode list = config != null && config.isObject() ? config.get("layers") : config;
    if (list == null || !list.isArray()) {
      throw new ModelFileException(source + ": the model configuration lists no layers");
    }
    if (!modelClass.equals("Sequential")) {
      checkChain(list);
    }
    for (JsonNode layer : list) {
      layer(layer);
    }
    if (!recurrentSeen) {
      throw new ModelFileException(source + ": no GRU or LSTM layer");
    }
    if (inputSize < 1) {
      throw new ModelFileException(source + ": the input's number of features is not given");
    }
    try {
      return NetworkAssembly.build(inputSize, layers, softmax ? Task.CLASSIFICATION : Task.REGRESSION,
          maskValue == null ? Map.of() : Map.of(MASK_VALUE_KEY, maskValue));
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(source + ": " + e.getMessage(), e);
    }
  }

  /** A Functional model is imported when each layer reads exactly the one listed before it. */
  private void checkChain(JsonNode list) throws ModelFileException {
    String previous = null;
    for (JsonNode layer : list) {
      String name = layerName(layer);
      List<String> inbound = new ArrayList<>();
      collectInbound(layer.get("inbound_nodes"), inbound);
      boolean input = "InputLayer".equals(text(layer, "class_name"));
      if (input ? !inbound.isEmpty() || previous != null : inbound.size() != 1 || !inbound.get(0).equals(previous)) {
        throw new ModelFileException(source + ": layer '" + name + "' reads " + (inbound.isEmpty() ? "no layer"
            : inbound) + "; bigru imports a Functional model whose layers form one chain");
      }
      previous = name;
    }
  }

  /** Names of the layers a layer's inbound nodes read (Keras 3's keras_history, Keras 2's nested lists). */
  private static void collectInbound(JsonNode node, List<String> names) {
    if (node == null) {
      return;
    }
    if (node.isObject()) {
      JsonNode history = node.get("keras_history");
      if (history != null && history.isArray() && history.size() > 0 && history.get(0).isTextual()) {
        names.add(history.get(0).textValue());
        return;
      }
      node.forEach(child -> collectInbound(child, names));
      return;
    }
    if (node.isArray()) {
      if (node.size() >= 3 && node.get(0).isTextual() && node.get(1).isNumber()) {
        names.add(node.get(0).textValue());
        return;
      }
      node.forEach(child -> collectInbound(child, names));
    }
  }

  private void layer(JsonNode layer) throws ModelFileException {
    String className = text(layer, "class_name");
    String name = layerName(layer);
    String where = "layer '" + name + "' (" + className + ")";
    JsonNode module = layer.get("module");
    JsonNode registered = layer.get("registered_name");
    if (module != null && module.isTextual() && !module.textValue().startsWith("keras")
        || registered != null && registered.isTextual() && !registered.textValue().equals(className)) {
      throw new ModelFileException(source + ": " + where + " is a custom object, which bigru does not run");
    }
    JsonNode config = layer.get("config");
    if (config == null || !config.isObject()) {
      throw new ModelFileException(source + ": " + where + " has no configuration");
    }
    switch (className) {
      case "InputLayer" -> inputShape(config);
      case "Masking" -> masking(config, where);
      case "GRU", "LSTM" -> {
        inputShape(config);
        recurrent(name, className, config, where, null);
      }
      case "Bidirectional" -> bidirectional(name, config, where);
      case "Dense" -> dense(name, config, where);
      case "Activation" -> activationLayer(config, where);
      case "Dropout" -> {
        double rate = number(config, "rate", where);
        if (rate > 0) {
          layers.add(new ImportedLayer.Dropout(rate));
        }
      }
      default -> throw new ModelFileException(source + ": " + where + " is not supported; bigru imports "
          + "InputLayer, Masking, GRU, LSTM, Bidirectional, Dense, Activation and Dropout");
    }
  }

  private void inputShape(JsonNode config) {
    for (String key : List.of("batch_shape", "batch_input_shape")) {
      JsonNode shape = config.get(key);
      if (inputSize == 0 && shape != null && shape.isArray() && shape.size() == 3 && shape.get(2).canConvertToInt()) {
        inputSize = shape.get(2).intValue();
      }
    }
  }

  private void masking(JsonNode config, String where) throws ModelFileException {
    if (recurrentSeen || !layers.isEmpty()) {
      throw new ModelFileException(source + ": " + where + " comes after other layers; bigru imports masking of "
          + "the input only");
    }
    inputShape(config);
    maskValue = Double.toString(config.has("mask_value") ? number(config, "mask_value", where) : 0.0);
  }

  private void bidirectional(String name, JsonNode config, String where) throws ModelFileException {
    JsonNode inner = config.get("layer");
    if (inner == null || !inner.isObject()) {
      throw new ModelFileException(source + ": " + where + " wraps no layer");
    }
    String innerClass = text(inner, "class_name");
    if (!innerClass.equals("GRU") && !innerClass.equals("LSTM")) {
      throw new ModelFileException(source + ": " + where + " wraps a " + innerClass + "; bigru imports "
          + "Bidirectional(GRU) and Bidirectional(LSTM)");
    }
    JsonNode mergeNode = config.get("merge_mode");
    if (mergeNode == null || !mergeNode.isTextual()) {
      throw new ModelFileException(source + ": " + where + ": merge_mode=None (two separate outputs) is not "
          + "supported (concat, sum, ave or mul)");
    }
    MergeMode merge;
    try {
      merge = MergeMode.fromName(mergeNode.textValue());
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(source + ": " + where + ": merge_mode='" + mergeNode.textValue()
          + "' is not supported (concat, sum, ave or mul)");
    }
    JsonNode backward = config.get("backward_layer");
    if (backward != null && backward.isObject() && !text(backward, "class_name").equals(innerClass)) {
      throw new ModelFileException(source + ": " + where + " has a backward layer of another class");
    }
    inputShape(config);
    JsonNode innerConfig = inner.get("config");
    if (innerConfig == null || !innerConfig.isObject()) {
      throw new ModelFileException(source + ": " + where + " wraps a layer without configuration");
    }
    inputShape(innerConfig);
    recurrent(name, innerClass, innerConfig, where, merge);
  }

  /** A GRU or LSTM layer, or both directions of a Bidirectional one when {@code merge} is not null. */
  private void recurrent(String name, String className, JsonNode config, String where, MergeMode merge)
      throws ModelFileException {
    boolean gru = className.equals("GRU");
    expect(config, "activation", "tanh", where);
    expect(config, "recurrent_activation", "sigmoid", where);
    for (String flag : List.of("return_state", "stateful", "time_major")) {
      if (bool(config, flag, false, where)) {
        throw new ModelFileException(source + ": " + where + ": " + flag + "=True is not supported");
      }
    }
    if (merge == null && bool(config, "go_backwards", false, where)) {
      throw new ModelFileException(source + ": " + where + ": go_backwards=True (a sequence read and returned "
          + "backwards) is not supported; use Bidirectional");
    }
    if (recurrentSeen && layers.stream().anyMatch(l -> l instanceof ImportedLayer.Dense)) {
      throw new ModelFileException(source + ": " + where + " follows a Dense layer; bigru's dense layers come "
          + "after the recurrent ones");
    }
    int units = integer(config, "units", where);
    boolean useBias = bool(config, "use_bias", true, where);
    boolean resetAfter = gru && bool(config, "reset_after", true, where);
    OutputMode mode = bool(config, "return_sequences", false, where) ? OutputMode.SEQUENCE : OutputMode.LAST;
    CellType cell = gru ? CellType.GRU : CellType.LSTM;
    ResetGateMode reset = !gru ? null : resetAfter ? ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION
        : ResetGateMode.BEFORE_MULTIPLICATION;
    List<ImportedLayer.Direction> directions = new ArrayList<>();
    List<KerasWeights.Part> parts = merge == null ? List.of(KerasWeights.Part.OWN)
        : List.of(KerasWeights.Part.FORWARD, KerasWeights.Part.BACKWARD);
    for (KerasWeights.Part part : parts) {
      directions.add(direction(weights.variables(name, part, true), cell, units, useBias, resetAfter, where));
    }
    if (inputSize == 0) {
      inputSize = directions.get(0).weightIh().length / (cell.gates() * units);
    }
    layers.add(new ImportedLayer.Recurrent(cell, units, reset, merge == null ? MergeMode.CONCAT : merge, mode,
        directions));
    recurrentSeen = true;
  }

  /** One direction's Keras variables, converted to PyTorch's layout. */
  private ImportedLayer.Direction direction(List<Hdf5.Weights> vars, CellType cell, int units, boolean useBias,
                                            boolean resetAfter, String where) throws ModelFileException {
    int g = cell.gates() * units;
    if (vars.size() != (useBias ? 3 : 2)) {
      throw new ModelFileException(source + ": " + where + " has " + vars.size() + " weights, expected "
          + (useBias ? "kernel, recurrent kernel and bias" : "kernel and recurrent kernel"));
    }
    Hdf5.Weights kernel = vars.get(0);
    Hdf5.Weights recurrent = vars.get(1);
    if (kernel.dims().length != 2 || kernel.dims()[1] != g || kernel.dims()[0] < 1
        || !Arrays.equals(recurrent.dims(), new int[] {units, g})) {
      throw new ModelFileException(source + ": " + where + ": kernel " + Arrays.toString(kernel.dims())
          + " and recurrent kernel " + Arrays.toString(recurrent.dims()) + " do not fit " + units + " units");
    }
    int in = kernel.dims()[0];
    int[] order = cell == CellType.GRU ? GateLayout.GRU_TORCH_FROM_KERAS : new int[] {0, 1, 2, 3};
    float[] weightIh = GateLayout.reorderBlocks(GateLayout.transpose(kernel.values(), in, g), order, units, in);
    float[] weightHh = GateLayout.reorderBlocks(GateLayout.transpose(recurrent.values(), units, g), order, units,
        units);
    float[] biasIh = new float[g];
    float[] biasHh = cell == CellType.GRU && !resetAfter ? null : new float[g];
    if (useBias) {
      Hdf5.Weights bias = vars.get(2);
      boolean twoRows = cell == CellType.GRU && resetAfter;
      int[] expected = twoRows ? new int[] {2, g} : new int[] {g};
      if (!Arrays.equals(bias.dims(), expected)) {
        throw new ModelFileException(source + ": " + where + ": bias " + Arrays.toString(bias.dims())
            + ", expected " + Arrays.toString(expected));
      }
      biasIh = GateLayout.reorderBlocks(Arrays.copyOfRange(bias.values(), 0, g), order, units, 1);
      if (twoRows) {
        biasHh = GateLayout.reorderBlocks(Arrays.copyOfRange(bias.values(), g, 2 * g), order, units, 1);
      }
    }
    return new ImportedLayer.Direction(weightIh, weightHh, biasIh, biasHh);
  }

  private void dense(String name, JsonNode config, String where) throws ModelFileException {
    if (!recurrentSeen) {
      throw new ModelFileException(source + ": " + where + " comes before any recurrent layer; bigru's dense "
          + "layers come after the recurrent ones");
    }
    int units = integer(config, "units", where);
    String activation = config.has("activation") ? text(config, "activation") : "linear";
    boolean useBias = bool(config, "use_bias", true, where);
    List<Hdf5.Weights> vars = weights.variables(name, KerasWeights.Part.OWN, false);
    if (vars.size() != (useBias ? 2 : 1)) {
      throw new ModelFileException(source + ": " + where + " has " + vars.size() + " weights, expected "
          + (useBias ? "kernel and bias" : "a kernel"));
    }
    Hdf5.Weights kernel = vars.get(0);
    if (kernel.dims().length != 2 || kernel.dims()[1] != units) {
      throw new ModelFileException(source + ": " + where + ": kernel " + Arrays.toString(kernel.dims())
          + " for " + units + " units");
    }
    float[] bias = new float[units];
    if (useBias) {
      if (!Arrays.equals(vars.get(1).dims(), new int[] {units})) {
        throw new ModelFileException(source + ": " + where + ": bias " + Arrays.toString(vars.get(1).dims()));
      }
      bias = vars.get(1).values();
    }
    int in = kernel.dims()[0];
    layers.add(new ImportedLayer.Dense(units, Activation.LINEAR, GateLayout.transpose(kernel.values(), in, units),
        bias));
    applyActivation(activation, where);
  }

  private void activationLayer(JsonNode config, String where) throws ModelFileException {
    ImportedLayer last = layers.isEmpty() ? null : layers.get(layers.size() - 1);
    String activation = text(config, "activation");
    if (activation.equals("linear")) {
      return;
    }
    if (!(last instanceof ImportedLayer.Dense d) || d.activation() != Activation.LINEAR || softmax) {
      throw new ModelFileException(source + ": " + where + " follows no Dense layer without activation; bigru has "
          + "activations only in dense layers");
    }
    applyActivation(activation, where);
  }

  /** Gives the last (dense) layer its activation: softmax ends the model as a classifier. */
  private void applyActivation(String activation, String where) throws ModelFileException {
    if (softmax) {
      throw new ModelFileException(source + ": " + where + " follows a softmax; bigru imports softmax only at "
          + "the end of the model");
    }
    if (activation.equals("linear")) {
      return;
    }
    if (activation.equals("softmax")) {
      softmax = true;
      return;
    }
    Activation a;
    try {
      a = Activation.fromName(activation);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(source + ": " + where + ": activation='" + activation + "' is not supported "
          + "(linear, relu, tanh, sigmoid, or softmax last)");
    }
    ImportedLayer.Dense d = (ImportedLayer.Dense) layers.remove(layers.size() - 1);
    layers.add(new ImportedLayer.Dense(d.units(), a, d.weight(), d.bias()));
  }

  // ---------------------------------------------------------------- configuration values

  private String layerName(JsonNode layer) throws ModelFileException {
    JsonNode config = layer.get("config");
    JsonNode name = config != null && config.isObject() ? config.get("name") : null;
    if (name == null || !name.isTextual()) {
      name = layer.get("name");
    }
    if (name == null || !name.isTextual()) {
      throw new ModelFileException(source + ": a layer of class '" + text(layer, "class_name") + "' has no name");
    }
    return name.textValue();
  }

  private String text(JsonNode node, String key) throws ModelFileException {
    JsonNode v = node.get(key);
    if (v == null || !v.isTextual()) {
      throw new ModelFileException(source + ": the model configuration lacks the string '" + key + "'");
    }
    return v.textValue();
  }

  private void expect(JsonNode config, String key, String wanted, String where) throws ModelFileException {
    JsonNode v = config.get(key);
    if (v == null || v.isNull()) {
      return;
    }
    if (!v.isTextual() || !v.textValue().equals(wanted)) {
      throw new ModelFileException(source + ": " + where + ": " + key + "=" + (v.isTextual() ? "'" + v.textValue()
          + "'" : v.toString()) + " is not supported ('" + wanted + "' only)");
    }
  }

  private boolean bool(JsonNode config, String key, boolean otherwise, String where) throws ModelFileException {
    JsonNode v = config.get(key);
    if (v == null || v.isNull()) {
      return otherwise;
    }
    if (!v.isBoolean()) {
      throw new ModelFileException(source + ": " + where + ": '" + key + "' must be true or false, found " + v);
    }
    return v.booleanValue();
  }

  private int integer(JsonNode config, String key, String where) throws ModelFileException {
    JsonNode v = config.get(key);
    if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 1 || v.intValue() > 1 << 16) {
      throw new ModelFileException(source + ": " + where + ": '" + key + "' must be a whole number from 1 to "
          + (1 << 16) + ", found " + v);
    }
    return v.intValue();
  }

  private double number(JsonNode config, String key, String where) throws ModelFileException {
    JsonNode v = config.get(key);
    if (v == null || !v.isNumber() || !Double.isFinite(v.doubleValue())) {
      throw new ModelFileException(source + ": " + where + ": '" + key + "' must be a number, found " + v);
    }
    double d = v.doubleValue();
    if (key.equals("rate") && !(d >= 0 && d < 1)) {
      throw new ModelFileException(source + ": " + where + ": rate " + d + " is outside [0, 1)");
    }
    return d;
  }
}
