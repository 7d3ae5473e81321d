package org.bigru.spark;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Batch scoring of a table (CSV or Parquet) with a saved model, written as Parquet or CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = "Predictions of a saved model for every full window of every series of a table, in original "
        + "units (or class names): rows (series, index, prediction).")
final class PredictCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Option(names = "--model", paramLabel = "FILE", required = true,
      description = "A model saved by bigru train or bigru-spark train (.safetensors; any Hadoop path).")
  String model;

  @Option(names = "--data", paramLabel = "PATH", required = true,
      description = "A CSV or Parquet file, or a folder of them, with the model's feature columns.")
  String data;

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "csv or parquet (default: from the file names).")
  String inputFormat;

  @Option(names = "--header", negatable = true, fallbackValue = "true",
      description = "CSV: the first row holds column names (default: as the model was trained).")
  Boolean header;

  @Option(names = "--series", paramLabel = "COLUMN",
      description = "Column that names the series: windows are cut within each series, in index order.")
  String series;

  @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder (must not exist).")
  String out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet",
      description = "Output format: parquet or csv.")
  String format;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    String outputFormat = format.toLowerCase(Locale.ROOT);
    if (!outputFormat.equals("parquet") && !outputFormat.equals("csv")) {
      throw new BadInputException("--format must be parquet or csv, not '" + format + "'");
    }
    SparkSession spark = sparkOptions.session("bigru-spark predict");
    long start = System.nanoTime();
    OutputFolder.requireNew(spark, out, "--out");
    byte[] bytes = ModelHandle.readFile(spark, model, "--model");
    ModelHandle.Decoded decoded = ModelHandle.decode(bytes, model);
    Dataset<Row> table = TableInput.read(spark, data, inputFormat,
        header != null ? header : decoded.preprocessing().header());
    TableInput.Columns columns = Scoring.columns(table, decoded.preprocessing(), series, data, model);
    ModelHandle handle = ModelHandle.broadcast(spark, bytes);
    Dataset<Row> predictions = Scoring.predict(spark, table, handle, decoded, columns,
        sparkOptions.partitions(spark), data);
    OutputFolder.write(spark, out, "--out", folder -> {
      if (outputFormat.equals("csv")) {
        predictions.write().option("header", true).csv(folder);
      } else {
        predictions.write().parquet(folder);
      }
    });
    double seconds = (System.nanoTime() - start) / 1e9;
    handle.destroy();
    long count = outputFormat.equals("csv") ? spark.read().option("header", true).csv(out).count()
        : spark.read().parquet(out).count();
    spec.commandLine().getOut().printf(Locale.ROOT, "%d predictions written to %s in %.2f s (%.0f per second, "
        + "reading and writing included)%n", count, out, seconds, count / seconds);
    return Main.OK;
  }
}
