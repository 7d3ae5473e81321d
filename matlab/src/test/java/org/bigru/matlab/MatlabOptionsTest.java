package org.bigru.matlab;

import static org.bigru.matlab.SequencesTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bigru.model.data.PaddingDirection;
import org.bigru.model.data.SequenceLength;
import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.TrainingOptions;
import org.bigru.model.train.ValidationObjective;
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
        "ValidationData", "given",
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
  void outputNetworkAutoIsTheBestValidationsWithValidationData() {
    assertFalse(options("adam").training().restoreBestWeights());
    assertTrue(options("adam", "ValidationData", "given").training().restoreBestWeights());
    assertFalse(options("adam", "ValidationData", "given", "OutputNetwork", "last-iteration").training()
        .restoreBestWeights());
    assertTrue(options("adam", "ValidationData", "given", "OutputNetwork", "best-validation").training()
        .restoreBestWeights());
  }

  @Test
  void theObjectiveMetricJudgesTheBestValidation() {
    assertEquals(ValidationObjective.LOSS, options("adam").training().validationObjective());
    assertEquals(ValidationObjective.ACCURACY, options("adam", "Metrics", "accuracy", "ObjectiveMetricName",
        "accuracy").training().validationObjective());
    assertEquals(ValidationObjective.LOSS, options("adam", "Metrics", "rmse", "ObjectiveMetricName", "rmse")
        .training().validationObjective(), "the RMSE ranks validations as the mean squared error does");
    assertEquals(ValidationObjective.LOSS, options("adam", "Metrics", "accuracy", "ObjectiveMetricName", "accuracy",
        "ValidationData", "given", "OutputNetwork", "best-validation-loss").training().validationObjective());
  }

  @Test
  void sequenceLengthAndPaddingDirectionReachTheTrainer() {
    TrainingOptions shortest = options("adam", "SequenceLength", "shortest", "SequencePaddingDirection", "left")
        .training();
    assertEquals(SequenceLength.SHORTEST, shortest.sequenceLength());
    assertEquals(PaddingDirection.LEFT, shortest.paddingDirection());
    assertEquals(SequenceLength.split(12), options("adam", "SequenceLength", "12").training().sequenceLength());
    assertEquals(SequenceLength.LONGEST, options("adam").training().sequenceLength());
    assertEquals(PaddingDirection.RIGHT, options("adam").training().paddingDirection());
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
    assertMessage("the value of 'SequenceLength' must be 'longest', 'shortest' or a whole number of at least 1, not "
        + "'medium'", () -> options("adam", "SequenceLength", "medium"));
    assertMessage("the value of 'SequenceLength' must be 'longest', 'shortest' or a whole number of at least 1, not "
        + "2.5", () -> options("adam", "SequenceLength", "2.5"));
    assertMessage("OutputNetwork 'best-validation' needs ValidationData: the best network is chosen by validation",
        () -> options("adam", "OutputNetwork", "best-validation"));
    assertMessage("ObjectiveMetricName 'accuracy' is not one of the Metrics; it must be 'loss' or a name in Metrics "
        + "(give 'Metrics', 'accuracy')", () -> options("adam", "ObjectiveMetricName", "accuracy"));
    assertMessage("the value of 'Metrics' must be [] or names from 'accuracy', 'rmse', not 'fscore'",
        () -> options("adam", "Metrics", "fscore"));
    assertMessage("the value of 'CheckpointFrequencyUnit' must be 'epoch' with a numeric SequenceLength",
        () -> options("adam", "SequenceLength", "5", "CheckpointPath", "ck", "CheckpointFrequencyUnit", "iteration"));
    assertMessage("the value of 'ExecutionEnvironment' must be 'auto', 'cpu', not 'gpu'",
        () -> options("adam", "ExecutionEnvironment", "gpu"));
    assertMessage("the value of 'Verbose' must be true or false", () -> options("adam", "Verbose", "maybe"));
  }
}
