package org.bigru.matlab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one {@code +bigru} function takes: its leading positional arguments, then its name-value options, in
 * the order MATLAB's documentation lists them (the order of the result's fields and of "the options are: ...").
 */
final class Signature {

  private final String function;
  private final List<MatlabArgument<?>> arguments;

  Signature(String function, List<MatlabArgument<?>> arguments) {
    this.function = function;
    this.arguments = List.copyOf(arguments);
  }

  /** {@code [name, role]} of each argument, in order, for {@code bigru.internal.arguments}. */
  String[] declared() {
    String[] rows = new String[2 * arguments.size()];
    for (int i = 0; i < arguments.size(); i++) {
      rows[2 * i] = arguments.get(i).name();
      rows[2 * i + 1] = arguments.get(i).roleName();
    }
    return rows;
  }

  /** Reads every argument, in order, from the values given by name; a name this function does not take is refused. */
  Values read(Map<String, MatlabValue> given) {
    Set<String> known = new HashSet<>();
    List<String> options = new ArrayList<>();
    for (MatlabArgument<?> a : arguments) {
      known.add(a.name());
      known.add(a.field());
      if (a.role() == MatlabArgument.Role.OPTION) {
        options.add(a.name());
      }
    }
    for (String name : given.keySet()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException("'" + name + "' is not an option of " + function + "; the options are: "
            + String.join(", ", options));
      }
    }
    Map<String, Object> values = new HashMap<>();
    for (MatlabArgument<?> a : arguments) {
      values.put(a.name(), a.readFrom(given));
    }
    return new Values(values);
  }

  /** The arguments' values, read and checked. */
  final class Values {
    private final Map<String, Object> values;

    private Values(Map<String, Object> values) {
      this.values = values;
    }

    /** The value of {@code argument} (one of this signature's, or one declared under the same name). */
    @SuppressWarnings("unchecked")
    <T> T get(MatlabArgument<T> argument) {
      if (!values.containsKey(argument.name())) {
        throw new IllegalStateException(function + " takes no argument " + argument.name());
      }
      return (T) values.get(argument.name());
    }

    /**
     * {@code [field, kind, text]} of each argument, in order, for {@code bigru.internal.structFromRows}: the
     * function's result with every default filled in and every choice in its canonical spelling.
     */
    String[] rows() {
      List<String> rows = new ArrayList<>();
      for (MatlabArgument<?> a : arguments) {
        addRow(rows, a);
      }
      return rows.toArray(new String[0]);
    }

    private <T> void addRow(List<String> rows, MatlabArgument<T> a) {
      rows.add(a.field());
      rows.add(a.type().kind());
      rows.add(a.write(get(a)));
    }
  }
}
