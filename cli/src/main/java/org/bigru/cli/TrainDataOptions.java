package org.bigru.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bigru.cli.pipeline.Split;
import org.bigru.cli.pipeline.TablePreparation;
import org.bigru.model.Task;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** train's data options: the file (or a shipped example), its columns, the windows, the task and the split. */
final class TrainDataOptions {

  @Option(names = "--data", paramLabel = "FILE",
      description = "Data: .csv (also .tsv, .gz), .xlsx, or .safetensors (tensors x [N,T,I], y, optional lengths). "
          + "Default: the shipped example.")
  Path data;

  @Option(names = "--example", paramLabel = "NAME",
      description = "Shipped data set used without --data: seattle-weather (regression of temp_max), digits "
          + "(classification, 8 steps of 8 pixels) or co2 (monthly Mauna Loa CO2, forecast from its own past). "
          + "Default: seattle-weather.")
  String example;

  @Mixin
  DataOptions read;

  @Option(names = "--index-col", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "The first column is an index or time stamp: kept for output, not a feature "
          + "(default: ${DEFAULT-VALUE}).")
  boolean indexColumn;

  @Option(names = "--drop", showDefaultValue = Visibility.NEVER, split = ",", paramLabel = "COLUMN",
      description = "Columns to ignore (default: none).")
  List<String> drop = new ArrayList<>();

  @Option(names = "--features", showDefaultValue = Visibility.NEVER, split = ",", paramLabel = "COLUMN",
      description = "Feature columns (default: every column but the index, the targets and dropped ones). A target "
          + "may be named too: its own past as input.")
  List<String> features = new ArrayList<>();

  @Option(names = "--target", showDefaultValue = Visibility.NEVER, split = ",", paramLabel = "COLUMN",
      description = "Target column, or several for regression (a,b,c: each scaled on its own; default: the last "
          + "column).")
  List<String> targets = new ArrayList<>();

  @Option(names = "--window", paramLabel = "N", defaultValue = "0",
      description = "Look-back rows per sequence; 0 = " + TablePreparation.DEFAULT_WINDOW
          + " or the longest the data allows.")
  int window;

  @Option(names = "--horizon", paramLabel = "N", defaultValue = "0",
      description = "Rows ahead of a window's last row whose target it predicts (0: the row's own target).")
  int horizon;

  @Option(names = "--steps", paramLabel = "K", defaultValue = "0",
      description = "Forecast K rows per target at once: the values at horizon+1 .. horizon+K after a window's last "
          + "row, one network output each (0: one value, at the horizon).")
  int steps;

  @Option(names = "--difference",
      description = "Predict each target's change from the window's last row, and add that value back; a target "
          + "among the features enters as its change from the row before. For trending series.")
  boolean difference;

  @Option(names = "--season", paramLabel = "S", defaultValue = "0",
      description = "Rows per season of the seasonal naive baseline (0: from the index: 24 hourly, 7 daily, 52 "
          + "weekly, 12 monthly, 4 quarterly, else 1).")
  int season;

  @Option(names = "--row-steps", paramLabel = "T", defaultValue = "0",
      description = "Read each row as one sequence of T steps (its features split evenly) instead of windows.")
  int rowSteps;

  @Option(names = "--task", paramLabel = "TASK", defaultValue = "regression",
      description = "regression or classification (class labels: numbers or words).")
  String task;

  @Option(names = "--test-size", paramLabel = "F", defaultValue = "0.2",
      description = "Fraction of sequences, the last ones, held out for testing (0: none).")
  double testSize;

  @Option(names = "--val-size", paramLabel = "F", defaultValue = "0",
      description = "Fraction of sequences, just before the test part, for validation each epoch.")
  double valSize;

  /**
   * The shipped example used without --data, or null: its settings fill in what the command line left out. Its
   * file is extracted only once every option has been checked ({@link #useExample}).
   */
  Example chooseExample(ParseResult parsed) {
    if (data != null) {
      if (example != null) {
        throw new BadInputException("--example and --data exclude each other");
      }
      return null;
    }
    Example chosen = Example.fromName(example == null ? "seattle-weather" : example);
    if (!parsed.hasMatchedOption("--task")) {
      task = chosen.task;
    }
    if (!parsed.hasMatchedOption("--target") && chosen.target != null) {
      targets = new ArrayList<>(List.of(chosen.target));
    }
    if (!parsed.hasMatchedOption("--features") && !chosen.features.isEmpty()) {
      features = new ArrayList<>(chosen.features);
    }
    if (!parsed.hasMatchedOption("--drop")) {
      drop = new ArrayList<>(chosen.drop);
      drop.removeIf(column -> targets.stream().anyMatch(column::equalsIgnoreCase));
    }
    if (!parsed.hasMatchedOption("--header")) {
      read.header = chosen.header;
    }
    if (!parsed.hasMatchedOption("--index-col")) {
      indexColumn = chosen.indexColumn;
    }
    if (!parsed.hasMatchedOption("--row-steps")) {
      rowSteps = chosen.rowSteps;
    }
    return chosen;
  }

  /** Extracts the chosen example's file as --data. */
  void useExample(Example chosen, PrintWriter out) throws java.io.IOException {
    data = chosen.extract();
    out.println("example: " + chosen.optionName + " (shipped with bigru; --data FILE for your own)");
  }

  /** How rows become sequences. */
  TablePreparation.Layout layout() {
    return new TablePreparation.Layout(window, horizon, steps, rowSteps, difference, season);
  }

  /** Checks these options as typed; the task. */
  Task check(OptionChecks checks) {
    Task kind = checks.name("--task", () -> Task.fromName(task));
    checks.atLeast("--window", window, 0);
    checks.atLeast("--horizon", horizon, 0);
    checks.atLeast("--row-steps", rowSteps, 0);
    checks.atLeast("--steps", steps, 0);
    checks.atLeast("--season", season, 0);
    if (kind == Task.CLASSIFICATION) {
      if (targets.size() > 1) {
        throw new BadInputException("--target " + checks.typed("--target", targets) + ": classification has one "
            + "target column (several targets are for regression)");
      }
      if (steps > 0 || difference) {
        throw new BadInputException((steps > 0 ? "--steps" : "--difference") + " forecasts numbers: it is for "
            + "regression, not classification");
      }
    }
    if (rowSteps > 0 && (steps > 0 || difference)) {
      throw new BadInputException("--row-steps reads each row as a sequence; it excludes " + (steps > 0 ? "--steps"
          : "--difference"));
    }
    if (difference && horizon == 0 && steps == 0) {
      throw new BadInputException("--difference predicts changes from a window's last row, so it needs rows after "
          + "it: give --steps K (or --horizon N)");
    }
    if (!(testSize >= 0 && testSize < 1)) {
      throw new BadInputException("--test-size must be in [0, 1), not " + checks.typed("--test-size", testSize));
    }
    if (!(valSize >= 0 && valSize < 1)) {
      throw new BadInputException("--val-size must be in [0, 1), not " + checks.typed("--val-size", valSize));
    }
    Split.checkFractions(valSize, testSize);
    if (rowSteps > 0 && (window > 0 || horizon > 0)) {
      throw new BadInputException("--row-steps reads each row as a sequence; it excludes --window and --horizon");
    }
    return kind;
  }
}
