package org.bigru.model.io.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes one protobuf message in the wire format; nested messages are written by a writer of their own. */
final class ProtoWriter {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  ProtoWriter int64(int field, long value) {
    tag(field, ProtoReader.VARINT);
    varint(value);
    return this;
  }

  ProtoWriter float32(int field, float value) {
    tag(field, ProtoReader.FIXED32);
    fixed32(Float.floatToRawIntBits(value));
    return this;
  }

  ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  ProtoWriter bytes(int field, byte[] value) {
    tag(field, ProtoReader.LENGTH_DELIMITED);
    varint(value.length);
    out.writeBytes(value);
    return this;
  }

  ProtoWriter message(int field, ProtoWriter nested) {
    return bytes(field, nested.toByteArray());
  }

  /** A repeated int64 field, unpacked (proto2's default, as onnx.proto declares dims and ints). */
  ProtoWriter int64s(int field, long[] values) {
    for (long v : values) {
      int64(field, v);
    }
    return this;
  }

  /** A repeated float field, unpacked. */
  ProtoWriter float32s(int field, float[] values) {
    for (float v : values) {
      float32(field, v);
    }
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long value) {
    long v = value;
    while ((v & ~0x7fL) != 0) {
      out.write((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private void fixed32(int value) {
    for (int i = 0; i < 4; i++) {
      out.write((value >>> (8 * i)) & 0xff);
    }
  }
}
