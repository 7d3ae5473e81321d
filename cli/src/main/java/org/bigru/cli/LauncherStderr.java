package org.bigru.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.lang.reflect.Constructor;
import java.nio.charset.Charset;

/**
 * The caller's stderr when the {@code bigru} launcher hands it over as another file descriptor
 * ({@code -Dbigru.stderr.fd=3}). The JVM writes its incubator-module notice to descriptor 2 before any bigru
 * code runs, so the launcher points 2 at a filter and keeps the real stderr on 3: the command's own messages go
 * straight to the caller, whole and in order, and none arrives after the process has exited.
 *
 * <p>A FileDescriptor for a given number needs its private constructor (the jar's manifest opens java.io for
 * it); where that fails, the command writes to System.err, which still reaches the caller through the filter.
 */
final class LauncherStderr {

  static final String PROPERTY = "bigru.stderr.fd";

  private LauncherStderr() {
  }

  static PrintStream stream() {
    String number = System.getProperty(PROPERTY);
    if (number == null) {
      return System.err;
    }
    try {
      Constructor<FileDescriptor> constructor = FileDescriptor.class.getDeclaredConstructor(int.class);
      constructor.setAccessible(true);
      FileDescriptor descriptor = constructor.newInstance(Integer.parseInt(number.trim()));
      PrintStream stream = new PrintStream(new FileOutputStream(descriptor), true, encoding());
      System.setErr(stream);
      return stream;
    } catch (ReflectiveOperationException | RuntimeException | UnsupportedEncodingException e) {
      return System.err;
    }
  }

  /** The encoding Java gives System.err (stderr.encoding from JDK 19, sun.stderr.encoding before). */
  private static String encoding() {
    for (String key : new String[] {"stderr.encoding", "sun.stderr.encoding"}) {
      String value = System.getProperty(key);
      if (value != null && Charset.isSupported(value)) {
        return value;
      }
    }
    return Charset.defaultCharset().name();
  }
}
