package org.bigru.cli.output;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bigru.cli.BadInputException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** PNG charts with JFreeChart, drawn headless, written as outputs of a command's {@link OutputPlan}. */
public final class Plots {

  public static final String FIT_TITLE = "BiGRU Regression Fit Comparison";
  /** The most classes a confusion plot draws. */
  public static final int MAX_CONFUSION_CLASSES = 40;
  private static final Color DARK_ORANGE = new Color(255, 140, 0);
  private static final Color NAVY = new Color(0, 0, 128);
  private static final Color GRID = new Color(200, 200, 200);
  private static final Color BAND = new Color(100, 149, 237);

  static {
    // JDK 22 and later shape text with HarfBuzz through the FFM API, whose first call links its up-calls: ~0.1 s of
    // method handles spun before the first chart, and the default job took 0.45 s more CPU with it. The JNI binding
    // runs the same HarfBuzz (the same pixels); JDKs without the property ignore it.
    if (System.getProperty("sun.font.layout.ffm") == null) {
      System.setProperty("sun.font.layout.ffm", "false");
    }
    // ImageIO buffers a PNG it writes to a stream in a temporary file by default: a file in java.io.tmpdir per
    // chart, and a name drawn from SecureRandom, whose first use loads the security providers (~0.02 s). A chart
    // is a few hundred KB: memory.
    ImageIO.setUseCache(false);
  }

  private Plots() {
  }

