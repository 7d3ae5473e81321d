package org.bigru.model;

import static org.bigru.model.NetworkFixtures.config;
import static org.bigru.model.NetworkFixtures.gru;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outputs, loss and every gradient against PyTorch's nn.GRU (packed sequences) and nn.Linear in float64,
 * for a stacked bidirectional network on a padded batch. Skipped where {@code /usr/bin/python3} cannot
 * import torch.
 */
class PyTorchReferenceTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void matchesPyTorch(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isExecutable(PYTHON), "no " + PYTHON);
    Path script = dir.resolve("torch_reference.py");
    try (InputStream in = getClass().getResourceAsStream("torch_reference.py")) {
      Files.copy(in, script);
    }
    String last = writeCase(OutputMode.LAST, dir);
    String sequence = writeCase(OutputMode.SEQUENCE, dir);

    JsonNode result = JSON.readTree(run(script.toString(), last, sequence));
    assumeTrue(!result.has("unavailable"), "PyTorch is not available: " + result);
    assertEquals(2, result.get("cases").size(), result.toString());
    for (JsonNode differences : result.get("cases")) {
      assertTrue(differences.get("prediction").asDouble() < 1e-5, "predictions differ: " + differences);
      assertTrue(differences.get("loss").asDouble() < 1e-6, "losses differ: " + differences);
      assertTrue(differences.get("gradients").asDouble() < 1e-5, "gradients differ: " + differences);
      assertTrue(differences.get("input").asDouble() < 1e-5, "input gradients differ: " + differences);
    }
  }

  /** Two stacked bidirectional layers on a padded batch, random weights; returns the case file's path. */
  private static String writeCase(OutputMode mode, Path dir) throws IOException {
    int[] lengths = {4, 6, 2};
    ModelConfig config = config(3, List.of(
        gru(5, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
        gru(4, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT)),
        mode, List.of(), 2, Task.REGRESSION);
    Network network = Network.create(config, 42);
    NetworkFixtures.randomizeParameters(network, 43);
    SplittableRandom random = new SplittableRandom(44);
    SequenceBatch batch = NetworkFixtures.batch(random, lengths.length, 6, 3, lengths);
    Targets targets = NetworkFixtures.targets(random, config, batch);

    Map<String, Object> testCase = new LinkedHashMap<>();
    testCase.put("size", batch.size());
    testCase.put("steps", batch.steps());
    testCase.put("features", batch.features());
    testCase.put("lengths", lengths);
    testCase.put("layers", List.of(List.of(5, true), List.of(4, true)));
    testCase.put("outputs", config.outputSize());
    testCase.put("mode", mode.lowerName());
    testCase.put("x", batch.x());
    testCase.put("targets", targets.values());
    testCase.put("prediction", network.predict(batch));
    testCase.put("loss", network.computeGradients(batch, targets, null));
    testCase.put("inputGrad", network.inputGradient());
    Map<String, float[]> params = new LinkedHashMap<>();
    Map<String, float[]> grads = new LinkedHashMap<>();
    for (Parameter p : network.parameters()) {
      params.put(p.name(), p.value());
      grads.put(p.name(), p.grad());
    }
    testCase.put("params", params);
    testCase.put("grads", grads);
    Path path = dir.resolve("case_" + mode.lowerName() + ".json");
    JSON.writeValue(path.toFile(), testCase);
    return path.toString();
  }

  private static String run(String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = PYTHON.toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "PyTorch did not finish");
    assertEquals(0, p.exitValue(), "PyTorch failed: " + output);
    String[] lines = output.strip().split("\n");
    return lines[lines.length - 1];
  }
}
