package org.bigru.model.io.onnx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.Task;
import org.bigru.model.io.ModelConfigJson;
import org.bigru.model.io.ModelFileException;
import org.bigru.model.io.interchange.ImportedLayer;
import org.bigru.model.io.interchange.NetworkAssembly;

/**
 * A network from an ONNX graph with GRU or LSTM nodes, such as {@code torch.onnx.export} writes for
 * {@code nn.GRU}/{@code nn.LSTM} and {@code nn.Linear} (either exporter, batch_first or not), or as
 * {@link OnnxExporter} writes.
 *
 * <p>The graph is followed node by node ({@link GraphInterpreter}): the recurrent nodes (default activations,
 * no clip, zero initial states, sequence_lens from the graph's input or absent), the nodes that merge their
 * directions (Transpose/Reshape or Concat: concat; Add: sum; Add then Mul 0.5: ave; Mul: mul), the final states
 * {@code Y_h} or every step {@code Y} (the last step of a unidirectional layer counts as its final state),
 * MatMul or Gemm with Add and Relu/Tanh/Sigmoid (dense layers) and a final Softmax (then classification:
 * bigru outputs the logits); the shape nodes between them are followed. The graph input may be
 * [batch, time, features] or [time, batch, features]: both readings are tried, and the one the graph's nodes
 * agree with is kept. Anything else is refused with one line naming the first node that does not fit.
 *
 * <p>Reset modes: {@code linear_before_reset=0} is before-multiplication (the recurrent bias folded into the
 * input bias); {@code linear_before_reset=1} is recurrent-bias-after-multiplication, or after-multiplication
 * when the recurrent bias is zero throughout.
 */
public final class OnnxImporter {

  private OnnxImporter() {
  }

  /** Reads and imports an ONNX file; any problem is a {@link ModelFileException} naming the file. */
  public static Network importFile(Path file) throws IOException {
    return importModel(OnnxFormat.read(file), file.toString());
  }

  /** Imports a parsed model; {@code source} names it in messages. */
  public static Network importModel(OnnxModel model, String source) throws ModelFileException {
    long opset = model.opsets().getOrDefault("", model.opsets().getOrDefault("ai.onnx", 0L));
    if (opset < 7) {
      throw new ModelFileException(source + ": ONNX operator set " + opset + " of the default domain; bigru "
          + "reads opset 7 or newer");
    }
    if (model.graph().nodes().stream().noneMatch(n -> n.opType().equals("GRU") || n.opType().equals("LSTM"))) {
      throw new ModelFileException(source + ": the graph has no GRU or LSTM node; bigru imports recurrent layers "
          + "written as ONNX's GRU and LSTM operators, not a recurrence unrolled into per-step MatMul, Sigmoid and "
          + "Tanh nodes (as Keras 3's own ONNX export writes it) or run in a Loop or Scan");
    }
    GraphInterpreter batchFirst = new GraphInterpreter(model.graph(), opset, true);
    GraphInterpreter timeFirst = new GraphInterpreter(model.graph(), opset, false);
    Refusal first;
    try {
      return withStoredLabels(build(batchFirst, batchFirst.run(), source), model);
    } catch (RuntimeException e) {
      first = refusal(e);
    }
    try {
      return withStoredLabels(build(timeFirst, timeFirst.run(), source), model);
    } catch (RuntimeException e) {
      Refusal second = refusal(e);
      Refusal reported = timeFirst.nodesDone() > batchFirst.nodesDone() ? second : first;
      throw new ModelFileException(source + ": " + reported.getMessage());
    }
  }

  /**
   * A graph bigru exported carries the network's configuration as metadata ({@link OnnxExporter#CONFIG_KEY}):
   * the graph gives logits, and the metadata says whether they are a classifier's, its class names and the
   * stored preprocessing. They label the outputs and change no value, so they are taken when the stored
   * configuration has the imported network's input and output sizes; a graph without them (or with metadata
   * that does not parse or fit) keeps what its nodes say.
   */
  private static Network withStoredLabels(Network network, OnnxModel model) {
    String json = model.metadata().get(OnnxExporter.CONFIG_KEY);
    if (json == null) {
      return network;
    }
    ModelConfig stored;
    try {
      stored = ModelConfigJson.fromJson(json);
    } catch (IllegalArgumentException e) {
      return network;
    }
    ModelConfig imported = network.config();
    if (stored.inputSize() != imported.inputSize() || stored.outputSize() != imported.outputSize()
        || imported.task() == Task.CLASSIFICATION && stored.task() != Task.CLASSIFICATION) {
      return network;
    }
    ModelConfig labels;
    try {
      labels = new ModelConfig(imported.inputSize(), imported.layers(), stored.task(), stored.classNames(),
          stored.metadata());
    } catch (IllegalArgumentException e) {
      return network;
    }
    Network labelled = Network.create(labels, 0);
    labelled.arena().copyValuesFrom(network.arena());
    return labelled;
  }

  /** The interpreter's refusal, or, for anything else a malformed graph caused, one naming it. */
  private static Refusal refusal(RuntimeException e) {
    return e instanceof Refusal r ? r : new Refusal("the graph cannot be followed: " + e);
  }

  private static Network build(GraphInterpreter interpreter, List<ImportedLayer> layers, String source)
      throws ModelFileException {
    try {
      return NetworkAssembly.build(interpreter.inputSize(), layers,
          interpreter.softmax() ? Task.CLASSIFICATION : Task.REGRESSION, Map.of());
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(source + ": " + e.getMessage(), e);
    }
  }
}
