package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bigru.model.Activation;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Parameter;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

  /** Every kind of layer: all reset and merge modes, a unidirectional layer, hidden dense layers, metadata. */
  private static final ModelConfig CONFIG = new ModelConfig(3,
      List.of(new RecurrentLayerSpec(4, true, ResetGateMode.AFTER_MULTIPLICATION, MergeMode.SUM),
          new RecurrentLayerSpec(3, false, ResetGateMode.BEFORE_MULTIPLICATION, MergeMode.CONCAT),
          new RecurrentLayerSpec(2, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.AVE)),
      OutputMode.SEQUENCE, List.of(new DenseLayerSpec(5, Activation.TANH)), 0.1, 3, Task.CLASSIFICATION,
      List.of("a", "b", "c"), Map.of("window", "12"));

  @TempDir
  Path dir;

  @Test
  void saveThenLoadGivesTheSameNetwork() throws IOException {
    Network original = Network.create(CONFIG, 42);
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(original, file);
    Network loaded = ModelFile.load(file);

    assertEquals(CONFIG, loaded.config());
    assertEquals(original.parameters().size(), loaded.parameters().size());
    for (Parameter p : original.parameters()) {
      assertArrayEquals(p.copyOfValues(), loaded.parameter(p.name()).copyOfValues(), p.name());
    }
    SequenceBatch batch = randomBatch(new SplittableRandom(7), 3, 5, 3);
    assertArrayEquals(original.predict(batch), loaded.predict(batch));
  }

  @Test
  void savedFileIsAPyTorchStateDictWithBigruMetadata() throws IOException {
    Network network = Network.create(ModelConfig.biGru(3, 4, OutputMode.LAST, 2, Task.REGRESSION), 1);
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(network, file);
    SafeTensors content = SafeTensors.read(file);
    assertEquals("bigru", content.metadata().get("format"));
    assertEquals("2", content.metadata().get("format_version"));
    assertEquals(List.of("gru.weight_ih_l0", "gru.weight_hh_l0", "gru.bias_ih_l0", "gru.bias_hh_l0",
        "gru.weight_ih_l0_reverse", "gru.weight_hh_l0_reverse", "gru.bias_ih_l0_reverse",
        "gru.bias_hh_l0_reverse", "fc.weight", "fc.bias").stream().sorted().toList(),
        content.tensors().keySet().stream().sorted().toList());
    assertArrayEquals(new int[] {12, 3}, content.tensors().get("gru.weight_ih_l0").shape());
    assertArrayEquals(new int[] {2, 8}, content.tensors().get("fc.weight").shape());
    for (Tensor t : content.tensors().values()) {
      assertEquals(DType.F32, t.dtype());
    }
  }

  @Test
  void refusesChangedDataByItsChecksumAndAnotherFormatVersionByName() throws IOException {
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(Network.create(CONFIG, 3), file);
    SafeTensors content = SafeTensors.read(file);
    Map<String, Tensor> tensors = new LinkedHashMap<>(content.tensors());
    float[] changed = tensors.get("fc.bias").floats().clone();
    changed[0] = Math.nextUp(changed[0]);
    tensors.put("fc.bias", Tensor.ofFloats(tensors.get("fc.bias").shape(), changed));
    Path flipped = dir.resolve("flipped.safetensors");
    new SafeTensors(content.metadata(), tensors).write(flipped);
    assertRefused(flipped, "tensor data checksum " + TensorChecksum.of(tensors) + " does not match the stored "
        + content.metadata().get(TensorChecksum.KEY));

    Map<String, String> future = new LinkedHashMap<>(content.metadata());
    future.put("format_version", "3");
    Path newer = dir.resolve("newer.safetensors");
    new SafeTensors(future, content.tensors()).write(newer);
    assertRefused(newer, "format 'bigru' version '3' is not supported (expected 'bigru' version 1 or 2)");

    Map<String, String> unversioned = new LinkedHashMap<>(content.metadata());
    unversioned.remove("format_version");
    Path noVersion = dir.resolve("no-version.safetensors");
    new SafeTensors(unversioned, content.tensors()).write(noVersion);
    assertRefused(noVersion, "format 'bigru' without a format_version is not supported (expected 'bigru' version 1 "
        + "or 2)");
  }

  @Test
  void aVersionOneFileWithFixedSlotsStillLoads() throws IOException {
    Network network = Network.create(ModelConfig.biGru(3, 4, OutputMode.LAST, 2, Task.REGRESSION), 5);
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(network, file);
    SafeTensors content = SafeTensors.read(file);
    Map<String, String> v1 = new LinkedHashMap<>(content.metadata());
    v1.put("format_version", "1");
    v1.put("config", "{\"input_size\":3,\"recurrent\":[{\"units\":4,\"bidirectional\":true,"
        + "\"reset_mode\":\"recurrent-bias-after-multiplication\",\"merge\":\"concat\"}],"
        + "\"output_mode\":\"last\",\"hidden\":[],\"dropout\":0.0,\"output_size\":2,\"task\":\"regression\","
        + "\"class_names\":[],\"preprocessing\":{}}");
    Path old = dir.resolve("v1.safetensors");
    new SafeTensors(v1, content.tensors()).write(old);
    Network loaded = ModelFile.load(old);
    assertEquals(network.config(), loaded.config());
    assertArrayEquals(network.arena().values(), loaded.arena().values());
  }

  @Test
  void refusesAMissingTensor() throws IOException {
    Path file = savedThenEdited(tensors -> tensors.remove("gru.bias_hh_l2_reverse"));
    assertRefused(file, "missing tensor 'gru.bias_hh_l2_reverse' (expected shape [6])");
  }

  @Test
  void refusesAMisshapenTensor() throws IOException {
    Path file = savedThenEdited(tensors -> tensors.put("dense0.weight", Tensor.ofFloats(new int[] {4, 5},
        new float[20])));
    assertRefused(file, "tensor 'dense0.weight' has shape [4, 5], expected [5, 2]");
  }

  @Test
  void refusesAnIntegerTensor() throws IOException {
    Path file = savedThenEdited(tensors -> tensors.put("fc.bias", Tensor.ofLongs(new int[] {3}, new long[3])));
    assertRefused(file, "tensor 'fc.bias' is I64, expected floating point (F32)");
  }

  @Test
  void refusesAnUnknownExtraTensor() throws IOException {
    Path file = savedThenEdited(tensors -> tensors.put("gru.bias_hh_l0", Tensor.ofFloats(new int[] {12},
        new float[12])));
    assertRefused(file, "unexpected tensor [gru.bias_hh_l0], not parameters of the configured network");
  }

  @Test
  void refusesAStateDictWhoseTensorsDisagreeWithTheInferredArchitecture() throws IOException {
    SafeTensors golden = SafeTensors.read(Golden.path("bi_last_2layers_varlen.state_dict.safetensors"));
    Map<String, Tensor> tensors = new LinkedHashMap<>(golden.tensors());
    tensors.put("gru.weight_ih_l1", Tensor.ofFloats(new int[] {12, 4}, new float[48]));
    Path file = dir.resolve("bad_state_dict.safetensors");
    new SafeTensors(golden.metadata(), tensors).write(file);
    assertRefused(file, "tensor 'gru.weight_ih_l1' has shape [12, 4], expected [12, 8]");
  }

  private interface Edit {
    void apply(Map<String, Tensor> tensors);
  }

  private Path savedThenEdited(Edit edit) throws IOException {
    Path file = dir.resolve("model.safetensors");
    ModelFile.save(Network.create(CONFIG, 3), file);
    SafeTensors content = SafeTensors.read(file);
    Map<String, Tensor> tensors = new LinkedHashMap<>(content.tensors());
    edit.apply(tensors);
    Path edited = dir.resolve("edited.safetensors");
    // An edit made by a tool that keeps the metadata but updates the checksum, so the content checks are reached.
    Map<String, String> metadata = new LinkedHashMap<>(content.metadata());
    metadata.put(TensorChecksum.KEY, TensorChecksum.of(tensors));
    new SafeTensors(metadata, tensors).write(edited);
    return edited;
  }

  private static void assertRefused(Path file, String expected) {
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
  }

  private static SequenceBatch randomBatch(SplittableRandom random, int size, int steps, int features) {
    float[] x = new float[size * steps * features];
    int[] lengths = new int[size];
    for (int i = 0; i < size; i++) {
      lengths[i] = 1 + random.nextInt(steps);
      for (int t = 0; t < lengths[i]; t++) {
        for (int f = 0; f < features; f++) {
          x[(i * steps + t) * features + f] = (float) (random.nextDouble() * 2 - 1);
        }
      }
    }
    return new SequenceBatch(x, size, steps, features, lengths);
  }
}
