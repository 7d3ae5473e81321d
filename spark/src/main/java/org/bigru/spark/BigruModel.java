package org.bigru.spark;

import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A saved bigru model as a Spark ML {@link Transformer}, for a pipeline: {@code transform} applies the model's
 * stored preprocessing to a table with its feature columns and gives one row per full window of each series: the
 * series column (when {@link #setSeriesCol set}), the index column's value of the window's last row (the first
 * column that is not the series, when the model was trained with an index column; else {@code row}, the row's
 * position in its series) and {@code prediction}. The model travels to the executors as broadcast bytes and is
 * decoded once per executor JVM.
 *
 * <p>From Java or Scala: {@code BigruModel.load("model.safetensors").setSeriesCol("store").transform(df)}.
 * From PySpark, through the JVM class name: {@code DataFrame(spark._jvm.org.bigru.spark.BigruModel
 * .load("model.safetensors").setSeriesCol("store").transform(df._jdf), spark)}.
 */
public final class BigruModel extends Transformer {

  private static final long serialVersionUID = 1L;

  private final String uid;
  private final byte[] modelFile;
  private final String name;
  private final Param<String> seriesCol;
  private final IntParam partitions;

  private BigruModel(String uid, byte[] modelFile, String name) {
    this.uid = uid;
    this.modelFile = modelFile;
    this.name = name;
    this.seriesCol = new Param<>(this, "seriesCol", "column naming the series (empty: the table is one series)");
    this.partitions = new IntParam(this, "partitions", "partitions the series are spread over (0: Spark's "
        + "default parallelism)");
    setDefault(seriesCol, "");
    setDefault(partitions, 0);
    ModelHandle.decode(modelFile, name);
  }

  /** The model of a safetensors file's bytes; {@code name} names it in messages. */
  public BigruModel(byte[] modelFile, String name) {
    this(Identifiable$.MODULE$.randomUID("bigru"), modelFile.clone(), name);
  }

  /** The model saved at {@code path} (any Hadoop file system), read with the active Spark session. */
  public static BigruModel load(String path) {
    return new BigruModel(ModelHandle.readFile(SparkSession.active(), path, "model"), path);
  }

  public Param<String> seriesCol() {
    return seriesCol;
  }

  public BigruModel setSeriesCol(String column) {
    set(seriesCol, column == null ? "" : column);
    return this;
  }

  public IntParam partitions() {
    return partitions;
  }

  public BigruModel setPartitions(int count) {
    set(partitions, count);
    return this;
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    SparkSession spark = dataset.sparkSession();
    @SuppressWarnings("unchecked")
    Dataset<Row> table = (Dataset<Row>) dataset.toDF();
    ModelHandle.Decoded decoded = ModelHandle.decode(modelFile, name);
    TableInput.Columns columns = Scoring.columns(table, decoded.preprocessing(), series(), "the table", name);
    int count = (Integer) $(partitions);
    return Scoring.predict(spark, table, ModelHandle.broadcast(spark, modelFile), decoded, columns,
        count > 0 ? count : spark.sparkContext().defaultParallelism(), "the table");
  }

  @Override
  public StructType transformSchema(StructType schema) {
    ModelHandle.Decoded decoded = ModelHandle.decode(modelFile, name);
    Dataset<Row> empty = SparkSession.active().createDataFrame(java.util.List.of(), schema);
    return Scoring.schema(Scoring.columns(empty, decoded.preprocessing(), series(), "the table", name),
        decoded.config());
  }

  @Override
  public BigruModel copy(ParamMap extra) {
    return copyValues(new BigruModel(uid, modelFile, name), extra);
  }

  @Override
  public String uid() {
    return uid;
  }

  private String series() {
    String s = $(seriesCol);
    return s == null || s.isEmpty() ? null : s;
  }
}
