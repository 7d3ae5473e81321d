package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A float species the JIT sees as a constant. The Vector API compiles to SIMD instructions only when the
 * species is a compile-time constant; a species kept in an instance field is not, and every vector
 * operation then allocates (about 50 times slower). Each width here returns a {@code static final}
 * species from its own class, so once the JIT has inlined {@link #get()} for the one class a program uses,
 * the species is constant again. Code that mixes widths in one JVM (the tests) stays correct, only slower.
 */
abstract class ConstantSpecies {

  abstract VectorSpecies<Float> get();

  static ConstantSpecies of(VectorSpecies<Float> species) {
    switch (species.vectorBitSize()) {
      case 64:
        return new Bits64();
      case 128:
        return new Bits128();
      case 256:
        return new Bits256();
      case 512:
        return new Bits512();
      default:
        throw new IllegalArgumentException("no float species of " + species.vectorBitSize() + " bits");
    }
  }

  private static final class Bits64 extends ConstantSpecies {
    @Override
    VectorSpecies<Float> get() {
      return FloatVector.SPECIES_64;
    }
  }

  private static final class Bits128 extends ConstantSpecies {
    @Override
    VectorSpecies<Float> get() {
      return FloatVector.SPECIES_128;
    }
  }

  private static final class Bits256 extends ConstantSpecies {
    @Override
    VectorSpecies<Float> get() {
      return FloatVector.SPECIES_256;
    }
  }

  private static final class Bits512 extends ConstantSpecies {
    @Override
    VectorSpecies<Float> get() {
      return FloatVector.SPECIES_512;
    }
  }
}
