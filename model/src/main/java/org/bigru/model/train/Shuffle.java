package org.bigru.model.train;

import java.util.Locale;

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
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Shuffle fromName(String name) {
    for (Shuffle s : values()) {
      if (s.matlabName().equalsIgnoreCase(name.trim().replace('_', '-'))) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown shuffle mode '" + name + "' (expected never, once or every-epoch)");
  }
}
