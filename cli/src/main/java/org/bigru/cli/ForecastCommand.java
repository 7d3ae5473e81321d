package org.bigru.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bigru.cli.output.OutputPlan;
import org.bigru.cli.output.Plots;
import org.bigru.cli.pipeline.Evaluation;
import org.bigru.cli.pipeline.PreparedSequences;
import org.bigru.cli.pipeline.TableSequences;
import org.bigru.cli.table.Table;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.Task;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.data.TimeIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The rows after the data: a saved model's forecast from the window that ends at the data's last row, each
 * target's K values (with quantiles: lower, median and upper), the index continued past the last row.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = {"Forecast the rows after the data's last row with a model trained with --steps (or --horizon): "
        + "one CSV row per step ahead, the index continued (dates by their frequency, numbers by their step), each "
        + "target's forecast (with quantiles: lower, median and upper).",
        "--recursive N rolls the model forward to N steps when its features are exactly its targets."})
final class ForecastCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--data", paramLabel = "FILE", required = true,
      description = "The history, with the model's feature columns (and its targets, when it differences them).")
  Path data;

  @Mixin
  DataOptions dataOptions;

  @Option(names = "--out", paramLabel = "CSV", description = "Forecast file to write (default: printed).")
  Path out;

  @Option(names = "--plot", paramLabel = "PNG", description = "History and forecast, with the interval as a band.")
  Path plot;

  @Option(names = "--recursive", paramLabel = "N", defaultValue = "0",
      description = "Forecast N steps by feeding the forecasts back as inputs, K at a time (0: the model's K "
          + "steps). Only when the features are exactly the targets.")
  int recursive;

  @Mixin
  ThreadsOption threads;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    int threadCount = threads.resolve(checks);
    checks.atLeast("--recursive", recursive, 0);
    Path model = modelOption.model;
    OutputPlan plan = new OutputPlan();
    plan.input("--model", InputFiles.require(model, "--model"));
    plan.input("--data", InputFiles.require(data, "--data"));
    OutputPlan.Output csv = plan.output("--out", out);
    OutputPlan.Output png = plan.output("--plot", plot);
    Plots.checkName("--plot", plot);
    try (plan) {
      Network network = Models.load(model, "--model");
      network.setThreads(threadCount);
      Preprocessing pre = Preprocessing.fromMetadata(network.config().metadata(), model.toString());
      checkModel(network.config(), pre, model);
      ModelData.Loaded loaded = ModelData.load(network.config(), pre, model, data, dataOptions, false);
      Table table = loaded.table();
      TimeIndex index = TimeIndex.of(table.index());
      if (index.frequency() == TimeIndex.Frequency.IRREGULAR) {
        throw new BadInputException(data.getFileName() + ": the index '" + table.indexName() + "' is not regular: "
            + index.irregularity() + "; forecast continues an hourly, daily, weekly, monthly, quarterly or yearly "
            + "date index, or numbers with a constant step");
      }
      Forecast forecast = forecast(network, pre, table, loaded.sequences());
      if (csv != null) {
        plan.write(csv, stream -> write(stream, forecast, table, index, pre));
      }
      if (png != null) {
        plot(plan, png, forecast, table, index, pre, network.config().quantiles());
      }
      plan.commit();
      PrintWriter stdout = spec.commandLine().getOut();
      if (csv == null) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        write(text, forecast, table, index, pre);
        stdout.print(text.toString(StandardCharsets.UTF_8));
      } else {
        stdout.printf(Locale.ROOT, "%d rows after %s forecast to %s%n", forecast.rows(),
            table.index()[table.rows() - 1], out);
      }
      if (png != null) {
        stdout.println("Plot:      " + plot);
      }
      stdout.flush();
    }
    return ExitCodes.OK;
  }

  /** Refuses a model that cannot forecast after the data, or --recursive it cannot roll forward. */
  private void checkModel(ModelConfig config, Preprocessing pre, Path model) {
    if (config.task() != Task.REGRESSION || !pre.isTable() || pre.rowSteps() > 0) {
      throw new BadInputException(model + " is not a forecaster: forecast needs a regression model trained on "
          + "windows over a table's rows");
    }
    if (pre.horizon() == 0) {
      throw new BadInputException(model + " predicts the target of each window's own last row (horizon 0), not "
          + "rows after the data; train it with --steps K (or --horizon N) to forecast");
    }
    if (recursive > 0) {
      if (!new HashSet<>(pre.featureNames()).equals(new HashSet<>(pre.targetNames()))) {
        throw new BadInputException("--recursive feeds the forecasts back as inputs, so the features must be exactly "
            + "the targets; " + model.getFileName() + " has the features " + pre.featureNames() + " and the targets "
            + pre.targetNames());
      }
      if (pre.horizon() != 1) {
        throw new BadInputException("--recursive needs a model whose forecast starts at the row after the window; "
            + model.getFileName() + " starts " + pre.horizon() + " rows after it (trained with --horizon "
            + (pre.horizon() - 1) + ")");
      }
    }
  }

  /**
   * The forecast, [rows, targets] point values (and with quantiles the lower and upper ends of the first K rows;
   * NaN beyond, where rolling forward conditions on the medians and gives no honest interval).
   */
  private record Forecast(int rows, int targets, float[] point, float[] lower, float[] upper) {
  }

  private Forecast forecast(Network network, Preprocessing pre, Table table, PreparedSequences sequences) {
    int steps = pre.steps();
    int targets = pre.targetNames().size();
    int total = recursive > 0 ? recursive : steps;
    boolean intervals = !network.config().quantiles().isEmpty();
    float[] point = new float[total * targets];
    float[] lower = intervals ? new float[total * targets] : null;
    float[] upper = intervals ? new float[total * targets] : null;
    if (intervals) {
      Arrays.fill(lower, Float.NaN);
      Arrays.fill(upper, Float.NaN);
    }
    Table history = table;
    PreparedSequences windows = sequences;
    for (int done = 0; done < total; done += steps) {
      Evaluation.Result result = Evaluation.run(network, windows.range(windows.size() - 1, windows.size()), pre,
          network.config().classNames(), 1);
      int count = Math.min(steps, total - done);
      float[] next = new float[steps * targets];
      for (int t = 0; t < targets; t++) {
        for (int s = 0; s < steps; s++) {
          next[s * targets + t] = result.predicted()[t * steps + s];
          if (s < count) {
            point[(done + s) * targets + t] = result.predicted()[t * steps + s];
            if (intervals && done == 0) {
              lower[s * targets + t] = result.lower()[t * steps + s];
              upper[s * targets + t] = result.upper()[t * steps + s];
            }
          }
        }
      }
      if (done + steps < total) {
        history = extend(history, pre, next, steps);
        windows = TableSequences.build(history, pre, Task.REGRESSION, network.config().outputMode(), List.of(),
            false);
      }
    }
    return new Forecast(total, targets, point, lower, upper);
  }

  /** The table with {@code rows} forecast rows after it: each feature (a target) takes its target's forecast. */
  private static Table extend(Table table, Preprocessing pre, float[] next, int rows) {
    int n = table.rows();
    int targets = pre.targetNames().size();
    double[][] features = Arrays.copyOf(table.features(), n + rows);
    double[][] values = new double[targets][];
    for (int t = 0; t < targets; t++) {
      values[t] = Arrays.copyOf(table.targets()[t], n + rows);
    }
    String[] index = Arrays.copyOf(table.index(), n + rows);
    for (int r = 0; r < rows; r++) {
      double[] row = new double[table.featureCount()];
      for (int f = 0; f < row.length; f++) {
        row[f] = next[r * targets + pre.targetNames().indexOf(table.featureNames().get(f))];
      }
      features[n + r] = row;
      for (int t = 0; t < targets; t++) {
        values[t][n + r] = next[r * targets + t];
      }
      index[n + r] = "+" + (r + 1);
    }
    return new Table(table.source(), table.indexName(), index, table.featureNames(), features, table.targetNames(),
        values, null);
  }

  /** index, then per target its forecast, or TARGET_lower, TARGET_median, TARGET_upper. */
  private static void write(OutputStream stream, Forecast f, Table table, TimeIndex index, Preprocessing pre)
      throws IOException {
    List<String> header = new ArrayList<>();
    header.add(table.indexName() != null ? table.indexName() : "row");
    for (String target : pre.targetNames()) {
      if (f.lower() == null) {
        header.add(target);
      } else {
        header.addAll(List.of(target + "_lower", target + "_median", target + "_upper"));
      }
    }
    Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
        .setHeader(header.toArray(new String[0])).setRecordSeparator('\n').get());
    for (int r = 0; r < f.rows(); r++) {
      List<Object> row = new ArrayList<>();
      row.add(index.after(pre.horizon() + r));
      for (int t = 0; t < f.targets(); t++) {
        int i = r * f.targets() + t;
        if (f.lower() == null) {
          row.add(f.point()[i]);
        } else {
          row.add(Float.isNaN(f.lower()[i]) ? "" : f.lower()[i]);
          row.add(f.point()[i]);
          row.add(Float.isNaN(f.upper()[i]) ? "" : f.upper()[i]);
        }
      }
      printer.printRecord(row);
    }
    printer.flush();
  }

  /** The first target: the last rows of its history, its forecast and the interval's band. */
  private static void plot(OutputPlan plan, OutputPlan.Output png, Forecast f, Table table, TimeIndex index,
                           Preprocessing pre, List<Double> levels) throws IOException {
    int shown = table.targets() == null ? 0 : Math.min(table.rows(), Math.max(60, 4 * f.rows()));
    int from = table.rows() - shown;
    double[] historyAt = new double[shown];
    double[] history = new double[shown];
    for (int i = 0; i < shown; i++) {
      historyAt[i] = index.position(from + i);
      history[i] = table.targets()[0][from + i];
    }
    double[] at = new double[f.rows()];
    double[] point = new double[f.rows()];
    double[] lower = f.lower() == null ? null : new double[f.rows()];
    double[] upper = f.lower() == null ? null : new double[f.rows()];
    for (int r = 0; r < f.rows(); r++) {
      at[r] = index.positionAfter(pre.horizon() + r);
      point[r] = f.point()[r * f.targets()];
      if (lower != null) {
        lower[r] = f.lower()[r * f.targets()];
        upper[r] = f.upper()[r * f.targets()];
      }
    }
    String band = levels.isEmpty() ? "" : "interval " + levels.get(0) + "-" + levels.get(levels.size() - 1);
    Plots.forecast(plan, png, pre.targetName(), index.isDates(), historyAt, history, at, point, lower, upper, band);
  }
}
