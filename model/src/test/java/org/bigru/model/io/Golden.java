package org.bigru.model.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The fixtures written by {@code model/src/test/python/make_golden.py}. */
final class Golden {

  private Golden() {
  }

  static Path path(String fileName) {
    URL url = Golden.class.getResource("/golden/" + fileName);
    if (url == null) {
      throw new IllegalStateException("missing fixture golden/" + fileName
          + "; run /usr/bin/python3 model/src/test/python/make_golden.py");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
