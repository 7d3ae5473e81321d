package org.bigru.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bigru.model.Network;
import org.bigru.model.io.ModelFile;

/** Loading model files, with any problem of the file reported as bad input. */
final class Models {

  private Models() {
  }

  static Network load(Path file, String option) {
    InputFiles.require(file, option);
    try {
      return ModelFile.load(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException("file not found: " + file + " (" + option + ")", e);
    } catch (IOException e) {
      throw new BadInputException(option + " " + file + " is not a usable model file: " + e.getMessage(), e);
    }
  }
}
