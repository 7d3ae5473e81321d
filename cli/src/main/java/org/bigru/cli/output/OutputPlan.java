package org.bigru.cli.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.cli.BadInputException;
import org.bigru.model.io.AtomicFile;
import org.bigru.model.io.TemporaryFiles;

/**
 * Every file one command writes, planned before any work starts and committed together at the end.
 *
 * <p>Planning resolves each path as the file system will ({@code ..} after the folder it follows, symbolic
 * links followed: a link is written through and stays) and refuses, naming the option as typed: an empty
 * name, a missing or read-only folder, a folder or special file (device, pipe) in the file's place, the file
 * the command's own stdout or stderr is redirected to, a path that is one of the inputs, or one that another
 * output of the same command also names. Content is then
 * written to temporary files beside the targets, and {@link #commit} renames them all at once
 * ({@link TemporaryFiles#moveAll}): the outputs appear together or not at all. Closing the plan deletes what
 * was not committed, and a signal (SIGTERM, Ctrl-C) deletes it too.
 */
public final class OutputPlan implements AutoCloseable {

  /** One planned output file. */
  public static final class Output {
    private final String option;
    private final Path typed;
    private final Path target;
    private Path staged;

    private Output(String option, Path typed, Path target) {
      this.option = option;
      this.typed = typed;
      this.target = target;
    }

    /** The option and path as the user typed them, for messages: "--plot fit.png". */
    public String described() {
      return option + " " + typed;
    }

    /** The path as the user typed it. */
    public Path path() {
      return typed;
    }

    @Override
    public String toString() {
      return typed.toString();
    }
  }

  /** Writes one output file, given the temporary file to write. */
  @FunctionalInterface
  public interface FileWriter {
    void writeTo(Path file) throws IOException;
  }

  /** Writes the content of one output file as a stream. */
  @FunctionalInterface
  public interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Map<Path, String> inputs = new LinkedHashMap<>();
  private final List<Output> outputs = new ArrayList<>();
  private final Map<Path, String> folders = new LinkedHashMap<>();

  /** An input of the command (which must exist): no output may be it. */
  public void input(String option, Path file) {
    if (file == null) {
      return;
    }
    try {
      inputs.put(file.toRealPath(), option + " " + file);
    } catch (IOException e) {
      // The command refuses a missing input itself, naming it; a plan has nothing to protect there.
    }
  }

  /**
   * A folder the command writes into (checkpoints): it may not be a planned output file, and must be a
   * folder if it exists.
   */
  public void folder(String option, Path folder) {
    if (folder == null) {
      return;
    }
    empty(option, folder);
    Path resolved = resolve(option, folder);
    if (Files.exists(resolved) && !Files.isDirectory(resolved)) {
      throw new BadInputException(option + " " + folder + " is " + AtomicFile.kind(resolved) + ", expected a folder");
    }
    for (Output o : outputs) {
      if (o.target.equals(resolved)) {
        throw new BadInputException(option + " " + folder + " is the same path as " + o.described());
      }
    }
    String input = inputs.get(resolved);
    if (input != null) {
      throw new BadInputException(option + " " + folder + " is the input " + input);
    }
    folders.put(resolved, option + " " + folder);
  }

  /** Plans an output file (null for none); refused with one line naming the option when it cannot be written. */
  public Output output(String option, Path typed) {
    if (typed == null) {
      return null;
    }
    empty(option, typed);
    Path target = resolve(option, typed);
    String what = option + " " + typed;
    if (Files.isDirectory(target)) {
      throw new BadInputException(what + " is a folder, expected a file name");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      throw new BadInputException(what + " is " + AtomicFile.kind(target) + ", not a regular file; bigru writes whole "
          + "files (a temporary file renamed into place), so give a file name");
    }
    String stream = standardStream(target);
    if (stream != null) {
      throw new BadInputException(what + " is this command's own " + stream + "; renaming a new file into its "
          + "place would cut it off from what the command writes there, so give a file name");
    }
    if (!Files.isWritable(target.getParent())) {
      throw new BadInputException(what + ": the folder " + target.getParent() + " is not writable");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new BadInputException(what + " exists and is not writable");
    }
    for (Map.Entry<Path, String> input : inputs.entrySet()) {
      if (sameFile(target, input.getKey())) {
        throw new BadInputException(what + " is the input " + input.getValue() + "; refusing to overwrite it");
      }
    }
    for (Output o : outputs) {
      if (sameFile(target, o.target)) {
        throw new BadInputException(what + " is the same file as " + o.described()
            + "; each output needs its own file");
      }
    }
    String folder = folders.get(target);
    if (folder != null) {
      throw new BadInputException(what + " is the same path as " + folder);
    }
    Output output = new Output(option, typed, target);
    outputs.add(output);
    return output;
  }

  /** Writes an output's content to its temporary file (through {@code writer}), to be committed later. */
  public void writeFile(Output output, FileWriter writer) throws IOException {
    if (output.staged != null) {
      throw new IllegalStateException(output.described() + " is written twice");
    }
    output.staged = AtomicFile.stage(output.target);
    writer.writeTo(output.staged);
  }

  /** Writes an output's content as a stream to its temporary file, to be committed later. */
  public void write(Output output, Content content) throws IOException {
    writeFile(output, file -> AtomicFile.write(file, channel -> {
      OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
      content.writeTo(out);
      out.flush();
    }));
  }

  /** Renames every written output into place, all or none. */
  public void commit() throws IOException {
    List<Path> staged = new ArrayList<>();
    List<Path> targets = new ArrayList<>();
    for (Output o : outputs) {
      if (o.staged != null) {
        staged.add(o.staged);
        targets.add(o.target);
      }
    }
    TemporaryFiles.moveAll(staged, targets);
    for (Output o : outputs) {
      o.staged = null;
    }
  }

  /** Deletes the temporary files of outputs not committed. */
  @Override
  public void close() {
    for (Output o : outputs) {
      if (o.staged != null) {
        try {
          TemporaryFiles.delete(o.staged);
        } catch (IOException e) {
          // Still registered, so it goes at exit; the targets were never touched.
        }
        o.staged = null;
      }
    }
  }

  private static void empty(String option, Path path) {
    if (path.toString().isEmpty()) {
      throw new BadInputException(option + " is empty; give a file name");
    }
  }

  private static Path resolve(String option, Path typed) {
    try {
      return AtomicFile.resolve(typed);
    } catch (NoSuchFileException e) {
      Path folder = typed.getParent() != null ? typed.getParent() : typed.toAbsolutePath().getParent();
      throw new BadInputException(option + " " + typed + ": the folder " + folder + " does not exist", e);
    } catch (FileSystemException e) {
      throw new BadInputException(option + " " + typed + ": " + e.getReason(), e);
    } catch (IOException e) {
      throw new BadInputException(option + " " + typed + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** "standard output" when the file is where this process's stdout goes (a redirect to it), and so on. */
  private static String standardStream(Path file) {
    String[] names = {"standard input", "standard output", "standard error"};
    for (int fd = 0; fd < names.length; fd++) {
      Path open = Path.of("/proc/self/fd/" + fd);
      if (Files.isRegularFile(open) && sameFile(file, open)) {
        return names[fd];
      }
    }
    return null;
  }

  private static boolean sameFile(Path a, Path b) {
    if (a.equals(b)) {
      return true;
    }
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }
}
