package org.bigru.model.train;

import java.util.Locale;

/** What {@link Trainer#fit} does when a batch's loss or gradient is NaN or infinite. */
public enum NonFinitePolicy {
  /** End training there; the weights (and the last checkpoint) are those before that batch. */
  STOP,
  /** Skip that batch without a step, count it in {@link TrainingHistory#skippedBatches()}, and go on. */
  SKIP;

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NonFinitePolicy fromName(String name) {
    for (NonFinitePolicy p : values()) {
      if (p.lowerName().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown non-finite policy '" + name + "' (expected stop or skip)");
  }
}
