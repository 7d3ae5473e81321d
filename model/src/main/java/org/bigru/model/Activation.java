package org.bigru.model;

import java.util.Locale;

/** Activation of a dense layer. */
public enum Activation {
  LINEAR, RELU, TANH, SIGMOID;

  public String lowerName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Activation fromName(String name) {
    for (Activation a : values()) {
      if (a.lowerName().equalsIgnoreCase(name.trim())) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown activation '" + name + "' (expected linear, relu, tanh or sigmoid)");
  }
}
