package org.bigru.model.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * A CRC32C of a file's tensors, stored in its metadata under {@link #KEY} as 8 hex digits, so that flipped or
 * lost bytes in the data section are found on load. It covers, for each tensor in file order, its name, the
 * dtype it is written as, its shape and its values as written (little-endian F32 or I64).
 */
public final class TensorChecksum {

  public static final String KEY = "tensor_crc32c";

  private TensorChecksum() {
  }

  /** The checksum of these tensors as {@link SafeTensors#write} stores them. */
  public static String of(Map<String, Tensor> tensors) {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    for (Map.Entry<String, Tensor> e : tensors.entrySet()) {
      Tensor t = e.getValue();
      boolean floating = t.dtype().isFloating();
      crc.update(e.getKey().getBytes(StandardCharsets.UTF_8));
      crc.update(0);
      crc.update(floating ? 'F' : 'I');
      for (int d : t.shape()) {
        buffer.putInt(d);
      }
      for (int i = 0; i < t.size(); i++) {
        if (buffer.remaining() < 8) {
          crc.update(buffer.flip());
          buffer.clear();
        }
        if (floating) {
          buffer.putFloat(t.floats()[i]);
        } else {
          buffer.putLong(t.longs()[i]);
        }
      }
      crc.update(buffer.flip());
      buffer.clear();
    }
    return String.format("%08x", crc.getValue());
  }

  /**
   * Checks the stored checksum against the tensors read; {@code required} refuses a file without one. The
   * stored values are F32 or I64 in files bigru writes, which read back exactly.
   */
  public static void verify(SafeTensors content, Path file, boolean required) throws ModelFileException {
    String stored = content.metadata().get(KEY);
    if (stored == null) {
      if (required) {
        throw new ModelFileException(file + ": no '" + KEY + "' metadata, so its data cannot be verified");
      }
      return;
    }
    String actual = of(content.tensors());
    if (!actual.equalsIgnoreCase(stored)) {
      throw new ModelFileException(file + ": tensor data checksum " + actual + " does not match the stored "
          + stored + " (the file is corrupt or was changed)");
    }
  }
}
