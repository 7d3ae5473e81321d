package org.bigru.matlab.engine;

import com.mathworks.engine.MatlabEngine;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs the example scripts in MATLAB itself through the MATLAB Engine API for Java. Compiled only by the
 * {@code matlab-engine} Maven profile, which is active when {@code $MATLAB_ROOT/extern/engines/java/jar/engine.jar}
 * exists (engine.jar is not on Maven Central).
 */
public final class MatlabEngineRunner {

  /**
   * What the examples printed and computed: the accuracies and R^2 of each in MATLAB's older idiom and in its
   * current one (trainnet), and whether trainnet's network came back from MATLAB's save and load (its saveobj and
   * loadobj) predicting the same.
   */
  public record Result(String output, double accuracy, double bilstmAccuracy, double r2, double trainnetAccuracy,
                       double trainnetBilstmAccuracy, double trainnetR2, boolean savedAndLoaded) {
  }

  private MatlabEngineRunner() {
  }

  /**
   * Starts MATLAB, puts the bridge on its path (with the unqualified names, ahead of the Deep Learning
   * Toolbox if it is installed), runs the examples for {@code maxEpochs} epochs and reads their figures.
   */
  public static Result runExamples(Path matlabFolder, Path jar, int maxEpochs) throws Exception {
    MatlabEngine engine = MatlabEngine.startMatlab();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      engine.eval("addpath('" + quote(matlabFolder) + "'); bigru.setup('" + quote(jar) + "', 'Compat', true);", out,
          err);
      engine.eval("maxEpochs = " + maxEpochs + "; verbose = false; plotFile = fullfile(tempdir, 'bigru-forecast.png');",
          out, err);
      engine.eval("run('" + quote(matlabFolder.resolve("examples").resolve("classifyDigits.m")) + "');", out, err);
      double accuracy = engine.getVariable("accuracy");
      engine.eval("run('" + quote(matlabFolder.resolve("examples").resolve("classifyDigitsBiLSTM.m")) + "');", out,
          err);
      double bilstmAccuracy = engine.getVariable("accuracy");
      engine.eval("run('" + quote(matlabFolder.resolve("examples").resolve("forecastWeather.m")) + "');", out, err);
      double r2 = engine.getVariable("r2");
      double[] trainnet = new double[3];
      String[] examples = {"classifyDigitsTrainnet.m", "classifyDigitsBiLSTMTrainnet.m", "forecastWeatherTrainnet.m"};
      for (int i = 0; i < examples.length; i++) {
        engine.eval("run('" + quote(matlabFolder.resolve("examples").resolve(examples[i])) + "');", out, err);
        trainnet[i] = engine.getVariable(i < 2 ? "accuracy" : "r2");
      }
      engine.eval("file = [tempname '.mat']; before = minibatchpredict(net, XTest, 'UniformOutput', false); "
          + "save(file, 'net'); clear net; load(file, 'net'); delete(file); "
          + "savedAndLoaded = isa(net, 'bigru.dlnetwork') && isequal(minibatchpredict(net, XTest, "
          + "'UniformOutput', false), before);", out, err);
      boolean savedAndLoaded = engine.getVariable("savedAndLoaded");
      return new Result(out + err.toString(), accuracy, bilstmAccuracy, r2, trainnet[0], trainnet[1], trainnet[2],
          savedAndLoaded);
    } finally {
      engine.close();
    }
  }

  private static String quote(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }
}
