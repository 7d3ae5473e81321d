package org.bigru.model.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.bigru.model.Network;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Task;
import org.bigru.model.io.ModelFileException;
import org.bigru.model.io.SafeTensors;
import org.bigru.model.io.Tensor;
import org.bigru.model.io.interchange.Fixtures;
import org.bigru.model.metrics.RegressionMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keras 3 models saved as .keras and as Keras 2 style .h5 import and compute what Keras computed, within 1e-5;
 * unsupported layers and attributes are refused with one line naming the layer and its class; the reference
 * Keras workflow's trained model predicts the Keras script's numbers.
 */
class KerasImportTest {

  private static double worstSeen;

  @AfterAll
  static void reportWorst() {
    System.out.println("KerasImportTest: largest difference from Keras's outputs " + worstSeen);
  }

  static Stream<Fixtures.Case> imported() {
    return Fixtures.cases("keras_").stream();
  }

  static Stream<Fixtures.Case> refused() {
    return Fixtures.cases("refused_keras_").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("imported")
  void importsAndMatchesKeras(Fixtures.Case c) throws Exception {
    Network network = KerasImporter.importFile(Fixtures.path(c.file()));
    double worst = Fixtures.largestDifference(network, c);
    worstSeen = Math.max(worstSeen, worst);
    assertTrue(worst <= 1e-5, c.file() + ": largest difference " + worst);
    assertEquals(c.softmax() ? Task.CLASSIFICATION : Task.REGRESSION, network.config().task());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWithOneLine(Fixtures.Case c) {
    ModelFileException e = assertThrows(ModelFileException.class,
        () -> KerasImporter.importFile(Fixtures.path(c.file())));
    assertTrue(e.getMessage().contains(c.refused()), e.getMessage());
    assertTrue(e.getMessage().contains(c.file()), "names the file: " + e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  /**
   * A crafted .h5 (kept in the fuzzing corpus) whose root object header declares 1.1 GB in a 136-byte file:
   * refused in one line naming the file, without allocating what it declares (read from the file, jHDF filled a
   * buffer of that size by re-reading the file's tail: 1.2 GB and 28 s).
   */
  @Test
  void aHeaderDeclaringGigabytesIsRefusedWithoutAllocatingThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("crafted.h5");
    Files.copy(Path.of(KerasImportTest.class.getResource(
        "/org/bigru/model/fuzz/KerasImportFuzzTestInputs/h5/declared-header-size-beyond-file").toURI()), file);
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    ModelFileException e = assertThrows(ModelFileException.class, () -> KerasImporter.importFile(file));
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(allocated < 64L << 20, allocated + " bytes allocated");
  }

  @Test
  void maskingKeepsItsValueInTheMetadata() throws Exception {
    Network network = KerasImporter.importFile(Fixtures.path("keras_masking_bigru_last.keras"));
    assertEquals(Map.of(KerasImporter.MASK_VALUE_KEY, "0.0"), network.config().metadata());
  }

  @Test
  void referenceWorkflowPredictsTheKerasScriptsNumbers() throws Exception {
    Network network = KerasImporter.importFile(Fixtures.path("keras_reference.keras"));
    assertEquals("BiGRU(64, sequence) -> fc(1)", network.config().summary());
    SafeTensors expected = SafeTensors.read(Fixtures.path("keras_reference.expected.safetensors"));
    Tensor x = expected.tensors().get("x");
    int[] shape = x.shape();
    float[] y = network.predict(new SequenceBatch(x.floats(), shape[0], shape[1], shape[2], null));
    Map<String, String> meta = expected.metadata();
    double mean = Double.parseDouble(meta.get("target_mean"));
    double scale = Double.parseDouble(meta.get("target_scale"));
    String[] actualText = meta.get("actual").split(",");
    float[] actual = new float[actualText.length];
    float[] predicted = new float[actualText.length];
    for (int i = 0; i < actual.length; i++) {
      actual[i] = Float.parseFloat(actualText[i]);
      predicted[i] = (float) (y[(i * shape[1] + shape[1] - 1)] * scale + mean);
    }
    RegressionMetrics metrics = RegressionMetrics.of(actual, predicted);
    assertEquals(Double.parseDouble(meta.get("rmse")), metrics.rmse(), 1e-4, "RMSE");
    assertEquals(Double.parseDouble(meta.get("mae")), metrics.mae(), 1e-4, "MAE");
    assertEquals(Double.parseDouble(meta.get("r2")), metrics.r2(), 1e-5, "R^2");
  }
}
