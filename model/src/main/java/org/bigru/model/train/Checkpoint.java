package org.bigru.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;
import org.bigru.model.io.JsonTrees;
import org.bigru.model.io.ModelConfigJson;
import org.bigru.model.io.ModelFileException;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import org.bigru.model.io.TensorChecksum;

/**
 * Everything a training run needs to continue exactly where it was, as one safetensors file
 * {@code checkpoint-<iteration>.safetensors}: tensors {@code weights/<parameter>}, {@code best/<parameter>}
 * (the weights of the lowest validation loss, when kept), {@code optimizer/<parameter>/<buffer>} and
 * {@code order} (the data order of the epoch), and metadata {@code format = "bigru-checkpoint"},
 * {@code format_version}, {@code config} (the network's), {@code training} (JSON: epoch, next batch,
 * iteration, generator states, partial-epoch sums, early-stopping state, history, and the settings a resumed
 * run must share) and {@link TensorChecksum#KEY}. Doubles are stored as their bit patterns in hex, so they come
 * back exactly (NaN and infinity included). No Java serialization.
 *
 * <p>Files are written atomically ({@link SafeTensors#write}: temporary file, fsync, rename) and only the
 * newest {@link #KEPT} are kept. Reading takes the newest file that is complete and whose checksum matches.
 */
final class Checkpoint {

