package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.bigru.model.data.ChronologicalSplit;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.SlidingWindows;
import org.bigru.model.data.StandardScaler;
import org.bigru.model.metrics.RegressionMetrics;
import org.junit.jupiter.api.Test;

/**
 * The reference forecasting workflow on real data (yearly sunspots 1700-2008, see data/PROVENANCE.md):
 * windows of 10 years predict the next year; chronological 80/20 split; scaler fitted on the training rows
 * only; a small BiGRU must beat the naive forecast "next year = this year" on the test part.
 */
class SunspotsLearningTest {

  private static final int WINDOW = 10;

  static float[] sunspots() throws IOException {
    List<Float> values = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        SunspotsLearningTest.class.getResourceAsStream("/data/sunspots.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        values.add(Float.parseFloat(line.split(",")[1]));
      }
    }
    float[] series = new float[values.size()];
    for (int i = 0; i < series.length; i++) {
      series[i] = values.get(i);
    }
    return series;
  }

  @Test
  void biGruBeatsTheNaiveForecast() throws IOException {
    float[] series = sunspots();
    assertEquals(309, series.length);
    int windows = series.length - WINDOW;
    List<ChronologicalSplit.Part> parts = ChronologicalSplit.trainTest(windows, 0.2);
    ChronologicalSplit.Part train = parts.get(0);
    ChronologicalSplit.Part test = parts.get(1);
    // Rows 0 .. (target row of the last training window) are all the training part ever sees.
    int trainRows = train.end() - 1 + WINDOW + 1;
    StandardScaler scaler = StandardScaler.fit(series, trainRows, 1);
    float[] scaled = scaler.transform(series);
    SlidingWindows all = SlidingWindows.of(scaled, 1, scaled, WINDOW, 1);
    assertEquals(windows, all.count());
    Dataset data = all.toDataset();

    Network network = Network.create(ModelConfig.biGru(1, 16, OutputMode.LAST, 1, Task.REGRESSION), 1);
    TrainingOptions options = TrainingOptions.builder().maxEpochs(30).miniBatchSize(16).learningRate(0.01)
        .seed(1).build();
    TrainingHistory history = Trainer.fit(network, data.range(train.start(), train.end()), null, options, null);
    double[] losses = history.losses();
    assertTrue(losses[losses.length - 1] < 0.5 * losses[0], "training loss should fall: "
        + java.util.Arrays.toString(losses));

    float[][] predicted = Trainer.predict(network, data.range(test.start(), test.end()));
    float[] forecast = new float[test.size()];
    float[] actual = new float[test.size()];
    float[] naive = new float[test.size()];
    for (int k = 0; k < test.size(); k++) {
      int window = test.start() + k;
      forecast[k] = predicted[k][0];
      actual[k] = series[all.targetRow(window)];
      naive[k] = series[all.targetRow(window) - 1];
    }
    forecast = scaler.inverseTransform(forecast);
    RegressionMetrics model = RegressionMetrics.of(actual, forecast);
    RegressionMetrics baseline = RegressionMetrics.of(actual, naive);
    System.out.printf("sunspots: BiGRU test RMSE %.2f MAE %.2f R2 %.3f; naive RMSE %.2f (%d epochs, %.1f s)%n",
        model.rmse(), model.mae(), model.r2(), baseline.rmse(), losses.length,
        history.epochs().stream().mapToDouble(TrainingHistory.Epoch::seconds).sum());
    assertTrue(model.rmse() < baseline.rmse(), "BiGRU RMSE " + model.rmse() + " vs naive " + baseline.rmse());
    assertTrue(model.r2() > 0.5, "R^2 " + model.r2());
  }
}
