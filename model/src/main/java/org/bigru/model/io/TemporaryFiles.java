package org.bigru.model.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The temporary files of writes in progress, removed on every way out: by their writer when it fails or is
 * done, and by a shutdown hook when the JVM stops while they exist (SIGTERM, SIGINT/Ctrl-C, System.exit).
 *
 * <p>Renames into place happen under the lock the hook takes, so a signal lands either before a group of
 * renames (none is done and the temporary files go) or after it (all are done). A group of several files is
 * all or nothing on failure too: each file it replaces is first linked to a backup, and a failed rename puts
 * the earlier ones back.
 */
public final class TemporaryFiles {

  private static final Object LOCK = new Object();
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY_FOLDER =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
  private static final Set<Path> OPEN = new LinkedHashSet<>();
  private static boolean hookInstalled;
  private static boolean stopping;

  private TemporaryFiles() {
  }

  /** A new empty file in {@code directory}, named {@code prefix} + a random part + ".tmp", removed at exit. */
  public static Path create(Path directory, String prefix) throws IOException {
    synchronized (LOCK) {
      checkRunning();
      if (!hookInstalled) {
        Runtime.getRuntime().addShutdownHook(new Thread(TemporaryFiles::deleteAllAtExit, "bigru-temporary-files"));
        hookInstalled = true;
      }
      Path temp = newPath(directory, prefix, ".tmp", false);
      OPEN.add(temp);
      return temp;
    }
  }

  /**
   * Deletes a temporary file (if it is still there) and forgets it; one that cannot be deleted now stays
   * registered, so the shutdown hook tries again.
   */
  public static void delete(Path temp) throws IOException {
    Files.deleteIfExists(temp);
    synchronized (LOCK) {
      OPEN.remove(temp);
    }
  }

  /** Deletes temporary files, adding any failure to {@code failure} rather than hiding it. */
  public static void deleteAll(List<Path> temps, Throwable failure) {
    for (Path temp : temps) {
      try {
        delete(temp);
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  /** Whether the JVM is shutting down (temporary files are gone, nothing more is renamed into place). */
  public static boolean stopping() {
    synchronized (LOCK) {
      return stopping;
    }
  }

  /**
   * Renames each temporary file over its target, all or none: on a failure the targets already replaced get
   * their previous content back (or are removed when there was none) and the remaining temporary files are
   * deleted.
   */
  public static void moveAll(List<Path> temps, List<Path> targets) throws IOException {
    if (temps.size() != targets.size()) {
      throw new IllegalArgumentException(temps.size() + " temporary files for " + targets.size() + " targets");
    }
    synchronized (LOCK) {
      checkRunning();
      List<Path> backups = temps.size() > 1 ? backUp(targets) : null;
      int done = 0;
      try {
        for (; done < temps.size(); done++) {
          move(temps.get(done), targets.get(done));
          OPEN.remove(temps.get(done));
        }
      } catch (IOException | RuntimeException e) {
        undo(targets, backups, done, e);
        deleteAll(temps.subList(done, temps.size()), e);
        if (backups != null) {
          for (Path backup : backups) {
            if (backup != null) {
              deleteAll(List.of(backup), e);
            }
          }
        }
        throw e;
      }
      if (backups != null) {
        for (Path backup : backups) {
          if (backup != null) {
            try {
              Files.deleteIfExists(backup);
              OPEN.remove(backup);
            } catch (IOException e) {
              // It stays registered, so the shutdown hook tries again; the files it backed up are in place.
            }
          }
        }
      }
    }
  }

  /** A hard link to each existing target (null where there is none, or the file system has no links). */
  private static List<Path> backUp(List<Path> targets) throws IOException {
    List<Path> backups = new ArrayList<>();
    for (Path target : targets) {
      Path backup = null;
      if (Files.isRegularFile(target)) {
        Path name = newPath(target.toAbsolutePath().getParent(), "." + target.getFileName() + ".old", ".tmp", false);
        OPEN.add(name);
        Files.delete(name);
        try {
          Files.createLink(name, target);
          backup = name;
        } catch (IOException | UnsupportedOperationException e) {
          OPEN.remove(name);
        }
      }
      backups.add(backup);
    }
    return backups;
  }

  /**
   * A new empty folder in the default temporary folder, {@code prefix} + a random number, that only its owner may
   * enter, as Files.createTempDirectory makes it but without its SecureRandom (see newPath). Not removed at exit:
   * its user decides.
   */
  public static Path createFolder(String prefix) throws IOException {
    return newPath(null, prefix, "", true);
  }

  /**
   * A new empty file or folder, {@code directory/prefix} + a random number + {@code suffix}, that only its owner
   * may use (as Files.createTempFile and createTempDirectory make them, in the default temporary folder when
   * {@code directory} is null). Not those methods themselves: they draw their names from SecureRandom, whose first
   * use loads the JDK's security providers, a fiftieth of a second of a short command such as predict. A name only
   * has to be new, which creating it checks (it also refuses a link planted under the name); a clash draws another.
   */
  private static Path newPath(Path directory, String prefix, String suffix, boolean folder) throws IOException {
    Path parent = directory != null ? directory : Path.of(System.getProperty("java.io.tmpdir"));
    FileAttribute<?>[] ownerOnly = !POSIX ? new FileAttribute<?>[0]
        : new FileAttribute<?>[] {folder ? OWNER_ONLY_FOLDER : OWNER_ONLY};
    while (true) {
      Path name = parent.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong()) + suffix);
      try {
        return folder ? Files.createDirectory(name, ownerOnly) : Files.createFile(name, ownerOnly);
      } catch (FileAlreadyExistsException e) {
        // drawn before: draw again
      }
    }
  }

  private static void undo(List<Path> targets, List<Path> backups, int done, Throwable failure) {
    for (int i = 0; i < done; i++) {
      try {
        Path backup = backups == null ? null : backups.get(i);
        if (backup != null) {
          move(backup, targets.get(i));
          OPEN.remove(backup);
        } else {
          Files.deleteIfExists(targets.get(i));
        }
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Some file systems cannot rename atomically; a plain replace is the best they offer.
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void checkRunning() throws IOException {
    if (stopping) {
      throw new IOException("the JVM is shutting down; nothing more is written");
    }
  }

  private static void deleteAllAtExit() {
    synchronized (LOCK) {
      stopping = true;
      for (Path temp : OPEN) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // Nothing is left to report to at exit; a later run of the same writer removes leftovers it knows.
        }
      }
      OPEN.clear();
    }
  }
}
