package org.bigru.model.io.onnx;

/**
 * What the importer cannot represent or does not accept, said in one line (the node, the attribute, what
 * was found); the importer turns it into a file error naming the file.
 */
final class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  Refusal(String message) {
    super(message);
  }
}
