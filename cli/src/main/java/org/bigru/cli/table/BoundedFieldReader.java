package org.bigru.cli.table;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.bigru.cli.BadInputException;

/**
 * Passes delimited text through and refuses a field longer than a limit before it is held in memory: the
 * parser would otherwise build one string of the whole field (a file of one 500 MB cell asks for a gigabyte
 * or more). Tracks quotes as CSV does (a doubled quote toggles twice) so that delimiters and line ends
 * inside quotes belong to the field.
 */
final class BoundedFieldReader extends FilterReader {

  private final String source;
  private final char delimiter;
  private final long maxFieldChars;
  private boolean quoted;
  private long fieldChars;
  private long line = 1;
  private long charsRead;

  BoundedFieldReader(Reader in, String source, char delimiter, long maxFieldChars) {
    super(in);
    this.source = source;
    this.delimiter = delimiter;
    this.maxFieldChars = maxFieldChars;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      see((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      see(buffer[offset + i]);
    }
    return n;
  }

  /** Characters passed through so far. */
  long charsRead() {
    return charsRead;
  }

  private void see(char c) {
    charsRead++;
    if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && (c == delimiter || c == '\n' || c == '\r')) {
      fieldChars = 0;
      if (c == '\n') {
        line++;
      }
      return;
    }
    if (++fieldChars > maxFieldChars) {
      throw new BadInputException(source + " line " + line + ": a field longer than " + maxFieldChars
          + " characters" + (quoted ? " (an opening quote without its closing one?)" : "")
          + "; no table cell is that long");
    }
  }
}
