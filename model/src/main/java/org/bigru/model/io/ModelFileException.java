package org.bigru.model.io;

import java.io.IOException;

/**
 * A file that is not a valid safetensors or bigru model file: malformed header, inconsistent offsets, missing or
 * misshapen tensors, unusable configuration. The message names the file and what is wrong (expected vs found).
 *
 * <p>An {@link IOException} so that callers handle "cannot read this file" in one place, whether the cause is
 * the disk or the content.
 */
public class ModelFileException extends IOException {

  private static final long serialVersionUID = 1L;

  public ModelFileException(String message) {
    super(message);
  }

  public ModelFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
