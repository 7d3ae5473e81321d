package org.bigru.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.bigru.model.io.TemporaryFiles;

/**
 * The real data sets shipped inside the command (see data/PROVENANCE.md beside them), each with the options
 * that make it a sensible run; options given on the command line win.
 */
enum Example {
  /** The reference regression: daily Seattle weather, predicting temp_max from the other measurements. */
  SEATTLE_WEATHER("seattle-weather", "seattle-weather.csv", "regression", "temp_max", List.of(), List.of("weather"),
      true, true, 0),
  /** Classification: 8x8 digits read as 8 steps of 8 pixels, the class in the last column. */
  DIGITS("digits", "digits.csv.gz", "classification", null, List.of(), List.of(), false, false, 8),
  /** A univariate monthly series forecast from its own past: Mauna Loa CO2, May 1964 to December 2001. */
  CO2("co2", "co2-monthly.csv", "regression", "co2", List.of("co2"), List.of(), true, true, 0);

  final String optionName;
  final String resource;
  final String task;
  final String target;
  final List<String> features;
  final List<String> drop;
  final boolean header;
  final boolean indexColumn;
  final int rowSteps;

  Example(String optionName, String resource, String task, String target, List<String> features, List<String> drop,
          boolean header, boolean indexColumn, int rowSteps) {
    this.optionName = optionName;
    this.resource = resource;
    this.task = task;
    this.target = target;
    this.features = features;
    this.drop = drop;
    this.header = header;
    this.indexColumn = indexColumn;
    this.rowSteps = rowSteps;
  }

  static Example fromName(String name) {
    for (Example e : values()) {
      if (e.optionName.equalsIgnoreCase(name.trim())) {
        return e;
      }
    }
    throw new BadInputException("unknown --example '" + name + "' (expected seattle-weather, digits or co2)");
  }

  /** Copies the data set into a new temporary folder (deleted on exit) under its own name. */
  Path extract() throws IOException {
    Path folder = TemporaryFiles.createFolder("bigru-example");
    // deleteOnExit deletes in the reverse order of registration: the file, then its folder
    folder.toFile().deleteOnExit();
    Path file = folder.resolve(resource);
    try (InputStream in = Example.class.getResourceAsStream("data/" + resource)) {
      if (in == null) {
        throw new IllegalStateException("the example data set " + resource + " is missing from the jar");
      }
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
    file.toFile().deleteOnExit();
    return file;
  }
}
