package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;

/**
 * acc + x * y, fused (one rounding, one instruction) or as a multiply then an add (where the CPU has no
 * FMA, whose emulation is very slow). A strategy object rather than a boolean, so that a hot loop holds
 * one kind only: the JIT inlines the one implementation a program uses instead of compiling both branches
 * into every step (which doubles the size of a micro-kernel and stops it from being compiled whole).
 */
abstract class MultiplyAdd {

  abstract FloatVector apply(FloatVector x, FloatVector y, FloatVector acc);

  static MultiplyAdd of(boolean fused) {
    return fused ? new Fused() : new Separate();
  }

  private static final class Fused extends MultiplyAdd {
    @Override
    FloatVector apply(FloatVector x, FloatVector y, FloatVector acc) {
      return x.fma(y, acc);
    }
  }

  private static final class Separate extends MultiplyAdd {
    @Override
    FloatVector apply(FloatVector x, FloatVector y, FloatVector acc) {
      return x.mul(y).add(acc);
    }
  }
}
