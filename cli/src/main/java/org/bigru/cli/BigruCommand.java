package org.bigru.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The base command: shared help and version, one class per subcommand. */
@Command(name = "bigru", mixinStandardHelpOptions = true, versionProvider = BigruCommand.Version.class,
    description = "Bidirectional GRU and LSTM networks on the JDK Vector API: train, evaluate, predict, forecast, "
        + "infer, bench, info, export, import.",
    subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ForecastCommand.class,
        InferCommand.class, BenchCommand.class, InfoCommand.class, ExportCommand.class, ImportCommand.class},
    footer = {"", "Exit codes: 0 success, 1 internal error, 2 bad input or usage (one line naming the problem), "
        + "3 train stopped at a non-finite loss or gradient; 130 and 143 after Ctrl-C and SIGTERM."})
public final class BigruCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The configured command line, writing to these streams. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    ExitCodes exitCodes = new ExitCodes();
    CommandLine commandLine = new CommandLine(new BigruCommand())
        .setOut(out)
        .setErr(err)
        .setExecutionExceptionHandler(exitCodes)
        .setParameterExceptionHandler(exitCodes)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOverwrittenOptionsAllowed(true)
        .setUsageHelpAutoWidth(true);
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      sub.getHelpSectionMap().put(picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
          new GroupedOptionList());
    }
    commandLine.setExitCodeExceptionMapper(ex -> ExitCodes.badInputMessage(ex) != null
        ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR);
    return commandLine;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = BigruCommand.class.getPackage().getImplementationVersion();
      return new String[] {"bigru " + (version == null ? "development build" : version)};
    }
  }
}
