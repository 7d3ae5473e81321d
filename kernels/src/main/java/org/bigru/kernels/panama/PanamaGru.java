package org.bigru.kernels.panama;

import jdk.incubator.vector.VectorSpecies;
import org.bigru.kernels.ScalarKernels;

/** PLACEHOLDER: delegates to scalar until the vector version lands. */
final class PanamaGru {
  final ScalarKernels scalar = new ScalarKernels();
  PanamaGru(VectorSpecies<Float> species, PanamaActivations activations) {
  }

  void forwardResetAfter(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved, int savedOff) {
    scalar.gruForwardResetAfter(rows, hidden, xg, xgOff, hg, hgOff, h, hOff, hNew, hNewOff, saved, savedOff);
  }

  void backwardResetAfter(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff, float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff, float[] dh, int dhOff) {
    scalar.gruBackwardResetAfter(rows, hidden, dhNew, dhNewOff, h, hOff, saved, savedOff, dxg, dxgOff, dhg, dhgOff, dh, dhOff);
  }

  void resetBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] h, int hOff, float[] rh, int rhOff, float[] saved, int savedOff) {
    scalar.gruResetBefore(rows, hidden, xg, xgOff, hg, hgOff, h, hOff, rh, rhOff, saved, savedOff);
  }

  void candidateBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved, int savedOff) {
    scalar.gruCandidateBefore(rows, hidden, xg, xgOff, hg, hgOff, h, hOff, hNew, hNewOff, saved, savedOff);
  }

  void backwardCandidateBefore(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff, float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff, float[] dh, int dhOff) {
    scalar.gruBackwardCandidateBefore(rows, hidden, dhNew, dhNewOff, h, hOff, saved, savedOff, dxg, dxgOff, dhg, dhgOff, dh, dhOff);
  }

  void backwardResetBefore(int rows, int hidden, float[] drh, int drhOff, float[] h, int hOff, float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff, float[] dh, int dhOff) {
    scalar.gruBackwardResetBefore(rows, hidden, drh, drhOff, h, hOff, saved, savedOff, dxg, dxgOff, dhg, dhgOff, dh, dhOff);
  }
}
