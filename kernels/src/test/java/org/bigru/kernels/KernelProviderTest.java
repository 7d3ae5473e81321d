package org.bigru.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelProviderTest {

  @Test
  void theRequestedProviderIsTheOneInUse() {
    // The build runs the suite once per provider; a silent fallback would test the wrong code.
    String requested = System.getProperty(KernelProvider.KERNELS_PROPERTY, "panama");
    assertEquals(requested, Kernels.get().name(), "asked for " + requested + " but got " + Kernels.get().describe());
  }

  @Test
  void scalarCanAlwaysBeForced() {
    assertEquals("scalar", KernelProvider.choose("scalar", 0).name());
  }

  @Test
  void panamaHonoursANarrowerWidth() {
    Kernels narrow = KernelProvider.choose("panama", 128);
    assertEquals("panama", narrow.name());
    assertEquals(128, narrow.vectorBits());
  }

  @Test
  void describeNamesProviderAndWidth() {
    String text = Kernels.get().describe();
    assertTrue(text.startsWith(Kernels.get().name() + ", " + Kernels.get().vectorBits() + "-bit"), text);
  }

  @Test
  void withoutTheVectorModuleItRunsScalarAndWarnsOnceNamingTheFix() throws Exception {
    String[] result = runChild();
    assertEquals("scalar, 32-bit, FMA off\nscalar", result[0], "stdout");
    String[] warnings = result[1].lines().filter(l -> l.contains("bigru")).toArray(String[]::new);
    assertEquals(1, warnings.length, "one warning, got: " + result[1]);
    assertTrue(warnings[0].contains("--add-modules=jdk.incubator.vector"), warnings[0]);
  }

  @Test
  void aWidthWiderThanTheCpuIsNamedAndFallsBack() {
    Kernels kernels = KernelProvider.choose("panama", 1024);
    assertEquals("scalar", kernels.name());
  }

  /** Runs {@link ProviderReport} in a JVM started without the incubator module; returns stdout and stderr. */
  private static String[] runChild(String... properties) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", System.getProperty("java.class.path")));
    command.addAll(List.of(properties));
    command.add(ProviderReport.class.getName());
    Process child = new ProcessBuilder(command).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    String err = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, child.waitFor(), err);
    return new String[] {out, err};
  }
}
