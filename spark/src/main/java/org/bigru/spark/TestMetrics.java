package org.bigru.spark;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.io.ModelConfigJson;
import org.bigru.model.metrics.RegressionMetrics;
import org.bigru.model.train.Trainer;

/** The trained model on the test windows, predicted where they are held, in original units. */
final class TestMetrics {

  private TestMetrics() {
  }

  static RegressionMetrics of(SparkSession spark, Network network, TrainingTable prepared, int threads,
                              boolean perStep) {
    String config = ModelConfigJson.toJson(network.config());
    float[] weights = network.arena().values().clone();
    HashMap<String, String> stored = new HashMap<>(prepared.preprocessing().toMetadata());
    int features = network.config().inputSize();
    boolean sequenceOutput = network.config().outputMode() == OutputMode.SEQUENCE;
    List<float[]> pairs = new ArrayList<>(prepared.part(Window.TEST).mapPartitions(it -> {
      List<Window> windows = new ArrayList<>();
      it.forEachRemaining(windows::add);
      List<float[]> out = new ArrayList<>();
      if (windows.isEmpty()) {
        return out.iterator();
      }
      Preprocessing pre = Preprocessing.fromMetadata(stored, "the preprocessing");
      List<float[]> xs = new ArrayList<>();
      for (Window w : windows) {
        xs.add(w.x());
      }
      Network net = ExecutorNetworks.borrow(config, weights, threads);
      try {
        float[][] y = Trainer.predict(net, Dataset.inputs(xs, features));
        for (int i = 0; i < windows.size(); i++) {
          float last = y[i][sequenceOutput ? y[i].length - 1 : 0];
          float predicted = pre.targetScaler().inverseTransform(new float[] {last})[0];
          out.add(new float[] {windows.get(i).index(), windows.get(i).actual(), predicted});
        }
      } finally {
        ExecutorNetworks.giveBack(config, net);
      }
      return out.iterator();
    }).collect());
    pairs.sort((a, b) -> Float.compare(a[0], b[0]));
    float[] actual = new float[pairs.size()];
    float[] predicted = new float[pairs.size()];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = pairs.get(i)[1];
      predicted[i] = pairs.get(i)[2];
    }
    return RegressionMetrics.of(actual, predicted);
  }

  static void print(PrintWriter out, RegressionMetrics m) {
    out.printf(Locale.ROOT, "Test metrics (%d windows, original units): RMSE %.4f, MAE %.4f, R^2 %.4f%n", m.count(),
        m.rmse(), m.mae(), m.r2());
  }
}
