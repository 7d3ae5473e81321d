package org.bigru.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.bigru.cli.output.OutputPlan;
import org.bigru.cli.output.Plots;
import org.bigru.model.Task;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The train command: its options, checked once before any data is read, and every output path planned; then one
 * call to {@link TrainWorkflow}.
 */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = {"Train a BiGRU (or BiLSTM): read data, build look-back windows, split in time order, standardize "
        + "with training statistics, train, report metrics on the test part, save the model and plots.",
        "Without --data it runs the reference workflow on a shipped data set (--example)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:internal error", "2:bad input or usage (one line naming the problem)",
        "3:training stopped at a non-finite loss or gradient (the model of the last good step is written)",
        "130:interrupted (Ctrl-C); no partial output is left", "143:terminated (SIGTERM); no partial output is left"})
final class TrainCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin(name = "Data")
  TrainDataOptions data;

  @Mixin(name = "Network")
  NetworkOptions network;

  @Mixin(name = "Training")
  FitOptions fit;

  @Mixin(name = "Output")
  OutputOptions output;

  @Mixin(name = "Checkpoints")
  CheckpointOptions checkpoints;

  @Override
  public Integer call() throws IOException {
    OptionChecks checks = new OptionChecks(spec);
    Example chosen = data.chooseExample(spec.commandLine().getParseResult());
    Task task = data.check(checks);
    network.check(checks, task);
    checks.atLeast("--plot-step", output.plotStep, 1);
    if (output.plotStep > Math.max(1, data.steps)) {
      throw new BadInputException("--plot-step " + checks.typed("--plot-step", output.plotStep) + " is beyond the "
          + (data.steps > 0 ? checks.described("--steps", data.steps) : "one value predicted (no --steps)"));
    }
    if (network.returnSequences && (data.steps > 1 || data.difference)) {
      throw new BadInputException("--return-sequences trains every step on its own row; " + (data.steps > 1
          ? "--steps " + data.steps : "--difference") + " predicts from a window's last row: use one or the other");
    }
    fit.check(checks, data.valSize > 0);
    checkpoints.check(checks);
    OutputPlan plan = new OutputPlan();
    if (chosen == null) {
      plan.input("--data", InputFiles.require(data.data, "--data"));
    }
    if (fit.init != null) {
      plan.input("--init", InputFiles.require(fit.init, "--init"));
    }
    if (checkpoints.resume != null) {
      InputFiles.requireFolder(checkpoints.resume, "--resume");
    }
    TrainWorkflow.Outputs outputs = new TrainWorkflow.Outputs(plan.output("--out", output.out),
        plan.output("--plot", output.plotPath(task)), plan.output("--loss-plot", output.lossPlotPath()),
        plan.output("--metrics-json", output.metricsJson));
    Plots.checkName("--plot", output.plotPath(task));
    Plots.checkName("--loss-plot", output.lossPlotPath());
    plan.folder(checkpoints.folderOption(), checkpoints.folder());
    if (chosen != null) {
      data.useExample(chosen, spec.commandLine().getOut());
    }
    try (plan) {
      return new TrainWorkflow(checks, spec.commandLine().getOut(), spec.commandLine().getErr(), data, network, fit,
          output, checkpoints).run(task, plan, outputs);
    }
  }
}
