package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeTensorsTest {

  @TempDir
  Path dir;

  @Test
  void roundTripKeepsNamesOrderShapesValuesAndMetadata() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("gru.weight_ih_l0", Tensor.ofFloats(new int[] {6, 3},
        new float[] {1, -2, 3.5f, Float.MIN_VALUE, -0f, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, Float.MAX_VALUE}));
    tensors.put("lengths", Tensor.ofLongs(new int[] {3}, new long[] {5, -1, Long.MAX_VALUE}));
    tensors.put("scalar", Tensor.ofFloats(new int[] {}, new float[] {0.25f}));
    tensors.put("empty", Tensor.ofFloats(new int[] {0, 4}, new float[0]));
    tensors.put("a.bias", Tensor.ofFloats(new int[] {1}, new float[] {Float.NaN}));
    Map<String, String> metadata = Map.of("config", "{\"output_mode\": \"last\"}", "note", "é ü 漢");
    Path file = dir.resolve("round.safetensors");
    new SafeTensors(metadata, tensors).write(file);

    SafeTensors read = SafeTensors.read(file);
    assertEquals(metadata, read.metadata());
    assertEquals(List.copyOf(tensors.keySet()), List.copyOf(read.tensors().keySet()));
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor back = read.tensors().get(e.getKey());
      assertEquals(e.getValue().dtype(), back.dtype(), e.getKey());
      assertArrayEquals(e.getValue().shape(), back.shape(), e.getKey());
      if (back.dtype().isFloating()) {
        assertArrayEquals(e.getValue().floats(), back.floats(), e.getKey());
      } else {
        assertArrayEquals(e.getValue().longs(), back.longs(), e.getKey());
      }
    }
    long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    assertEquals(0, headerLength % 8, "data section starts 8-byte aligned");
  }

  @Test
  void readsF64AndI32ConvertingThem() throws IOException {
    ByteBuffer data = ByteBuffer.allocate(16 + 8).order(ByteOrder.LITTLE_ENDIAN);
    data.putDouble(1.5).putDouble(-1e-3).putInt(7).putInt(-9);
    Path file = write("{\"d\":{\"dtype\":\"F64\",\"shape\":[2],\"data_offsets\":[0,16]},"
        + "\"i\":{\"dtype\":\"I32\",\"shape\":[2,1],\"data_offsets\":[16,24]}}", data.array());
    SafeTensors read = SafeTensors.read(file);
    assertEquals(DType.F64, read.tensors().get("d").dtype());
    assertArrayEquals(new float[] {1.5f, -1e-3f}, read.tensors().get("d").floats());
    assertArrayEquals(new long[] {7, -9}, read.tensors().get("i").longs());
    assertTrue(read.metadata().isEmpty());
  }

  @Test
  void refusesFilesTooShortForTheLength() throws IOException {
    Path file = dir.resolve("short.safetensors");
    Files.write(file, new byte[] {1, 2, 3});
    assertRefused(file, "too short for a safetensors header: 3 bytes");
  }

  @Test
  void refusesHeaderLengthBeyondTheFile() throws IOException {
    assertRefused(rawFile(100, "{}".getBytes(StandardCharsets.UTF_8)),
        "header length 100 exceeds the 2 bytes after the length field");
  }

  @Test
  void refusesGigabyteHeaderInTinyFileWithoutAllocatingIt() throws IOException {
    assertRefused(rawFile(3L << 30, new byte[16]), "header length 3221225472 exceeds the 16 bytes");
    assertRefused(rawFile(-1L, new byte[16]), "header length 18446744073709551615 exceeds the 16 bytes");
  }

  @Test
  void refusesHeaderAboveTheCapEvenWhenTheFileIsLarger() throws IOException {
    Path file = dir.resolve("sparse.safetensors");
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(SafeTensors.MAX_HEADER_BYTES + 4096); // sparse: no disk used
      raf.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(SafeTensors.MAX_HEADER_BYTES + 1)
          .array());
    }
    assertRefused(file, "exceeds the limit of " + SafeTensors.MAX_HEADER_BYTES + " bytes");
  }

  @Test
  void refusesHeaderThatIsNotUtf8() throws IOException {
    assertRefused(rawFile(4, new byte[] {'{', (byte) 0xff, (byte) 0xfe, '}'}), "header is not valid UTF-8");
  }

  @Test
  void refusesInvalidJson() throws IOException {
    assertRefused(write("{\"a\": {\"dtype\": ", new byte[0]), "header is not valid JSON");
    assertRefused(write("[1, 2]", new byte[0]), "header is not a JSON object");
    assertRefused(write("{} {}", new byte[0]), "header is not a single JSON object");
  }

  @Test
  void refusesUnknownDtype() throws IOException {
    assertRefused(write("{\"w\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]}}", new byte[4]),
        "tensor 'w': unsupported dtype 'BF16' (expected F32, F64, I32 or I64)");
  }

  @Test
  void refusesBadShapes() throws IOException {
    assertRefused(write(entry("w", "F32", "[-1, 2]", "[0, 8]"), new byte[8]),
        "tensor 'w': shape must hold non-negative integers, found -1");
    assertRefused(write(entry("w", "F32", "[1.5]", "[0, 8]"), new byte[8]),
        "tensor 'w': shape must hold non-negative integers, found 1.5");
    assertRefused(write(entry("w", "F32", "[3000000000]", "[0, 8]"), new byte[8]),
        "tensor 'w': dimension 3000000000 is too large");
    assertRefused(write(entry("w", "F32", "[2147483647, 2147483647, 2147483647]", "[0, 8]"), new byte[8]),
        "tensor 'w': shape [2147483647, 2147483647, 2147483647] overflows");
    assertRefused(write(entry("w", "F64", "[2147483647]", "[0, 8]"), new byte[8]),
        "tensor 'w': shape [2147483647] is too large for one array");
    assertRefused(write("{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,4]}}", new byte[4]),
        "tensor 'w': missing shape array");
  }

  @Test
  void refusesOffsetsNotMatchingDtypeTimesShape() throws IOException {
    assertRefused(write(entry("w", "F32", "[3]", "[0, 8]"), new byte[8]),
        "tensor 'w': data_offsets [0, 8) span 8 bytes, expected 12 for F32 [3]");
    assertRefused(write(entry("w", "F32", "[2]", "[8, 0]"), new byte[8]),
        "tensor 'w': data_offsets [8, 0) end before they begin");
    assertRefused(write(entry("w", "F32", "[2]", "[0, 8, 9]"), new byte[8]),
        "tensor 'w': data_offsets must be [begin, end], found 3 numbers");
  }

  @Test
  void refusesOffsetsOutOfRange() throws IOException {
    assertRefused(write(entry("w", "F32", "[2]", "[4, 12]"), new byte[8]),
        "tensor 'w': data_offsets [4, 12) lie beyond the data section of 8 bytes");
  }

  @Test
  void refusesOverlappingTensors() throws IOException {
    assertRefused(write("{" + pair("a", "F32", "[2]", "[0, 8]") + "," + pair("b", "F32", "[2]", "[4, 12]") + "}",
        new byte[12]), "tensors 'a' [0, 8) and 'b' [4, 12) overlap");
  }

  @Test
  void refusesHolesAndTrailingBytes() throws IOException {
    assertRefused(write("{" + pair("a", "F32", "[2]", "[0, 8]") + "," + pair("b", "F32", "[2]", "[12, 20]") + "}",
        new byte[20]), "no tensor covers bytes [8, 12) of the data section");
    assertRefused(write(entry("a", "F32", "[2]", "[0, 8]"), new byte[10]),
        "no tensor covers bytes [8, 10) of the data section");
  }

  @Test
  void refusesDuplicateNames() throws IOException {
    assertRefused(write("{" + pair("a", "F32", "[1]", "[0, 4]") + "," + pair("a", "F32", "[1]", "[4, 8]") + "}",
        new byte[8]), "header is not valid JSON: Duplicate field 'a'");
  }

  @Test
  void refusesMetadataThatIsNotStrings() throws IOException {
    assertRefused(write("{\"__metadata__\":{\"epochs\":3}}", new byte[0]), "metadata 'epochs' must be a string");
    assertRefused(write("{\"__metadata__\":[]}", new byte[0]), "'__metadata__' must be an object of strings");
  }

  @Test
  void refusesUnknownKeysInATensorEntry() throws IOException {
    assertRefused(write("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4],\"x\":1}}", new byte[4]),
        "tensor 'w': unexpected key 'x'");
  }

  @Test
  void acceptsEmptyFileWithOnlyMetadata() throws IOException {
    SafeTensors read = SafeTensors.read(write("{\"__metadata__\":{\"k\":\"v\"}}   ", new byte[0]));
    assertEquals(Map.of("k", "v"), read.metadata());
    assertTrue(read.tensors().isEmpty());
  }

  @Test
  void writeReplacesAnExistingFileLeavingNoTemporaryFile() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Files.writeString(file, "old content");
    new SafeTensors(Map.of(), Map.of("x", Tensor.ofFloats(new int[] {2}, new float[] {1, 2}))).write(file);
    assertArrayEquals(new float[] {1, 2}, SafeTensors.read(file).tensors().get("x").floats());
    assertEquals(List.of(file), listDir());
  }

  @Test
  void writtenFilesAreReadableByOthersOrKeepThePermissionsOfTheFileTheyReplace() throws IOException {
    Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
    SafeTensors content = new SafeTensors(Map.of(), Map.of("x", Tensor.ofFloats(new int[] {1}, new float[] {1})));
    Path fresh = dir.resolve("fresh.safetensors");
    content.write(fresh);
    assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(fresh));
    Path existing = dir.resolve("existing.safetensors");
    Files.writeString(existing, "old");
    Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rw-rw----"));
    content.write(existing);
    assertEquals(PosixFilePermissions.fromString("rw-rw----"), Files.getPosixFilePermissions(existing));
  }

  @Test
  void failedWriteKeepsTheExistingFileAndLeavesNoTemporaryFile() throws IOException {
    Path file = dir.resolve("model.safetensors");
    Files.writeString(file, "old content");
    IOException failure = assertThrows(IOException.class, () -> AtomicFile.write(file, channel -> {
      channel.write(ByteBuffer.wrap(new byte[1000]));
      throw new IOException("disk full (simulated)");
    }));
    assertEquals("disk full (simulated)", failure.getMessage());
    assertEquals("old content", Files.readString(file));
    assertEquals(List.of(file), listDir());
  }

  @Test
  void failedRenameLeavesNoTemporaryFile() throws IOException {
    Path target = Files.createDirectory(dir.resolve("occupied"));
    Files.writeString(target.resolve("inside"), "x");
    SafeTensors content = new SafeTensors(Map.of(), Map.of("x", Tensor.ofFloats(new int[] {1}, new float[] {1})));
    assertThrows(IOException.class, () -> content.write(target));
    assertEquals(List.of(target), listDir());
    assertEquals("x", Files.readString(target.resolve("inside")));
  }

  /** Corrupted files (flipped bytes, truncation) are read or refused with a ModelFileException, nothing else. */
  @Test
  void corruptedFilesAreReadOrRefusedCleanly() throws IOException {
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("w", Tensor.ofFloats(new int[] {3, 2}, new float[] {1, 2, 3, 4, 5, 6}));
    tensors.put("n", Tensor.ofLongs(new int[] {2}, new long[] {7, 8}));
    Path valid = dir.resolve("valid.safetensors");
    new SafeTensors(Map.of("config", "{}"), tensors).write(valid);
    byte[] original = Files.readAllBytes(valid);
    long seed = 20261126;
    SplittableRandom random = new SplittableRandom(seed);
    Path corrupted = dir.resolve("corrupted.safetensors");
    int refused = 0;
    for (int trial = 0; trial < 400; trial++) {
      byte[] bytes = random.nextInt(4) == 0
          ? Arrays.copyOf(original, random.nextInt(original.length))
          : original.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0 && bytes.length > 0; flips--) {
        bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
      }
      Files.write(corrupted, bytes);
      try {
        SafeTensors.read(corrupted);
      } catch (ModelFileException expected) {
        refused++;
      } catch (RuntimeException | IOException e) {
        throw new AssertionError("seed " + seed + ", trial " + trial + ": " + e, e);
      }
    }
    assertTrue(refused > 200, "most corruptions are refused, not " + refused);
  }

  // ---------------------------------------------------------------- helpers

  private List<Path> listDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    }
  }

  private static String pair(String name, String dtype, String shape, String offsets) {
    return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape + ",\"data_offsets\":" + offsets + "}";
  }

  private static String entry(String name, String dtype, String shape, String offsets) {
    return "{" + pair(name, dtype, shape, offsets) + "}";
  }

  /** A file with this header (its true length) and data section. */
  private Path write(String header, byte[] data) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    byte[] rest = new byte[json.length + data.length];
    System.arraycopy(json, 0, rest, 0, json.length);
    System.arraycopy(data, 0, rest, json.length, data.length);
    return rawFile(json.length, rest);
  }

  /** A file whose length field says {@code headerLength}, followed by these bytes. */
  private Path rawFile(long headerLength, byte[] rest) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(headerLength).put(rest);
    Path file = Files.createTempFile(dir, "case", ".safetensors");
    Files.write(file, bytes.array());
    return file;
  }

  private static void assertRefused(Path file, String expected) {
    ModelFileException e = assertThrows(ModelFileException.class, () -> SafeTensors.read(file));
    assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
  }
}
