package org.bigru.cli.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.bigru.cli.BadInputException;
import org.bigru.model.io.AtomicFile;

/**
 * Output files are written whole or not at all ({@link AtomicFile}). Targets are checked before any work
 * starts, so a long training run does not end on a path it cannot write, and an input file is never
 * overwritten.
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

  /** Writes the target all or nothing (a temporary file beside it, then a rename: the model's AtomicFile). */
  public static void write(Path target, Content content) throws IOException {
    AtomicFile.write(target, channel -> {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      content.writeTo(out);
      out.flush();
    });
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
