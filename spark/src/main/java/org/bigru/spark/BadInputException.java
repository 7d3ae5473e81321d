package org.bigru.spark;

/**
 * Input a user can fix (a missing column, a missing value, an option out of range): reported as one line, exit
 * code 2. Thrown on executors too, where Spark carries it back to the driver inside its own exception.
 */
public final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The message of a BadInputException that caused {@code failure}, wherever it was thrown: in the cause chain
   * (the driver, local mode), or as text in a failed task's message (an executor of a cluster); else null.
   */
  static String find(Throwable failure) {
    String marker = BadInputException.class.getName() + ": ";
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BadInputException) {
        return t.getMessage();
      }
      String message = t.getMessage();
      int at = message == null ? -1 : message.indexOf(marker);
      if (at >= 0) {
        String rest = message.substring(at + marker.length());
        int end = rest.indexOf('\n');
        return end < 0 ? rest : rest.substring(0, end);
      }
    }
    return null;
  }
}
