package org.bigru.model.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;
import org.bigru.model.io.Tensor;

/**
 * What the optimizers share: the learning rate, and named buffers of the arena's size (moments, velocities)
 * created at the first step and saved per parameter, as {@code <parameter>/<buffer>} slices.
 */
abstract class ArenaOptimizer implements Optimizer {

  private final List<String> bufferNames;
  private float[][] buffers;
  private double learningRate;

  ArenaOptimizer(double learningRate, String... bufferNames) {
    this.learningRate = checkLearningRate(learningRate);
    this.bufferNames = List.of(bufferNames);
  }

  /**
   * One update of the whole arena.
   *
   * @param buffers   the buffers, in the order of their names, each the arena's size
   * @param firstStep whether the buffers were created for this step
   */
  abstract void update(ParameterArena parameters, float[][] buffers, float lr, boolean firstStep);

  /** Per-parameter state beside the buffers (Adam's step count); none by default. */
  void putExtraState(Parameter p, Map<String, Tensor> state) {
  }

  /** Forgets the per-parameter state, before a restore. */
  void clearExtraState() {
  }

  /** Reads back what {@link #putExtraState} wrote, for each parameter whose buffers were found. */
  void restoreExtraState(Parameter p, Map<String, Tensor> state) {
  }

  @Override
  public final void step(ParameterArena parameters) {
    boolean first = buffers == null;
    if (first) {
      buffers = new float[bufferNames.size()][parameters.size()];
    } else if (buffers[0].length != parameters.size()) {
      throw new IllegalArgumentException("the optimizer was stepping " + buffers[0].length
          + " parameter values, not " + parameters.size());
    }
    update(parameters, buffers, (float) learningRate, first);
  }

  @Override
  public final Map<String, Tensor> state(ParameterArena parameters) {
    Map<String, Tensor> state = new LinkedHashMap<>();
    if (buffers == null) {
      return state;
    }
    for (Parameter p : parameters.parameters()) {
      for (int b = 0; b < buffers.length; b++) {
        float[] slice = new float[p.size()];
        System.arraycopy(buffers[b], p.offset(), slice, 0, p.size());
        state.put(p.name() + "/" + bufferNames.get(b), Tensor.ofFloats(new int[] {p.size()}, slice));
      }
      putExtraState(p, state);
    }
    return state;
  }

  @Override
  public final void restoreState(ParameterArena parameters, Map<String, Tensor> state) {
    clearExtraState();
    float[][] restored = new float[bufferNames.size()][parameters.size()];
    List<String> missing = new ArrayList<>();
    int found = 0;
    for (Parameter p : parameters.parameters()) {
      boolean any = false;
      for (int b = 0; b < restored.length; b++) {
        String key = p.name() + "/" + bufferNames.get(b);
        Tensor t = state.get(key);
        if (t == null) {
          missing.add(key);
          continue;
        }
        if (t.size() != p.size() || !t.dtype().isFloating()) {
          throw new IllegalArgumentException("optimizer state '" + key + "' holds " + t + ", expected "
              + p.size() + " floats");
        }
        System.arraycopy(t.floats(), 0, restored[b], p.offset(), p.size());
        any = true;
      }
      if (any) {
        found++;
        restoreExtraState(p, state);
      }
    }
    if (found == 0) {
      buffers = null;
      return;
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the optimizer state has no '" + missing.get(0) + "'"
          + (missing.size() > 1 ? " (and " + (missing.size() - 1) + " more)" : ""));
    }
    buffers = restored;
  }

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double learningRate) {
    this.learningRate = checkLearningRate(learningRate);
  }

  /** Requires a finite positive learning rate. */
  static double checkLearningRate(double learningRate) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate must be finite and > 0, not " + learningRate);
    }
    return learningRate;
  }

  /** Requires a decay factor in [0, 1). */
  static float checkDecay(String name, float decay) {
    if (!(decay >= 0 && decay < 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1), not " + decay);
    }
    return decay;
  }

  /** Requires a finite epsilon &gt; 0. */
  static float checkEpsilon(String name, float eps) {
    if (!(eps > 0) || Float.isInfinite(eps)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, not " + eps);
    }
    return eps;
  }
}
