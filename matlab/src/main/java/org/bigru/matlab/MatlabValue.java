package org.bigru.matlab;

import java.util.LinkedHashMap;
import java.util.Map;
import org.bigru.model.EnumNames;

/**
 * A value a {@code +bigru} function received, as {@code bigru.internal.valueText} describes it for the Java side,
 * which checks it against the argument's {@link ValueType}.
 *
 * @param kind what MATLAB holds
 * @param text {@link Kind#TEXT}: the characters; {@link Kind#NUMBER}: the number with 17 significant digits
 *             (exact; Inf, -Inf and NaN as MATLAB writes them); {@link Kind#LOGICAL}: true or false;
 *             {@link Kind#EMPTY}: ""; {@link Kind#OTHER}: what it is, for messages ("a 1-by-2 cell");
 *             {@link Kind#WRITTEN}: text to be read as the argument's type (a number, a flag or a name)
 */
record MatlabValue(Kind kind, String text) {

  /** The kinds of MATLAB value an argument may receive; their names are the MATLAB side's (EnumNames). */
  enum Kind {
    /** A character row vector or a string scalar. */
    TEXT,
    /** A real numeric scalar. */
    NUMBER,
    /** A logical scalar. */
    LOGICAL,
    /** An empty array ([], {}). */
    EMPTY,
    /** Anything else: a matrix, a cell array, a struct, a complex number. */
    OTHER,
    /** Written as text by a Java caller, every value alike; read as whatever the argument takes. */
    WRITTEN
  }

  MatlabValue {
    if (kind == null || text == null) {
      throw new IllegalArgumentException("a value needs a kind and a text");
    }
  }

  /**
   * The values a function was given, by argument name, from the parallel arrays the MATLAB side passes (one
   * entry per argument: its name, its kind and its text). A name given twice keeps its last value, as
   * MATLAB's name-value arguments do.
   */
  static Map<String, MatlabValue> given(Object names, Object kinds, Object texts) {
    String[] n = MatlabValues.strings(names, "the argument names");
    String[] k = MatlabValues.strings(kinds, "the argument kinds");
    String[] t = MatlabValues.strings(texts, "the argument values");
    if (k.length != n.length || t.length != n.length) {
      throw new IllegalArgumentException(n.length + " argument names for " + k.length + " kinds and " + t.length
          + " values");
    }
    Map<String, MatlabValue> given = new LinkedHashMap<>();
    for (int i = 0; i < n.length; i++) {
      given.put(n[i], new MatlabValue(EnumNames.parse(Kind.class, k[i], "value kind"), t[i]));
    }
    return given;
  }

  /** Values written as text ({@link Kind#WRITTEN}), by argument name; an empty text leaves its argument out. */
  static Map<String, MatlabValue> written(Object names, Object texts) {
    String[] n = MatlabValues.strings(names, "the option names");
    String[] t = MatlabValues.strings(texts, "the option values");
    if (n.length != t.length) {
      throw new IllegalArgumentException(n.length + " option names for " + t.length + " values");
    }
    Map<String, MatlabValue> given = new LinkedHashMap<>();
    for (int i = 0; i < n.length; i++) {
      if (!t[i].isEmpty()) {
        given.put(n[i], new MatlabValue(Kind.WRITTEN, t[i]));
      }
    }
    return given;
  }

  /** Whether the text reads as a number: always for {@link Kind#NUMBER}, when it parses for WRITTEN text. */
  boolean isNumber() {
    if (kind == Kind.NUMBER) {
      return true;
    }
    if (kind != Kind.WRITTEN) {
      return false;
    }
    try {
      number();
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** The number the text holds; Inf, -Inf and NaN as MATLAB writes them. */
  double number() {
    switch (text.trim()) {
      case "Inf":
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-Inf":
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      case "NaN":
        return Double.NaN;
      default:
        return Double.parseDouble(text.trim());
    }
  }

  /** The value as a message names it after "not": 'once', 3, true, [], a 1-by-2 cell. */
  String describe() {
    switch (kind) {
      case TEXT:
        return "'" + text + "'";
      case NUMBER:
        return MatlabValues.number(number());
      case EMPTY:
        return "[]";
      case WRITTEN:
        return isNumber() ? text.trim() : "'" + text + "'";
      default:
        return text;
    }
  }
}
