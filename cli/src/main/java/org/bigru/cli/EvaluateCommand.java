package org.bigru.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.bigru.cli.output.OutputPlan;
import org.bigru.cli.output.Plots;
import org.bigru.cli.pipeline.Evaluation;
import org.bigru.cli.pipeline.PreparedSequences;
import org.bigru.model.data.Preprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Metrics of a saved model on new data, prepared as at training time. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = "Metrics of a saved model on new data (every full window), with the model's preprocessing.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--data", paramLabel = "FILE", required = true,
      description = "Data with the model's feature and target columns (or tensors x, y).")
  Path data;

  @Mixin
  DataOptions dataOptions;

  @Option(names = "--metrics-json", paramLabel = "FILE", description = "Write the metrics as one JSON object.")
  Path metricsJson;

  @Option(names = "--plot", paramLabel = "PNG", description = "Fit plot (regression) or confusion matrix.")
  Path plot;

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
    OutputPlan.Output metricsOut = plan.output("--metrics-json", metricsJson);
    OutputPlan.Output plotOut = plan.output("--plot", plot);
    Plots.checkName("--plot", plot);
    try (plan) {
      ModelData.Scored scored = ModelData.score(model, threadCount, data, dataOptions, true, "evaluating");
      Preprocessing pre = scored.preprocessing();
      PreparedSequences sequences = scored.sequences();
      List<String> classes = scored.network().config().classNames();
      Evaluation.Result result = scored.result();
      if (plotOut != null) {
        if (result.regression() != null) {
          Plots.fit(plan, plotOut, TrainWorkflow.column(sequences.actual(), sequences.outputs(), 0),
              TrainWorkflow.column(result.predicted(), sequences.outputs(), 0), TrainWorkflow.plotLabel(pre, 1));
        } else {
          long[][] confusion = result.classification().confusion();
          Plots.confusion(plan, plotOut, confusion, classes,
              Report.mostFrequent(confusion, Math.min(classes.size(), Plots.MAX_CONFUSION_CLASSES)));
        }
      }
      if (metricsOut != null) {
        Report.writeJson(plan, metricsOut, Report.metricsJson(result, classes));
      }
      plan.commit();
      PrintWriter out = spec.commandLine().getOut();
      Report.printMetrics(out, result, classes, "Metrics of " + model.getFileName() + " on " + data.getFileName());
      if (plotOut != null) {
        out.println("Plot:      " + plot);
      }
      if (metricsOut != null) {
        out.println("Metrics:   " + metricsJson);
      }
      out.flush();
    }
    return ExitCodes.OK;
  }
}
