package org.bigru.spark;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bigru.kernels.Kernels;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.Predictor;
import org.bigru.model.data.Preprocessing;
import org.bigru.model.io.ModelFile;

/**
 * A model on its way to the executors: the safetensors file's bytes as a Spark broadcast, and a key that names
 * this broadcast. Each executor JVM decodes it once ({@link #decoded}) and keeps the result for every later task;
 * the broadcast itself travels once per executor.
 */
final class ModelHandle implements Serializable {

  private static final long serialVersionUID = 1L;
  /** Decoded models of this JVM, the newest few (a long-lived executor serves many jobs). */
  private static final int KEPT = 4;
  private static final Map<String, Decoded> DECODED = new LinkedHashMap<>(8, 0.75f, true);
  private static final AtomicInteger DECODINGS = new AtomicInteger();
  private static final Logger LOG = LoggerFactory.getLogger(ModelHandle.class);

  /** A model as the executors use it. */
  record Decoded(Predictor predictor, ModelConfig config, Preprocessing preprocessing) {
  }

  private final String key;
  private final Broadcast<byte[]> bytes;

  private ModelHandle(String key, Broadcast<byte[]> bytes) {
    this.key = key;
    this.bytes = bytes;
  }

  /** Broadcasts a model file's bytes. */
  static ModelHandle broadcast(SparkSession spark, byte[] modelFile) {
    return new ModelHandle(UUID.randomUUID().toString(),
        JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(modelFile));
  }

  /** The model, decoded at the first call in this JVM and kept. */
  Decoded decoded() {
    synchronized (DECODED) {
      Decoded d = DECODED.get(key);
      if (d == null) {
        byte[] file = bytes.value();
        d = decode(file, "the broadcast model");
        DECODINGS.incrementAndGet();
        LOG.info("bigru-spark: decoded the broadcast model ({} bytes, {}) in this JVM; {} kernels", file.length,
            d.config().summary(), Kernels.get().name());
        DECODED.put(key, d);
        if (DECODED.size() > KEPT) {
          DECODED.remove(DECODED.keySet().iterator().next());
        }
      }
      return d;
    }
  }

  /** How many models this JVM has decoded from broadcasts (tests check it is once per model). */
  static int decodings() {
    return DECODINGS.get();
  }

  /** Drops this broadcast from the executors. */
  void destroy() {
    bytes.destroy();
  }

  /**
   * Decodes a model file's bytes (by way of a temporary file, which the safetensors reader needs), refusing a
   * model without table preprocessing, which scoring a table needs.
   */
  static Decoded decode(byte[] modelFile, String name) {
    Network network;
    Path file = null;
    try {
      file = Files.createTempFile("bigru-model", ".safetensors");
      Files.write(file, modelFile);
      network = ModelFile.load(file);
    } catch (IOException e) {
      String message = file == null ? e.getMessage() : String.valueOf(e.getMessage()).replace(file.toString(), name);
      throw new BadInputException(message.startsWith(name) ? message : name + ": " + message, e);
    } finally {
      deleteQuietly(file);
    }
    Preprocessing pre = Preprocessing.fromMetadata(network.config().metadata(), name);
    if (!pre.isTable()) {
      throw new BadInputException(name + " was trained on tensors, not on a table: bigru-spark scores tables");
    }
    return new Decoded(new Predictor(network), network.config(), pre);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a temporary file; the system's cleaning takes it
      }
    }
  }

  /** Reads a whole file through Hadoop's file systems (local, HDFS, S3, ...). */
  static byte[] readFile(SparkSession spark, String path, String what) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p) || fs.getFileStatus(p).isDirectory()) {
        throw new BadInputException(what + " " + path + " is not a file");
      }
      try (var in = fs.open(p)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }
}