  static final String FORMAT = "bigru-checkpoint";
  static final String FORMAT_VERSION = "1";
  static final int KEPT = 2;

  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{10})\\.safetensors");
  private static final Pattern TEMP = Pattern.compile("\\.checkpoint-\\d{10}\\.safetensors.*\\.tmp");

  /** The settings that decide a run's results: a resumed run must have the same. */
  record Settings(String config, int trainSize, int validationSize, int miniBatchSize, long seed, String shuffle,
                  String optimizer) {
  }

  /** The loop's state: where the run is, at the start of batch {@code nextBatch} of epoch {@code epoch}. */
  final TrainingState state;
  final Settings settings;
  /** The weights and the best weights (null when not kept), in the layout of the arena they belong to. */
  float[] weights;
  float[] bestWeights;
  Map<String, Tensor> optimizerState = new LinkedHashMap<>();
  /** As read from a file, per parameter, until {@link #layOut} puts them in an arena's layout. */
  private final Map<String, float[]> weightsByName = new LinkedHashMap<>();
  private Map<String, float[]> bestWeightsByName;

  Checkpoint(TrainingState state, Settings settings) {
    this.state = state;
    this.settings = settings;
  }

  // ---------------------------------------------------------------- writing

  /** Writes this checkpoint into the directory and deletes all but the newest {@link #KEPT}; returns the file. */
  Path write(Path directory, ParameterArena parameters) throws IOException {
    Files.createDirectories(directory);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Parameter p : parameters.parameters()) {
      tensors.put("weights/" + p.name(), slice(weights, p));
    }
    if (bestWeights != null) {
      for (Parameter p : parameters.parameters()) {
        tensors.put("best/" + p.name(), slice(bestWeights, p));
      }
    }
    optimizerState.forEach((name, t) -> tensors.put("optimizer/" + name, t));
    int[] order = state.order;
    long[] orderValues = new long[order.length];
    for (int i = 0; i < order.length; i++) {
      orderValues[i] = order[i];
    }
    tensors.put("order", Tensor.ofLongs(new int[] {order.length}, orderValues));
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", FORMAT);
    metadata.put("format_version", FORMAT_VERSION);
    metadata.put("config", settings.config());
    metadata.put("training", trainingJson());
    metadata.put(TensorChecksum.KEY, TensorChecksum.of(tensors));
    Path file = directory.resolve(String.format("checkpoint-%010d.safetensors", state.iteration));
    new SafeTensors(metadata, tensors).write(file);
    List<Path> all = list(directory);
    for (int i = KEPT; i < all.size(); i++) {
      Files.deleteIfExists(all.get(i));
    }
    return file;
  }

  private static Tensor slice(float[] values, Parameter p) {
    float[] part = new float[p.size()];
    System.arraycopy(values, p.offset(), part, 0, part.length);
    return Tensor.ofFloats(new int[] {part.length}, part);
  }

  /**
   * Puts the weights read from a file into the layout of {@code parameters}; refuses a checkpoint that lacks a
   * parameter or holds it in another size.
   */
  void layOut(ParameterArena parameters) {
    weights = layOut(weightsByName, parameters, "weights");
    bestWeights = bestWeightsByName == null ? null : layOut(bestWeightsByName, parameters, "best weights");
  }

  private static float[] layOut(Map<String, float[]> byName, ParameterArena parameters, String what) {
    float[] values = new float[parameters.size()];
    for (Parameter p : parameters.parameters()) {
      float[] v = byName.get(p.name());
      if (v == null || v.length != p.size()) {
        throw new IllegalArgumentException("the checkpoint has no " + what + " of size " + p.size() + " for '"
            + p.name() + "'");
      }
      System.arraycopy(v, 0, values, p.offset(), v.length);
    }
    return values;
  }

  private String trainingJson() {
    ObjectNode root = JsonTrees.object();
    root.put("epoch", state.epoch);
    root.put("next_batch", state.nextBatch);
    root.put("iteration", state.iteration);
    root.put("shuffle_state", Long.toHexString(state.shuffleRng.state()));
    root.put("dropout_state", Long.toHexString(state.dropoutRng.state()));
    root.put("loss_sum", bits(state.lossSum));
    root.put("rows", state.rows);
    root.put("epoch_seconds", bits(state.epochSeconds));
    root.put("best_loss", bits(state.bestLoss));
    if (Double.compare(state.bestScore, state.bestLoss) != 0) {
      root.put("best_score", bits(state.bestScore));
    }
    root.put("best_epoch", state.bestEpoch);
    root.put("best_iteration", state.bestIteration);
    root.put("validations_without_progress", state.validationsWithoutProgress);
    root.put("stop_reason", state.stopReason == null ? "" : state.stopReason.name());
    root.put("skipped_batches", state.skippedBatches);
    ArrayNode history = root.putArray("epochs");
    for (TrainingHistory.Epoch e : state.epochs) {
      history.addObject().put("epoch", e.epoch()).put("loss", bits(e.loss()))
          .put("validation_loss", bits(e.validationLoss())).put("seconds", bits(e.seconds()))
          .put("learning_rate", bits(e.learningRate()));
    }
    ObjectNode s = root.putObject("settings");
    s.put("train_size", settings.trainSize());
    s.put("validation_size", settings.validationSize());
    s.put("mini_batch_size", settings.miniBatchSize());
    s.put("seed", settings.seed());
    s.put("shuffle", settings.shuffle());
    s.put("optimizer", settings.optimizer());
    return JsonTrees.write(root);
  }

  private static String bits(double value) {
    return Long.toHexString(Double.doubleToRawLongBits(value));
  }

  // ---------------------------------------------------------------- reading

  /** Checkpoint files in the directory, newest first (none if it does not exist). */
  static List<Path> list(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> NAME.matcher(f.getFileName().toString()).matches())
          .sorted(Comparator.comparing((Path f) -> f.getFileName().toString()).reversed())
          .toList();
    }
  }

  /** Deletes temporary files that a killed writer left behind. */
  static void deleteLeftovers(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        if (TEMP.matcher(f.getFileName().toString()).matches()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  /**
   * The newest checkpoint of the directory that reads back whole, or null if there is none; each newer file
   * that is truncated or corrupt is reported to {@code warnings} and skipped.
   */
  static Checkpoint readNewest(Path directory, Consumer<String> warnings) throws IOException {
    for (Path file : list(directory)) {
      try {
        return read(file);
      } catch (ModelFileException e) {
        warnings.accept("skipping checkpoint " + file.getFileName() + ", it is unusable: " + e.getMessage());
      }
    }
    return null;
  }

  static Checkpoint read(Path file) throws IOException {
    SafeTensors content = SafeTensors.read(file);
    Map<String, String> metadata = content.metadata();
    if (!FORMAT.equals(metadata.get("format")) || !FORMAT_VERSION.equals(metadata.get("format_version"))) {
      throw new ModelFileException(file + ": format '" + metadata.get("format") + "' version '"
          + metadata.get("format_version") + "' is not a supported checkpoint (expected '" + FORMAT
          + "' version '" + FORMAT_VERSION + "')");
    }
    TensorChecksum.verify(content, file, true);
    Checkpoint c;
    try {
      JsonNode t = JsonTrees.read(require(metadata, "training", file));
      JsonNode s = required(t, "settings");
      // the config as this version writes it, so that files of an older layout compare equal
      String config = ModelConfigJson.toJson(ModelConfigJson.fromJson(require(metadata, "config", file)));
      c = new Checkpoint(new TrainingState(0), new Settings(config, integer(s, "train_size"),
          integer(s, "validation_size"), integer(s, "mini_batch_size"), required(s, "seed").asLong(),
          text(s, "shuffle"), text(s, "optimizer")));
      TrainingState state = c.state;
      state.epoch = integer(t, "epoch");
      state.nextBatch = integer(t, "next_batch");
      state.iteration = integer(t, "iteration");
      state.shuffleRng.setState(Long.parseUnsignedLong(text(t, "shuffle_state"), 16));
      state.dropoutRng.setState(Long.parseUnsignedLong(text(t, "dropout_state"), 16));
      state.lossSum = fromBits(t, "loss_sum");
      state.rows = required(t, "rows").asLong();
      state.epochSeconds = fromBits(t, "epoch_seconds");
      state.bestLoss = fromBits(t, "best_loss");
      state.bestScore = t.has("best_score") ? fromBits(t, "best_score") : state.bestLoss;
      state.bestEpoch = integer(t, "best_epoch");
      state.bestIteration = integer(t, "best_iteration");
      state.validationsWithoutProgress = integer(t, "validations_without_progress");
      String stop = text(t, "stop_reason");
      state.stopReason = stop.isEmpty() ? null : StopReason.valueOf(stop);
      state.skippedBatches = integer(t, "skipped_batches");
      for (JsonNode e : required(t, "epochs")) {
        state.epochs.add(new TrainingHistory.Epoch(integer(e, "epoch"), fromBits(e, "loss"),
            fromBits(e, "validation_loss"), fromBits(e, "seconds"), fromBits(e, "learning_rate")));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFileException(file + ": unreadable training state: " + e.getMessage(), e);
    }
    for (Map.Entry<String, Tensor> e : content.tensors().entrySet()) {
      String name = e.getKey();
      Tensor tensor = e.getValue();
      if (name.equals("order")) {
        c.state.order = new int[tensor.size()];
        for (int i = 0; i < c.state.order.length; i++) {
          c.state.order[i] = (int) tensor.longs()[i];
        }
      } else if (name.startsWith("weights/")) {
        c.weightsByName.put(name.substring("weights/".length()), tensor.floats());
      } else if (name.startsWith("best/")) {
        if (c.bestWeightsByName == null) {
          c.bestWeightsByName = new LinkedHashMap<>();
        }
        c.bestWeightsByName.put(name.substring("best/".length()), tensor.floats());
      } else if (name.startsWith("optimizer/")) {
        c.optimizerState.put(name.substring("optimizer/".length()), tensor);
      } else {
        throw new ModelFileException(file + ": unexpected tensor '" + name + "' in a checkpoint");
      }
    }
    if (c.state.order == null) {
      throw new ModelFileException(file + ": no 'order' tensor");
    }
    return c;
  }

  private static String require(Map<String, String> metadata, String key, Path file) throws ModelFileException {
    String value = metadata.get(key);
    if (value == null) {
      throw new ModelFileException(file + ": no '" + key + "' metadata");
    }
    return value;
  }

  private static JsonNode required(JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return value;
  }

  private static int integer(JsonNode node, String key) {
    JsonNode value = required(node, key);
    if (!value.canConvertToInt()) {
      throw new IllegalArgumentException("'" + key + "' is not an int: " + value);
    }
    return value.asInt();
  }

  private static String text(JsonNode node, String key) {
    JsonNode value = required(node, key);
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + key + "' is not a string: " + value);
    }
    return value.textValue();
  }

  private static double fromBits(JsonNode node, String key) {
    return Double.longBitsToDouble(Long.parseUnsignedLong(text(node, key), 16));
  }
}
