package org.bigru.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The command run as its own JVM (the test's class path, the kernels the test runs with), for what an
 * in-process run cannot show: signals, a small heap, the process's exit status.
 */
final class ChildCli {

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Path stderr;

  private ChildCli(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("read failed: " + e);
      }
      lines.add(EOF);
    });
    reader.setDaemon(true);
    reader.start();
  }

  /** Marks the end of stdout in {@link #nextLine}. */
  static final String EOF = "end of stdout";
  private static final String INCUBATOR_NOTICE = "WARNING: Using incubator modules: jdk.incubator.vector";

  /**
   * Starts {@code bigru args...} with these JVM options; stdout is read line by line, stderr goes to
   * {@code stderr} (or into stdout when it is null).
   */
  static ChildCli start(List<String> jvmOptions, Path stderr, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    if (interruptIgnored()) {
      // A shell run in the background (nohup, `&` without job control) ignores SIGINT, and so does every process
      // it starts, this JVM's child too: the Ctrl-C a test sends would never reach it. env restores the default.
      command.addAll(List.of("env", "--default-signal=INT"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--add-modules");
    command.add("jdk.incubator.vector");
    command.add("-XX:TieredStopAtLevel=1");
    String kernels = System.getProperty("bigru.kernels");
    if (kernels != null) {
      command.add("-Dbigru.kernels=" + kernels);
    }
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    if (stderr == null) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(stderr.toFile());
    }
    return new ChildCli(builder.start(), stderr);
  }

  /** Whether this process ignores SIGINT (Linux: bit 2 of SigIgn in /proc/self/status). */
  private static boolean interruptIgnored() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status, StandardCharsets.US_ASCII)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).trim(), 16) & (1L << 1)) != 0;
      }
    }
    return false;
  }

  /** The next line of stdout within the time, {@link #EOF} at its end, or null when none came in time. */
  String nextLine(long seconds) throws InterruptedException {
    return lines.poll(seconds, TimeUnit.SECONDS);
  }

  /** Waits for a stdout line starting with the prefix; false when stdout ended or the time ran out first. */
  boolean awaitLine(String prefix, long seconds) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < end) {
      String line = nextLine(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime())));
      if (line == null || line.equals(EOF)) {
        return false;
      }
      if (line.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  Process process() {
    return process;
  }

  /** Sends a signal by name (TERM, INT) to the process. */
  void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start().waitFor();
  }

  /** Waits for the exit (at most the time given) and returns its status. */
  int exitCode(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("the command did not end within " + seconds + " s");
    }
    return process.exitValue();
  }

  /**
   * Lines written to stderr (after the exit), without trailing empty ones and without the JVM's incubator notice
   * (which the launcher keeps from users; cli/launcher-check.sh checks that).
   */
  String[] errLines() throws IOException {
    return Files.readAllLines(stderr, StandardCharsets.UTF_8).stream()
        .filter(line -> !line.isBlank() && !line.equals(INCUBATOR_NOTICE))
        .toArray(String[]::new);
  }

  /** Everything read from stdout so far. */
  String drainOut() {
    List<String> rest = new ArrayList<>();
    lines.drainTo(rest);
    return String.join("\n", rest);
  }
}
