package org.bigru.cli.table;

/**
 * What a table cell must look like to be read as a number: {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?},
 * checked by hand rather than by a regular expression, because it runs once per cell and a hot regular
 * expression costs the JIT half a second to compile at the start of every run.
 */
final class Decimals {

  private Decimals() {
  }

  static boolean isDecimal(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int integerDigits = digits(s, i);
    i += integerDigits;
    int fractionDigits = 0;
    if (i < n && s.charAt(i) == '.') {
      i++;
      fractionDigits = digits(s, i);
      i += fractionDigits;
    }
    if (integerDigits == 0 && fractionDigits == 0) {
      return false;
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = digits(s, i);
      if (exponentDigits == 0) {
        return false;
      }
      i += exponentDigits;
    }
    return i == n;
  }

  /** ASCII digits from {@code from} on. */
  private static int digits(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
    return i - from;
  }
}
