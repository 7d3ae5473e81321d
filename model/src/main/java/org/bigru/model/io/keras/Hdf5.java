package org.bigru.model.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import org.bigru.model.io.ModelFileException;

/**
 * Bounded access to an HDF5 file through jHDF (pure Java): groups, string attributes and float datasets. A file
 * from a stranger may be malformed in ways the library reports with its own runtime exceptions; each access
 * turns those into a {@link ModelFileException}, and a dataset's size is checked before its values are read.
 */
final class Hdf5 implements AutoCloseable {

  /** Largest dataset read: 64 Mi values, far above a recurrent model's largest weight. */
  static final long MAX_VALUES = 1L << 26;
  /** Longest string attribute read (a Keras 2 model's configuration): 16 MiB. */
  static final long MAX_ATTRIBUTE_BYTES = 16L << 20;

  private final HdfFile file;
  private final String source;

  private Hdf5(HdfFile file, String source) {
    this.file = file;
    this.source = source;
  }

  static Hdf5 fromBytes(byte[] bytes, String source) throws ModelFileException {
    return guard(source, () -> new Hdf5(HdfFile.fromBytes(bytes), source));
  }

  /** The group at this path, or null if there is none (or it is not a group). */
  Group group(String path) throws ModelFileException {
    return guard(source, () -> {
      Node node = child(file, path);
      return node instanceof Group g ? g : null;
    });
  }

  /** The nodes directly in a group. */
  List<Node> children(Group group) throws ModelFileException {
    return guard(source, () -> new ArrayList<>(group.getChildren().values()));
  }

  /**
   * Node at a path below a group, or null; walked one name at a time (jHDF's own lookup fails on a missing
   * path of a file read from memory).
   */
  Node child(Group group, String path) throws ModelFileException {
    return guard(source, () -> {
      Node node = group;
      for (String name : path.split("/")) {
        if (name.isEmpty()) {
          continue;
        }
        if (!(node instanceof Group g)) {
          return null;
        }
        node = g.getChildren().get(name);
        if (node == null) {
          return null;
        }
      }
      return node;
    });
  }

  /** A string attribute (or null if absent); a list of strings is returned joined by newlines. */
  String stringAttribute(Node node, String name) throws ModelFileException {
    return guard(source, () -> {
      Attribute a = node.getAttribute(name);
      if (a == null) {
        return null;
      }
      if (a.getSizeInBytes() > MAX_ATTRIBUTE_BYTES) {
        throw new IllegalStateException("attribute '" + name + "' holds " + a.getSizeInBytes() + " bytes, more "
            + "than " + MAX_ATTRIBUTE_BYTES);
      }
      Object data = a.getData();
      if (data instanceof String s) {
        return s;
      }
      if (data instanceof String[] strings) {
        return String.join("\n", strings);
      }
      if (data instanceof byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
      }
      return null;
    });
  }

  /** A string-list attribute, empty if absent or not strings. */
  List<String> stringsAttribute(Node node, String name) throws ModelFileException {
    String joined = stringAttribute(node, name);
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
  }

  /** A float or double dataset's values, row-major, with its dims; refused beyond {@link #MAX_VALUES}. */
  Weights floats(Node node, String what) throws ModelFileException {
    if (!(node instanceof Dataset dataset)) {
      throw new ModelFileException(source + ": " + what + " is not a dataset");
    }
    return guard(source, () -> {
      int[] dims = dataset.getDimensions();
      long size = dataset.getSize();
      if (size > MAX_VALUES || size < 0) {
        throw new IllegalStateException(what + " holds " + size + " values, more than " + MAX_VALUES);
      }
      long product = 1;
      for (int d : dims) {
        product = Math.multiplyExact(product, d);
      }
      if (product != size && !(dims.length == 0 && size == 1)) {
        throw new IllegalStateException(what + " has dims " + java.util.Arrays.toString(dims) + " but "
            + size + " values");
      }
      Class<?> type = dataset.getJavaType();
      if (type != float.class && type != double.class) {
        throw new IllegalStateException(what + " holds " + type.getSimpleName() + ", expected float32");
      }
      Object flat = dims.length == 0 ? dataset.getData() : dataset.getDataFlat();
      float[] values;
      if (flat instanceof float[] f) {
        values = f;
      } else if (flat instanceof double[] d) {
        values = new float[d.length];
        for (int i = 0; i < d.length; i++) {
          values[i] = (float) d[i];
        }
      } else if (flat instanceof Float f) {
        values = new float[] {f};
      } else if (flat instanceof Double d) {
        values = new float[] {d.floatValue()};
      } else {
        throw new IllegalStateException(what + " could not be read as floats");
      }
      if (values.length != size) {
        throw new IllegalStateException(what + " gave " + values.length + " values, expected " + size);
      }
      return new Weights(dims, values);
    });
  }

  /** A weight tensor read from the file: dims and row-major values. */
  record Weights(int[] dims, float[] values) {
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (RuntimeException ignored) {
      // closing a file that failed to parse may fail again; nothing is left to release
    }
  }

  @FunctionalInterface
  interface Access<T> {
    T get() throws ModelFileException;
  }

  /**
   * Runs one access to the file: the library's runtime exceptions (and a stack overflow on a cyclic or
   * absurdly deep structure) become a ModelFileException naming the file.
   */
  static <T> T guard(String source, Access<T> access) throws ModelFileException {
    try {
      return access.get();
    } catch (ModelFileException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ModelFileException(source + ": not a readable HDF5 file (" + oneLine(message) + ")", e);
    }
  }

  private static String oneLine(String message) {
    String line = message.replaceAll("\\s*[\\r\\n]+\\s*", "; ").trim();
    return line.length() > 300 ? line.substring(0, 300) + "..." : line;
  }
}
