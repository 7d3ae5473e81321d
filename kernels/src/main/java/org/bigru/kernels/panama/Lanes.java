package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Loads and stores of one vector that are full-width when {@code tail} is null and masked otherwise, so a
 * kernel writes its loop body once and runs it for the main loop (null) and the masked tail. The JIT folds
 * the null test where the body is inlined.
 */
final class Lanes {

  private final VectorSpecies<Float> species;

  Lanes(VectorSpecies<Float> species) {
    this.species = species;
  }

  VectorSpecies<Float> species() {
    return species;
  }

  /** The mask of the lanes of [from, end) when fewer than a vector remain, else null (full vector). */
  VectorMask<Float> tail(int from, int end) {
    return end - from >= species.length() ? null : species.indexInRange(from, end);
  }

  FloatVector load(float[] a, int offset, VectorMask<Float> tail) {
    return tail == null ? FloatVector.fromArray(species, a, offset) : FloatVector.fromArray(species, a, offset, tail);
  }

  static void store(FloatVector v, float[] a, int offset, VectorMask<Float> tail) {
    if (tail == null) {
      v.intoArray(a, offset);
    } else {
      v.intoArray(a, offset, tail);
    }
  }
}
