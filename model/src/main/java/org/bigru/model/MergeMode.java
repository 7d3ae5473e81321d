package org.bigru.model;

/** How a bidirectional layer joins its two directions, Keras's set. */
public enum MergeMode {
  CONCAT, SUM, AVE, MUL;

  /** Width of the merged output for directions of {@code hidden} units each. */
  public int outputWidth(int hidden) {
    return this == CONCAT ? 2 * hidden : hidden;
  }

  public String lowerName() {
    return EnumNames.of(this);
  }

  public static MergeMode fromName(String name) {
    return EnumNames.parse(MergeMode.class, name, "merge mode");
  }
}
