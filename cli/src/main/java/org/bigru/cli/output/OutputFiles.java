package org.bigru.cli.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import org.bigru.cli.BadInputException;

/**
 * Output files are written whole or not at all: into a temporary file beside the target, then renamed over
 * it. Targets are checked before any work starts, so a long training run does not end on a path it cannot
 * write, and an input file is never overwritten.
 */
public final class OutputFiles {

  /** Writes the content of one output file. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private OutputFiles() {
  }

  /**
   * Refuses a target that cannot be written: its folder missing or read-only, a folder in its place, or the
   * same file as one of the inputs.
   */
  public static void check(Path target, String option, Collection<Path> inputs) {
    Path absolute = target.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw new BadInputException(option + " " + target + " is a folder, expected a file name");
    }
    if (folder == null || !Files.isDirectory(folder)) {
      throw new BadInputException(option + " " + target + ": the folder " + folder + " does not exist");
    }
    if (!Files.isWritable(folder)) {
      throw new BadInputException(option + " " + target + ": the folder " + folder + " is not writable");
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      throw new BadInputException(option + " " + target + " exists and is not writable");
    }
    for (Path input : inputs) {
      if (input != null && sameFile(absolute, input)) {
        throw new BadInputException(option + " " + target + " is an input file; refusing to overwrite it");
      }
    }
  }

  /** Writes the target through a temporary file in its folder and a rename. */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        content.writeTo(out);
      }
      moveIntoPlace(temp, absolute);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) ? Files.isSameFile(a, b)
          : a.equals(b.toAbsolutePath().normalize());
    } catch (IOException e) {
      return false;
    }
  }
}
