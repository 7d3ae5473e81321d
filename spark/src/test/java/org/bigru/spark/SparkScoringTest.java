package org.bigru.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bigru.model.Network;
import org.bigru.model.Predictor;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.data.SlidingWindows;
import org.bigru.model.io.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scoring on Spark against the model's own predictions on each series alone: the same numbers (within 1e-6) for
 * every full window of every series, whatever the order of the rows in the file, none for a series shorter than
 * the window; the same through the {@link BigruModel} transformer; bad input in one line.
 */
class SparkScoringTest {

  private static final List<String> STORES = List.of("north", "south", "tiny");

  @TempDir
  static Path dir;
  private static Path model;
  private static Path table;
  private static List<double[][]> series;

  @BeforeAll
  static void trainAModelAndWriteATable() {
    Path train = SparkTests.csv(dir.resolve("train.csv"), null, List.<double[][]>of(SparkTests.series(120, 5)), 0);
    model = dir.resolve("model.safetensors");
    SparkTests.Result r = SparkTests.run("train", "--data", train.toString(), "--window", "6", "--units", "5",
        "--epochs", "1", "--out", model.toString());
    assertEquals(0, r.code(), r.err());
    series = List.of(SparkTests.series(40, 8), SparkTests.series(25, 9), SparkTests.series(4, 10));
    table = SparkTests.csv(dir.resolve("stores.csv"), STORES, series, 99);
  }

  /** What the model predicts for each full window of one series, in original units, by index value. */
  private static Map<String, Double> expected(double[][] rows) throws Exception {
    Network network = ModelFile.load(model);
    Preprocessing pre = Preprocessing.fromMetadata(network.config().metadata(), "model");
    Map<String, Double> byDay = new HashMap<>();
    if (rows.length < pre.window()) {
      return byDay;
    }
    float[] scaled = pre.featureScaler().transform(SparkTests.floats(rows, 0, 1));
    SlidingWindows windows = SlidingWindows.of(scaled, 2, new float[rows.length], pre.window(), 0);
    float[][] out = new Predictor(network).predict(windows.toDataset().range(0, windows.count()));
    for (int k = 0; k < windows.count(); k++) {
      float y = pre.targetScaler().inverseTransform(new float[] {out[k][0]})[0];
      byDay.put(java.time.LocalDate.of(2020, 1, 1).plusDays(windows.targetRow(k)).toString(), (double) y);
    }
    return byDay;
  }

  private static void assertPredictions(List<Row> rows) throws Exception {
    int expectedCount = 0;
    for (int s = 0; s < STORES.size(); s++) {
      Map<String, Double> expected = expected(series.get(s));
      expectedCount += expected.size();
      for (Row row : rows) {
        if (row.getString(0).equals(STORES.get(s))) {
          Double y = expected.get(row.getString(1));
          assertTrue(y != null, "no window of " + STORES.get(s) + " ends at " + row.getString(1));
          assertEquals(y, row.getDouble(2), 1e-6, STORES.get(s) + " " + row.getString(1));
        }
      }
    }
    assertEquals(expectedCount, rows.size());
    assertFalse(rows.stream().anyMatch(r -> r.getString(0).equals("tiny")), "a series shorter than the window");
  }

