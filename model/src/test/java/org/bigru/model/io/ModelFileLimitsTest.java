package org.bigru.model.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.bigru.model.InsufficientMemoryException;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files that ask for more than can be held, or hold weights that cannot predict, are refused on load. */
class ModelFileLimitsTest {

  @TempDir
  Path dir;

  /** A file of a few hundred bytes whose config claims a network of `units` units. */
  private Path claiming(String units) throws IOException {
    Path file = dir.resolve("claims.safetensors");
    String config = "{\"input_size\": 2, \"recurrent\": [{\"units\": " + units + ", \"bidirectional\": true, "
        + "\"reset_mode\": \"recurrent-bias-after-multiplication\", \"merge\": \"concat\"}], \"output_mode\": "
        + "\"last\", \"output_size\": 1}";
    new SafeTensors(Map.of("format", "bigru", "format_version", "1", "config", config),
        Map.of("fc.bias", Tensor.ofFloats(new int[] {1}, new float[1]))).write(file);
    return file;
  }

  @Test
  void aConfigWhoseNetworkExceedsTheHeapIsRefusedBeforeItIsBuilt() throws IOException {
    Path file = claiming("26000");
    InsufficientMemoryException e = assertThrows(InsufficientMemoryException.class, () -> ModelFile.load(file));
    assertTrue(e.getMessage().startsWith("the network claims.safetensors describes ("), e.getMessage());
    assertTrue(e.getMessage().contains("or use a smaller model"), e.getMessage());
  }

  @Test
  void unitsBeyondAnArrayAreRefusedNamingTheLayer() throws IOException {
    Path file = claiming("2147483647");
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
    assertTrue(e.getMessage().contains("claims.safetensors: recurrent layer 0: a GRU layer of 2147483647 units"),
        e.getMessage());
  }

  @Test
  void nonFiniteWeightsAreRefused() throws IOException {
    Network network = Network.create(ModelConfig.biGru(2, 3, OutputMode.LAST, 1, Task.REGRESSION), 1);
    network.parameter("fc.weight").set(4, Float.NaN);
    Path file = dir.resolve("nan.safetensors");
    ModelFile.save(network, file);
    ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(file));
    assertTrue(e.getMessage().contains("tensor 'fc.weight' holds NaN at element 4"), e.getMessage());
  }
}
