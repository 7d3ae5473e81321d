package org.bigru.model;

/** What the last recurrent layer passes on: every step, or the final state (MATLAB's 'OutputMode'). */
public enum OutputMode {
  SEQUENCE, LAST;

  public String lowerName() {
    return EnumNames.of(this);
  }

  public static OutputMode fromName(String name) {
    return EnumNames.parse(OutputMode.class, name, "output mode");
  }
}
