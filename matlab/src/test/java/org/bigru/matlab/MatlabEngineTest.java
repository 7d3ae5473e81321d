package org.bigru.matlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the example scripts in MATLAB through the MATLAB Engine API, where MATLAB is installed. The runner is
 * compiled only by the matlab-engine profile (engine.jar comes from a MATLAB installation, not Maven
 * Central), so it is looked up by name; without it, or without MATLAB, the test reports why it is skipped.
 */
class MatlabEngineTest {

  private static final String RUNNER = "org.bigru.matlab.engine.MatlabEngineRunner";

  @Test
  void examplesRunInMatlab() throws Exception {
    Class<?> runner;
    try {
      runner = Class.forName(RUNNER);
    } catch (ClassNotFoundException e) {
      Assumptions.abort("MATLAB Engine runner not compiled: the matlab-engine profile needs "
          + "$MATLAB_ROOT/extern/engines/java/jar/engine.jar (MATLAB_ROOT=" + System.getenv("MATLAB_ROOT") + ")");
      return;
    }
    Assumptions.assumeTrue(matlabInstalled(), "no MATLAB installation: neither MATLAB_ROOT/bin/matlab nor matlab "
        + "on the PATH");
    Path module = Path.of("").toAbsolutePath();
    Method run = runner.getMethod("runExamples", Path.class, Path.class, int.class);
    Object result = run.invoke(null, module, module.resolve("target").resolve("bigru-matlab.jar"), 2);
    double accuracy = (double) result.getClass().getMethod("accuracy").invoke(result);
    double bilstmAccuracy = (double) result.getClass().getMethod("bilstmAccuracy").invoke(result);
    double r2 = (double) result.getClass().getMethod("r2").invoke(result);
    String output = (String) result.getClass().getMethod("output").invoke(result);
    System.out.println("---- MATLAB\n" + output);
    assertTrue(accuracy > 0.3, "digits accuracy in MATLAB " + accuracy + "\n" + output);
    assertTrue(bilstmAccuracy > 0.3, "BiLSTM digits accuracy in MATLAB " + bilstmAccuracy + "\n" + output);
    assertTrue(r2 > 0.3, "weather R^2 in MATLAB " + r2 + "\n" + output);
    for (String name : new String[] {"trainnetAccuracy", "trainnetBilstmAccuracy", "trainnetR2"}) {
      double value = (double) result.getClass().getMethod(name).invoke(result);
      assertTrue(value > 0.3, name + " in MATLAB " + value + "\n" + output);
    }
    assertTrue((boolean) result.getClass().getMethod("savedAndLoaded").invoke(result),
        "trainnet's network through MATLAB's save and load (saveobj/loadobj)\n" + output);
  }

  private static boolean matlabInstalled() {
    String root = System.getenv("MATLAB_ROOT");
    if (root != null && Files.isExecutable(Path.of(root, "bin", "matlab"))) {
      return true;
    }
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (Files.isExecutable(Path.of(dir, "matlab"))) {
          return true;
        }
      }
    }
    return false;
  }
}
