package org.bigru.kernels;

/** Child-JVM entry point for {@link KernelProviderTest}: prints the provider this JVM chose. */
public final class ProviderReport {

  private ProviderReport() {
  }

  public static void main(String[] args) {
    System.out.println(Kernels.get().describe());
    // Asking again must not warn again.
    System.out.println(Kernels.get().name());
  }
}
