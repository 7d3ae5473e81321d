package org.bigru.model.data;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.io.JsonTrees;

/**
 * How a table in time order became the network's sequences (columns, look-back windows, differencing,
 * scaling), stored in the model's metadata ({@link org.bigru.model.ModelConfig#metadata()}, keys
 * {@code table.*}) so that whatever uses the model later (evaluate, predict, forecast, a cluster's scoring, an
 * ONNX export) applies the same steps and their inverse. Files of earlier versions keep these keys as
 * {@code cli.*}, which is read too.
 *
 * <p>The network's responses per window are target-major ({@link SlidingWindows}): target i's step s is
 * response i K + s. With {@code difference}, each target is predicted as its change from the window's last
 * row, and a feature column that is also a target enters as its change from the row before (so the first row
 * of a table only serves as the row before the second); predictions add the last row's value back. A trending
 * series (prices, CO2) then stays within the range the scalers saw in training.
 *
 * @param source         "table" (rows of a CSV or .xlsx file) or "tensors" (a safetensors file, used as given)
 * @param header         whether the table has a header row
 * @param indexColumn    whether the first column is an index, not data
 * @param featureNames   feature columns in order (a target may be among them: its own past as input)
 * @param targetNames    target columns in order (regression may have several; empty for tensors)
 * @param window         look-back rows per sequence (0 when each row is a sequence)
 * @param horizon        rows ahead of a window's last row of the first row it predicts
 * @param steps          consecutive rows predicted per target (1: one value)
 * @param rowSteps       when above 0, each row is one sequence of that many steps (its features split evenly)
 * @param difference     whether targets are predicted as changes from the window's last row (see above)
 * @param season         the season of the seasonal naive baseline when given at training, else 0 (found from
 *                       the index's frequency)
 * @param featureScaler  standardization of the feature columns (null for tensors)
 * @param targetScaler   standardization of regression targets: one column per target, or with
 *                       {@code difference} one per target and step (null for classification and tensors)
 */
