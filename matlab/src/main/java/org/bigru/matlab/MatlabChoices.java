package org.bigru.matlab;

/**
 * The values of MATLAB's options that have no counterpart in the model, spelled as MATLAB spells them (the
 * constant in lower case with '-' for '_', {@link org.bigru.model.EnumNames}). Options naming a model concept
 * use the model's enum (OutputMode, ResetGateMode, MergeMode, OptimizerKind, Shuffle).
 */
final class MatlabChoices {

  private MatlabChoices() {
  }

  /** How GradientThreshold applies: per parameter, to all gradients together, or per element. */
  enum GradientThresholdMethod { L2NORM, GLOBAL_L2NORM, ABSOLUTE_VALUE }

  enum LearnRateSchedule { NONE, PIECEWISE }

  /**
   * Which weights training returns: 'auto' (the best validation's with ValidationData, else the last iteration's),
   * the last iteration's, or the best validation's by ObjectiveMetricName ('best-validation') or by the loss
   * (MATLAB's earlier 'best-validation-loss').
   */
  enum OutputNetwork { AUTO, LAST_ITERATION, BEST_VALIDATION, BEST_VALIDATION_LOSS }

  /** classify's, predict's and minibatchpredict's SequenceLength. */
  enum SequenceLength { LONGEST, SHORTEST }

  enum SequencePaddingDirection { RIGHT, LEFT }

  enum ExecutionEnvironment { AUTO, CPU }

  enum Plots { NONE, TRAINING_PROGRESS }

  enum CheckpointFrequencyUnit { EPOCH, ITERATION }

  /** predict's and classify's Acceleration. */
  enum Acceleration { AUTO, NONE }

  /** sequenceInputLayer's Normalization. */
  enum Normalization { NONE, ZEROCENTER, ZSCORE, RESCALE_SYMMETRIC, RESCALE_ZERO_ONE }

  /** sequenceInputLayer's NormalizationDimension: 'auto' is 'channel' for vector sequences. */
  enum NormalizationDimension { AUTO, CHANNEL, ELEMENT, ALL }

  /** trainingOptions' Metrics: in percent ('accuracy') or in the responses' units ('rmse'). */
  enum Metric {
    ACCURACY("Accuracy"), RMSE("RMSE");

    final String title;

    Metric(String title) {
      this.title = title;
    }
  }

  /** trainingOptions' ObjectiveMetricName: the loss or one of the Metrics. */
  enum ObjectiveMetric { LOSS, ACCURACY, RMSE }
}
