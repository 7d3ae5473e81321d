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

  /** Which weights trainNetwork returns. */
  enum OutputNetwork { LAST_ITERATION, BEST_VALIDATION_LOSS }

  enum SequenceLength { LONGEST, SHORTEST }

  enum SequencePaddingDirection { RIGHT, LEFT }

  enum ExecutionEnvironment { AUTO, CPU }

  enum Plots { NONE, TRAINING_PROGRESS }

  enum CheckpointFrequencyUnit { EPOCH, ITERATION }

  /** predict's and classify's Acceleration. */
  enum Acceleration { AUTO, NONE }

  /** sequenceInputLayer's Normalization. */
  enum Normalization { NONE }
}
