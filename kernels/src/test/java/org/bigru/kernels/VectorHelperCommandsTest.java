package org.bigru.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.incubator.vector.Vector;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/vector-helpers.compile-commands}, which the launcher passes to the JVM, forces C2 to inline every
 * vector helper of the Panama kernels, a method that takes or returns a {@link Vector}: one it did not name would
 * keep the hazard it avoids (the file says which), and one it names that no longer exists would be ignored by the
 * JVM in silence.
 */
class VectorHelperCommandsTest {

  private static final String PACKAGE = "org.bigru.kernels.panama";
  private static final Path COMMANDS = Path.of("..", "scripts", "vector-helpers.compile-commands");
  private static final Pattern INLINE = Pattern.compile(
      "inline org/bigru/kernels/panama/(\\w+\\*?)\\.(\\w+)\\(([^)]*)\\)(\\S+)");

  @Test
  void theCommandsInlineExactlyTheVectorHelpers() throws IOException, ClassNotFoundException {
    assertEquals(vectorHelpers(), inlinedHelpers());
  }

  /** Each helper the commands inline, as Class.method(descriptor); anything but comments and inlines is refused. */
  private static Set<String> inlinedHelpers() throws IOException {
    Set<String> helpers = new TreeSet<>();
    for (String line : Files.readAllLines(COMMANDS)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = INLINE.matcher(line);
      assertTrue(m.matches(), "not an inline command of a Panama kernel method: " + line);
      for (String owner : classesMatching(m.group(1))) {
        helpers.add(owner + "." + m.group(2) + "(" + m.group(3) + ")" + m.group(4));
      }
    }
    return helpers;
  }

  /** Every method of the Panama kernels' classes that takes or returns a vector, as Class.method(descriptor). */
  private static Set<String> vectorHelpers() throws IOException, ClassNotFoundException {
    Set<String> helpers = new TreeSet<>();
    for (String name : classesMatching("*")) {
      for (Method method : Class.forName(PACKAGE + "." + name).getDeclaredMethods()) {
        boolean vector = Vector.class.isAssignableFrom(method.getReturnType())
            || Stream.of(method.getParameterTypes()).anyMatch(Vector.class::isAssignableFrom);
        if (vector && !method.isSynthetic()) {
          helpers.add(name + "." + method.getName()
              + MethodType.methodType(method.getReturnType(), method.getParameterTypes()).toMethodDescriptorString());
        }
      }
    }
    return helpers;
  }

  /** The compiled classes of the package (nested ones as Outer$Inner) whose names match a launcher pattern. */
  private static Set<String> classesMatching(String pattern) throws IOException {
    Path folder = Path.of("target", "classes", PACKAGE.replace('.', '/'));
    String prefix = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) : null;
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".class"))
          .map(f -> f.substring(0, f.length() - ".class".length()))
          .filter(n -> prefix != null ? n.startsWith(prefix) : n.equals(pattern))
          .forEach(names::add);
    }
    return names;
  }
}
