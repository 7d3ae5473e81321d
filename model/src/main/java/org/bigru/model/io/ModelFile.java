package org.bigru.model.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bigru.model.CellType;
import org.bigru.model.MemoryBudget;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Parameter;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;

/**
 * A network as a safetensors file that PyTorch can read: one float32 tensor per parameter, named as PyTorch's
 * {@code state_dict} ({@code gru.weight_ih_l0}, {@code gru.bias_hh_l1_reverse}, {@code dense0.weight},
 * {@code fc.bias}, ...), and metadata {@code format = "bigru"}, {@code format_version = "1"} and
 * {@code config} = the whole {@link ModelConfig} as {@link ModelConfigJson}, and {@link TensorChecksum#KEY}, a
 * checksum of the tensors verified on load (files without one, as PyTorch writes them, are accepted).
 *
 * <p>Loading also accepts a plain PyTorch {@code state_dict} of {@code gru = nn.GRU(I, H, num_layers=L,
 * batch_first=True, bidirectional=B)} (or {@code lstm = nn.LSTM(...)}) and {@code fc = nn.Linear(D*H, O)},
 * whose metadata is only a partial
 * {@code config} such as {@code {"output_mode": "last"}}: input size, hidden size, layers and directions come
 * from the tensors' names and shapes, with PyTorch's GRU reset gate (recurrent bias after multiplication) and
 * concatenated directions; the task is regression unless the config says otherwise. Such a network computes
 * PyTorch's {@code fc(cat(h_n[-2], h_n[-1]))} (or {@code fc(h_n[-1])}) for 'last' and {@code fc(output)} for
 * 'sequence'.
 *
 * <p>Either way every parameter must be present with its exact shape and finite values, and no other tensor
 * may be; anything else is a {@link ModelFileException} naming the tensor, the expected and the found shape (or
 * the first value that is not finite). A configuration whose network would not fit the Java heap is refused
 * before it is built ({@link MemoryBudget}).
 */
public final class ModelFile {

  public static final String FORMAT = "bigru";
  /** Version 2 lists the layers in the config; version 1 files (fixed slots) still load. */
  public static final String FORMAT_VERSION = "2";
  private static final Set<String> READABLE_VERSIONS = Set.of("1", "2");

  private static final Pattern INPUT_WEIGHT = Pattern.compile("(gru|lstm)\\.weight_ih_l(\\d+)");

  private ModelFile() {
  }

  /** Writes the network's parameters and configuration atomically. */
  public static void save(Network network, Path file) throws IOException {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", FORMAT);
    metadata.put("format_version", FORMAT_VERSION);
    metadata.put("config", ModelConfigJson.toJson(network.config()));
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    for (Parameter p : network.parameters()) {
      tensors.put(p.name(), Tensor.ofFloats(p.shape(), p.copyOfValues()));
    }
    metadata.put(TensorChecksum.KEY, TensorChecksum.of(tensors));
    new SafeTensors(metadata, tensors).write(file);
  }

  /** Reads a network saved by {@link #save} or a PyTorch state_dict with a partial config. */
  public static Network load(Path file) throws IOException {
    SafeTensors content = SafeTensors.read(file);
    TensorChecksum.verify(content, file, false);
    ModelConfig config = config(content, file);
    MemoryBudget.require(MemoryBudget.networkBytes(config), "the network " + file.getFileName() + " describes ("
        + MemoryBudget.parameterCount(config) + " parameters)", "use a smaller model");
    Network network = Network.unfilled(config);
    copyParameters(content, network, file);
    return network;
  }

