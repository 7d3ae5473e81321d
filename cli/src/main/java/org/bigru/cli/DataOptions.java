package org.bigru.cli;

import org.bigru.cli.table.MissingPolicy;
import picocli.CommandLine.Option;

/** How a data file is read: shared by train, evaluate and predict. */
final class DataOptions {

  @Option(names = "--sheet", paramLabel = "NAME",
      description = "Sheet of an .xlsx workbook (default: the first sheet).")
  String sheet;

  @Option(names = "--header", negatable = true, fallbackValue = "true",
      description = "The first row holds column names (default: yes for train; what the model was trained on for "
          + "evaluate and predict); --no-header names them column1, column2, ...")
  Boolean header;

  @Option(names = "--missing", paramLabel = "POLICY", defaultValue = "error",
      converter = MissingPolicyConverter.class,
      description = "Missing values (empty, NA, NaN): error (name row and column), drop (the rows), ffill "
          + "(carry the last value forward) or interpolate (linear).")
  MissingPolicy missing;

  /** --header or --no-header as given, else the fallback. */
  boolean header(boolean fallback) {
    return header != null ? header : fallback;
  }

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
}
