package org.bigru.model.train;

import org.bigru.model.EnumNames;

/**
 * When {@link Trainer#fit} validates (with validation data), every {@code validationFrequency} iterations
 * besides the points below. Validation iterations are counted in {@link TrainingOptions#validationPatience()}.
 */
public enum ValidationSchedule {
  /** Also at the end of every epoch: one validation per epoch at least (the command line's). */
  EPOCH_ENDS,
  /**
   * Also after the first iteration and after the last one, not at epoch ends (MATLAB's trainNetwork: iterations
   * 1, F, 2F, ... and the last).
   */
  FIRST_AND_LAST,
  /**
   * Also before the first iteration (iteration 0, reported only: it is no candidate for the best network and
   * counts for no patience) and after the last one, not at epoch ends (MATLAB's trainnet: iterations 0, F, 2F,
   * ... and the last).
   */
  START_AND_LAST;

  public String lowerName() {
    return EnumNames.of(this);
  }

  /** Whether the run ends with a validation of the last iteration when none has validated it. */
  boolean validatesLast() {
    return this != EPOCH_ENDS;
  }
}
