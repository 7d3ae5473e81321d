package org.bigru.model.train;

/** Why {@link Trainer#fit} ended. */
public enum StopReason {
  /** Every epoch ran. */
  MAX_EPOCHS("Max epochs completed"),
  /** The validation loss did not reach a new low for validationPatience validations in a row. */
  VALIDATION_PATIENCE("Met validation criterion"),
  /** A batch's loss or gradient was NaN or infinite; the step that would have used it was not taken. */
  NOT_FINITE_LOSS("Stopped: the loss became NaN or infinite"),
  /** The listener asked to stop. */
  REQUESTED("Stopped manually");

  private final String words;

  StopReason(String words) {
    this.words = words;
  }

  /** In MATLAB's words, which every front end shows ("Max epochs completed", "Met validation criterion", ...). */
  public String words() {
    return words;
  }
}
