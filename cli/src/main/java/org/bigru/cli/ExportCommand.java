package org.bigru.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bigru.cli.output.OutputPlan;
import org.bigru.model.Network;
import org.bigru.model.io.onnx.OnnxExporter;
import org.bigru.model.io.onnx.OnnxFormat;
import org.bigru.model.io.onnx.OnnxModel;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.io.onnx.OnnxPreprocessing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A model file as an ONNX graph that ONNX Runtime (or any ONNX runtime) runs. */
@Command(name = "export", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
    description = {"Write a model as an ONNX graph (opset " + OnnxExporter.OPSET + "): GRU/LSTM nodes, the "
        + "merges and the dense head, input x [batch, time, features], output y as 'bigru infer' gives it.",
        "With --with-preprocessing the stored scaler comes along (Sub/Div on the input, Mul/Add back to "
        + "original units on a regression output), so raw table rows go in and original units come out."})
final class ExportCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption modelOption;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "onnx", description = "Output format: onnx.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "File to write (.onnx).")
  Path out;

  @Option(names = "--with-preprocessing", description = "Include the model's stored scaling (models trained on a "
      + "table).")
  boolean withPreprocessing;

  @Option(names = "--sequence-lens", description = "Add the input sequence_lens [batch] (int32): the real steps of "
      + "each right-padded sequence; padded steps of a per-step output are zero.")
  boolean sequenceLengths;

  @Override
  public Integer call() throws IOException {
    if (!format.equalsIgnoreCase("onnx")) {
      throw new BadInputException("--format '" + format + "' is not supported (expected onnx)");
    }
    Path model = modelOption.model;
    OutputPlan plan = new OutputPlan();
    plan.input("--model", InputFiles.require(model, "--model"));
    OutputPlan.Output onnx = plan.output("--out", out);
    Network network = Models.load(model, "--model");
    OnnxPreprocessing scaling = withPreprocessing ? scaling(network, model) : null;
    OnnxModel graph = OnnxExporter.export(network, scaling, sequenceLengths);
    try (plan) {
      plan.writeFile(onnx, file -> OnnxFormat.write(graph, file));
      plan.commit();
    }
    spec.commandLine().getOut().printf("%s written to %s (ONNX opset %d; input x %s%s; output y %s)%n",
        network.config().summary(), out, OnnxExporter.OPSET,
        scaling != null && scaling.rowSteps() > 0 ? "[batch, " + scaling.featureMean().length + "]"
            : "[batch, time, " + network.config().inputSize() + "]",
        sequenceLengths ? ", sequence_lens [batch]" : "",
        network.config().outputMode() == org.bigru.model.OutputMode.SEQUENCE
            ? "[batch, time, " + network.config().outputSize() + "]" : "[batch, " + network.config().outputSize() + "]");
    return ExitCodes.OK;
  }

  private static OnnxPreprocessing scaling(Network network, Path model) {
    Preprocessing pre = Preprocessing.fromMetadata(network.config().metadata(), model.toString());
    if (!pre.isTable() || pre.featureScaler() == null) {
      throw new BadInputException("--with-preprocessing: " + model + " was not trained on a table, so it has no "
          + "stored scaling; export it without --with-preprocessing");
    }
    if (pre.difference() || pre.responses() > 1 || !network.config().quantiles().isEmpty()) {
      // The graph scales each output by a column of its own; forecasting models add more than that.
      throw new BadInputException("--with-preprocessing: " + model + " forecasts with " + (pre.difference()
          ? "--difference (inputs and outputs relative to earlier rows)" : pre.responses() > 1
              ? "several targets or steps (one target scaler column for several outputs)" : "quantiles")
          + ", which the graph's scaling does not express; export it without --with-preprocessing");
    }
    return OnnxPreprocessing.of(pre);
  }
}
