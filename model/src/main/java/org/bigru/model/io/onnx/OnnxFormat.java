package org.bigru.model.io.onnx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.io.AtomicFile;
import org.bigru.model.io.ModelFileException;

/**
 * ONNX's protobuf messages ({@code onnx.proto}: ModelProto, GraphProto, NodeProto, AttributeProto, TensorProto,
 * ValueInfoProto), read and written by hand for the fields bigru uses; other fields are skipped on reading.
 *
 * <p>Reading is bounded: the file may hold at most {@link #MAX_FILE_BYTES}, every length inside it is checked
 * against what remains, and no array is allocated beyond what the bytes justify. Tensors have element type
 * float, double, int8, uint8, int32, int64 or bool. A tensor kept in an external data file (as
 * {@code torch.onnx.export} writes weights, {@code model.onnx.data}) is read only from a plain file name in the
 * model's own folder, within that file's size, and all external data together at most {@link #MAX_FILE_BYTES}:
 * a model from a stranger cannot make bigru read any other file. Anything else is a {@link ModelFileException}
 * naming the file and the problem.
 */
public final class OnnxFormat {

  /** Largest ONNX file read: 1 GiB, far above any recurrent model's, well below a Java array's limit. */
  public static final long MAX_FILE_BYTES = 1L << 30;

  private OnnxFormat() {
  }

  /** Where the tensors kept outside the model file are read from. */
  @FunctionalInterface
  interface ExternalData {
    /** The bytes [offset, offset + length) of the file named {@code location} (length -1: to its end). */
    ByteBuffer read(String tensor, String location, long offset, long length) throws IOException;
  }

