package org.bigru.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;
import org.bigru.model.ModelConfig;
import org.bigru.model.data.SequenceLength;
import org.bigru.model.io.AtomicFile;
import org.bigru.model.io.JsonTrees;
import org.bigru.model.io.ModelConfigJson;

/**
 * A checkpoint folder belongs to one training run: the first run that uses it writes the run's fingerprint,
 * {@value #FINGERPRINT} (the network, the sizes and checksum of the data, and every option that changes the
 * weights; not the epochs, which a resumed run may extend, nor the threads, which change nothing). Then:
 * <ul>
 *   <li>a new run is refused in a folder that holds checkpoints (of any run: they would mix, and a later resume
 *       would pick the newest of either), or whose fingerprint is another run's;</li>
 *   <li>a resumed run is refused in a folder whose fingerprint is another run's; a folder of checkpoints
 *       without one (written before fingerprints existed) is taken over.</li>
 * </ul>
 */
final class CheckpointFolder {

  static final String FINGERPRINT = "run.json";
  private static final String FORMAT = "bigru-checkpoint-run";

  private CheckpointFolder() {
  }

  /** Checks that this run may use the folder, and marks it as this run's. */
  static void claim(Path folder, Map<String, String> fingerprint, boolean resuming) {
    try {
      Path file = folder.resolve(FINGERPRINT);
      Map<String, String> owner = Files.exists(file) ? read(file, resuming) : null;
      String difference = owner == null ? null : difference(owner, fingerprint);
      if (difference != null) {
        throw new CheckpointFolderException(folder, "belongs to another run (" + difference + ")", resuming);
      }
      List<Path> checkpoints = Checkpoint.list(folder);
      if (!resuming && !checkpoints.isEmpty()) {
        throw new CheckpointFolderException(folder, "already holds the checkpoints of "
            + (owner == null ? "an earlier run" : "this same run") + " (newest "
            + checkpoints.get(0).getFileName() + ")", false);
      }
      if (owner == null) {
        Files.createDirectories(folder);
        byte[] bytes = (JsonTrees.writeIndented(json(fingerprint)) + "\n")
            .getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, channel -> channel.write(ByteBuffer.wrap(bytes)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the checkpoint folder " + folder + ": " + e.getMessage(), e);
    }
  }

  /** What decides a run's weights, by name, in a stable order. */
  static Map<String, String> fingerprint(ModelConfig config, BatchedData train, BatchedData validation,
                                         TrainingOptions options) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("network", ModelConfigJson.toJson(config));
    f.put("training sequences", Integer.toString(train.size()));
    f.put("validation sequences", Integer.toString(validation == null ? 0 : validation.size()));
    f.put("data checksum", checksum(train, validation));
    f.put("mini-batch size", Integer.toString(options.miniBatchSize()));
    f.put("seed", Long.toString(options.seed()));
    f.put("shuffle", options.shuffle().name().toLowerCase(Locale.ROOT));
    f.put("optimizer", options.optimizer().lowerName());
    f.put("learning rate", Double.toString(options.learningRate()));
    f.put("momentum", Double.toString(options.momentum()));
    f.put("gradient decay factor", Double.toString(options.gradientDecayFactor()));
    f.put("squared gradient decay factor", Double.toString(options.squaredGradientDecayFactor()));
    f.put("epsilon", Double.toString(options.epsilon()));
    f.put("L2 regularization", Double.toString(options.l2Regularization()));
    f.put("gradient threshold", Double.toString(options.gradientThreshold()));
    f.put("gradient clip value", Double.toString(options.gradientClipValue()));
    f.put("parameter gradient threshold", Double.toString(options.parameterGradientThreshold()));
    f.put("learn rate drop factor", Double.toString(options.learnRateDropFactor()));
    f.put("learn rate drop period", Integer.toString(options.learnRateDropPeriod()));
    f.put("validation frequency", Integer.toString(options.validationFrequency()));
    f.put("validation patience", Integer.toString(options.validationPatience()));
    f.put("restore best weights", Boolean.toString(options.restoreBestWeights()));
    f.put("on non-finite", options.onNonFinite().lowerName());
    // Written only when not the default, so that folders of runs from before these options stay theirs.
    if (options.validationSchedule() != ValidationSchedule.EPOCH_ENDS) {
      f.put("validation schedule", options.validationSchedule().lowerName());
    }
    if (options.validationObjective() != ValidationObjective.LOSS) {
      f.put("validation objective", options.validationObjective().lowerName());
    }
    if (options.sequenceLength().kind() != SequenceLength.Kind.LONGEST) {
      f.put("sequence length", options.sequenceLength().toString());
      f.put("padding direction", options.paddingDirection().lowerName());
    }
    return f;
  }

  /** The first entry that differs, as "seed 7 there, seed 8 here"; null when the two are the same run. */
  private static String difference(Map<String, String> there, Map<String, String> here) {
    for (Map.Entry<String, String> e : here.entrySet()) {
      String other = there.get(e.getKey());
      if (!e.getValue().equals(other)) {
        if (e.getKey().equals("network") || other == null) {
          return "a different " + e.getKey();
        }
        if (e.getKey().equals("data checksum")) {
          return "different data";
        }
        return e.getKey() + " " + other + " there, " + e.getKey() + " " + e.getValue() + " here";
      }
    }
    return null;
  }

  private static ObjectNode json(Map<String, String> fingerprint) {
    ObjectNode root = JsonTrees.object();
    root.put("format", FORMAT);
    fingerprint.forEach(root::put);
    return root;
  }

  private static Map<String, String> read(Path file, boolean resuming) {
    JsonNode root;
    try {
      root = JsonTrees.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new CheckpointFolderException(file.getParent(), "has a damaged " + FINGERPRINT + " (" + e.getMessage()
          + ")", resuming);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new CheckpointFolderException(file.getParent(), "has a " + FINGERPRINT + " that is not a bigru run's "
          + "fingerprint", resuming);
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), e.getValue().asText());
    }
    return map;
  }

  /** CRC32C of what identifies the data (every input value and target, in order, for data in memory). */
  private static String checksum(BatchedData train, BatchedData validation) {
    CRC32C crc = new CRC32C();
    train.addToChecksum(crc);
    if (validation != null) {
      validation.addToChecksum(crc);
    }
    return String.format(Locale.ROOT, "%08x", crc.getValue());
  }
}
