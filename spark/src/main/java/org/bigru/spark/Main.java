package org.bigru.spark;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code bigru-spark} command: batch scoring and data-parallel training on Apache Spark. {@code spark-submit
 * --class org.bigru.spark.Main bigru-spark.jar predict|train ...} on a cluster; {@code ./bigru-spark} runs it with
 * Spark's Maven artifacts on this machine.
 */
@Command(name = "bigru-spark", mixinStandardHelpOptions = true,
    description = "bigru on Apache Spark: predict (batch scoring) and train (data-parallel training).",
    subcommands = {PredictCommand.class, TrainCommand.class},
    footer = {"", "Exit codes: 0 success, 1 internal error, 2 bad input or usage (one line naming the problem), "
        + "3 train stopped at a non-finite loss or gradient."})
public final class Main implements Runnable {

  static final int OK = 0;
  static final int INTERNAL_ERROR = 1;
  static final int BAD_INPUT = 2;
  static final int NOT_FINITE = 3;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (predict or train)");
  }

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }

  /** Runs the command with these streams and returns its exit code; tests call this in-process. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = new CommandLine(new Main())
        .setOut(out)
        .setErr(err)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpAutoWidth(true)
        .setParameterExceptionHandler((ex, arguments) -> {
          ex.getCommandLine().getErr().println("bigru-spark: " + oneLine(ex.getMessage()) + " (see '"
              + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
          return BAD_INPUT;
        })
        .setExecutionExceptionHandler((ex, cmd, parsed) -> {
          String badInput = BadInputException.find(ex);
          if (badInput != null) {
            cmd.getErr().println("bigru-spark: " + oneLine(badInput));
            return BAD_INPUT;
          }
          cmd.getErr().println("bigru-spark: internal error: " + oneLine(String.valueOf(ex)));
          if (System.getenv("BIGRU_DEBUG") != null) {
            ex.printStackTrace(cmd.getErr());
          }
          return INTERNAL_ERROR;
        });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String oneLine(String message) {
    String text = message == null ? "" : message.strip();
    int end = text.indexOf('\n');
    return end < 0 ? text : text.substring(0, end);
  }
}