  @Test
  void predictionsAreTheModelsOwnForEverySeries() throws Exception {
    Path out = dir.resolve("predictions");
    int before = ModelHandle.decodings();
    SparkTests.Result r = SparkTests.run("predict", "--model", model.toString(), "--data", table.toString(),
        "--series", "store", "--partitions", "3", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(1, ModelHandle.decodings() - before, "decoded once in this (executor) JVM");
    // north: 40 rows, 35 windows of 6; south: 25 rows, 20 windows; tiny: 4 rows, none
    assertTrue(r.out().contains("55 predictions written"), r.out());
    Dataset<Row> written = SparkTests.session().read().parquet(out.toString());
    assertEquals(List.of("store", "date", "prediction"), List.of(written.columns()));
    assertPredictions(written.collectAsList());
  }

  @Test
  void parquetInCsvOut() throws Exception {
    SparkSession spark = SparkTests.session();
    Path parquet = dir.resolve("stores.parquet");
    spark.read().option("header", true).option("inferSchema", true).csv(table.toString()).write()
        .parquet(parquet.toString());
    Path out = dir.resolve("predictions-csv");
    SparkTests.Result r = SparkTests.run("predict", "--model", model.toString(), "--data", parquet.toString(),
        "--series", "store", "--format", "csv", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertPredictions(spark.read().option("header", true).option("inferSchema", false).csv(out.toString())
        .selectExpr("store", "date", "cast(prediction as double) as prediction").collectAsList());
  }

  @Test
  void theTransformerInAPipeline() throws Exception {
    SparkSession spark = SparkTests.session();
    Dataset<Row> input = spark.read().option("header", true).option("inferSchema", true).csv(table.toString());
    BigruModel stage = BigruModel.load(model.toString()).setSeriesCol("store");
    assertEquals(List.of("store", "date", "prediction"), List.of(stage.transformSchema(input.schema()).fieldNames()));
    Dataset<Row> predicted = new Pipeline().setStages(new PipelineStage[] {stage}).fit(input).transform(input);
    assertPredictions(predicted.collectAsList());
  }

  @Test
  void badInputIsOneLineNamingIt() throws Exception {
    SparkTests.Result noColumn = SparkTests.run("predict", "--model", model.toString(), "--data", table.toString(),
        "--series", "shop", "--out", dir.resolve("x").toString());
    assertEquals(2, noColumn.code());
    assertEquals("bigru-spark: --series names column 'shop', which " + table + " does not have (columns: store, "
        + "date, f0, f1, y)", noColumn.err().strip());

    Path holes = dir.resolve("holes.csv");
    Files.writeString(holes, "date,f0,f1,y\n2020-01-01,1,2,3\n2020-01-02,,2,3\n");
    SparkTests.Result missing = SparkTests.run("predict", "--model", model.toString(), "--data", holes.toString(),
        "--out", dir.resolve("y").toString());
    assertEquals(2, missing.code(), missing.err());
    assertEquals("bigru-spark: " + holes + ", index '2020-01-02', column 'f0': missing value", missing.err().strip());
    assertFalse(Files.exists(dir.resolve("y")), "no partial output");

    Path existing = Files.createDirectories(dir.resolve("taken"));
    SparkTests.Result taken = SparkTests.run("predict", "--model", model.toString(), "--data", table.toString(),
        "--out", existing.toString());
    assertEquals(2, taken.code());
    assertTrue(taken.err().contains("--out " + existing + " exists"), taken.err());

    SparkTests.Result notAModel = SparkTests.run("predict", "--model", table.toString(), "--data", table.toString(),
        "--out", dir.resolve("z").toString());
    assertEquals(2, notAModel.code(), notAModel.err());
    assertTrue(notAModel.err().startsWith("bigru-spark: " + table + ": "), notAModel.err());
  }

  @Test
  void aForecastingModelIsRefusedInOneLine() throws Exception {
    Network network = ModelFile.load(model);
    Preprocessing pre = Preprocessing.fromMetadata(network.config().metadata(), "model");
    Preprocessing differenced = new Preprocessing(pre.source(), pre.header(), pre.indexColumn(), pre.featureNames(),
        pre.targetNames(), pre.window(), pre.horizon(), pre.steps(), pre.rowSteps(), true, pre.season(),
        pre.featureScaler(), pre.targetScaler());
    Map<String, String> metadata = new HashMap<>(network.config().metadata());
    metadata.putAll(differenced.toMetadata());
    Network forecasting = Network.create(network.config().withMetadata(metadata), 0);
    forecasting.arena().copyValuesFrom(network.arena());
    Path file = dir.resolve("differenced.safetensors");
    ModelFile.save(forecasting, file);
    SparkTests.Result r = SparkTests.run("predict", "--model", file.toString(), "--data", table.toString(),
        "--series", "store", "--out", dir.resolve("w").toString());
    assertEquals(2, r.code(), r.err());
    assertEquals("bigru-spark: the model forecasts 1 target(s) 1 step(s) ahead as differences; bigru-spark predict "
        + "scores models of one target and one step without differencing or quantiles (bigru forecast scores the "
        + "others)", r.err().strip());
  }
}
