package org.bigru.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The settings that decide a run's results: a resumed run must have the same. */
  record Settings(String config, int trainSize, int validationSize, int miniBatchSize, long seed, String shuffle,
                  String optimizer) {
  }

  /** Where the run is: at the start of batch {@code nextBatch} of epoch {@code epoch} (1-based). */
  int epoch;
  int nextBatch;
  int iteration;
  long shuffleState;
  long dropoutState;
  int[] order;
  double lossSum;
  long rows;
  double epochSeconds;
  double bestLoss;
  int bestEpoch;
  int bestIteration;
  int validationsWithoutProgress;
  StopReason stopReason;
  int skippedBatches;
  List<TrainingHistory.Epoch> epochs = new ArrayList<>();
  Map<String, float[]> weights = new LinkedHashMap<>();
  Map<String, float[]> bestWeights;
  Map<String, Tensor> optimizerState = new LinkedHashMap<>();
  Settings settings;

  // ---------------------------------------------------------------- writing

  /** Writes this checkpoint into the directory and deletes all but the newest {@link #KEPT}; returns the file. */
  Path write(Path directory) throws IOException {
    Files.createDirectories(directory);
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    weights.forEach((name, v) -> tensors.put("weights/" + name, vector(v)));
    if (bestWeights != null) {
      bestWeights.forEach((name, v) -> tensors.put("best/" + name, vector(v)));
    }
    optimizerState.forEach((name, t) -> tensors.put("optimizer/" + name, t));
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
    Path file = directory.resolve(String.format("checkpoint-%010d.safetensors", iteration));
    new SafeTensors(metadata, tensors).write(file);
    List<Path> all = list(directory);
    for (int i = KEPT; i < all.size(); i++) {
      Files.deleteIfExists(all.get(i));
    }
    return file;
  }

  private static Tensor vector(float[] values) {
    return Tensor.ofFloats(new int[] {values.length}, values.clone());
  }

  private String trainingJson() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("epoch", epoch);
    root.put("next_batch", nextBatch);
    root.put("iteration", iteration);
    root.put("shuffle_state", Long.toHexString(shuffleState));
    root.put("dropout_state", Long.toHexString(dropoutState));
    root.put("loss_sum", bits(lossSum));
    root.put("rows", rows);
    root.put("epoch_seconds", bits(epochSeconds));
    root.put("best_loss", bits(bestLoss));
    root.put("best_epoch", bestEpoch);
    root.put("best_iteration", bestIteration);
    root.put("validations_without_progress", validationsWithoutProgress);
    root.put("stop_reason", stopReason == null ? "" : stopReason.name());
    root.put("skipped_batches", skippedBatches);
    ArrayNode history = root.putArray("epochs");
    for (TrainingHistory.Epoch e : epochs) {
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
    return JSON.writeValueAsString(root);
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
    Checkpoint c = new Checkpoint();
    try {
      JsonNode t = JSON.readTree(require(metadata, "training", file));
      c.epoch = integer(t, "epoch");
      c.nextBatch = integer(t, "next_batch");
      c.iteration = integer(t, "iteration");
      c.shuffleState = Long.parseUnsignedLong(text(t, "shuffle_state"), 16);
      c.dropoutState = Long.parseUnsignedLong(text(t, "dropout_state"), 16);
      c.lossSum = fromBits(t, "loss_sum");
      c.rows = required(t, "rows").asLong();
      c.epochSeconds = fromBits(t, "epoch_seconds");
      c.bestLoss = fromBits(t, "best_loss");
      c.bestEpoch = integer(t, "best_epoch");
      c.bestIteration = integer(t, "best_iteration");
      c.validationsWithoutProgress = integer(t, "validations_without_progress");
      String stop = text(t, "stop_reason");
      c.stopReason = stop.isEmpty() ? null : StopReason.valueOf(stop);
      c.skippedBatches = integer(t, "skipped_batches");
      for (JsonNode e : required(t, "epochs")) {
        c.epochs.add(new TrainingHistory.Epoch(integer(e, "epoch"), fromBits(e, "loss"),
            fromBits(e, "validation_loss"), fromBits(e, "seconds"), fromBits(e, "learning_rate")));
      }
      JsonNode s = required(t, "settings");
      c.settings = new Settings(require(metadata, "config", file), integer(s, "train_size"),
          integer(s, "validation_size"), integer(s, "mini_batch_size"), required(s, "seed").asLong(),
          text(s, "shuffle"), text(s, "optimizer"));
    } catch (IOException | IllegalArgumentException e) {
      throw new ModelFileException(file + ": unreadable training state: " + e.getMessage(), e);
    }
    for (Map.Entry<String, Tensor> e : content.tensors().entrySet()) {
      String name = e.getKey();
      Tensor tensor = e.getValue();
      if (name.equals("order")) {
        c.order = new int[tensor.size()];
        for (int i = 0; i < c.order.length; i++) {
          c.order[i] = (int) tensor.longs()[i];
        }
      } else if (name.startsWith("weights/")) {
        c.weights.put(name.substring("weights/".length()), tensor.floats());
      } else if (name.startsWith("best/")) {
        if (c.bestWeights == null) {
          c.bestWeights = new LinkedHashMap<>();
        }
        c.bestWeights.put(name.substring("best/".length()), tensor.floats());
      } else if (name.startsWith("optimizer/")) {
        c.optimizerState.put(name.substring("optimizer/".length()), tensor);
      } else {
        throw new ModelFileException(file + ": unexpected tensor '" + name + "' in a checkpoint");
      }
    }
    if (c.order == null) {
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
