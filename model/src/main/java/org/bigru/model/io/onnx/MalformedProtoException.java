package org.bigru.model.io.onnx;

/** Bytes that are not a well-formed protobuf message; turned into a file error naming the file. */
final class MalformedProtoException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedProtoException(String message) {
    super(message);
  }
}
