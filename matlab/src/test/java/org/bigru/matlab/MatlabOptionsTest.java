package org.bigru.matlab;

import static org.bigru.matlab.SequencesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.TrainingOptions;
import org.junit.jupiter.api.Test;

class MatlabOptionsTest {

  private static MatlabOptions options(String solver, String... pairs) {
    String[] names = new String[pairs.length / 2];
    String[] values = new String[pairs.length / 2];
    for (int i = 0; i < names.length; i++) {
      names[i] = pairs[2 * i];
      values[i] = pairs[2 * i + 1];
    }
    return MatlabOptions.fromMatlab(solver, names, values);
  }

  @Test
  void matlabDefaultsNotTheTrainers() {
    MatlabOptions o = options("adam");
    TrainingOptions t = o.training();
    assertEquals(OptimizerKind.ADAM, t.optimizer());
    assertEquals(30, t.maxEpochs());
    assertEquals(128, t.miniBatchSize());
    assertEquals(1e-3, t.learningRate());
    assertEquals(1e-4, t.l2Regularization());
    assertEquals(Shuffle.ONCE, t.shuffle());
    assertEquals(50, t.validationFrequency());
    assertEquals(Integer.MAX_VALUE, t.validationPatience());
    assertFalse(t.restoreBestWeights());
    assertEquals(Double.POSITIVE_INFINITY, t.gradientThreshold());
    assertTrue(o.verbose());
    assertEquals(50, o.verboseFrequency());
    assertEquals(1e-2, options("sgdm").training().learningRate());
    assertEquals(0.9, options("rmsprop").training().squaredGradientDecayFactor());
  }

  @Test
  void valuesAsTheMatlabSideWritesThem() {
    TrainingOptions t = options("sgdm", "MaxEpochs", "7", "MiniBatchSize", "16", "InitialLearnRate",
        "0.050000000000000003", "Momentum", "0.5", "GradientThreshold", "2", "GradientThresholdMethod",
        "absolute-value", "LearnRateSchedule", "piecewise", "LearnRateDropFactor", "0.5", "LearnRateDropPeriod",
        "3", "Shuffle", "every-epoch", "ValidationPatience", "4", "OutputNetwork", "best-validation-loss",
        "Seed", "123", "ValidationFrequency", "5", "Verbose", "false").training();
    assertEquals(7, t.maxEpochs());
    assertEquals(0.05, t.learningRate());
    assertEquals(0.5, t.momentum());
    assertEquals(2, t.gradientClipValue());
    assertEquals(Double.POSITIVE_INFINITY, t.gradientThreshold());
    assertEquals(0.05, t.learningRateAt(3));
    assertEquals(0.025, t.learningRateAt(4));
    assertEquals(5, t.validationFrequency());
    assertEquals(Shuffle.EVERY_EPOCH, t.shuffle());
    assertEquals(4, t.validationPatience());
    assertTrue(t.restoreBestWeights());
    assertEquals(123, t.seed());
  }

  @Test
  void globalNormThreshold() {
    TrainingOptions t = options("adam", "GradientThreshold", "1.5", "GradientThresholdMethod", "global-l2norm")
        .training();
    assertEquals(1.5, t.gradientThreshold());
    assertEquals(Double.POSITIVE_INFINITY, t.gradientClipValue());
  }

  @Test
  void perParameterNormThresholdIsMatlabsDefaultMethod() {
    TrainingOptions t = options("adam", "GradientThreshold", "2").training();
    assertEquals(2.0, t.parameterGradientThreshold());
    assertEquals(Double.POSITIVE_INFINITY, t.gradientThreshold());
  }

  @Test
  void errorsNameTheOption() {
    assertMessage("'Foo' is not an option of trainingOptions", () -> options("adam", "Foo", "1"));
    assertMessage("solverName must be 'adam', 'sgdm', 'rmsprop', not 'adagrad'", () -> options("adagrad"));
    assertMessage("the value of 'MaxEpochs' must be a whole number of at least 1, not 0",
        () -> options("adam", "MaxEpochs", "0"));
    assertMessage("the value of 'MiniBatchSize' must be a whole number of at least 1, not 2.5",
        () -> options("adam", "MiniBatchSize", "2.5"));
    assertMessage("the value of 'L2Regularization' must be a finite number >= 0 (at most realmax('single')), not -1",
        () -> options("adam", "L2Regularization", "-1"));
    assertMessage("the value of 'Shuffle' must be 'once', 'never', 'every-epoch', not 'always'",
        () -> options("adam", "Shuffle", "always"));
    assertMessage("the value of 'InitialLearnRate' must be a number, not 'fast'",
        () -> options("adam", "InitialLearnRate", "fast"));
    assertMessage("the value of 'GradientThresholdMethod' must be",
        () -> options("adam", "GradientThreshold", "1", "GradientThresholdMethod", "l1norm"));
    assertMessage("SequenceLength 'shortest' is not supported", () -> options("adam", "SequenceLength", "shortest"));
    assertMessage("the value of 'ExecutionEnvironment' must be 'auto', 'cpu', not 'gpu'",
        () -> options("adam", "ExecutionEnvironment", "gpu"));
    assertMessage("the value of 'Verbose' must be true or false", () -> options("adam", "Verbose", "maybe"));
  }
}
