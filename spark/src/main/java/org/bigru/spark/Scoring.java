package org.bigru.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.bigru.model.ModelConfig;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.data.SlidingWindows;
import org.bigru.model.metrics.ClassificationMetrics;

/**
 * Batch scoring: a table's series become the model's sequences exactly as the bigru command prepares new data
 * (its stored preprocessing: feature columns, scaling, look-back windows or rows as sequences), and each full
 * window gets one prediction in original units (or a class name). Windows never cross series. Output: one row per
 * window, with the series key, the index value of the window's last row, and the prediction.
 */
final class Scoring implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Windows predicted at once: bounds a task's memory for a long series. */
  static final int CHUNK = 4096;

  private final ModelHandle model;

  Scoring(ModelHandle model) {
    this.model = model;
  }

  /** The columns a model needs from a table, with the series column, or bad input naming what is missing. */
  static TableInput.Columns columns(Dataset<Row> table, Preprocessing pre, String series, String source,
                                    String modelName) {
    String seriesColumn = series == null ? null : TableInput.column(table, series, "--series", source);
    List<String> features = new ArrayList<>();
    for (String f : pre.featureNames()) {
      try {
        features.add(TableInput.column(table, f, "", source));
      } catch (BadInputException e) {
        throw new BadInputException(source + " has no column '" + f + "', which " + modelName + " was trained on "
            + "(its features: " + String.join(", ", pre.featureNames()) + "; the table's columns: "
            + String.join(", ", table.columns()) + ")", e);
      }
    }
    return new TableInput.Columns(seriesColumn, TableInput.indexColumn(table, seriesColumn, pre.indexColumn()),
        features, null);
  }

  /** The output's schema: series (when given), index, prediction (a number, or a class name). */
  static StructType schema(TableInput.Columns columns, ModelConfig config) {
    List<StructField> fields = new ArrayList<>();
    if (columns.series() != null) {
      fields.add(DataTypes.createStructField(columns.series(), DataTypes.StringType, false));
    }
    fields.add(DataTypes.createStructField(columns.index() == null ? "row" : columns.index(), DataTypes.StringType,
        false));
    fields.add(DataTypes.createStructField("prediction",
        config.task() == Task.CLASSIFICATION ? DataTypes.StringType : DataTypes.DoubleType, false));
    return DataTypes.createStructType(fields);
  }

  /** Predictions for every full window of every series of {@code table}. */
  static Dataset<Row> predict(SparkSession spark, Dataset<Row> table, ModelHandle model, ModelHandle.Decoded decoded,
                              TableInput.Columns columns, int partitions, String source) {
    Preprocessing pre = decoded.preprocessing();
    if (pre.difference() || pre.responses() > 1 || !decoded.config().quantiles().isEmpty()) {
      throw new BadInputException("the model forecasts " + pre.targetNames().size() + " target(s) " + pre.steps()
          + " step(s) ahead" + (pre.difference() ? " as differences" : "") + (decoded.config().quantiles().isEmpty()
          ? "" : " at quantiles " + decoded.config().quantiles()) + "; bigru-spark predict scores models of one "
          + "target and one step without differencing or quantiles (bigru forecast scores the others)");
    }
    JavaRDD<SeriesRows> series = TableInput.series(table, columns, partitions, source);
    Scoring scoring = new Scoring(model);
    boolean withSeries = columns.series() != null;
    JavaRDD<Row> rows = series.flatMap(s -> scoring.score(s, withSeries));
    return spark.createDataFrame(rows, schema(columns, decoded.config()));
  }

  /** The predictions of one series (none when it is shorter than a window). */
  Iterator<Row> score(SeriesRows series, boolean withSeries) {
    ModelHandle.Decoded d = model.decoded();
    Preprocessing pre = d.preprocessing();
    int features = series.featureCount();
    float[] scaled = pre.featureScaler().transform(series.featureTable());
    List<float[]> sequences = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (pre.rowSteps() > 0) {
      if (features % pre.rowSteps() != 0) {
        throw new BadInputException(features + " feature columns cannot be read as " + pre.rowSteps() + " steps");
      }
      for (int r = 0; r < series.rows(); r++) {
        float[] row = new float[features];
        System.arraycopy(scaled, r * features, row, 0, features);
        sequences.add(row);
        labels.add(series.index()[r]);
      }
    } else {
      if (series.rows() < pre.window()) {
        return Collections.emptyIterator();
      }
      SlidingWindows windows = SlidingWindows.of(scaled, features, new float[series.rows()], pre.window(), 0);
      for (int k = 0; k < windows.count(); k++) {
        sequences.add(windows.window(k));
        labels.add(series.index()[windows.targetRow(k)]);
      }
    }
    int stepFeatures = pre.rowSteps() > 0 ? features / pre.rowSteps() : features;
    List<Row> out = new ArrayList<>(sequences.size());
    for (int from = 0; from < sequences.size(); from += CHUNK) {
      int to = Math.min(sequences.size(), from + CHUNK);
      float[][] outputs = d.predictor().predict(org.bigru.model.data.Dataset.inputs(sequences.subList(from, to),
          stepFeatures));
      for (int i = from; i < to; i++) {
        out.add(row(withSeries, series.key(), labels.get(i), prediction(d, outputs[i - from])));
      }
    }
    return out.iterator();
  }

  /** The last step's outputs in original units, or the class name of the largest logit. */
  private static Object prediction(ModelHandle.Decoded d, float[] outputs) {
    ModelConfig config = d.config();
    int width = config.outputSize();
    float[] last = new float[width];
    System.arraycopy(outputs, config.outputMode() == OutputMode.SEQUENCE ? outputs.length - width : 0, last, 0,
        width);
    if (config.task() == Task.CLASSIFICATION) {
      int id = ClassificationMetrics.argmax(last, width)[0];
      return config.classNames().isEmpty() ? Integer.toString(id) : config.classNames().get(id);
    }
    float[] y = d.preprocessing().targetScaler() == null ? last : d.preprocessing().targetScaler().inverseTransform(last);
    return (double) y[0];
  }

  private static Row row(boolean withSeries, String key, String label, Object prediction) {
    return withSeries ? RowFactory.create(key, label, prediction) : RowFactory.create(label, prediction);
  }
}
