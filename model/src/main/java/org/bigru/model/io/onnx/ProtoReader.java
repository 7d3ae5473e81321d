package org.bigru.model.io.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over one protobuf message's bytes (the wire format: varint tags, varints, fixed 32/64-bit values,
 * length-delimited fields). Every length is checked against the bytes that remain, so a hostile file can make
 * it allocate no more than its own size; any violation is a {@link MalformedProtoException}.
 */
final class ProtoReader {

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] bytes;
  private int position;
  private final int end;
  private int field;
  private int wireType;

  ProtoReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  private ProtoReader(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.position = start;
    this.end = end;
  }

  /** Moves to the next field; false at the end of the message. */
  boolean next() {
    if (position >= end) {
      return false;
    }
    long tag = varint();
    field = (int) (tag >>> 3);
    wireType = (int) (tag & 7);
    if (field < 1 || tag >>> 3 > Integer.MAX_VALUE) {
      throw new MalformedProtoException("field number " + (tag >>> 3) + " at byte " + position);
    }
    return true;
  }

  int field() {
    return field;
  }

  int wireType() {
    return wireType;
  }

  long varint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new MalformedProtoException("the message ends inside a varint");
      }
      byte b = bytes[position++];
      result |= (long) (b & 0x7f) << shift;
      if (b >= 0) {
        return result;
      }
    }
    throw new MalformedProtoException("a varint longer than 10 bytes at byte " + position);
  }

  /** An int64 field (or int32, which protobuf encodes the same way). */
  long int64() {
    expect(VARINT);
    return varint();
  }

  float fixed32Float() {
    expect(FIXED32);
    return Float.intBitsToFloat((int) fixed(4));
  }

  /** The bytes of a length-delimited field, as a reader of their own (a nested message or packed values). */
  ProtoReader message() {
    int length = length();
    ProtoReader nested = new ProtoReader(bytes, position, position + length);
    position += length;
    return nested;
  }

  String string() {
    int length = length();
    try {
      String s = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, position, length)).toString();
      position += length;
      return s;
    } catch (CharacterCodingException e) {
      throw new MalformedProtoException("a string field is not valid UTF-8");
    }
  }

  /** The content of a length-delimited field as a little-endian buffer over the file's bytes (no copy). */
  ByteBuffer rawBytes() {
    int length = length();
    ByteBuffer view = ByteBuffer.wrap(bytes, position, length).slice().order(ByteOrder.LITTLE_ENDIAN);
    position += length;
    return view;
  }

  /**
   * Appends a repeated varint field's values to {@code into}: one value (unpacked, as proto2 writes them) or
   * a packed run of them.
   */
  void varints(LongList into) {
    if (wireType == VARINT) {
      into.add(varint());
      return;
    }
    ProtoReader packed = message();
    while (packed.position < packed.end) {
      into.add(packed.varint());
    }
  }

  /** Appends a repeated float field's values (one unpacked value, or a packed run). */
  void floats(FloatList into) {
    if (wireType == FIXED32) {
      into.add(Float.intBitsToFloat((int) fixed(4)));
      return;
    }
    ProtoReader packed = message();
    if ((packed.end - packed.position) % 4 != 0) {
      throw new MalformedProtoException("packed floats of " + (packed.end - packed.position) + " bytes");
    }
    while (packed.position < packed.end) {
      into.add(Float.intBitsToFloat((int) packed.fixed(4)));
    }
  }

  /** Appends a repeated double field's values as floats (one unpacked value, or a packed run). */
  void doubles(FloatList into) {
    if (wireType == FIXED64) {
      into.add((float) Double.longBitsToDouble(fixed(8)));
      return;
    }
    ProtoReader packed = message();
    if ((packed.end - packed.position) % 8 != 0) {
      throw new MalformedProtoException("packed doubles of " + (packed.end - packed.position) + " bytes");
    }
    while (packed.position < packed.end) {
      into.add((float) Double.longBitsToDouble(packed.fixed(8)));
    }
  }

  /** Skips the current field, whatever its wire type. */
  void skip() {
    switch (wireType) {
      case VARINT -> varint();
      case FIXED64 -> fixed(8);
      case LENGTH_DELIMITED -> {
        int length = length();  // read first: it moves the position past the length's own bytes
        position += length;
      }
      case FIXED32 -> fixed(4);
      default -> throw new MalformedProtoException("wire type " + wireType + " of field " + field
          + " (groups and unknown types are not protobuf 3 or ONNX)");
    }
  }

  private int length() {
    expect(LENGTH_DELIMITED);
    long length = varint();
    if (length < 0 || length > end - position) {
      throw new MalformedProtoException("field " + field + " claims " + length + " bytes, but only "
          + (end - position) + " remain");
    }
    return (int) length;
  }

  private long fixed(int size) {
    if (end - position < size) {
      throw new MalformedProtoException("the message ends inside a fixed-size field");
    }
    long value = 0;
    for (int i = 0; i < size; i++) {
      value |= (long) (bytes[position++] & 0xff) << (8 * i);
    }
    return value;
  }

  private void expect(int type) {
    if (wireType != type) {
      throw new MalformedProtoException("field " + field + " has wire type " + wireType + ", expected " + type);
    }
  }

  /** A growable list of longs, bounded by the message it is read from. */
  static final class LongList {
    private long[] values = new long[4];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }

    int size() {
      return size;
    }
  }

  /** A growable list of floats, bounded by the message it is read from. */
  static final class FloatList {
    private float[] values = new float[4];
    private int size;

    void add(float v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    float[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }

    int size() {
      return size;
    }
  }
}
