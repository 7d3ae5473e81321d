package org.bigru.model.train;

import java.util.Map;
import org.bigru.model.ParameterArena;
import org.bigru.model.io.Tensor;

/**
 * Updates all parameters of an arena in place from its gradients, in one pass over the arena. State (moments,
 * velocities) is created at the first step, sized to the arena, and kept for later steps.
 */
public interface Optimizer {

  /** One update of every parameter from its current gradient. */
  void step(ParameterArena parameters);

  double learningRate();

  /** Sets the learning rate for the following steps (learning-rate schedules call this). */
  void setLearningRate(double learningRate);

  /**
   * The state so far (moments, velocities, step counts) as tensors named {@code <parameter>/<buffer>}, copied,
   * for a training checkpoint; empty before the first step.
   */
  Map<String, Tensor> state(ParameterArena parameters);

  /**
   * Replaces the state by one from {@link #state}; refuses buffers whose size does not fit their parameter, and
   * a state that covers some parameters but not all.
   */
  void restoreState(ParameterArena parameters, Map<String, Tensor> state);
}