public record Preprocessing(String source, boolean header, boolean indexColumn, List<String> featureNames,
                            List<String> targetNames, int window, int horizon, int steps, int rowSteps,
                            boolean difference, int season, StandardScaler featureScaler,
                            StandardScaler targetScaler) {

  public static final String TABLE = "table";
  public static final String TENSORS = "tensors";
  private static final String PREFIX = "table.";
  private static final String EARLIER_PREFIX = "cli.";

  public Preprocessing {
    featureNames = featureNames == null ? List.of() : List.copyOf(featureNames);
    targetNames = targetNames == null ? List.of() : List.copyOf(targetNames);
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be at least 1, not " + steps);
    }
  }

  public static Preprocessing tensors() {
    return new Preprocessing(TENSORS, false, false, List.of(), List.of(), 0, 0, 1, 0, false, 0, null, null);
  }

  public boolean isTable() {
    return TABLE.equals(source);
  }

  /** The same steps with these scalers. */
  public Preprocessing withScalers(StandardScaler features, StandardScaler target) {
    return new Preprocessing(source, header, indexColumn, featureNames, targetNames, window, horizon, steps,
        rowSteps, difference, season, features, target);
  }

  /** The first target column, or null when there is none. */
  public String targetName() {
    return targetNames.isEmpty() ? null : targetNames.get(0);
  }

  /** The seasonal naive forecast's season for a table with this index: as given at training, else its frequency's. */
  public int season(String[] index) {
    return season > 0 ? season : index == null || index.length == 0 ? 1 : TimeIndex.of(index).season();
  }

  /** Responses per window: targets x steps. */
  public int responses() {
    return targetNames.size() * steps;
  }

  /** The first row a window may start at: 1 with differencing (row 0 is only the row before row 1), else 0. */
  public int firstRow() {
    return difference ? 1 : 0;
  }

  /**
   * The network's input rows from a table's feature rows (row-major, {@code featureNames} columns, unscaled):
   * with differencing, rows 1.. with each target column as its change from the row before; else the rows as
   * they are. Not yet scaled.
   */
  public float[] inputRows(float[] table) {
    int columns = featureNames.size();
    if (!difference) {
      return table;
    }
    int rows = table.length / columns;
    float[] out = new float[Math.max(0, rows - 1) * columns];
    for (int c = 0; c < columns; c++) {
      boolean change = targetNames.contains(featureNames.get(c));
      for (int r = 1; r < rows; r++) {
        float v = table[r * columns + c];
        out[(r - 1) * columns + c] = change ? v - table[(r - 1) * columns + c] : v;
      }
    }
    return out;
  }

  /**
   * What the network learns from windows' responses in original units [n, targets x steps]: with differencing
   * their changes from {@code last} (each window's targets at its last row, [n, targets]), scaled.
   */
  public float[] networkTargets(float[] responses, float[] last) {
    float[] values = changes(responses, last);
    if (difference) {
      return targetScaler.transform(values);
    }
    // One scaler column per target: response j of a window belongs to target j / steps.
    int width = responses();
    double[] mean = targetScaler.mean();
    double[] scale = targetScaler.scale();
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      int target = i % width / steps;
      out[i] = (float) ((values[i] - mean[target]) / scale[target]);
    }
    return out;
  }

  /**
   * Responses as the target scaler is fitted on them: changes from the last row with differencing, else the
   * values ([n, targets x steps] either way).
   */
  public float[] changes(float[] responses, float[] last) {
    if (!difference) {
      return responses;
    }
    int width = responses();
    int targets = targetNames.size();
    float[] out = new float[responses.length];
    for (int k = 0; k < responses.length / width; k++) {
      for (int j = 0; j < width; j++) {
        out[k * width + j] = responses[k * width + j] - last[k * targets + j / steps];
      }
    }
    return out;
  }

  /**
   * Network outputs [n, targets x steps x levels] (levels: quantiles per response, 1 without) in original
   * units: unscaled, and with differencing the last row's value added back ({@code last} [n, targets]).
   */
  public float[] originalUnits(float[] outputs, int levels, float[] last) {
    int width = responses() * levels;
    int n = outputs.length / width;
    int targets = targetNames.size();
    double[] mean = targetScaler.mean();
    double[] scale = targetScaler.scale();
    float[] out = new float[outputs.length];
    for (int k = 0; k < n; k++) {
      for (int j = 0; j < width; j++) {
        int response = j / levels;
        int target = response / steps;
        int column = difference ? response : target;
        float value = (float) (outputs[k * width + j] * scale[column] + mean[column]);
        out[k * width + j] = difference ? value + last[k * targets + target] : value;
      }
    }
    return out;
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
    map.put(PREFIX + "features", JsonTrees.writeStrings(featureNames));
    map.put(PREFIX + "target", targetName());
    if (targetNames.size() > 1) {
      map.put(PREFIX + "targets", JsonTrees.writeStrings(targetNames));
    }
    map.put(PREFIX + "window", Integer.toString(window));
    map.put(PREFIX + "horizon", Integer.toString(horizon));
    map.put(PREFIX + "row_steps", Integer.toString(rowSteps));
    // Written only when they differ from what a model without them means, so such a model's file is unchanged.
    if (steps > 1) {
      map.put(PREFIX + "steps", Integer.toString(steps));
    }
    if (difference) {
      map.put(PREFIX + "difference", "true");
    }
    if (season > 0) {
      map.put(PREFIX + "season", Integer.toString(season));
    }
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
      List<String> features = JsonTrees.readStrings(require(map, "features", modelName));
      StandardScaler targetScaler = map.containsKey(PREFIX + "target_scaler.mean")
          ? StandardScaler.fromMap(map, PREFIX + "target_scaler") : null;
      List<String> targets = map.containsKey(PREFIX + "targets")
          ? JsonTrees.readStrings(map.get(PREFIX + "targets")) : List.of(require(map, "target", modelName));
      int steps = Integer.parseInt(map.getOrDefault(PREFIX + "steps", "1"));
      boolean difference = Boolean.parseBoolean(map.getOrDefault(PREFIX + "difference", "false"));
      int season = Integer.parseInt(map.getOrDefault(PREFIX + "season", "0"));
      int horizon = Integer.parseInt(require(map, "horizon", modelName));
      if (targets.isEmpty() || steps < 1 || season < 0 || horizon < 0) {
        throw new IllegalArgumentException(targets.size() + " targets, " + steps + " steps, horizon " + horizon
            + ", season " + season);
      }
      if (targetScaler != null && targetScaler.columns() != (difference ? targets.size() * steps : targets.size())) {
        throw new IllegalArgumentException("a target scaler of " + targetScaler.columns() + " columns for "
            + targets.size() + " targets" + (difference ? " x " + steps + " steps" : ""));
      }
      return new Preprocessing(TABLE, Boolean.parseBoolean(require(map, "header", modelName)),
          Boolean.parseBoolean(require(map, "index_column", modelName)), features, targets,
          Integer.parseInt(require(map, "window", modelName)), horizon, steps,
          Integer.parseInt(require(map, "row_steps", modelName)), difference, season,
          StandardScaler.fromMap(map, PREFIX + "feature_scaler"), targetScaler);
    } catch (MissingEntryException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
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

  /** An entry the steps need is not in the metadata. */
  private static final class MissingEntryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    MissingEntryException(String message) {
      super(message);
    }
  }
}
