package org.bigru.model.train;

import org.bigru.model.EnumNames;

/** The optimizers a {@link TrainingOptions} can name, with MATLAB's names and default learning rates. */
public enum OptimizerKind {
  ADAM(1e-3), SGDM(1e-2), RMSPROP(1e-3);

  private final double defaultLearningRate;

  OptimizerKind(double defaultLearningRate) {
    this.defaultLearningRate = defaultLearningRate;
  }

  /** MATLAB's InitialLearnRate default for this solver (also PyTorch's for Adam and RMSProp). */
  public double defaultLearningRate() {
    return defaultLearningRate;
  }

  public String lowerName() {
    return EnumNames.of(this);
  }

  public static OptimizerKind fromName(String name) {
    return EnumNames.parse(OptimizerKind.class, name, "optimizer");
  }
}
