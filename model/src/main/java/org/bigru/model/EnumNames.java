package org.bigru.model;

import java.util.Locale;

/**
 * How options name enum constants, one rule for all of them: the constant in lower case with '-' for '_'
 * ({@code concat}, {@code recurrent-bias-after-multiplication}, {@code every-epoch}), read back
 * case-insensitively and with '_' and '-' alike.
 */
public final class EnumNames {

  private EnumNames() {
  }

  /** The option name of a constant. */
  public static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant that {@code name} names; an IllegalArgumentException {@code unknown <what> '<name>' (expected
   * a, b or c)} otherwise.
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
    String wanted = name == null ? "" : name.trim().replace('_', '-');
    E[] constants = type.getEnumConstants();
    for (E constant : constants) {
      if (of(constant).equalsIgnoreCase(wanted)) {
        return constant;
      }
    }
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < constants.length; i++) {
      expected.append(i == 0 ? "" : i == constants.length - 1 ? " or " : ", ").append(of(constants[i]));
    }
    throw new IllegalArgumentException("unknown " + what + " '" + name + "' (expected " + expected + ")");
  }
}
