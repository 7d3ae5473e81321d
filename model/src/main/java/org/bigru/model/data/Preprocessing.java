package org.bigru.model.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a table in time order became the network's sequences (columns, look-back windows, scaling), stored in the
 * model's metadata ({@link org.bigru.model.ModelConfig#metadata()}, keys {@code table.*}) so that whatever uses
 * the model later (evaluate, predict, a cluster's scoring, an ONNX export) applies the same steps. Files of
 * earlier versions keep these keys as {@code cli.*}, which is read too.
 *
 * @param source         "table" (rows of a CSV or .xlsx file) or "tensors" (a safetensors file, used as given)
 * @param header         whether the table has a header row
 * @param indexColumn    whether the first column is an index, not data
 * @param featureNames   feature columns in order
 * @param targetName     the target column
 * @param window         look-back rows per sequence (0 when each row is a sequence)
 * @param horizon        rows ahead of a window's last row whose target it predicts
 * @param rowSteps       when above 0, each row is one sequence of that many steps (its features split evenly)
 * @param featureScaler  standardization of the feature columns (null for tensors)
 * @param targetScaler   standardization of a regression target (null for classification and tensors)
 */
public record Preprocessing(String source, boolean header, boolean indexColumn, List<String> featureNames,
                            String targetName, int window, int horizon, int rowSteps,
                            StandardScaler featureScaler, StandardScaler targetScaler) {

  public static final String TABLE = "table";
  public static final String TENSORS = "tensors";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PREFIX = "table.";
  private static final String EARLIER_PREFIX = "cli.";

  public Preprocessing {
    featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
  }

  public static Preprocessing tensors() {
    return new Preprocessing(TENSORS, false, false, List.of(), null, 0, 0, 0, null, null);
  }

  public boolean isTable() {
    return TABLE.equals(source);
  }

  /** The same steps with these scalers. */
  public Preprocessing withScalers(StandardScaler features, StandardScaler target) {
    return new Preprocessing(source, header, indexColumn, featureNames, targetName, window, horizon, rowSteps,
        features, target);
  }

  /** The metadata entries that describe these steps. */
  public Map<String, String> toMetadata() {
    Map<String, String> map = new HashMap<>();
    map.put(PREFIX + "source", source);
    if (!isTable()) {
      return map;
    }
    map.put(PREFIX + "header", Boolean.toString(header));
    map.put(PREFIX + "index_column", Boolean.toString(indexColumn));
    map.put(PREFIX + "features", json(featureNames));
    map.put(PREFIX + "target", targetName);
    map.put(PREFIX + "window", Integer.toString(window));
    map.put(PREFIX + "horizon", Integer.toString(horizon));
    map.put(PREFIX + "row_steps", Integer.toString(rowSteps));
    map.putAll(featureScaler.toMap(PREFIX + "feature_scaler"));
    if (targetScaler != null) {
      map.putAll(targetScaler.toMap(PREFIX + "target_scaler"));
    }
    return map;
  }

  /**
   * Reads what {@link #toMetadata} wrote into a model's metadata; a model without it (a PyTorch state_dict) is
   * taken as tensors. Damaged entries are an IllegalArgumentException naming {@code modelName}.
   */
  public static Preprocessing fromMetadata(Map<String, String> metadata, String modelName) {
    Map<String, String> map = withCurrentPrefix(metadata);
    String source = map.get(PREFIX + "source");
    if (source == null || TENSORS.equals(source)) {
      return tensors();
    }
    try {
      List<String> features = JSON.readValue(require(map, "features", modelName), new TypeReference<List<String>>() {
      });
      StandardScaler targetScaler = map.containsKey(PREFIX + "target_scaler.mean")
          ? StandardScaler.fromMap(map, PREFIX + "target_scaler") : null;
      return new Preprocessing(TABLE, Boolean.parseBoolean(require(map, "header", modelName)),
          Boolean.parseBoolean(require(map, "index_column", modelName)), features,
          require(map, "target", modelName), Integer.parseInt(require(map, "window", modelName)),
          Integer.parseInt(require(map, "horizon", modelName)), Integer.parseInt(require(map, "row_steps", modelName)),
          StandardScaler.fromMap(map, PREFIX + "feature_scaler"), targetScaler);
    } catch (MissingEntryException e) {
      throw e;
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException(modelName + ": its preprocessing metadata is damaged (" + e.getMessage()
          + ")", e);
    }
  }

  /** The metadata with entries of the earlier prefix under the current one. */
  private static Map<String, String> withCurrentPrefix(Map<String, String> metadata) {
    if (metadata.containsKey(PREFIX + "source") || !metadata.containsKey(EARLIER_PREFIX + "source")) {
      return metadata;
    }
    Map<String, String> map = new HashMap<>();
    metadata.forEach((key, value) -> map.put(key.startsWith(EARLIER_PREFIX)
        ? PREFIX + key.substring(EARLIER_PREFIX.length()) : key, value));
    return map;
  }

  private static String require(Map<String, String> map, String key, String modelName) {
    String value = map.get(PREFIX + key);
    if (value == null) {
      throw new MissingEntryException(modelName + ": its preprocessing metadata lacks '" + PREFIX + key + "'");
    }
    return value;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An entry the steps need is not in the metadata. */
  private static final class MissingEntryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MissingEntryException(String message) {
      super(message);
    }
  }
}
