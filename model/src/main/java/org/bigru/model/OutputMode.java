package org.bigru.model;

import java.util.Locale;

/** What the last recurrent layer passes on: every step, or the final state (MATLAB's 'OutputMode'). */
public enum OutputMode {
  SEQUENCE, LAST;

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static OutputMode fromName(String name) {
    for (OutputMode mode : values()) {
      if (mode.lowerName().equalsIgnoreCase(name.trim())) {
        return mode;
      }
    }
    throw new IllegalArgumentException("unknown output mode '" + name + "' (expected sequence or last)");
  }
}
