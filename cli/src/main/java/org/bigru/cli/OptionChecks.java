package org.bigru.cli;

import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks of option values, done once before any data is read, whose messages name the option and its value as
 * the user typed them ("--lr must be a finite number above 0, not NaN"; "not 1e308", never "Infinity").
 */
final class OptionChecks {

  private final CommandSpec spec;

  OptionChecks(CommandSpec spec) {
    this.spec = spec;
  }

  /** The option's value as typed on the command line (the last one given), else its value's text. */
  String typed(String option, Object value) {
    OptionSpec matched = spec.commandLine().getParseResult().matchedOption(option);
    if (matched != null) {
      List<String> strings = matched.originalStringValues();
      if (!strings.isEmpty()) {
        return strings.get(strings.size() - 1);
      }
    }
    return String.valueOf(value);
  }

  /** Whether the user gave the option (rather than its default). */
  boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /** "--units 20000", as typed. */
  String described(String option, Object value) {
    return option + " " + typed(option, value);
  }

  void atLeast(String option, long value, long min) {
    if (value < min) {
      throw new BadInputException(option + " must be at least " + min + ", not " + typed(option, value));
    }
  }

  /** Above 0 and finite as the float32 that training computes with. */
  void positiveFloat(String option, double value) {
    if (!(value > 0 && value <= Float.MAX_VALUE)) {
      throw new BadInputException(option + " must be a number above 0 and at most " + Float.MAX_VALUE
          + " (float32), not " + typed(option, value));
    }
  }

  /** 0 or more and finite as a float32. */
  void nonNegativeFloat(String option, double value) {
    if (!(value >= 0 && value <= Float.MAX_VALUE)) {
      throw new BadInputException(option + " must be a number from 0 to " + Float.MAX_VALUE + " (float32), not "
          + typed(option, value));
    }
  }

  /** A name from a fixed list, parsed by the model; its message gets the option in front. */
  <T> T name(String option, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(option + ": " + e.getMessage(), e);
    }
  }
}
