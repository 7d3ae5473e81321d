package org.bigru.model;

/** Activation of a dense layer. */
public enum Activation {
  LINEAR, RELU, TANH, SIGMOID;

  public String lowerName() {
    return EnumNames.of(this);
  }

  public static Activation fromName(String name) {
    return EnumNames.parse(Activation.class, name, "activation");
  }
}
