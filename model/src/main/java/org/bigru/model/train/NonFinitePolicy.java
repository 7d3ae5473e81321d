package org.bigru.model.train;

import org.bigru.model.EnumNames;

/** What {@link Trainer#fit} does when a batch's loss or gradient is NaN or infinite. */
public enum NonFinitePolicy {
  /** End training there; the weights (and the last checkpoint) are those before that batch. */
  STOP,
  /** Skip that batch without a step, count it in {@link TrainingHistory#skippedBatches()}, and go on. */
  SKIP;

  public String lowerName() {
    return EnumNames.of(this);
  }

  public static NonFinitePolicy fromName(String name) {
    return EnumNames.parse(NonFinitePolicy.class, name, "non-finite policy");
  }
}
