package org.bigru.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command, with its exit code and captured output. */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Lines written to stderr, without trailing empty ones. */
  String[] errLines() {
    String trimmed = err.strip();
    return trimmed.isEmpty() ? new String[0] : trimmed.split("\\R");
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
