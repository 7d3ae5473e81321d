package org.bigru.model.data;

/** What a {@link Dataset} holds as targets. */
public enum TargetKind {
  /** No targets: inputs to predict on. */
  NONE,
  /** Regression, one row of responses per sequence (output mode 'last'). */
  SEQUENCE_RESPONSES,
  /** Regression, one row of responses per time step (output mode 'sequence'). */
  STEP_RESPONSES,
  /** Classification, one class id per sequence. */
  SEQUENCE_CLASSES,
  /** Classification, one class id per time step. */
  STEP_CLASSES;

  public boolean isClassification() {
    return this == SEQUENCE_CLASSES || this == STEP_CLASSES;
  }

  public boolean isPerStep() {
    return this == STEP_RESPONSES || this == STEP_CLASSES;
  }
}
