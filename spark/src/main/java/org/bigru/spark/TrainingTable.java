package org.bigru.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.bigru.model.data.ChronologicalSplit;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.data.SlidingWindows;
import org.bigru.model.data.StandardScaler;
import scala.Tuple2;

/**
 * A table's series as training sequences, prepared by the bigru command's rules where the series are held: the
 * window (the given one; for one series without --window, the command's default for its rows; else 24), each
 * series' windows split in time order into training, validation and test parts, scalers fitted on the rows the
 * training windows cover ({@link ScalerStatistics}), then the scaled windows, numbered per part. For a table of one
 * series the sequences, their order and the scalers are bitwise those of {@code bigru train} on the same file.
 *
 * @param preprocessing what the model stores: columns, window, horizon, scalers
 * @param windows       every window of every part, cached where it was built
 * @param sizes         windows per part (training, validation, test)
 * @param seriesUsed    series that gave windows
 * @param seriesSkipped series too short for a window in each part (left out)
 */
record TrainingTable(Preprocessing preprocessing, JavaRDD<Window> windows, int[] sizes, int seriesUsed,
                     int seriesSkipped) {

  /** The look-back window used when none is given (the bigru command's). */
  static final int DEFAULT_WINDOW = 24;

  /** What shapes the sequences: the command's data options. */
  record Shape(int window, int horizon, double valSize, double testSize, boolean perStepTargets, boolean header,
               boolean indexColumn) {
  }

  static TrainingTable prepare(SparkSession spark, JavaRDD<SeriesRows> table, TableInput.Columns columns,
                               Shape shape, String source) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    JavaRDD<SeriesRows> series = table.persist(StorageLevel.MEMORY_AND_DISK());
    List<Tuple2<String, Integer>> counts = new ArrayList<>(series.map(s -> new Tuple2<>(s.key(), s.rows()))
        .collect());
    if (counts.isEmpty()) {
      throw new BadInputException(source + " has no rows");
    }
    counts.sort(Comparator.comparing(Tuple2::_1));
    int parts = ChronologicalSplit.partCount(shape.valSize(), shape.testSize());
    int window = shape.window() > 0 ? shape.window() : counts.size() > 1 ? DEFAULT_WINDOW
        : Math.max(1, Math.min(DEFAULT_WINDOW, counts.get(0)._2() - shape.horizon() - parts + 1));
    Map<String, SeriesPlan> plans = new HashMap<>();
    int[] offsets = new int[3];
    int skipped = 0;
    for (Tuple2<String, Integer> c : counts) {
      long count = (long) c._2() - window + 1 - shape.horizon();
      SeriesPlan plan = count < 1 ? null : SeriesPlan.of(c._1(), (int) count, shape.valSize(), shape.testSize(),
          offsets);
      if (plan == null) {
        if (counts.size() == 1) {
          throw new BadInputException(source + ": " + c._2() + " rows are too few for a window of " + window
              + " rows" + (shape.horizon() > 0 ? " and horizon " + shape.horizon() : "") + " and " + parts
              + " parts (training" + (shape.valSize() > 0 ? ", validation" : "") + (shape.testSize() > 0 ? ", test"
              : "") + ")");
        }
        skipped++;
        continue;
      }
      plans.put(c._1(), plan);
      int[] sizes = plan.sizes();
      for (int p = 0; p < 3; p++) {
        offsets[p] += sizes[p];
      }
    }
    if (plans.isEmpty()) {
      throw new BadInputException(source + ": no series has rows enough for a window of " + window + " rows"
          + (shape.horizon() > 0 ? " and horizon " + shape.horizon() : "") + " in each of " + parts + " parts");
    }
    Broadcast<Map<String, SeriesPlan>> planOf = jsc.broadcast(plans);
    int features = columns.features().size();
    int horizon = shape.horizon();
    int w = window;

    // The scalers, on the rows the training windows cover: two passes, combined in key order on the driver.
    List<Tuple2<String, ScalerStatistics.Sums[]>> sums = new ArrayList<>(series
        .filter(s -> planOf.value().containsKey(s.key()))
        .map(s -> {
          SeriesPlan plan = planOf.value().get(s.key());
          int lastTrain = plan.trainEnd() - 1;
          return new Tuple2<>(s.key(), new ScalerStatistics.Sums[] {
              ScalerStatistics.sums(s.featureTable(), lastTrain + w, features),
              ScalerStatistics.sums(s.targetColumn(), lastTrain + w + horizon, 1)});
        }).collect());
    sums.sort(Comparator.comparing(Tuple2::_1));
    List<ScalerStatistics.Sums> featureSums = new ArrayList<>();
    List<ScalerStatistics.Sums> targetSums = new ArrayList<>();
    for (Tuple2<String, ScalerStatistics.Sums[]> s : sums) {
      featureSums.add(s._2()[0]);
      targetSums.add(s._2()[1]);
    }
    double[] featureMean = ScalerStatistics.means(featureSums);
    double[] targetMean = ScalerStatistics.means(targetSums);
    List<Tuple2<String, double[][]>> squares = new ArrayList<>(series
        .filter(s -> planOf.value().containsKey(s.key()))
        .map(s -> {
          SeriesPlan plan = planOf.value().get(s.key());
          int lastTrain = plan.trainEnd() - 1;
          return new Tuple2<>(s.key(), new double[][] {
              ScalerStatistics.squares(s.featureTable(), lastTrain + w, features, featureMean),
              ScalerStatistics.squares(s.targetColumn(), lastTrain + w + horizon, 1, targetMean)});
        }).collect());
    squares.sort(Comparator.comparing(Tuple2::_1));
    List<double[]> featureSquares = new ArrayList<>();
    List<double[]> targetSquares = new ArrayList<>();
    for (Tuple2<String, double[][]> s : squares) {
      featureSquares.add(s._2()[0]);
      targetSquares.add(s._2()[1]);
    }
    StandardScaler featureScaler = ScalerStatistics.scaler(featureSums, featureMean, featureSquares);
    StandardScaler targetScaler = ScalerStatistics.scaler(targetSums, targetMean, targetSquares);
    Preprocessing pre = new Preprocessing(Preprocessing.TABLE, shape.header(), shape.indexColumn(),
        columns.features(), List.of(columns.target()), window, horizon, 1, 0, false, 0, featureScaler, targetScaler);

    boolean perStep = shape.perStepTargets();
    // Preprocessing travels as the metadata it is stored as.
    HashMap<String, String> stored = new HashMap<>(pre.toMetadata());
    JavaRDD<Window> windows = series
        .filter(s -> planOf.value().containsKey(s.key()))
        .flatMap(s -> windows(s, planOf.value().get(s.key()), Preprocessing.fromMetadata(stored, "the preprocessing"),
            perStep).iterator())
        .persist(StorageLevel.MEMORY_AND_DISK());
    windows.count();
    series.unpersist(false);
    return new TrainingTable(pre, windows, offsets, plans.size(), skipped);
  }

  /** The series' windows, scaled and numbered, as the command's TableSequences builds them. */
  private static List<Window> windows(SeriesRows s, SeriesPlan plan, Preprocessing pre, boolean perStep) {
    float[] target = s.targetColumn();
    float[] scaledTarget = pre.targetScaler().transform(target);
    SlidingWindows sliding = SlidingWindows.of(pre.featureScaler().transform(s.featureTable()), s.featureCount(),
        scaledTarget, pre.window(), pre.horizon());
    List<Window> list = new ArrayList<>(sliding.count());
    int w = pre.window();
    for (int k = 0; k < sliding.count(); k++) {
      int row = sliding.targetRow(k);
      float[] y;
      if (perStep) {
        y = new float[w];
        System.arraycopy(scaledTarget, row - w + 1, y, 0, w);
      } else {
        y = new float[] {sliding.target(k)};
      }
      list.add(new Window(plan.part(k), plan.indexInPart(k), sliding.window(k), y, target[row]));
    }
    return list;
  }

  /** The windows of one part. */
  JavaRDD<Window> part(int part) {
    return windows.filter(w -> w.part() == part);
  }
}
