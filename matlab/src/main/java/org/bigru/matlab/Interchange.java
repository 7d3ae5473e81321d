package org.bigru.matlab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bigru.model.Network;
import org.bigru.model.io.keras.KerasImporter;
import org.bigru.model.io.onnx.OnnxExporter;
import org.bigru.model.io.onnx.OnnxFormat;
import org.bigru.model.io.onnx.OnnxImporter;

/**
 * Models in and out of MATLAB under MATLAB's names: {@code exportONNXNetwork}, {@code importNetworkFromONNX},
 * {@code importKerasNetwork}, over the model's ONNX and Keras converters. Every problem with a file is an
 * IllegalArgumentException whose message names the file and the node, layer or attribute.
 */
public final class Interchange {

  static final String EXPORT_ONNX = "exportONNXNetwork";
  /** exportONNXNetwork's option: the graph also takes sequence_lens, the real steps of each padded sequence. */
  static final MatlabArgument<Boolean> SEQUENCE_LENGTHS = MatlabArgument.option("SequenceLengths", ValueType.flag(),
      false);

  static {
    // jHDF logs through SLF4J, which without a provider prints warnings into the MATLAB or Octave session.
    setIfAbsent("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
    setIfAbsent("slf4j.internal.verbosity", "ERROR");
  }

  private Interchange() {
  }

  /**
   * Writes the network as an ONNX graph: input x [batch, time, features], and with {@code sequenceLengths}
   * the input sequence_lens [batch] of real steps per right-padded sequence.
   */
  public static void exportOnnx(MatlabNetwork net, String file, boolean sequenceLengths) {
    if (net == null) {
      throw new IllegalArgumentException("a network is required");
    }
    try {
      OnnxFormat.write(OnnxExporter.export(net.network(), null, sequenceLengths), Path.of(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the ONNX file '" + file + "': " + e.getMessage(), e);
    }
  }

  /** What exportONNXNetwork takes besides the network and the file name. */
  static Signature exportSignature() {
    return new Signature(EXPORT_ONNX, List.of(SEQUENCE_LENGTHS));
  }

  /** A network from an ONNX file with GRU (or LSTM) nodes. */
  public static MatlabNetwork importOnnx(String file) {
    try {
      return wrap(OnnxImporter.importFile(Path.of(file)));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot import '" + file + "': " + e.getMessage(), e);
    }
  }

  /** A network from a Keras model file (.keras, or Keras 2 .h5). */
  public static MatlabNetwork importKeras(String file) {
    try {
      return wrap(KerasImporter.importFile(Path.of(file)));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot import '" + file + "': " + e.getMessage(), e);
    }
  }

  private static MatlabNetwork wrap(Network network) {
    return new MatlabNetwork(network, LayerArray.fromConfig(network.config()), null, null);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
