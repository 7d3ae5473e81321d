package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.ModelConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The configuration side of {@link ModelFile}: what a file's metadata and tensor names imply. */
class ModelFileConfigTest {

  @TempDir
  Path dir;

  /** PyTorch's state_dicts written by make_golden.py imply the architecture of their fixture. */
  @ParameterizedTest
  @ValueSource(strings = {"bi_last_1layer", "uni_last_2layers_varlen", "bi_last_2layers_varlen", "uni_seq_1layer",
      "bi_seq_2layers_varlen", "bi_last_classification", "bi_seq_classification_varlen"})
  void infersTheArchitectureOfAPyTorchStateDict(String fixture) throws IOException {
    Path stateDict = Golden.path(fixture + ".state_dict.safetensors");
    SafeTensors content = SafeTensors.read(stateDict);
    assertEquals(1, content.metadata().size(), "only the partial config");
    ModelConfig expected = ModelConfigJson.fromJson(SafeTensors.read(Golden.path(fixture + ".safetensors"))
        .metadata().get("config"));
    ModelConfig inferred = ModelFile.config(content, stateDict);
    assertEquals(expected.withClassNames(List.of()), inferred);
  }

  @Test
  void refusesAStateDictWithoutConfig() throws IOException {
    Path file = stateDictWith(Map.of());
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> ModelFile.config(SafeTensors.read(file), file));
    assertTrue(e.getMessage().contains("no 'config' metadata"), e.getMessage());
  }

  @Test
  void refusesAnUnknownFormatVersion() throws IOException {
    Path file = stateDictWith(Map.of("config", "{}", "format", "bigru", "format_version", "99"));
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> ModelFile.config(SafeTensors.read(file), file));
    assertTrue(e.getMessage().contains("format 'bigru' version '99' is not supported"), e.getMessage());
  }

  @Test
  void refusesAStateDictWithoutGruWeights() throws IOException {
    Path file = dir.resolve("fc_only.safetensors");
    new SafeTensors(Map.of("config", "{\"output_mode\": \"last\"}"),
        Map.of("fc.weight", Tensor.ofFloats(new int[] {1, 2}, new float[2]))).write(file);
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> ModelFile.config(SafeTensors.read(file), file));
    assertTrue(e.getMessage().contains("no tensor 'gru.weight_ih_l0'"), e.getMessage());
  }

  @Test
  void refusesAMisshapenGruWeightWhileInferring() throws IOException {
    Path file = dir.resolve("vector.safetensors");
    Map<String, Tensor> tensors = new LinkedHashMap<>();
    tensors.put("gru.weight_ih_l0", Tensor.ofFloats(new int[] {6}, new float[6]));
    tensors.put("gru.weight_hh_l0", Tensor.ofFloats(new int[] {6, 2}, new float[12]));
    tensors.put("fc.weight", Tensor.ofFloats(new int[] {1, 2}, new float[2]));
    new SafeTensors(Map.of("config", "{\"output_mode\": \"last\"}"), tensors).write(file);
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> ModelFile.config(SafeTensors.read(file), file));
    assertTrue(e.getMessage().contains("tensor 'gru.weight_ih_l0' has shape [6], expected a non-empty matrix"),
        e.getMessage());
  }

  @Test
  void refusesAnInvalidPartialConfig() throws IOException {
    Path file = stateDictWith(Map.of("config", "{\"output_mode\": \"middle\"}"));
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> ModelFile.config(SafeTensors.read(file), file));
    assertTrue(e.getMessage().contains("unknown output mode 'middle'"), e.getMessage());
  }

  private Path stateDictWith(Map<String, String> metadata) throws IOException {
    SafeTensors golden = SafeTensors.read(Golden.path("bi_last_1layer.state_dict.safetensors"));
    Path file = dir.resolve("state_dict.safetensors");
    new SafeTensors(metadata, golden.tensors()).write(file);
    return file;
  }
}
