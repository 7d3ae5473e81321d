package org.bigru.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.bigru.model.MemoryBudget;
import picocli.CommandLine;

/** Entry point of the {@code bigru} command. */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(LauncherStderr.stream(), true);
    System.exit(run(out, err, args));
  }

  /** Runs the command with these streams and returns its exit code; tests call this in-process. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    QuietLogging.configure();
    CommandLine commandLine = BigruCommand.commandLine(out, err, args);
    int code;
    try {
      code = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      // What sizes ask for is checked before it is allocated (MemoryBudget); this is for what slips past the
      // estimates. The outputs were never committed, and their temporary files are gone with the failure.
      err.println(String.format(Locale.ROOT, "bigru: out of memory: the heap has %,d MiB; raise -Xmx through "
          + "BIGRU_JAVA_OPTS or shrink the data or the model", MemoryBudget.heapBytes() >> 20));
      code = ExitCodes.BAD_INPUT;
    }
    out.flush();
    err.flush();
    return code;
  }
}
