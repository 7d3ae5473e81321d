package org.bigru.model.train;

import org.bigru.model.EnumNames;

/** When the training sequences are reordered, MATLAB's 'Shuffle' values. */
public enum Shuffle {
  /** Always in data order. */
  NEVER,
  /** One seeded shuffle before the first epoch. */
  ONCE,
  /** A new seeded shuffle before each epoch (Keras's default). */
  EVERY_EPOCH;

  /** MATLAB's spelling: never, once, every-epoch. */
  public String matlabName() {
    return EnumNames.of(this);
  }

  public static Shuffle fromName(String name) {
    return EnumNames.parse(Shuffle.class, name, "shuffle mode");
  }
}
