package org.bigru.model.train;

import org.bigru.model.EnumNames;

/**
 * What a validation is judged by, for the best network ({@link TrainingOptions#restoreBestWeights()}) and for
 * patience: a validation is better than the best so far only when strictly better.
 */
public enum ValidationObjective {
  /** The lower the mean validation loss, the better. */
  LOSS,
  /** The higher the share of validation rows (sequences, or labelled steps) classified right, the better. */
  ACCURACY;

  public String lowerName() {
    return EnumNames.of(this);
  }

  /** The validation's score, lower is better. */
  double score(double loss, double accuracy) {
    return this == ACCURACY ? -accuracy : loss;
  }
}
