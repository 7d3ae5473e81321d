package org.bigru.kernels;

import java.lang.reflect.InvocationTargetException;
import java.util.Locale;

/**
 * Chooses the kernel provider once, when first asked (holder idiom): panama when the Vector API module is
 * readable, else scalar with one warning that names the fix.
 *
 * <p>{@code -Dbigru.kernels=scalar|panama} forces a provider; {@code -Dbigru.vectorBits=128|256|512} makes
 * panama use a narrower species than the machine's preferred one (tests use it to cover every width).
 */
final class KernelProvider {

  static final String KERNELS_PROPERTY = "bigru.kernels";
  static final String VECTOR_BITS_PROPERTY = "bigru.vectorBits";
  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  static final Kernels INSTANCE = choose(
      System.getProperty(KERNELS_PROPERTY, "").trim().toLowerCase(Locale.ROOT),
      Integer.getInteger(VECTOR_BITS_PROPERTY, 0));

  private KernelProvider() {
  }

  static Kernels choose(String requested, int vectorBits) {
    switch (requested) {
      case "scalar":
        return new Kernels(new ScalarKernels());
      case "":
      case "panama":
        break;
      default:
        warn("unknown -D" + KERNELS_PROPERTY + "=" + requested + " (expected scalar or panama); using the default");
    }
    if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
      warn("the Vector API is not enabled, so kernels run scalar (slower; results agree within "
          + "float rounding). "
          + "Add the JVM option --add-modules=" + VECTOR_MODULE);
      return new Kernels(new ScalarKernels());
    }
    try {
      return new Kernels((KernelSupport) Class.forName("org.bigru.kernels.panama.PanamaKernels")
          .getConstructor(int.class).newInstance(vectorBits));
    } catch (InvocationTargetException e) {
      warn(e.getCause().getMessage() + "; kernels run scalar");
      return new Kernels(new ScalarKernels());
    } catch (ReflectiveOperationException | LinkageError e) {
      warn("the Vector API could not be used (" + e + "), so kernels run scalar");
      return new Kernels(new ScalarKernels());
    }
  }

  private static void warn(String message) {
    System.err.println("WARNING: bigru: " + message);
  }
}
