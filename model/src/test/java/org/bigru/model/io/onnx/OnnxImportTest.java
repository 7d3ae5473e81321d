package org.bigru.model.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.io.ModelFileException;
import org.bigru.model.io.interchange.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ONNX graphs that PyTorch's two exporters wrote import and compute what PyTorch computed, within 1e-5; graphs
 * bigru cannot represent are refused with one line naming the node (and attribute); bigru's own exports
 * import back to the same function.
 */
class OnnxImportTest {

  private static double worstSeen;

  @AfterAll
  static void reportWorst() {
    System.out.println("OnnxImportTest: largest difference from the framework's outputs " + worstSeen);
  }

  static Stream<Fixtures.Case> imported() {
    return Fixtures.cases("torch_", "refused_").stream().filter(c -> c.refused() == null);
  }

  static Stream<Fixtures.Case> refused() {
    return Fixtures.cases("torch_", "refused_").stream().filter(c -> c.refused() != null && c.file().endsWith(".onnx"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imported")
  void importsAndMatchesTheFramework(Fixtures.Case c) throws Exception {
    Network network = OnnxImporter.importFile(Fixtures.path(c.file()));
    double worst = Fixtures.largestDifference(network, c);
    worstSeen = Math.max(worstSeen, worst);
    assertTrue(worst <= 1e-5, c.file() + ": largest difference " + worst);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWithOneLine(Fixtures.Case c) {
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> OnnxImporter.importFile(Fixtures.path(c.file())));
    assertTrue(e.getMessage().contains(c.refused()), e.getMessage());
    assertTrue(e.getMessage().contains(c.file()), "names the file: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  static Stream<Arguments> networks() {
    return OnnxExportRuntimeTest.networks();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("networks")
  void bigruExportsImportBack(String name, ModelConfig config) throws Exception {
    Network network = OnnxExportRuntimeTest.randomNetwork(config, name.hashCode());
    for (boolean lengths : new boolean[] {false, true}) {
      OnnxModel model = OnnxFormat.parse(OnnxFormat.toBytes(OnnxExporter.export(network, null, lengths)), name);
      Network back = OnnxImporter.importModel(model, name);
      assertEquals(config.summary().replace(" -> Dropout(0.3)", "").replace(" -> Dropout(0.2)", ""),
          back.config().summary(), "layers");
      assertEquals(config.task(), back.config().task(), "task, from the graph's metadata");
      java.util.SplittableRandom random = new java.util.SplittableRandom(3);
      float[] x = OnnxExportRuntimeTest.uniform(random, 4 * 5 * config.inputSize(), 1.0);
      int[] lens = {5, 2, 4, 1};
      OnnxExportRuntimeTest.assertClose(network.predict(new org.bigru.model.SequenceBatch(x, 4, 5,
          config.inputSize(), lens)), back.predict(new org.bigru.model.SequenceBatch(x, 4, 5, config.inputSize(),
          lens)), name + " imported back");
      assertEquals(List.copyOf(config.recurrent().stream().map(r -> r.merge()).toList()),
          back.config().recurrent().stream().map(r -> r.merge()).toList());
    }
  }
}
