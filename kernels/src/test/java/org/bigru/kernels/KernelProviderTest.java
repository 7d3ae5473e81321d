package org.bigru.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
