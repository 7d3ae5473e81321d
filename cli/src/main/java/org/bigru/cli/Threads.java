package org.bigru.cli;

/** The thread count used when {@code --threads} is not given. */
final class Threads {

  private Threads() {
  }

  static int defaultCount() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** The requested count, or the default for 0; a negative count is bad input. */
  static int resolve(int requested) {
    if (requested < 0) {
      throw new BadInputException("--threads must be 0 (all processors) or more, not " + requested);
    }
    return requested == 0 ? defaultCount() : requested;
  }
}
