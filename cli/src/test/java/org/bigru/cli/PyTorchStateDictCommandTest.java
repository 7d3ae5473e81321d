package org.bigru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bigru infer} on a bare PyTorch state_dict ({@code nn.GRU} or {@code nn.LSTM} + {@code nn.Linear}, saved
 * as safetensors with only {@code {"output_mode": ...}} as config) gives PyTorch's outputs. The state_dicts,
 * inputs and PyTorch's outputs are the model module's golden fixtures ({@code make_golden.py}).
 */
class PyTorchStateDictCommandTest {

  /** The model module's fixtures, from this module's folder (where Maven runs the tests). */
  private static final Path GOLDEN = Path.of("..", "model", "src", "test", "resources", "golden");

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"lstm_bi_last_1layer", "lstm_uni_seq_2layers_varlen", "lstm_bi_last_classification",
      "bi_last_2layers_varlen", "uni_seq_1layer"})
  void inferOnAStateDictMatchesPyTorch(String name) throws IOException {
    SafeTensors fixture = SafeTensors.read(GOLDEN.resolve(name + ".safetensors"));
    Map<String, Tensor> input = new LinkedHashMap<>();
    input.put("x", fixture.tensors().get("input"));
    input.put("lengths", fixture.tensors().get("lengths"));
    Path data = dir.resolve("x.safetensors");
    new SafeTensors(Map.of(), input).write(data);
    Path output = dir.resolve("y.safetensors");

    CliRun infer = CliRun.of("infer", "--model", GOLDEN.resolve(name + ".state_dict.safetensors").toString(),
        "--input", data.toString(), "--output", output.toString());
    assertEquals(0, infer.code(), infer::toString);

    float[] expected = fixture.tensors().get("output").floats();
    float[] actual = SafeTensors.read(output).tensors().get("y").floats();
    assertEquals(expected.length, actual.length, name + ": outputs");
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5, name + ": output " + i);
    }
  }
}
