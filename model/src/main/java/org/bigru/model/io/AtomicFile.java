package org.bigru.model.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Writes a file all or nothing: the content goes to a temporary file in the same directory, which is forced to
 * disk and then renamed over the target. If anything fails, or the JVM stops on a signal meanwhile, the
 * temporary file is deleted ({@link TemporaryFiles}) and an existing target is left as it was.
 *
 * <p>A target that is a symbolic link is written through: the file the link names is replaced and the link
 * stays. A target that exists but is not a regular file (a folder, a device such as /dev/stdout or /dev/null,
 * a pipe) is refused, since renaming over it would replace it.
 */
public final class AtomicFile {

  /** Links followed at most, as the kernel's limit (ELOOP). */
  private static final int MAX_LINKS = 40;

  /** Writes the content of a file into an open channel. */
  @FunctionalInterface
  public interface Content {
    void writeTo(FileChannel channel) throws IOException;
  }

  private AtomicFile() {
  }

  public static void write(Path target, Content content) throws IOException {
    Path file = writableTarget(target);
    Path temp = stage(file);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        content.writeTo(channel);
        channel.force(true);
      }
      TemporaryFiles.moveAll(List.of(temp), List.of(file));
    } catch (IOException | RuntimeException | Error e) {
      TemporaryFiles.deleteAll(List.of(temp), e);
      throw e;
    }
  }

  /**
   * The file a write to {@code target} replaces ({@link #resolve}), refused when it exists but is not a regular
   * file.
   */
  public static Path writableTarget(Path target) throws IOException {
    Path file = resolve(target);
    if (Files.exists(file) && !Files.isRegularFile(file)) {
      throw new FileSystemException(target.toString(), null, "exists and is " + kind(file)
          + ", not a regular file; refusing to replace it");
    }
    return file;
  }

  /**
   * A new empty temporary file beside {@code file} (a resolved target), with the permissions the target will
   * have, for content renamed over the target later ({@link TemporaryFiles#moveAll}).
   */
  public static Path stage(Path file) throws IOException {
    Path temp = TemporaryFiles.create(file.getParent(), "." + file.getFileName());
    try {
      givePermissions(temp, file);
    } catch (IOException | RuntimeException e) {
      TemporaryFiles.deleteAll(List.of(temp), e);
      throw e;
    }
    return temp;
  }

  /**
   * The file a write to {@code target} lands in. An existing regular file (through any links) is its real path.
   * An existing file of another kind (a folder, a device, a pipe, /dev/stdout) is returned as given, for the
   * caller to refuse. A new file is its folder's real path (so {@code ..} follows the folder before it, which
   * must exist) plus its name, following a dangling link to the file it names. Fails with a
   * {@link java.nio.file.NoSuchFileException} when a folder is missing, and a {@link FileSystemException} on a
   * loop of links.
   */
  public static Path resolve(Path target) throws IOException {
    Path current = target.toAbsolutePath();
    if (Files.exists(current)) {
      return Files.isRegularFile(current) ? current.toRealPath() : current;
    }
    for (int links = 0; ; links++) {
      Path name = current.getFileName();
      if (name == null) {
        return current;
      }
      Path folder = current.getParent().toRealPath();
      Path file = folder.resolve(name);
      if (!Files.isSymbolicLink(file)) {
        return file;
      }
      if (links == MAX_LINKS) {
        throw new FileSystemException(target.toString(), null, "a loop of symbolic links (more than " + MAX_LINKS
            + " in a chain)");
      }
      current = folder.resolve(Files.readSymbolicLink(file));
    }
  }

  /** What an existing path that is not a regular file is, in words (following links). */
  public static String kind(Path file) {
    if (Files.isDirectory(file)) {
      return "a folder";
    }
    try {
      int mode = ((Integer) Files.getAttribute(file, "unix:mode")) & 0170000;
      switch (mode) {
        case 0020000:
          return "a character device";
        case 0060000:
          return "a block device";
        case 0010000:
          return "a named pipe";
        case 0140000:
          return "a socket";
        default:
          return "a special file";
      }
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }

  /**
   * Temporary files are private (rw-------); the result gets the permissions of the file it replaces, or
   * rw-r--r-- (what the usual umask gives a new file), where the file system has POSIX permissions.
   */
  private static void givePermissions(Path temp, Path target) throws IOException {
    if (!Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.isRegularFile(target)
        ? Files.getPosixFilePermissions(target)
        : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temp, permissions);
  }
}
