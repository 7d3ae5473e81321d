package org.bigru.cli;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.bigru.model.io.AtomicFile;

/** Input files named by options, checked before anything is read: each problem named with the option. */
final class InputFiles {

  private InputFiles() {
  }

  /**
   * Whether a path names a readable regular file: a missing file, a symbolic link that loops or names nothing,
   * a folder, device or pipe, and an unreadable file are each refused with their own message.
   */
  static Path require(Path file, String option) {
    if (file == null) {
      throw new BadInputException(option + " is required");
    }
    if (file.toString().isEmpty()) {
      throw new BadInputException(option + " is empty; give a file name");
    }
    if (!Files.exists(file)) {
      if (Files.isSymbolicLink(file)) {
        throw new BadInputException(option + " " + file + brokenLink(file));
      }
      throw new BadInputException("file not found: " + file + " (" + option + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(option + " " + file + " is " + AtomicFile.kind(file.toAbsolutePath())
          + ", not a regular file");
    }
    if (!Files.isReadable(file)) {
      throw new BadInputException(option + " " + file + " is not readable");
    }
    return file;
  }

  /** A folder named by an option, which must exist. */
  static Path requireFolder(Path folder, String option) {
    if (folder.toString().isEmpty()) {
      throw new BadInputException(option + " is empty; give a folder");
    }
    if (!Files.isDirectory(folder)) {
      throw new BadInputException(option + " " + folder + ": no such directory");
    }
    return folder;
  }

  /** Why a symbolic link names no file, to follow its name. */
  private static String brokenLink(Path link) {
    try {
      return " is a symbolic link to " + AtomicFile.resolve(link) + ", which does not exist";
    } catch (NoSuchFileException e) {
      return " is a symbolic link into the folder " + e.getFile() + ", which does not exist";
    } catch (FileSystemException e) {
      return ": " + (e.getReason() == null ? "a symbolic link that cannot be followed" : e.getReason());
    } catch (IOException e) {
      return ": a symbolic link that cannot be followed (" + e.getMessage() + ")";
    }
  }
}
