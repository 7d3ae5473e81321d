package org.bigru.kernels.panama;

import jdk.incubator.vector.VectorSpecies;
import org.bigru.kernels.ScalarKernels;

/** PLACEHOLDER: delegates to scalar until the vector version lands. */
final class PanamaActivations {
  final ScalarKernels scalar = new ScalarKernels();
  PanamaActivations(VectorSpecies<Float> species) {
  }

  void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
    scalar.sigmoid(n, x, xOff, y, yOff);
  }

  void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
    scalar.tanh(n, x, xOff, y, yOff);
  }
}
