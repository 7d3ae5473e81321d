package org.bigru.model.io;

/** Element types of a safetensors file that bigru reads (F32, F64, I32, I64) and writes (F32, I64). */
public enum DType {
  F32(4, true), F64(8, true), I32(4, false), I64(8, false);

  private final int bytes;
  private final boolean floating;

  DType(int bytes, boolean floating) {
    this.bytes = bytes;
    this.floating = floating;
  }

  /** Bytes per element. */
  public int bytes() {
    return bytes;
  }

  /** Whether values are floating point (read as float) rather than integers (read as long). */
  public boolean isFloating() {
    return floating;
  }

  /** The type with this safetensors name, or null if bigru does not read it. */
  static DType fromHeaderName(String name) {
    for (DType t : values()) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }
}
