package org.bigru.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format (as written by Hugging Face's {@code safetensors} and read by PyTorch tooling): an
 * 8-byte little-endian unsigned header length, a UTF-8 JSON header mapping each tensor name to
 * {@code {"dtype", "shape", "data_offsets": [begin, end)}} (offsets relative to the data section) plus an
 * optional {@code "__metadata__"} map of strings, then the raw little-endian data.
 *
 * <p>Reading accepts F32, F64, I32 and I64 and refuses anything malformed with a {@link ModelFileException}
 * naming the file and the problem: a header length beyond the file or above {@link #MAX_HEADER_BYTES}, a
 * header that is not UTF-8 JSON, an unknown dtype, a bad shape, duplicate names, and data offsets that do not
 * match dtype times shape or do not tile the data section exactly (no overlap, no hole, no trailing bytes; the
 * rule of the reference implementation). It never allocates more than the file size justifies.
 *
 * <p>Writing stores floating tensors as F32 and integer tensors as I64, in insertion order, with the header
 * padded by spaces to a multiple of 8 bytes, through {@link AtomicFile}.
 */
public final class SafeTensors {

  /** Largest header accepted: far above any real model's, small enough to read into memory. */
  public static final long MAX_HEADER_BYTES = 100L << 20;

  private static final String METADATA_KEY = "__metadata__";
  private static final int CHUNK_BYTES = 1 << 16;

  private final Map<String, String> metadata;
  private final Map<String, Tensor> tensors;

  /** A file's content: metadata (string to string) and tensors by name, in order (both copied). */
  public SafeTensors(Map<String, String> metadata, Map<String, Tensor> tensors) {
    for (String name : tensors.keySet()) {
      if (name.equals(METADATA_KEY)) {
        throw new IllegalArgumentException("'" + METADATA_KEY + "' is reserved and cannot name a tensor");
      }
    }
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    this.tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /** Tensors by name, in file order. */
  public Map<String, Tensor> tensors() {
    return tensors;
  }

  /** The tensor with this name; a ModelFileException naming it and the file if there is none. */
  public Tensor require(String name, Path file) throws ModelFileException {
    Tensor t = tensors.get(name);
    if (t == null) {
      throw new ModelFileException(file + ": missing tensor '" + name + "'");
    }
    return t;
  }

  // ---------------------------------------------------------------- reading

  /** Where one tensor lies in the data section, as the header says. */
  private record Entry(String name, DType dtype, int[] shape, long begin, long end) {
  }

  public static SafeTensors read(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long fileSize = channel.size();
      if (fileSize < 8) {
        throw bad(file, "too short for a safetensors header: " + fileSize + " bytes, expected at least 8");
      }
      long headerLength = readFully(channel, ByteBuffer.allocate(8), 0).order(ByteOrder.LITTLE_ENDIAN).getLong();
      // Compared as unsigned: a length with the top bit set is beyond any file.
      if (Long.compareUnsigned(headerLength, fileSize - 8) > 0) {
        throw bad(file, "header length " + Long.toUnsignedString(headerLength) + " exceeds the "
            + (fileSize - 8) + " bytes after the length field");
      }
      if (headerLength > MAX_HEADER_BYTES) {
        throw bad(file, "header length " + headerLength + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
      }
      ByteBuffer headerBytes = readFully(channel, ByteBuffer.allocate((int) headerLength), 8);
      long dataStart = 8 + headerLength;
      long dataSize = fileSize - dataStart;
      Map<String, String> metadata = new LinkedHashMap<>();
      List<Entry> entries = parseHeader(file, decodeUtf8(file, headerBytes), metadata);
      checkLayout(file, entries, dataSize);
      Map<String, Tensor> tensors = new LinkedHashMap<>();
      for (Entry e : entries) {
        tensors.put(e.name, readTensor(channel, dataStart, e));
      }
      return new SafeTensors(metadata, tensors);
    }
  }

  private static String decodeUtf8(Path file, ByteBuffer bytes) throws ModelFileException {
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(bytes);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw bad(file, "header is not valid UTF-8");
    }
  }

  private static List<Entry> parseHeader(Path file, String header, Map<String, String> metadata)
      throws ModelFileException {
    List<Entry> entries = new ArrayList<>();
    try (JsonParser parser = JsonTrees.parser(header)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw bad(file, "header is not a JSON object");
      }
      // Duplicate names anywhere are refused by the parser (STRICT_DUPLICATE_DETECTION).
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        JsonNode value = JsonTrees.readValue(parser);
        if (name.equals(METADATA_KEY)) {
          parseMetadata(file, value, metadata);
        } else {
          entries.add(parseEntry(file, name, value));
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        throw bad(file, "header is not a single JSON object");
      }
    } catch (JsonProcessingException e) {
      throw bad(file, "header is not valid JSON: " + e.getOriginalMessage());
    } catch (ModelFileException e) {
      throw e;
    } catch (IOException e) {
      throw bad(file, "header cannot be parsed: " + e.getMessage());
    }
    return entries;
  }

  private static void parseMetadata(Path file, JsonNode value, Map<String, String> metadata)
      throws ModelFileException {
    if (!value.isObject()) {
      throw bad(file, "'" + METADATA_KEY + "' must be an object of strings, found " + value.getNodeType());
    }
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      if (!field.getValue().isTextual()) {
        throw bad(file, "metadata '" + field.getKey() + "' must be a string, found "
            + field.getValue().getNodeType());
      }
      metadata.put(field.getKey(), field.getValue().textValue());
    }
  }

  private static Entry parseEntry(Path file, String name, JsonNode value) throws ModelFileException {
    String where = "tensor '" + name + "'";
    if (!value.isObject()) {
      throw bad(file, where + ": expected an object with dtype, shape and data_offsets, found "
          + value.getNodeType());
    }
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("dtype") && !key.equals("shape") && !key.equals("data_offsets")) {
        throw bad(file, where + ": unexpected key '" + key + "' (expected dtype, shape and data_offsets)");
      }
    }
    JsonNode dtypeNode = value.get("dtype");
    if (dtypeNode == null || !dtypeNode.isTextual()) {
      throw bad(file, where + ": missing dtype string");
    }
    DType dtype = DType.fromHeaderName(dtypeNode.textValue());
    if (dtype == null) {
      throw bad(file, where + ": unsupported dtype '" + dtypeNode.textValue() + "' (expected F32, F64, I32 or I64)");
    }
    long[] shapeValues = nonNegativeLongs(file, where, "shape", value.get("shape"));
    int[] shape = new int[shapeValues.length];
    for (int i = 0; i < shape.length; i++) {
      if (shapeValues[i] > Integer.MAX_VALUE) {
        throw bad(file, where + ": dimension " + shapeValues[i] + " is too large");
      }
      shape[i] = (int) shapeValues[i];
    }
    long count;
    try {
      count = Math.multiplyExact(Tensor.elementCount(shape), dtype.bytes());
    } catch (ArithmeticException e) {
      throw bad(file, where + ": shape " + Arrays.toString(shape) + " overflows");
    }
    if (count / dtype.bytes() > Integer.MAX_VALUE - 8) {
      throw bad(file, where + ": shape " + Arrays.toString(shape) + " is too large for one array");
    }
    long[] offsets = nonNegativeLongs(file, where, "data_offsets", value.get("data_offsets"));
    if (offsets.length != 2) {
      throw bad(file, where + ": data_offsets must be [begin, end], found " + offsets.length + " numbers");
    }
    if (offsets[1] < offsets[0]) {
      throw bad(file, where + ": data_offsets [" + offsets[0] + ", " + offsets[1] + ") end before they begin");
    }
    if (offsets[1] - offsets[0] != count) {
      throw bad(file, where + ": data_offsets [" + offsets[0] + ", " + offsets[1] + ") span "
          + (offsets[1] - offsets[0]) + " bytes, expected " + count + " for " + dtype + " "
          + Arrays.toString(shape));
    }
    return new Entry(name, dtype, shape, offsets[0], offsets[1]);
  }

  private static long[] nonNegativeLongs(Path file, String where, String key, JsonNode node)
      throws ModelFileException {
    if (node == null || !node.isArray()) {
      throw bad(file, where + ": missing " + key + " array");
    }
    long[] values = new long[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode v = node.get(i);
      if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
        throw bad(file, where + ": " + key + " must hold non-negative integers, found " + v);
      }
      values[i] = v.longValue();
    }
    return values;
  }

  /** The tensors must tile the data section exactly, as in the reference implementation. */
  private static void checkLayout(Path file, List<Entry> entries, long dataSize) throws ModelFileException {
    List<Entry> byOffset = new ArrayList<>(entries);
    byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
    long expectedBegin = 0;
    Entry previous = null;
    for (Entry e : byOffset) {
      if (e.end > dataSize) {
        throw bad(file, "tensor '" + e.name + "': data_offsets [" + e.begin + ", " + e.end
            + ") lie beyond the data section of " + dataSize + " bytes");
      }
      if (e.begin < expectedBegin) {
        throw bad(file, "tensors '" + previous.name + "' [" + previous.begin + ", " + previous.end + ") and '"
            + e.name + "' [" + e.begin + ", " + e.end + ") overlap");
      }
      if (e.begin > expectedBegin) {
        throw bad(file, "no tensor covers bytes [" + expectedBegin + ", " + e.begin + ") of the data section");
      }
      expectedBegin = e.end;
      previous = e;
    }
    if (expectedBegin != dataSize) {
      throw bad(file, "no tensor covers bytes [" + expectedBegin + ", " + dataSize + ") of the data section");
    }
  }

  private static Tensor readTensor(FileChannel channel, long dataStart, Entry e) throws IOException {
    int count = (int) ((e.end - e.begin) / e.dtype.bytes());
    float[] floats = e.dtype.isFloating() ? new float[count] : null;
    long[] longs = e.dtype.isFloating() ? null : new long[count];
    int perChunk = CHUNK_BYTES / e.dtype.bytes();
    ByteBuffer buffer = ByteBuffer.allocate(Math.min(count, perChunk) * e.dtype.bytes())
        .order(ByteOrder.LITTLE_ENDIAN);
    for (int done = 0; done < count; ) {
      int n = Math.min(perChunk, count - done);
      buffer.clear().limit(n * e.dtype.bytes());
      readFully(channel, buffer, dataStart + e.begin + (long) done * e.dtype.bytes());
      for (int i = 0; i < n; i++, done++) {
        switch (e.dtype) {
          case F32 -> floats[done] = buffer.getFloat();
          case F64 -> floats[done] = (float) buffer.getDouble();
          case I32 -> longs[done] = buffer.getInt();
          case I64 -> longs[done] = buffer.getLong();
        }
      }
    }
    return Tensor.read(e.dtype, e.shape, floats, longs);
  }

  /** Fills the buffer's remaining space from this position, and flips it for reading. */
  private static ByteBuffer readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("file ended while reading at byte " + at);
      }
      at += n;
    }
    return buffer.flip();
  }

  private static ModelFileException bad(Path file, String problem) {
    return new ModelFileException(file + ": " + problem);
  }

  // ---------------------------------------------------------------- writing

  /** Writes this content to {@code file} atomically (temporary file, then rename). */
  public void write(Path file) throws IOException {
    byte[] header = headerBytes();
    AtomicFile.write(file, channel -> {
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).flip();
      writeFully(channel, length);
      writeFully(channel, ByteBuffer.wrap(header));
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
      for (Tensor t : tensors.values()) {
        writeTensor(channel, buffer, t);
      }
    });
  }

  private byte[] headerBytes() throws IOException {
    ObjectNode root = JsonTrees.object();
    if (!metadata.isEmpty()) {
      ObjectNode meta = root.putObject(METADATA_KEY);
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor t = e.getValue();
      DType stored = storedType(t);
      long end = offset + (long) t.size() * stored.bytes();
      ObjectNode info = root.putObject(e.getKey());
      info.put("dtype", stored.name());
      ArrayNode shape = info.putArray("shape");
      for (int d : t.shape()) {
        shape.add(d);
      }
      info.putArray("data_offsets").add(offset).add(end);
      offset = end;
    }
    byte[] json = JsonTrees.writeBytes(root);
    // Spaces pad the header so that the data section starts 8-byte aligned, as the reference writer does.
    int padded = (json.length + 7) / 8 * 8;
    byte[] header = Arrays.copyOf(json, padded);
    Arrays.fill(header, json.length, padded, (byte) ' ');
    return header;
  }

  private static DType storedType(Tensor t) {
    return t.dtype().isFloating() ? DType.F32 : DType.I64;
  }

  private static void writeTensor(FileChannel channel, ByteBuffer buffer, Tensor t) throws IOException {
    boolean floating = t.dtype().isFloating();
    int size = t.size();
    buffer.clear();
    for (int i = 0; i < size; i++) {
      if (buffer.remaining() < 8) {
        writeFully(channel, buffer.flip());
        buffer.clear();
      }
      if (floating) {
        buffer.putFloat(t.floats()[i]);
      } else {
        buffer.putLong(t.longs()[i]);
      }
    }
    writeFully(channel, buffer.flip());
  }

  private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }
}
