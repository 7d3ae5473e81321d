package org.bigru.matlab;

import java.util.Map;
import org.bigru.model.EnumNames;

/**
 * One argument of a {@code +bigru} function, declared once: MATLAB's name for it, the values it takes, MATLAB's
 * default, and the field of the function's result it fills. A positional argument ({@code numHiddenUnits},
 * {@code solverName}) is named bare in messages, a name-value option by its value ({@code the value of
 * 'MaxEpochs'}), as MATLAB does.
 *
 * @param <T> the Java value
 */
final class MatlabArgument<T> {

  /** Where the argument stands; the names are what {@code bigru.internal.arguments} reads (EnumNames). */
  enum Role {
    /** A leading positional argument that must be given. */
    REQUIRED,
    /** A leading positional argument that may be left out (then the next argument, if text, is an option name). */
    OPTIONAL,
    /** A name-value option. */
    OPTION
  }

  private final String name;
  private final String field;
  private final Role role;
  private final ValueType<T> type;
  private final T defaultValue;
  private final String hint;
  private final boolean emptyMeansDefault;

  private MatlabArgument(String name, String field, Role role, ValueType<T> type, T defaultValue, String hint,
                         boolean emptyMeansDefault) {
    this.name = name;
    this.field = field;
    this.role = role;
    this.type = type;
    this.defaultValue = defaultValue;
    this.hint = hint;
    this.emptyMeansDefault = emptyMeansDefault;
  }

  /** A name-value option; its field in the result is its name. */
  static <T> MatlabArgument<T> option(String name, ValueType<T> type, T defaultValue) {
    return new MatlabArgument<>(name, name, Role.OPTION, type, defaultValue, null, false);
  }

  /** A name-value option naming a constant of an enum, listed with the default first. */
  static <E extends Enum<E>> MatlabArgument<E> choice(String name, E defaultValue) {
    return option(name, ValueType.choice(defaultValue), defaultValue);
  }

  /** A positional argument that must be given; it fills {@code field} of the result. */
  static <T> MatlabArgument<T> required(String name, String field, ValueType<T> type) {
    return new MatlabArgument<>(name, field, Role.REQUIRED, type, null, null, false);
  }

  /** A positional argument that may be left out. */
  static <T> MatlabArgument<T> optional(String name, String field, ValueType<T> type, T defaultValue) {
    return new MatlabArgument<>(name, field, Role.OPTIONAL, type, defaultValue, null, false);
  }

  /** The same argument with another default (one that depends on another argument, such as the solver). */
  MatlabArgument<T> withDefault(T value) {
    return new MatlabArgument<>(name, field, role, type, value, hint, emptyMeansDefault);
  }

  /** The same argument, saying what it is when missing: {@code inputSize (features per time step) is required}. */
  MatlabArgument<T> hint(String text) {
    return new MatlabArgument<>(name, field, role, type, defaultValue, text, emptyMeansDefault);
  }

  /** The same argument, taking [] for its default (Seed: [] is no seed). */
  MatlabArgument<T> emptyMeansDefault() {
    return new MatlabArgument<>(name, field, role, type, defaultValue, hint, true);
  }

  String name() {
    return name;
  }

  String field() {
    return field;
  }

  Role role() {
    return role;
  }

  ValueType<T> type() {
    return type;
  }

  /**
   * The value given under the argument's name (or, for a positional argument, under the field it fills, as when
   * a result is read back), else the default.
   */
  T readFrom(Map<String, MatlabValue> given) {
    MatlabValue value = given.containsKey(name) ? given.get(name) : given.get(field);
    if (value == null || (emptyMeansDefault && value.kind() == MatlabValue.Kind.EMPTY)) {
      if (role == Role.REQUIRED) {
        throw new IllegalArgumentException(name + (hint == null ? "" : " (" + hint + ")") + " is required");
      }
      return defaultValue;
    }
    return type.read(value, this);
  }

  /** The value as the MATLAB side reads it back: "" for none. */
  String write(T value) {
    return value == null ? "" : type.write(value);
  }

  /** The one wording of a refused value of this argument. */
  IllegalArgumentException invalid(String expected, String found) {
    return MatlabValues.invalid(role == Role.OPTION ? "the value of '" + name + "'" : name, expected, found);
  }

  /** The role as the MATLAB side names it. */
  String roleName() {
    return EnumNames.of(role);
  }
}
