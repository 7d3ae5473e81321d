package org.bigru.kernels.panama;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * One row of gates from their projections: act(xg + hg + bias) over n adjacent columns, the first loops of the
 * GRU and LSTM forward steps. The vector loop and the scalar tail compute the same bits (see
 * {@link PanamaActivations}). The two activations are two methods, not one loop with a choice, so that no loop
 * holds more than one activation (see {@link PanamaGru}).
 */
final class PanamaGates {

  private final ConstantSpecies species;

  PanamaGates(VectorSpecies<Float> species) {
    this.species = ConstantSpecies.of(species);
  }

  /** out = sigmoid(xg + hg + bias) for n columns. */
  void sigmoid(int n, float[] xg, int x, float[] hg, int hgi, float[] bias, int b, float[] out, int o) {
    VectorSpecies<Float> vs = species.get();
    int j = 0;
    for (int bound = vs.loopBound(n); j < bound; j += vs.length()) {
      FloatVector pre = FloatVector.fromArray(vs, xg, x + j).add(FloatVector.fromArray(vs, hg, hgi + j))
          .add(FloatVector.fromArray(vs, bias, b + j));
      PanamaActivations.sigmoid(pre).intoArray(out, o + j);
    }
    for (; j < n; j++) {
      out[o + j] = PanamaActivations.sigmoid(xg[x + j] + hg[hgi + j] + bias[b + j]);
    }
  }

  /** out = tanh(xg + hg + bias) for n columns. */
  void tanh(int n, float[] xg, int x, float[] hg, int hgi, float[] bias, int b, float[] out, int o) {
    VectorSpecies<Float> vs = species.get();
    int j = 0;
    for (int bound = vs.loopBound(n); j < bound; j += vs.length()) {
      FloatVector pre = FloatVector.fromArray(vs, xg, x + j).add(FloatVector.fromArray(vs, hg, hgi + j))
          .add(FloatVector.fromArray(vs, bias, b + j));
      PanamaActivations.tanh(pre).intoArray(out, o + j);
    }
    for (; j < n; j++) {
      out[o + j] = PanamaActivations.tanh(xg[x + j] + hg[hgi + j] + bias[b + j]);
    }
  }
}
