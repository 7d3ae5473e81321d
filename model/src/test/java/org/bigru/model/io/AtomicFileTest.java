package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir
  Path dir;

  private static void write(Path target, String text) throws IOException {
    AtomicFile.write(target, channel -> channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aSymbolicLinkIsWrittenThroughAndStays() throws IOException {
    Path real = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("m.bin"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.bin"), Path.of("real", "m.bin"));
    Path chained = Files.createSymbolicLink(dir.resolve("chained.bin"), link.getFileName());
    write(chained, "new");
    assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(chained));
    assertEquals("new", Files.readString(real));
    assertEquals(List.of("chained.bin", "link.bin", "real"), names(dir));
    assertEquals(List.of("m.bin"), names(dir.resolve("real")));
  }

  @Test
  void aDanglingLinkCreatesTheFileItNames() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.bin"), Path.of("target.bin"));
    write(link, "x");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("x", Files.readString(dir.resolve("target.bin")));
  }

  @Test
  void dotDotIsResolvedAsTheFileSystemDoes() throws IOException {
    Files.createDirectory(dir.resolve("sub"));
    write(dir.resolve("sub").resolve("..").resolve("a.txt"), "a");
    assertEquals("a", Files.readString(dir.resolve("a.txt")));
    assertThrows(NoSuchFileException.class, () -> write(dir.resolve("nodir").resolve("..").resolve("b.txt"), "b"));
    assertEquals(List.of("a.txt", "sub"), names(dir));
  }

  @Test
  void aLoopOfLinksAndSpecialFilesAreRefused() throws IOException {
    Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(dir.resolve("b"), Path.of("a"));
    FileSystemException loop = assertThrows(FileSystemException.class, () -> write(dir.resolve("a"), "x"));
    assertTrue(loop.getMessage().contains("a loop of symbolic links"), loop.getMessage());
    FileSystemException device = assertThrows(FileSystemException.class, () -> write(Path.of("/dev/null"), "x"));
    assertTrue(device.getMessage().contains("is a character device, not a regular file"), device.getMessage());
    FileSystemException folder = assertThrows(FileSystemException.class, () -> write(dir, "x"));
    assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
  }

  @Test
  void severalFilesAreRenamedAllOrNone() throws IOException {
    Path first = Files.writeString(dir.resolve("first.txt"), "old first");
    Path second = dir.resolve("second.txt");
    Path stagedFirst = AtomicFile.stage(first);
    Files.writeString(stagedFirst, "new first");
    Path stagedSecond = AtomicFile.stage(second);
    Files.writeString(stagedSecond, "new second");
    Files.delete(stagedSecond);   // its rename fails, so the first must be undone
    assertThrows(NoSuchFileException.class,
        () -> TemporaryFiles.moveAll(List.of(stagedFirst, stagedSecond), List.of(first, second)));
    assertEquals("old first", Files.readString(first));
    assertEquals(List.of("first.txt"), names(dir));

    Path again = AtomicFile.stage(first);
    Files.writeString(again, "new first");
    Path secondAgain = AtomicFile.stage(second);
    Files.writeString(secondAgain, "new second");
    TemporaryFiles.moveAll(List.of(again, secondAgain), List.of(first, second));
    assertEquals("new first", Files.readString(first));
    assertEquals("new second", Files.readString(second));
    assertEquals(List.of("first.txt", "second.txt"), names(dir));
    assertFalse(TemporaryFiles.stopping());
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}
