package org.bigru.model;

import java.util.Locale;

/** How a bidirectional layer joins its two directions, Keras's set. */
public enum MergeMode {
  CONCAT, SUM, AVE, MUL;

  /** Width of the merged output for directions of {@code hidden} units each. */
  public int outputWidth(int hidden) {
    return this == CONCAT ? 2 * hidden : hidden;
  }

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MergeMode fromName(String name) {
    for (MergeMode mode : values()) {
      if (mode.lowerName().equalsIgnoreCase(name.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown merge mode '" + name + "' (expected concat, sum, ave or mul)");
  }
}