  /** The reference figure: actual (dark orange) and predicted (navy) over the sample index of the test part. */
  public static void fit(OutputPlan plan, OutputPlan.Output file, double[] actual, double[] predicted,
                         String quantity) throws IOException {
    XYSeries actualSeries = new XYSeries("Actual");
    XYSeries predictedSeries = new XYSeries("Predicted");
    for (int i = 0; i < actual.length; i++) {
      actualSeries.add(i, actual[i]);
      predictedSeries.add(i, predicted[i]);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(actualSeries);
    data.addSeries(predictedSeries);
    XYPlot plot = new XYPlot(data, axis("Sample index"), axis(quantity), lines(DARK_ORANGE, NAVY));
    save(plan, file, new JFreeChart(FIT_TITLE, JFreeChart.DEFAULT_TITLE_FONT, grid(plot), true), 1000, 500);
  }

  /**
   * A forecast after the data: the last rows of the history (dark orange), the forecast (navy) and, when there
   * is one, its interval as a band. Positions are epoch milliseconds for dates (a date axis), else numbers.
   *
   * @param lower the interval's lower ends per forecast row (null: no band; NaN where a row has none)
   * @param upper its upper ends
   */
  public static void forecast(OutputPlan plan, OutputPlan.Output file, String quantity, boolean dates,
                              double[] historyAt, double[] history, double[] forecastAt, double[] forecast,
                              double[] lower, double[] upper, String band) throws IOException {
    XYSeries historySeries = new XYSeries("History");
    for (int i = 0; i < history.length; i++) {
      historySeries.add(historyAt[i], history[i]);
    }
    XYSeries forecastSeries = new XYSeries("Forecast");
    // The forecast line starts at the last known value, so it continues the history.
    if (history.length > 0) {
      forecastSeries.add(historyAt[history.length - 1], history[history.length - 1]);
    }
    for (int i = 0; i < forecast.length; i++) {
      forecastSeries.add(forecastAt[i], forecast[i]);
    }
    XYSeriesCollection lines = new XYSeriesCollection();
    lines.addSeries(historySeries);
    lines.addSeries(forecastSeries);
    ValueAxis time = dates ? new DateAxis("Time") : axis("Index");
    XYPlot plot = new XYPlot(lines, time, axis(quantity), lines(DARK_ORANGE, NAVY));
    if (lower != null) {
      YIntervalSeries interval = new YIntervalSeries(band);
      for (int i = 0; i < forecast.length; i++) {
        if (!Double.isNaN(lower[i])) {
          interval.add(forecastAt[i], forecast[i], lower[i], upper[i]);
        }
      }
      YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
      bands.addSeries(interval);
      DeviationRenderer renderer = new DeviationRenderer(false, false);
      renderer.setSeriesFillPaint(0, BAND);
      renderer.setSeriesPaint(0, BAND);
      renderer.setAlpha(0.4f);
      plot.setDataset(1, bands);
      plot.setRenderer(1, renderer);
    }
    save(plan, file, new JFreeChart("BiGRU Forecast of " + quantity, JFreeChart.DEFAULT_TITLE_FONT, grid(plot),
        true), 1000, 500);
  }

  /** Training and (when there is one) validation loss per epoch. */
  public static void loss(OutputPlan plan, OutputPlan.Output file, List<Double> training, List<Double> validation)
      throws IOException {
    XYSeries trainingSeries = new XYSeries("Training loss");
    XYSeries validationSeries = new XYSeries("Validation loss");
    for (int e = 0; e < training.size(); e++) {
      trainingSeries.add(e + 1, training.get(e));
    }
    for (int e = 0; e < validation.size(); e++) {
      if (validation.get(e) != null && Double.isFinite(validation.get(e))) {
        validationSeries.add(e + 1, validation.get(e));
      }
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(trainingSeries);
    if (validationSeries.getItemCount() > 0) {
      data.addSeries(validationSeries);
    }
    NumberAxis epochs = axis("Epoch");
    epochs.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    XYLineAndShapeRenderer renderer = lines(NAVY, DARK_ORANGE);
    renderer.setDefaultShapesVisible(true);
    XYPlot plot = new XYPlot(data, epochs, axis("Loss (scaled units)"), renderer);
    save(plan, file, new JFreeChart("BiGRU Training Loss", JFreeChart.DEFAULT_TITLE_FONT, grid(plot), true), 800,
        500);
  }

  /**
   * Confusion matrix: true class per row (y), predicted class per column (x), counts written in the cells. Above
   * {@link #MAX_CONFUSION_CLASSES} classes it shows those with the most sequences (titled so), since the cells
   * of more would be unreadable and their drawing grows with the square of the classes.
   *
   * @param shown the classes to draw, in order (indices into counts and classes)
   */
  public static void confusion(OutputPlan plan, OutputPlan.Output file, long[][] counts, List<String> classes,
                               List<Integer> shown) throws IOException {
    int k = shown.size();
    double[] xs = new double[k * k];
    double[] ys = new double[k * k];
    double[] zs = new double[k * k];
    long max = 1;
    for (int t : shown) {
      for (int p : shown) {
        max = Math.max(max, counts[t][p]);
      }
    }
    String[] names = new String[k];
    for (int i = 0; i < k; i++) {
      names[i] = classes.get(shown.get(i));
    }
    SymbolAxis predictedAxis = new SymbolAxis("Predicted class", names);
    SymbolAxis trueAxis = new SymbolAxis("True class", names);
    trueAxis.setInverted(true);
    XYBlockRenderer renderer = new XYBlockRenderer();
    LookupPaintScale scale = new LookupPaintScale(0, max + 1, Color.WHITE);
    for (int level = 0; level <= 20; level++) {
      float shade = level / 20f;
      scale.add(level * (max + 1) / 21.0, new Color(1 - 0.8f * shade, 1 - 0.65f * shade, 1 - 0.35f * shade));
    }
    renderer.setPaintScale(scale);
    DefaultXYZDataset data = new DefaultXYZDataset();
    int i = 0;
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        xs[i] = p;
        ys[i] = t;
        zs[i] = counts[shown.get(t)][shown.get(p)];
        i++;
      }
    }
    data.addSeries("counts", new double[][] {xs, ys, zs});
    XYPlot plot = new XYPlot(data, predictedAxis, trueAxis, renderer);
    Font font = new Font(Font.SANS_SERIF, Font.BOLD, k > 12 ? 9 : 13);
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        long count = counts[shown.get(t)][shown.get(p)];
        XYTextAnnotation label = new XYTextAnnotation(Long.toString(count), p, t);
        label.setFont(font);
        label.setPaint(count > max * 0.6 ? Color.WHITE : Color.BLACK);
        plot.addAnnotation(label);
      }
    }
    plot.setBackgroundPaint(Color.WHITE);
    String title = "BiGRU Confusion Matrix" + (k < classes.size()
        ? " (the " + k + " most frequent of " + classes.size() + " classes)" : "");
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis countAxis = new NumberAxis("Count");
    countAxis.setTickUnit(new NumberTickUnit(Math.max(1, (max + 9) / 10)));
    PaintScaleLegend legend = new PaintScaleLegend(scale, countAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 4, 40, 4);
    chart.addSubtitle(legend);
    int size = Math.max(500, 60 * k + 200);
    save(plan, file, chart, size + 100, size);
  }

  /** Refuses a plot file name that does not end in .png (the only format written), before any work is done. */
  public static void checkName(String option, Path file) {
    if (file != null && !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new BadInputException(option + " " + file + ": plots are PNG images, so the name must end in .png");
    }
  }

  private static NumberAxis axis(String label) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    return axis;
  }

  private static XYLineAndShapeRenderer lines(Color first, Color second) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, first);
    renderer.setSeriesPaint(1, second);
    renderer.setSeriesStroke(0, new BasicStroke(1.6f));
    renderer.setSeriesStroke(1, new BasicStroke(1.6f));
    return renderer;
  }

  private static XYPlot grid(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(true);
    plot.setRangeGridlinesVisible(true);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    return plot;
  }

  private static void save(OutputPlan plan, OutputPlan.Output file, JFreeChart chart, int width, int height)
      throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    plan.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
  }
}
