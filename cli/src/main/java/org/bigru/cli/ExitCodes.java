package org.bigru.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import org.bigru.model.InsufficientMemoryException;
import org.bigru.model.io.TemporaryFiles;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to the exit-code contract: 2 with one line for bad input or usage (no stack trace), 1 with
 * one line for an internal error (the stack trace only when {@code BIGRU_DEBUG} is set).
 */
final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler {

  static final int OK = 0;
  static final int INTERNAL_ERROR = 1;
  static final int BAD_INPUT = 2;
  /** Training met a NaN or infinite loss or gradient and stopped (--on-nonfinite stop). */
  static final int NOT_FINITE = 3;
  /** How a user of the command gives Java more heap. */
  static final String RAISE_THE_HEAP = "raise -Xmx through BIGRU_JAVA_OPTS";

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("bigru: " + oneLine(ex.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName()
        + " --help')");
    err.flush();
    return BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    if (TemporaryFiles.stopping()) {
      // A signal stopped the JVM: the command ends with the signal's status, and a failure it caused (its
      // temporary files gone) is no news to the user who sent it.
      return INTERNAL_ERROR;
    }
    String badInput = badInputMessage(ex);
    if (badInput != null) {
      err.println("bigru: " + oneLine(badInput));
      err.flush();
      return BAD_INPUT;
    }
    err.println("bigru: internal error: " + oneLine(String.valueOf(ex)));
    if (System.getenv("BIGRU_DEBUG") != null) {
      ex.printStackTrace(err);
    }
    err.flush();
    return INTERNAL_ERROR;
  }

  /** The user-facing message when this failure is the input's fault, else null. */
  static String badInputMessage(Throwable ex) {
    if (ex instanceof InsufficientMemoryException) {
      return ((InsufficientMemoryException) ex).message(RAISE_THE_HEAP);
    }
    if (ex instanceof BadInputException || ex instanceof IllegalArgumentException) {
      return ex.getMessage();
    }
    if (ex instanceof UncheckedIOException && ex.getCause() != null) {
      return badInputMessage(ex.getCause());
    }
    if (ex instanceof NoSuchFileException) {
      return "file not found: " + ((NoSuchFileException) ex).getFile();
    }
    if (ex instanceof AccessDeniedException) {
      return "permission denied: " + ((AccessDeniedException) ex).getFile();
    }
    if (ex instanceof FileSystemException) {
      FileSystemException e = (FileSystemException) ex;
      return e.getFile() + ": " + (e.getReason() == null ? "cannot be used" : e.getReason());
    }
    return null;
  }

  /**
   * The message as one line of text: line breaks become "; ", and other control characters (a NUL byte, an
   * escape sequence from a file's cell) are shown as \\uXXXX, so no terminal or filter sees binary.
   */
  static String oneLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.replaceAll("\\s*[\\r\\n]+\\s*", "; ").trim();
    StringBuilder visible = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isISOControl(c) && c != '\t') {
        visible.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        visible.append(c);
      }
    }
    return visible.toString();
  }
}
