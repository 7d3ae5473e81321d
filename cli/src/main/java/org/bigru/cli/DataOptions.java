package org.bigru.cli;

import java.nio.file.Path;
import org.bigru.cli.table.MissingPolicy;
import picocli.CommandLine.Option;

/** How a data file is read: shared by train, evaluate and predict. */
final class DataOptions {

  @Option(names = "--sheet", paramLabel = "NAME",
      description = "Sheet of an .xlsx workbook (default: the first sheet).")
  String sheet;

  @Option(names = "--header", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "The first row holds column names (default: ${DEFAULT-VALUE}); --no-header names them "
          + "column1, column2, ...")
  boolean header;

  @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "error",
      converter = MissingPolicyConverter.class,
      description = "Missing values (empty, NA, NaN): error (name row and column), drop (the rows), ffill "
          + "(carry the last value forward) or interpolate (linear).")
  MissingPolicy missing;

  static final class MissingPolicyConverter implements picocli.CommandLine.ITypeConverter<MissingPolicy> {
    @Override
    public MissingPolicy convert(String value) {
      for (MissingPolicy p : MissingPolicy.values()) {
        if (p.name().equalsIgnoreCase(value.trim())) {
          return p;
        }
      }
      throw new picocli.CommandLine.TypeConversionException("expected error, drop, ffill or interpolate, not '"
          + value + "'");
    }
  }

  /** Whether a path names a data file that exists and is readable; the readers name any other problem. */
  static Path requireFile(Path file, String option) {
    if (file == null) {
      throw new BadInputException(option + " is required");
    }
    if (!java.nio.file.Files.exists(file)) {
      throw new BadInputException("file not found: " + file + " (" + option + ")");
    }
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new BadInputException(option + " " + file + " is not a regular file");
    }
    if (!java.nio.file.Files.isReadable(file)) {
      throw new BadInputException(option + " " + file + " is not readable");
    }
    return file;
  }
}
