package org.bigru.matlab;

/**
 * What MATLAB and Octave hand to a Java parameter of type Object, turned into plain Java arrays.
 *
 * <p>Octave passes an empty matrix as null, a 1-by-1 matrix as a Double and a vector as double[]; MATLAB may
 * pass Double[]; a cell array of strings arrives as String[], a lone string as String. Every facade method
 * takes Object for its arrays and reads them here, so a batch of one sequence or one label works too.
 */
final class MatlabValues {

  private MatlabValues() {
  }

  /** The numbers of {@code value} (null or empty gives an empty array). */
  static double[] doubles(Object value, String argument) {
    if (value == null) {
      return new double[0];
    }
    if (value instanceof double[]) {
      return (double[]) value;
    }
    if (value instanceof Number) {
      return new double[] {((Number) value).doubleValue()};
    }
    if (value instanceof float[]) {
      float[] f = (float[]) value;
      double[] d = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        d[i] = f[i];
      }
      return d;
    }
    if (value instanceof int[]) {
      int[] v = (int[]) value;
      double[] d = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        d[i] = v[i];
      }
      return d;
    }
    if (value instanceof Object[]) {
      Object[] v = (Object[]) value;
      double[] d = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        if (!(v[i] instanceof Number)) {
          throw new IllegalArgumentException(argument + " must be numeric; element " + (i + 1) + " is "
              + describe(v[i]));
        }
        d[i] = ((Number) v[i]).doubleValue();
      }
      return d;
    }
    throw new IllegalArgumentException(argument + " must be a numeric vector, not " + describe(value));
  }

  /** The strings of {@code value}: a cell array of strings, or one string. */
  static String[] strings(Object value, String argument) {
    if (value == null) {
      return new String[0];
    }
    if (value instanceof String) {
      return new String[] {(String) value};
    }
    if (value instanceof Object[]) {
      Object[] v = (Object[]) value;
      String[] s = new String[v.length];
      for (int i = 0; i < v.length; i++) {
        if (!(v[i] instanceof String)) {
          throw new IllegalArgumentException(argument + " must hold strings; element " + (i + 1) + " is "
              + describe(v[i]));
        }
        s[i] = (String) v[i];
      }
      return s;
    }
    throw new IllegalArgumentException(argument + " must be a cell array of strings, not " + describe(value));
  }

  /** A whole number of at least {@code min} (and at most Integer.MAX_VALUE), named in the message if not. */
  static int count(double value, String argument, int min) {
    if (!isCount(value, min)) {
      throw invalid(argument, countRule(min), number(value));
    }
    return (int) value;
  }

  /** Whether {@code value} is a whole number from {@code min} to Integer.MAX_VALUE. */
  static boolean isCount(double value, int min) {
    return value >= min && value <= Integer.MAX_VALUE && value == Math.rint(value);
  }

  /** What {@link #isCount} accepts, for messages. */
  static String countRule(int min) {
    return "a whole number of at least " + min;
  }

  /**
   * The one wording of a value refused: {@code <subject> must be <expected>, not <found>}, where the subject is
   * an argument ({@code numHiddenUnits}) or a name-value option's value ({@code the value of 'MaxEpochs'}).
   */
  static IllegalArgumentException invalid(String subject, String expected, String found) {
    return new IllegalArgumentException(subject + " must be " + expected + ", not " + found);
  }

  /** A number as MATLAB prints it: 3, 0.5, NaN, Inf. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  private static String describe(Object value) {
    return value == null ? "empty" : "a " + value.getClass().getSimpleName();
  }
}
