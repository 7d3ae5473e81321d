package org.bigru.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of a model in one flat array of values and one of gradients (llm.c's {@code params_memory}
 * and {@code grads_memory}), each parameter a named view into both. Whatever treats all parameters alike
 * (optimizers, clipping, checkpoints, weight copies, summing gradients across workers) is then one loop over
 * one array.
 *
 * <p>Gradients accumulate: backward passes add into {@link #grads()}; {@link #zeroGrads()} starts afresh.
 */
public final class ParameterArena {

  private final List<Parameter> parameters;
  private final Map<String, Parameter> byName = new LinkedHashMap<>();
  private final float[] values;
  private final float[] grads;

  /** Lays the parameters out one after the other, in the order given, and binds each to this arena. */
  public ParameterArena(List<Parameter> parameters) {
    this.parameters = List.copyOf(parameters);
    int total = 0;
    for (Parameter p : this.parameters) {
      if (byName.put(p.name(), p) != null) {
        throw new IllegalArgumentException("two parameters are named '" + p.name() + "'");
      }
      try {
        total = Math.addExact(total, p.size());
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException("the parameters hold more than " + Integer.MAX_VALUE
            + " values, more than one array can", e);
      }
    }
    values = new float[total];
    grads = new float[total];
    int offset = 0;
    for (Parameter p : this.parameters) {
      p.bind(this, offset);
      offset += p.size();
    }
  }

  /** The parameters, in layout order. */
  public List<Parameter> parameters() {
    return Collections.unmodifiableList(parameters);
  }

  /** The parameter with this name, or null. */
  public Parameter find(String name) {
    return byName.get(name);
  }

  /** The names, in layout order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Floats in all parameters together. */
  public int size() {
    return values.length;
  }

  /** All values, shared. */
  public float[] values() {
    return values;
  }

  /** All gradients, shared. */
  public float[] grads() {
    return grads;
  }

  public void zeroGrads() {
    Arrays.fill(grads, 0f);
  }

  /** Copies all values from an arena of the same layout. */
  public void copyValuesFrom(ParameterArena other) {
    checkSameLayout(other);
    System.arraycopy(other.values, 0, values, 0, values.length);
  }

  /** Throws unless {@code other} has the same parameter names and sizes in the same order. */
  public void checkSameLayout(ParameterArena other) {
    if (other.parameters.size() != parameters.size()) {
      throw new IllegalArgumentException("the arenas hold " + other.parameters.size() + " and "
          + parameters.size() + " parameters");
    }
    for (int i = 0; i < parameters.size(); i++) {
      Parameter a = parameters.get(i);
      Parameter b = other.parameters.get(i);
      if (!a.name().equals(b.name()) || a.size() != b.size()) {
        throw new IllegalArgumentException("parameter " + i + " is " + b + " in one arena and " + a
            + " in the other");
      }
    }
  }
}
