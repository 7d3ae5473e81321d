package org.bigru.kernels.panama;

import java.lang.management.ManagementFactory;

/** What the JIT will do with the vector operations, read from the HotSpot flags once. */
final class CpuFeatures {

  private CpuFeatures() {
  }

  /** Whether HotSpot compiles FMA to one instruction; without it, fma() is emulated and slow. */
  static boolean hasFma() {
    try {
      Class<?> beanClass = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
      Object bean = ManagementFactory.getPlatformMXBean(beanClass.asSubclass(
          java.lang.management.PlatformManagedObject.class));
      Object option = beanClass.getMethod("getVMOption", String.class).invoke(bean, "UseFMA");
      Object value = option.getClass().getMethod("getValue").invoke(option);
      return Boolean.parseBoolean(String.valueOf(value));
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not HotSpot, or no management module: assume no FMA, the safe and still correct choice.
      return false;
    }
  }
}
