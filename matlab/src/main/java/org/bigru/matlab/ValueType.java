package org.bigru.matlab;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import org.bigru.matlab.MatlabValue.Kind;
import org.bigru.model.EnumNames;

/**
 * The values an argument of a {@code +bigru} function takes: how one is read from what MATLAB passed, how it is
 * written back for the MATLAB side ({@code bigru.internal.structFromRows}), and how a message names what was
 * expected. A value that does not fit is refused here, through {@link MatlabArgument#invalid}, so that each
 * message about a value is written once.
 *
 * @param <T> the Java value
 */
abstract class ValueType<T> {

  /** The ranges of numeric options. */
  enum Bound {
    FINITE("a finite number"), POSITIVE("a number > 0 (Inf allowed)"),
    POSITIVE_FINITE("a finite number > 0 (at most realmax('single'))"),
    NON_NEGATIVE_FINITE("a finite number >= 0 (at most realmax('single'))"),
    UNIT_CLOSED("a number in [0, 1]"), UNIT_OPEN("a number in [0, 1)");

    final String text;

    Bound(String text) {
      this.text = text;
    }

    boolean accepts(double v) {
      switch (this) {
        case FINITE:
          return Double.isFinite(v);
        case POSITIVE:
          return v > 0;
        // Training computes in single precision, where a larger value is infinite.
        case POSITIVE_FINITE:
          return v > 0 && v <= Float.MAX_VALUE;
        case NON_NEGATIVE_FINITE:
          return v >= 0 && v <= Float.MAX_VALUE;
        case UNIT_CLOSED:
          return v >= 0 && v <= 1;
        default:
          return v >= 0 && v < 1;
      }
    }
  }

  /**
   * How the MATLAB side stores a value of this type: "text", "number" (double; "" for []), "logical", or
   * "data" (a MATLAB value such as ValidationData, kept by the MATLAB side as given and not read here).
   */
  abstract String kind();

  /** What a message says the value must be: "a whole number of at least 1", "'once', 'never', 'every-epoch'". */
  abstract String expected();

  /** The value {@code given} holds, refused through {@code argument} if it is not one of this type's. */
  abstract T read(MatlabValue given, MatlabArgument<T> argument);

  /** The value as the MATLAB side reads it back. */
  abstract String write(T value);

  /** Any text (a layer Name, a CheckpointPath); [] is "". */
  static ValueType<String> text() {
    return new ValueType<>() {
      @Override
      String kind() {
        return "text";
      }

      @Override
      String expected() {
        return "a string";
      }

      @Override
      String read(MatlabValue given, MatlabArgument<String> argument) {
        switch (given.kind()) {
          case TEXT:
          case WRITTEN:
            return given.text();
          case EMPTY:
            return "";
          default:
            throw argument.invalid(expected(), given.describe());
        }
      }

      @Override
      String write(String value) {
        return value;
      }
    };
  }

  /** One of the constants of an enum, named as {@link EnumNames} names them, in declaration order. */
  static <E extends Enum<E>> ValueType<E> choice(Class<E> type) {
    return new Choice<>(List.of(type.getEnumConstants()), Map.of());
  }

  /** One of the constants of {@code first}'s enum, listed with {@code first} (the default) ahead of the others. */
  static <E extends Enum<E>> ValueType<E> choice(E first) {
    return new Choice<>(firstThenOthers(first, null), Map.of());
  }

  /**
   * As {@link #choice(Enum)}, where {@code refused} is a name MATLAB knows and bigru does not take: it is not
   * listed, and choosing it is an error that gives {@code reason}.
   */
  static <E extends Enum<E>> ValueType<E> choice(E first, E refused, String reason) {
    Map<E, String> reasons = new EnumMap<>(refused.getDeclaringClass());
    reasons.put(refused, reason);
    return new Choice<>(firstThenOthers(first, refused), reasons);
  }

  /** A number within {@code bound}. */
  static ValueType<Double> number(Bound bound) {
    return new Numeric<>(bound.text, bound::accepts, v -> v, MatlabValues::number);
  }

  /** A whole number from {@code min} to Integer.MAX_VALUE. */
  static ValueType<Integer> whole(int min) {
    return new Numeric<>(MatlabValues.countRule(min), v -> MatlabValues.isCount(v, min), v -> (int) v,
        String::valueOf);
  }

  /** Any int, such as a seed. */
  static ValueType<Integer> anyInt() {
    return new Numeric<>("a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE,
        v -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE && v == Math.rint(v), v -> (int) v, String::valueOf);
  }