  public static OnnxModel read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new ModelFileException(file + ": " + size + " bytes, more than the " + MAX_FILE_BYTES
          + " an ONNX model file may have here");
    }
    Path folder = file.toAbsolutePath().getParent();
    return parse(Files.readAllBytes(file), file.toString(), new SiblingFiles(folder));
  }

  /** Parses a model's bytes, which may not refer to external data; {@code source} names them in messages. */
  public static OnnxModel parse(byte[] bytes, String source) throws ModelFileException {
    return parse(bytes, source, (tensor, location, offset, length) -> {
      throw new MalformedProtoException("tensor '" + tensor + "' keeps its data in an external file");
    });
  }

  private static OnnxModel parse(byte[] bytes, String source, ExternalData external) throws ModelFileException {
    try {
      return new OnnxFormat.Reader(external).model(new ProtoReader(bytes));
    } catch (MalformedProtoException | IllegalArgumentException | ArithmeticException
             | java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw new ModelFileException(source + ": not a valid ONNX model (" + e.getMessage() + ")", e);
    } catch (ModelFileException e) {
      throw new ModelFileException(source + ": " + e.getMessage());
    } catch (IOException e) {
      throw new ModelFileException(source + ": its external data cannot be read (" + e + ")");
    }
  }

  public static void write(OnnxModel model, Path file) throws IOException {
    byte[] bytes = toBytes(model);
    AtomicFile.write(file, channel -> {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    });
  }

  public static byte[] toBytes(OnnxModel model) {
    ProtoWriter w = new ProtoWriter().int64(1, model.irVersion());
    if (!model.producerName().isEmpty()) {
      w.string(2, model.producerName());
    }
    if (!model.producerVersion().isEmpty()) {
      w.string(3, model.producerVersion());
    }
    w.message(7, graph(model.graph()));
    for (Map.Entry<String, Long> opset : model.opsets().entrySet()) {
      w.message(8, new ProtoWriter().string(1, opset.getKey()).int64(2, opset.getValue()));
    }
    for (Map.Entry<String, String> entry : model.metadata().entrySet()) {
      w.message(14, new ProtoWriter().string(1, entry.getKey()).string(2, entry.getValue()));
    }
    return w.toByteArray();
  }

  // ---------------------------------------------------------------- reading

  /** Reads the messages, resolving external tensor data through {@code external}. */
  private static final class Reader {

    private final ExternalData external;

    Reader(ExternalData external) {
      this.external = external;
    }

  // ---------------------------------------------------------------- reading

      OnnxModel model(ProtoReader r) throws IOException {
      long irVersion = 0;
      String producer = "";
      String producerVersion = "";
      OnnxGraph graph = null;
      Map<String, Long> opsets = new LinkedHashMap<>();
      Map<String, String> metadata = new LinkedHashMap<>();
      while (r.next()) {
        switch (r.field()) {
          case 1 -> irVersion = r.int64();
          case 2 -> producer = r.string();
          case 3 -> producerVersion = r.string();
          case 7 -> graph = graph(r.message());
          case 8 -> {
            ProtoReader o = r.message();
            String domain = "";
            long version = 0;
            while (o.next()) {
              switch (o.field()) {
                case 1 -> domain = o.string();
                case 2 -> version = o.int64();
                default -> o.skip();
              }
            }
            opsets.put(domain, version);
          }
          case 14 -> {
            String[] kv = stringPair(r.message());
            metadata.put(kv[0], kv[1]);
          }
          default -> r.skip();
        }
      }
      if (graph == null) {
        throw new MalformedProtoException("no graph");
      }
      return new OnnxModel(irVersion, opsets, producer, producerVersion, graph, metadata);
    }

      private OnnxGraph graph(ProtoReader r) throws IOException {
      String name = "";
      List<OnnxNode> nodes = new ArrayList<>();
      List<OnnxTensor> initializers = new ArrayList<>();
      List<OnnxValueInfo> inputs = new ArrayList<>();
      List<OnnxValueInfo> outputs = new ArrayList<>();
      while (r.next()) {
        switch (r.field()) {
          case 1 -> nodes.add(node(r.message()));
          case 2 -> name = r.string();
          case 5 -> initializers.add(tensor(r.message()));
          case 11 -> inputs.add(valueInfo(r.message()));
          case 12 -> outputs.add(valueInfo(r.message()));
          case 15 -> throw new MalformedProtoException("sparse initializers are not supported");
          default -> r.skip();
        }
      }
      return new OnnxGraph(name, nodes, initializers, inputs, outputs);
    }

      private OnnxNode node(ProtoReader r) throws IOException {
      List<String> inputs = new ArrayList<>();
      List<String> outputs = new ArrayList<>();
      String name = "";
      String opType = "";
      String domain = "";
      Map<String, OnnxAttribute> attributes = new LinkedHashMap<>();
      while (r.next()) {
        switch (r.field()) {
          case 1 -> inputs.add(r.string());
          case 2 -> outputs.add(r.string());
          case 3 -> name = r.string();
          case 4 -> opType = r.string();
          case 5 -> {
            OnnxAttribute a = attribute(r.message());
            if (attributes.put(a.name(), a) != null) {
              throw new MalformedProtoException("node '" + name + "' has two attributes named '" + a.name() + "'");
            }
          }
          case 7 -> domain = r.string();
          default -> r.skip();
        }
      }
      return new OnnxNode(name, opType, domain, inputs, outputs, attributes);
    }

      private OnnxAttribute attribute(ProtoReader r) throws IOException {
      String name = "";
      int type = 0;
      float f = 0;
      long i = 0;
      String s = null;
      OnnxTensor t = null;
      boolean graph = false;
      ProtoReader.FloatList floats = new ProtoReader.FloatList();
      ProtoReader.LongList ints = new ProtoReader.LongList();
      List<String> strings = new ArrayList<>();
      int seen = 0;
      while (r.next()) {
        switch (r.field()) {
          case 1 -> name = r.string();
          case 20 -> type = (int) r.int64();
          case 2 -> {
            f = r.fixed32Float();
            seen = OnnxAttribute.FLOAT;
          }
          case 3 -> {
            i = r.int64();
            seen = OnnxAttribute.INT;
          }
          case 4 -> {
            s = r.string();
            seen = OnnxAttribute.STRING;
          }
          case 5 -> {
            t = tensor(r.message());
            seen = OnnxAttribute.TENSOR;
          }
          case 6 -> {
            r.skip();
            graph = true;
            seen = OnnxAttribute.GRAPH;
          }
          case 7 -> {
            r.floats(floats);
            seen = OnnxAttribute.FLOATS;
          }
          case 8 -> {
            r.varints(ints);
            seen = OnnxAttribute.INTS;
          }
          case 9 -> {
            strings.add(r.string());
            seen = OnnxAttribute.STRINGS;
          }
          case 11 -> {
            r.skip();
            graph = true;
            seen = 10;
          }
          default -> r.skip();
        }
      }
      if (type == 0) {
        type = graph ? OnnxAttribute.GRAPH : seen;
      }
      return new OnnxAttribute(name, type, f, i, s, t, floats.toArray(), ints.toArray(), List.copyOf(strings));
    }

      private OnnxValueInfo valueInfo(ProtoReader r) {
      String name = "";
      int elemType = 0;
      List<Object> dims = null;
      while (r.next()) {
        switch (r.field()) {
          case 1 -> name = r.string();
          case 2 -> {
            ProtoReader type = r.message();
            while (type.next()) {
              if (type.field() != 1) {
                type.skip();
                continue;
              }
              ProtoReader tensorType = type.message();
              while (tensorType.next()) {
                switch (tensorType.field()) {
                  case 1 -> elemType = (int) tensorType.int64();
                  case 2 -> dims = shape(tensorType.message());
                  default -> tensorType.skip();
                }
              }
            }
          }
          default -> r.skip();
        }
      }
      return new OnnxValueInfo(name, elemType, dims);
    }

      private List<Object> shape(ProtoReader r) {
      List<Object> dims = new ArrayList<>();
      while (r.next()) {
        if (r.field() != 1) {
          r.skip();
          continue;
        }
        ProtoReader dim = r.message();
        Object value = null;
        while (dim.next()) {
          switch (dim.field()) {
            case 1 -> value = dim.int64();
            case 2 -> value = dim.string();
            default -> dim.skip();
          }
        }
        dims.add(value);
      }
      return dims;
    }

      private OnnxTensor tensor(ProtoReader r) throws IOException {
      String name = "";
      int dataType = 0;
      ProtoReader.LongList dims = new ProtoReader.LongList();
      ProtoReader.FloatList floatData = new ProtoReader.FloatList();
      ProtoReader.LongList intData = new ProtoReader.LongList();
      ByteBuffer raw = null;
      boolean isExternal = false;
      Map<String, String> externalData = new LinkedHashMap<>();
      while (r.next()) {
        switch (r.field()) {
          case 1 -> r.varints(dims);
          case 2 -> dataType = (int) r.int64();
          case 4 -> r.floats(floatData);
          case 5, 7 -> r.varints(intData);
          case 8 -> name = r.string();
          case 9 -> raw = r.rawBytes();
          case 10 -> r.doubles(floatData);
          case 13 -> {
            String[] kv = stringPair(r.message());
            externalData.put(kv[0], kv[1]);
          }
          case 14 -> isExternal = r.int64() == 1;
          default -> r.skip();
        }
      }
      if (isExternal) {
        raw = external.read(name, externalData.getOrDefault("location", ""),
            number(externalData, "offset", 0, name), number(externalData, "length", -1, name));
      }
      long[] shape = dims.toArray();
      long count = OnnxTensor.elementCount(shape);
      int width = elementBytes(dataType, name);
      boolean floating = dataType == OnnxTensor.FLOAT || dataType == OnnxTensor.DOUBLE;
      if (raw != null) {
        if (raw.remaining() / width != count || raw.remaining() % width != 0) {
          throw new MalformedProtoException("tensor '" + name + "' has " + raw.remaining() + " bytes of data, "
              + "expected " + count + " values of " + width + " bytes for its shape");
        }
        int n = (int) count;
        if (floating) {
          float[] values = new float[n];
          for (int k = 0; k < n; k++) {
            values[k] = dataType == OnnxTensor.FLOAT ? raw.getFloat() : (float) raw.getDouble();
          }
          return new OnnxTensor(name, dataType, shape, values, null);
        }
        long[] values = new long[n];
        for (int k = 0; k < n; k++) {
          values[k] = switch (dataType) {
            case OnnxTensor.INT64 -> raw.getLong();
            case OnnxTensor.INT32 -> raw.getInt();
            case OnnxTensor.UINT8, OnnxTensor.BOOL -> raw.get() & 0xff;
            default -> raw.get();
          };
        }
        return new OnnxTensor(name, dataType, shape, null, values);
      }
      int held = floating ? floatData.size() : intData.size();
      if (held != count) {
        throw new MalformedProtoException("tensor '" + name + "' holds " + held + " values, expected " + count
            + " for its shape");
      }
      return floating ? new OnnxTensor(name, dataType, shape, floatData.toArray(), null)
          : new OnnxTensor(name, dataType, shape, null, intData.toArray());
    }

      private int elementBytes(int dataType, String name) {
      return switch (dataType) {
        case OnnxTensor.FLOAT, OnnxTensor.INT32 -> 4;
        case OnnxTensor.DOUBLE, OnnxTensor.INT64 -> 8;
        case OnnxTensor.INT8, OnnxTensor.UINT8, OnnxTensor.BOOL -> 1;
        default -> throw new MalformedProtoException("tensor '" + name + "' is of element type "
            + OnnxTensor.typeName(dataType) + ", which bigru does not read (float, double, int8, uint8, int32, "
            + "int64, bool)");
      };
    }

      private long number(Map<String, String> entries, String key, long otherwise, String tensor) {
      String text = entries.get(key);
      if (text == null) {
        return otherwise;
      }
      try {
        long v = Long.parseLong(text.trim());
        if (v < 0) {
          throw new NumberFormatException();
        }
        return v;
      } catch (NumberFormatException e) {
        throw new MalformedProtoException("tensor '" + tensor + "': external data " + key + " '" + text + "'");
      }
    }

    private String[] stringPair(ProtoReader r) {
      String key = "";
      String value = "";
      while (r.next()) {
        switch (r.field()) {
          case 1 -> key = r.string();
          case 2 -> value = r.string();
          default -> r.skip();
        }
      }
      return new String[] {key, value};
    }
  }

  /**
   * External data from files beside the model: only a plain file name in the model's folder, read within the
   * file's size, all external data together at most {@link #MAX_FILE_BYTES}.
   */
  private static final class SiblingFiles implements ExternalData {

    private final Path folder;
    private long total;

    SiblingFiles(Path folder) {
      this.folder = folder;
    }

    @Override
    public ByteBuffer read(String tensor, String location, long offset, long length) throws IOException {
      String where = "tensor '" + tensor + "'";
      if (location.isEmpty() || location.contains("/") || location.contains("\\") || location.equals(".")
          || location.equals("..") || location.indexOf('\0') >= 0 || location.contains(":")) {
        throw new ModelFileException(where + " names external data '" + location + "'; bigru reads only a plain "
            + "file name in the model's folder");
      }
      Path file = folder.resolve(location);
      if (!Files.isRegularFile(file)) {
        throw new ModelFileException(where + " keeps its data in '" + location + "', which is not a file beside "
            + "the model");
      }
      try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
        long size = channel.size();
        long n = length < 0 ? size - offset : length;
        if (offset > size || n < 0 || n > size - offset) {
          throw new ModelFileException(where + ": bytes [" + offset + ", " + (offset + n) + ") of '" + location
              + "' lie beyond its " + size + " bytes");
        }
        total += n;
        if (total > MAX_FILE_BYTES) {
          throw new ModelFileException("the external data add up to more than " + MAX_FILE_BYTES + " bytes");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) n);
        long at = offset;
        while (buffer.hasRemaining()) {
          int got = channel.read(buffer, at);
          if (got < 0) {
            throw new ModelFileException(where + ": '" + location + "' ended early");
          }
          at += got;
        }
        return buffer.flip().order(java.nio.ByteOrder.LITTLE_ENDIAN);
      }
    }
  }

  // ---------------------------------------------------------------- writing

  private static ProtoWriter graph(OnnxGraph g) {
    ProtoWriter w = new ProtoWriter();
    for (OnnxNode node : g.nodes()) {
      w.message(1, node(node));
    }
    w.string(2, g.name());
    for (OnnxTensor t : g.initializers()) {
      w.message(5, tensor(t));
    }
    for (OnnxValueInfo v : g.inputs()) {
      w.message(11, valueInfo(v));
    }
    for (OnnxValueInfo v : g.outputs()) {
      w.message(12, valueInfo(v));
    }
    return w;
  }

  private static ProtoWriter node(OnnxNode node) {
    ProtoWriter w = new ProtoWriter();
    node.inputs().forEach(i -> w.string(1, i));
    node.outputs().forEach(o -> w.string(2, o));
    if (!node.name().isEmpty()) {
      w.string(3, node.name());
    }
    w.string(4, node.opType());
    node.attributes().values().stream()
        .sorted(java.util.Comparator.comparing(OnnxAttribute::name))
        .forEach(a -> w.message(5, attribute(a)));
    if (!node.domain().isEmpty()) {
      w.string(7, node.domain());
    }
    return w;
  }

  private static ProtoWriter attribute(OnnxAttribute a) {
    ProtoWriter w = new ProtoWriter().string(1, a.name());
    switch (a.type()) {
      case OnnxAttribute.FLOAT -> w.float32(2, a.f());
      case OnnxAttribute.INT -> w.int64(3, a.i());
      case OnnxAttribute.STRING -> w.string(4, a.s());
      case OnnxAttribute.TENSOR -> w.message(5, tensor(a.t()));
      case OnnxAttribute.FLOATS -> w.float32s(7, a.floats());
      case OnnxAttribute.INTS -> w.int64s(8, a.ints());
      case OnnxAttribute.STRINGS -> a.strings().forEach(s -> w.string(9, s));
      default -> throw new IllegalArgumentException("attribute '" + a.name() + "' of type " + a.type()
          + " is not written by bigru");
    }
    return w.int64(20, a.type());
  }

  private static ProtoWriter tensor(OnnxTensor t) {
    ProtoWriter w = new ProtoWriter().int64s(1, t.dims()).int64(2, t.dataType()).string(8, t.name());
    int n = t.size();
    ByteBuffer raw;
    switch (t.dataType()) {
      case OnnxTensor.FLOAT -> {
        raw = ByteBuffer.allocate(Math.multiplyExact(n, 4)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float v : t.floats()) {
          raw.putFloat(v);
        }
      }
      case OnnxTensor.INT64 -> {
        raw = ByteBuffer.allocate(Math.multiplyExact(n, 8)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long v : t.longs()) {
          raw.putLong(v);
        }
      }
      case OnnxTensor.INT32 -> {
        raw = ByteBuffer.allocate(Math.multiplyExact(n, 4)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (long v : t.longs()) {
          raw.putInt(Math.toIntExact(v));
        }
      }
      default -> throw new IllegalArgumentException("tensor '" + t.name() + "' of type "
          + OnnxTensor.typeName(t.dataType()) + " is not written by bigru");
    }
    return w.bytes(9, raw.array());
  }

  private static ProtoWriter valueInfo(OnnxValueInfo v) {
    ProtoWriter shape = new ProtoWriter();
    for (Object d : v.dims()) {
      ProtoWriter dim = new ProtoWriter();
      if (d instanceof Long size) {
        dim.int64(1, size);
      } else if (d instanceof String param) {
        dim.string(2, param);
      }
      shape.message(1, dim);
    }
    ProtoWriter tensorType = new ProtoWriter().int64(1, v.elemType()).message(2, shape);
    return new ProtoWriter().string(1, v.name()).message(2, new ProtoWriter().message(1, tensorType));
  }
}
