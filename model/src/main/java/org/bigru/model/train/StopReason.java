package org.bigru.model.train;

/** Why {@link Trainer#fit} ended. */
public enum StopReason {
  /** Every epoch ran. */
  MAX_EPOCHS,
  /** The validation loss did not reach a new low for validationPatience validations in a row. */
  VALIDATION_PATIENCE,
  /** A batch's loss or gradient was NaN or infinite; the step that would have used it was not taken. */
  NOT_FINITE_LOSS,
  /** The listener asked to stop. */
  REQUESTED
}
