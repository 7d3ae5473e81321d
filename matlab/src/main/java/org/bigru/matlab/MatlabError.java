package org.bigru.matlab;

/**
 * A refusal the MATLAB side raises as {@code bigru:<function>:<id>}: the id says what kind of problem it is, the
 * message names the argument and what was expected. MATLAB and Octave show a Java exception by its
 * {@link #toString()}, which carries the id as {@code {id}} before the message; {@link #getMessage()} is the
 * message alone.
 */
final class MatlabError extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /** A name-value option the function does not take. */
  static final String UNKNOWN_OPTION = "unknownOption";
  /** A value an argument or option does not take. */
  static final String INVALID_VALUE = "invalidValue";
  /** A required argument left out. */
  static final String MISSING_ARGUMENT = "missingArgument";
  /** A layer array bigru cannot build. */
  static final String INVALID_LAYERS = "invalidLayers";
  /** Sequences that are not numeric, finite, non-empty matrices of one width. */
  static final String INVALID_DATA = "invalidData";
  /** Sequences of another width than the network's input (the message says when a transpose fits). */
  static final String FEATURE_COUNT = "featureCount";
  /** Targets that do not fit the sequences or the network. */
  static final String INVALID_TARGETS = "invalidTargets";
  /** A loss the network cannot train with. */
  static final String INVALID_LOSS = "invalidLoss";
  /** What the network cannot do (classify with a regression network, ...). */
  static final String INVALID_NETWORK = "invalidNetwork";
  /** A file that cannot be read or written. */
  static final String FILE_ERROR = "fileError";
  /** What would not fit the Java heap. */
  static final String OUT_OF_MEMORY = "outOfMemory";
  /** A checkpoint folder of another run. */
  static final String CHECKPOINT = "checkpoint";
  /** A MATLAB option value bigru does not implement. */
  static final String NOT_SUPPORTED = "notSupported";

  private final String id;

  MatlabError(String id, String message) {
    super(message);
    this.id = id;
  }

  MatlabError(String id, String message, Throwable cause) {
    super(message, cause);
    this.id = id;
  }

  /** The last part of the MATLAB identifier: featureCount, invalidValue, ... */
  String id() {
    return id;
  }

  /** How MATLAB and Octave show the exception: the class, the id in braces, the message. */
  @Override
  public String toString() {
    return getClass().getName() + ": {" + id + "} " + getMessage();
  }
}
