package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files are new, empty, owner-only files named after their target, as Files.createTempFile makes them. */
class TemporaryFilesTest {

  @TempDir
  Path dir;

  @Test
  void eachFileIsNewEmptyAndOnlyItsOwnersUntilDeleted() throws IOException {
    Set<Path> made = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Path temp = TemporaryFiles.create(dir, ".model.safetensors");
      assertTrue(made.add(temp), "a name given twice: " + temp);
      assertEquals(dir, temp.getParent());
      assertTrue(temp.getFileName().toString().matches("\\.model\\.safetensors\\d+\\.tmp"), temp.toString());
      assertEquals(0, Files.size(temp));
      if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)));
      }
    }
    for (Path temp : made) {
      TemporaryFiles.delete(temp);
      assertFalse(Files.exists(temp));
    }
  }

  @Test
  void foldersAreNewEmptyAndOnlyTheirOwnersInTheDefaultTemporaryFolder() throws IOException {
    Path first = TemporaryFiles.createFolder("bigru-test-");
    Path second = TemporaryFiles.createFolder("bigru-test-");
    try {
      assertFalse(first.equals(second));
      for (Path folder : List.of(first, second)) {
        assertTrue(Files.isDirectory(folder));
        assertEquals(Path.of(System.getProperty("java.io.tmpdir")), folder.getParent());
        assertTrue(folder.getFileName().toString().matches("bigru-test-\\d+"), folder.toString());
        try (Stream<Path> entries = Files.list(folder)) {
          assertEquals(0, entries.count());
        }
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
          assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        }
      }
    } finally {
      Files.delete(first);
      Files.delete(second);
    }
  }

  @Test
  void withoutAFolderTheFileGoesToTheDefaultTemporaryFolder() throws IOException {
    Path temp = TemporaryFiles.create(null, "bigru-test-");
    try {
      assertEquals(Path.of(System.getProperty("java.io.tmpdir")), temp.getParent());
    } finally {
      TemporaryFiles.delete(temp);
    }
  }
}
