package org.bigru.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bigru.cli.output.OutputPlan;
import org.bigru.cli.pipeline.Evaluation;
import org.bigru.cli.pipeline.PreparedSequences;
import org.bigru.model.Network;
import org.bigru.model.Task;
import org.bigru.model.data.Preprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Predictions of a saved model in original units, one row per input row with a full window. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = "Predictions in original units (or class labels): one CSV row per input row that has a full "
        + "window, with its index value.")
final class PredictCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--data", paramLabel = "FILE", required = true,
      description = "Data with the model's feature columns (the target column is not needed).")
  Path data;

  @Mixin
  DataOptions dataOptions;

  @Option(names = "--out", paramLabel = "CSV", required = true, description = "Predictions file to write.")
  Path out;

  @Mixin
  ThreadsOption threads;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    int threadCount = threads.resolve(checks);
    Path model = modelOption.model;
    OutputPlan plan = new OutputPlan();
    plan.input("--model", InputFiles.require(model, "--model"));
    plan.input("--data", InputFiles.require(data, "--data"));
    OutputPlan.Output csv = plan.output("--out", out);
    try (plan) {
      predict(plan, csv, model, threadCount);
    }
    return ExitCodes.OK;
  }

  /**
   * predicted_TARGET, with _plus_N (N rows ahead of the window's last row) when it is not the row itself, and
   * _qLEVEL per quantile; without a table's target names, predicted_y, or predicted_y_0, _1, ... for several.
   */
  static List<String> columnNames(Preprocessing pre, List<Double> levels, int outputs) {
    List<String> names = new ArrayList<>();
    if (pre.targetNames().isEmpty()) {
      for (int o = 0; o < outputs; o++) {
        names.add("predicted_y" + (outputs > 1 ? "_" + o : ""));
      }
      return names;
    }
    int count = Math.max(1, levels.size());
    for (int o = 0; o < outputs; o++) {
      int response = o / count;
      int ahead = pre.horizon() + response % pre.steps();
      names.add("predicted_" + pre.targetNames().get(response / pre.steps()) + (ahead > 0 ? "_plus_" + ahead : "")
          + (levels.isEmpty() ? "" : "_q" + levels.get(o % count)));
    }
    return names;
  }

  private void predict(OutputPlan plan, OutputPlan.Output csv, Path model, int threadCount) throws IOException {
    ModelData.Scored scored = ModelData.score(model, threadCount, data, dataOptions, false, "predicting with");
    Network network = scored.network();
    Preprocessing pre = scored.preprocessing();
    ModelData.Loaded loaded = scored.loaded();
    PreparedSequences sequences = scored.sequences();
    List<String> classes = network.config().classNames();
    Evaluation.Result result = scored.result();
    boolean classification = network.config().task() == Task.CLASSIFICATION;
    List<String> header = new ArrayList<>();
    header.add(loaded.table() != null && loaded.table().indexName() != null ? loaded.table().indexName()
        : loaded.table() != null ? "row" : "sequence");
    float[] values = result.quantiles() != null ? result.quantiles() : result.predicted();
    int outputs = classification ? 1 : values.length / sequences.size();
    if (classification) {
      header.add("predicted_" + (pre.targetName() != null ? pre.targetName() : "class"));
    } else {
      header.addAll(columnNames(pre, network.config().quantiles(), outputs));
    }
    plan.write(csv, stream -> {
      Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT.builder()
          .setHeader(header.toArray(new String[0])).setRecordSeparator('\n').get());
      for (int i = 0; i < sequences.size(); i++) {
        List<Object> row = new ArrayList<>();
        row.add(sequences.index()[i]);
        if (classification) {
          row.add(classes.isEmpty() ? Integer.toString(result.predictedClasses()[i])
              : classes.get(result.predictedClasses()[i]));
        } else {
          for (int o = 0; o < outputs; o++) {
            row.add(values[i * outputs + o]);
          }
        }
        printer.printRecord(row);
      }
      printer.flush();
    });
    plan.commit();
    spec.commandLine().getOut().printf("%d predictions written to %s%n", sequences.size(), out);
  }
}
