package org.bigru.model.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.Parameter;
import org.bigru.model.io.Tensor;

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

  /**
   * The state of the parameters stepped so far (moments, velocities, step counts) as tensors named
   * {@code <parameter>/<buffer>}, copied, for a training checkpoint.
   */
  Map<String, Tensor> state(List<Parameter> parameters);

  /** Replaces the state by one from {@link #state}; refuses buffers whose size does not fit the parameter. */
  void restoreState(List<Parameter> parameters, Map<String, Tensor> state);

  /** A copy of buffer {@code key} of a parameter from a state map, or null; its size must be the parameter's. */
  static float[] buffer(Map<String, Tensor> state, Parameter p, String buffer) {
    Tensor t = state.get(p.name() + "/" + buffer);
    if (t == null) {
      return null;
    }
    if (t.size() != p.size() || !t.dtype().isFloating()) {
      throw new IllegalArgumentException("optimizer state '" + p.name() + "/" + buffer + "' holds " + t
          + ", expected " + p.size() + " floats");
    }
    return t.floats().clone();
  }

  /** State of an optimizer with one buffer per parameter: {@code name/kind} tensors, copies. */
  static Map<String, Tensor> bufferState(List<Parameter> parameters, Map<Parameter, float[]> buffers, String kind) {
    Map<String, Tensor> state = new LinkedHashMap<>();
    for (Parameter p : parameters) {
      float[] buffer = buffers.get(p);
      if (buffer != null) {
        state.put(p.name() + "/" + kind, Tensor.ofFloats(new int[] {p.size()}, buffer.clone()));
      }
    }
    return state;
  }

  /** Replaces {@code buffers} by the {@code name/kind} tensors of {@code state} (copies). */
  static void restoreBuffers(List<Parameter> parameters, Map<String, Tensor> state, Map<Parameter, float[]> buffers,
                             String kind) {
    buffers.clear();
    for (Parameter p : parameters) {
      float[] buffer = buffer(state, p, kind);
      if (buffer != null) {
        buffers.put(p, buffer);
      }
    }
  }

  /** Requires a finite positive learning rate; shared by the implementations. */
  static double checkLearningRate(double learningRate) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite and > 0, not " + learningRate);
    }
    return learningRate;
  }
}
