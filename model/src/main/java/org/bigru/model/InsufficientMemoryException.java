package org.bigru.model;

import java.util.Locale;

/**
 * What a network, its training or its data asks of the Java heap is more than the heap holds: refused before
 * anything of that size is allocated. Front ends phrase the remedy in their own terms through
 * {@link #message(String)} (the command line: BIGRU_JAVA_OPTS; MATLAB: its Java heap preference).
 */
public final class InsufficientMemoryException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String what;
  private final long neededBytes;
  private final long heapBytes;
  private final String instead;

  /**
   * @param what   what needs the memory, as the user named it ("--units 20000", "m.safetensors's network")
   * @param instead what the user can do instead of raising the heap ("shrink --units or --batch")
   */
  public InsufficientMemoryException(String what, long neededBytes, long heapBytes, String instead) {
    super((String) null);
    this.what = what;
    this.neededBytes = neededBytes;
    this.heapBytes = heapBytes;
    this.instead = instead;
  }

  public long neededBytes() {
    return neededBytes;
  }

  public long heapBytes() {
    return heapBytes;
  }

  /** The one-line message with this front end's way of raising the heap ("raise -Xmx through ..."). */
  public String message(String raiseTheHeap) {
    return String.format(Locale.ROOT, "%s needs %,d MiB, the heap has %,d MiB; %s or %s", what,
        mebibytes(neededBytes), mebibytes(heapBytes), raiseTheHeap, instead);
  }

  @Override
  public String getMessage() {
    return message("raise the Java heap (-Xmx)");
  }

  private static long mebibytes(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }
}