  /** The configuration a file describes, inferring the architecture of a PyTorch state_dict. */
  static ModelConfig config(SafeTensors content, Path file) throws ModelFileException {
    Map<String, String> metadata = content.metadata();
    String json = metadata.get("config");
    if (json == null) {
      throw new ModelFileException(file + ": no 'config' metadata; a PyTorch state_dict needs at least "
          + "{\"config\": \"{\\\"output_mode\\\": \\\"last\\\"}\"} (or \"sequence\")");
    }
    String format = metadata.get("format");
    try {
      if (format == null) {
        return ModelConfigJson.fromJson(json, infer(content, file));
      }
      String version = metadata.get("format_version");
      // Set.of refuses to look up null: a file without a version is checked apart.
      if (!format.equals(FORMAT) || version == null || !READABLE_VERSIONS.contains(version)) {
        throw new ModelFileException(file + ": format '" + format + "' "
            + (version == null ? "without a format_version" : "version '" + version + "'")
            + " is not supported (expected '" + FORMAT + "' version 1 or " + FORMAT_VERSION + ")");
      }
      return ModelConfigJson.fromJson(json);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file + ": " + e.getMessage(), e);
    }
  }

  /** The architecture PyTorch's nn.GRU or nn.LSTM and nn.Linear names and shapes imply. */
  private static ModelConfigJson.Inferred infer(SafeTensors content, Path file) throws ModelFileException {
    Map<String, Tensor> tensors = content.tensors();
    int layers = 0;
    Set<String> modules = new LinkedHashSet<>();
    for (String name : tensors.keySet()) {
      Matcher m = INPUT_WEIGHT.matcher(name);
      if (m.matches()) {
        modules.add(m.group(1));
        layers = Math.max(layers, Integer.parseInt(m.group(2)) + 1);
      }
    }
    if (modules.size() > 1) {
      throw new ModelFileException(file + ": tensors of both 'gru' and 'lstm' modules; a PyTorch state_dict "
          + "without a layer list must hold one recurrent module");
    }
    if (layers == 0) {
      throw new ModelFileException(file + ": no tensor 'gru.weight_ih_l0' or 'lstm.weight_ih_l0', so the "
          + "recurrent layers' shape cannot be inferred");
    }
    CellType cell = CellType.fromName(modules.iterator().next());
    String module = cell.lowerName() + ".";
    int[] inputWeight = matrixShape(content.require(module + "weight_ih_l0", file), module + "weight_ih_l0", file);
    int[] recurrentWeight = matrixShape(content.require(module + "weight_hh_l0", file), module + "weight_hh_l0",
        file);
    int units = recurrentWeight[1];
    boolean bidirectional = tensors.containsKey(module + "weight_ih_l0_reverse");
    int[] outputWeight = matrixShape(content.require("fc.weight", file), "fc.weight", file);
    List<RecurrentLayerSpec> recurrent = new ArrayList<>();
    for (int k = 0; k < layers; k++) {
      recurrent.add(cell == CellType.LSTM
          ? RecurrentLayerSpec.lstm(units, bidirectional, MergeMode.CONCAT, OutputMode.SEQUENCE)
          : new RecurrentLayerSpec(units, bidirectional, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION,
              MergeMode.CONCAT));
    }
    return new ModelConfigJson.Inferred(inputWeight[1], recurrent, outputWeight[0]);
  }

  private static int[] matrixShape(Tensor t, String name, Path file) throws ModelFileException {
    int[] shape = t.shape();
    if (shape.length != 2 || shape[0] < 1 || shape[1] < 1) {
      throw new ModelFileException(file + ": tensor '" + name + "' has shape " + Arrays.toString(shape)
          + ", expected a non-empty matrix");
    }
    return shape;
  }

  /** Copies every parameter's values from the file, which must hold exactly the network's parameters. */
  static void copyParameters(SafeTensors content, Network network, Path file) throws ModelFileException {
    Set<String> unused = new LinkedHashSet<>(content.tensors().keySet());
    for (Parameter p : network.parameters()) {
      Tensor t = content.tensors().get(p.name());
      if (t == null) {
        throw new ModelFileException(file + ": missing tensor '" + p.name() + "' (expected shape "
            + Arrays.toString(p.shape()) + ")");
      }
      if (!t.hasShape(p.shape())) {
        throw new ModelFileException(file + ": tensor '" + p.name() + "' has shape " + Arrays.toString(t.shape())
            + ", expected " + Arrays.toString(p.shape()));
      }
      if (!t.dtype().isFloating()) {
        throw new ModelFileException(file + ": tensor '" + p.name() + "' is " + t.dtype()
            + ", expected floating point (F32)");
      }
      float[] values = t.floats();
      for (int i = 0; i < values.length; i++) {
        if (!Float.isFinite(values[i])) {
          throw new ModelFileException(file + ": tensor '" + p.name() + "' holds " + values[i] + " at element " + i
              + "; a network with non-finite weights predicts nothing but NaN");
        }
      }
      p.setValues(values);
      unused.remove(p.name());
    }
    if (!unused.isEmpty()) {
      throw new ModelFileException(file + ": unexpected tensor" + (unused.size() > 1 ? "s " : " ") + unused
          + ", not parameters of the configured network (" + network.parameters().size() + " parameters)");
    }
  }
}
