package org.bigru.model.train;

import java.util.List;
import org.bigru.model.Parameter;

/**
 * Updates parameters in place from their gradients. State (moments, velocities) is created lazily for each
 * parameter the first time it is stepped, sized to it, and kept for later steps.
 */
public interface Optimizer {

  /** One update of every parameter from its current gradient. */
  void step(List<Parameter> parameters);

  double learningRate();

  /** Sets the learning rate for the following steps (learning-rate schedules call this). */
  void setLearningRate(double learningRate);

  /** Requires a finite positive learning rate; shared by the implementations. */
  static double checkLearningRate(double learningRate) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite and > 0, not " + learningRate);
    }
    return learningRate;
  }
}