  /** A whole number from {@code min} to Integer.MAX_VALUE, or Inf (never). */
  static ValueType<Double> wholeOrInf(int min) {
    return new Numeric<>(MatlabValues.countRule(min) + ", or Inf",
        v -> v == Double.POSITIVE_INFINITY || MatlabValues.isCount(v, min), v -> v, MatlabValues::number);
  }

  /** True or false: a logical, a number (nonzero is true, as MATLAB's logical), or written 1, 0, true, false. */
  static ValueType<Boolean> flag() {
    return new ValueType<>() {
      @Override
      String kind() {
        return "logical";
      }

      @Override
      String expected() {
        return "true or false";
      }

      @Override
      Boolean read(MatlabValue given, MatlabArgument<Boolean> argument) {
        if (given.kind() == Kind.LOGICAL) {
          return Boolean.valueOf(given.text());
        }
        if (given.kind() == Kind.NUMBER && !Double.isNaN(given.number())) {
          return given.number() != 0;
        }
        if (given.kind() == Kind.WRITTEN) {
          switch (given.text().trim().toLowerCase(Locale.ROOT)) {
            case "1":
            case "true":
              return true;
            case "0":
            case "false":
              return false;
            default:
              break;
          }
        }
        throw argument.invalid(expected(), given.describe());
      }

      @Override
      String write(Boolean value) {
        return value.toString();
      }
    };
  }

  /** A MATLAB value the MATLAB side keeps and checks itself (ValidationData: the data, crossing on its own). */
  static ValueType<Void> data() {
    return new ValueType<>() {
      @Override
      String kind() {
        return "data";
      }

      @Override
      String expected() {
        return "data";
      }

      @Override
      Void read(MatlabValue given, MatlabArgument<Void> argument) {
        return null;
      }

      @Override
      String write(Void value) {
        return "";
      }
    };
  }

  private static <E extends Enum<E>> List<E> firstThenOthers(E first, E left) {
    List<E> list = new ArrayList<>();
    list.add(first);
    for (E e : first.getDeclaringClass().getEnumConstants()) {
      if (e != first && e != left) {
        list.add(e);
      }
    }
    return list;
  }

  private static final class Choice<E extends Enum<E>> extends ValueType<E> {
    private final List<E> allowed;
    private final Map<E, String> refused;

    Choice(List<E> allowed, Map<E, String> refused) {
      this.allowed = List.copyOf(allowed);
      this.refused = refused;
    }

    @Override
    String kind() {
      return "text";
    }

    @Override
    String expected() {
      StringBuilder list = new StringBuilder();
      for (E e : allowed) {
        list.append(list.length() == 0 ? "'" : ", '").append(EnumNames.of(e)).append('\'');
      }
      return list.toString();
    }

    @Override
    E read(MatlabValue given, MatlabArgument<E> argument) {
      if (given.kind() == Kind.TEXT || given.kind() == Kind.WRITTEN) {
        E constant;
        try {
          constant = EnumNames.parse(allowed.get(0).getDeclaringClass(), given.text(), argument.name());
        } catch (IllegalArgumentException e) {
          throw argument.invalid(expected(), given.describe());
        }
        String reason = refused.get(constant);
        if (reason != null) {
          throw new IllegalArgumentException(argument.name() + " '" + EnumNames.of(constant) + "' is not supported: "
              + reason);
        }
        return constant;
      }
      throw argument.invalid(expected(), given.describe());
    }

    @Override
    String write(E value) {
      return EnumNames.of(value);
    }
  }

  /** A number: MATLAB's, or written text that parses as one (text that does not is "not a number"). */
  private static final class Numeric<T> extends ValueType<T> {
    private final String expected;
    private final DoublePredicate accepts;
    private final DoubleFunction<T> convert;
    private final Function<T, String> write;

    Numeric(String expected, DoublePredicate accepts, DoubleFunction<T> convert, Function<T, String> write) {
      this.expected = expected;
      this.accepts = accepts;
      this.convert = convert;
      this.write = write;
    }

    @Override
    String kind() {
      return "number";
    }

    @Override
    String expected() {
      return expected;
    }

    @Override
    T read(MatlabValue given, MatlabArgument<T> argument) {
      if (given.kind() == Kind.WRITTEN && !given.isNumber()) {
        throw argument.invalid("a number", given.describe());
      }
      if (!given.isNumber() || !accepts.test(given.number())) {
        throw argument.invalid(expected, given.describe());
      }
      return convert.apply(given.number());
    }

    @Override
    String write(T value) {
      return write.apply(value);
    }
  }
}
