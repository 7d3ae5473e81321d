package org.bigru.cli;

import java.nio.file.Path;
import org.bigru.model.Task;
import picocli.CommandLine.Option;

/** train's output files. */
final class OutputOptions {

  @Option(names = "--out", paramLabel = "MODEL", defaultValue = "bigru-model.safetensors",
      description = "Model file to write.")
  Path out;

  @Option(names = "--plot", paramLabel = "PNG", description = "Fit plot (regression) or confusion matrix "
      + "(classification); 'none' for no plot. Default: bigru-fit.png or bigru-confusion.png.")
  String plot;

  @Option(names = "--loss-plot", paramLabel = "PNG", defaultValue = "bigru-loss.png",
      description = "Training and validation loss per epoch; 'none' for no plot.")
  String lossPlot;

  @Option(names = "--metrics-json", paramLabel = "FILE", description = "Write the test metrics as one JSON object.")
  Path metricsJson;

  @Option(names = "--plot-step", paramLabel = "K", defaultValue = "1",
      description = "With --steps, the step the fit plot shows (1: the first row predicted).")
  int plotStep;

  /** The fit or confusion plot for this task, or null for 'none'. */
  Path plotPath(Task task) {
    return optionalPath(plot != null ? plot : task == Task.CLASSIFICATION ? "bigru-confusion.png" : "bigru-fit.png");
  }

  /** The loss plot, or null for 'none'. */
  Path lossPlotPath() {
    return optionalPath(lossPlot);
  }

  private static Path optionalPath(String value) {
    return value == null || value.equalsIgnoreCase("none") ? null : Path.of(value);
  }
}
