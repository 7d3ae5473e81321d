package org.bigru.cli;

import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The base command: shared help and version, one class per subcommand. */
@Command(name = "bigru", mixinStandardHelpOptions = true, versionProvider = BigruCommand.Version.class,
    description = "Bidirectional GRU and LSTM networks on the JDK Vector API: train, evaluate, predict, forecast, "
        + "infer, bench, info, export, import.",
    footer = {"", "Exit codes: 0 success, 1 internal error, 2 bad input or usage (one line naming the problem), "
        + "3 train stopped at a non-finite loss or gradient; 130 and 143 after Ctrl-C and SIGTERM."})
public final class BigruCommand implements Runnable {

  /** The subcommands by name, in the order help lists them (each name is its class's {@code @Command} name). */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /**
   * The configured command line for these arguments, writing to these streams. When the first argument names a
   * subcommand, only that one is built: picocli reads every option of every subcommand it is given by reflection,
   * some 0.05 s of each start-up that a short command like {@code info} or {@code predict} cannot spare. Anything
   * else (no command, help, an unknown name) gets them all, so help lists every command.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String... args) {
    ExitCodes exitCodes = new ExitCodes();
    CommandLine commandLine = new CommandLine(new BigruCommand());
    Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
    for (Class<?> subcommand : named != null ? List.<Class<?>>of(named) : SUBCOMMANDS.values()) {
      commandLine.addSubcommand(subcommand);
    }
    commandLine
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

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> byName = new LinkedHashMap<>();
    byName.put("train", TrainCommand.class);
    byName.put("evaluate", EvaluateCommand.class);
    byName.put("predict", PredictCommand.class);
    byName.put("forecast", ForecastCommand.class);
    byName.put("infer", InferCommand.class);
    byName.put("bench", BenchCommand.class);
    byName.put("info", InfoCommand.class);
    byName.put("export", ExportCommand.class);
    byName.put("import", ImportCommand.class);
    return Collections.unmodifiableMap(byName);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = BigruCommand.class.getPackage().getImplementationVersion();
      return new String[] {"bigru " + (version == null ? "development build" : version)};
    }
  }
}
