package org.bigru.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code bigru} command. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, args));
  }

  /** Runs the command with these streams and returns its exit code; tests call this in-process. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    QuietLogging.configure();
    CommandLine commandLine = BigruCommand.commandLine(out, err);
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
