package org.bigru.kernels.panama;

import static org.bigru.kernels.panama.PanamaActivations.sigmoid;
import static org.bigru.kernels.panama.PanamaActivations.tanh;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused GRU gate kernels: each reads its inputs once and writes its outputs once, vectorized over the
 * hidden dimension (full vectors, then one masked vector for the tail of each row). The arithmetic is the
 * one of {@link org.bigru.kernels.ScalarKernels}, in the same order, with the activations of
 * {@link PanamaActivations}; so the backward kernels match the scalar ones exactly and the results do not
 * depend on the vector width.
 *
 * <p>Row layouts (r | z | n per gate block): xg, hg, dxg, dhg [rows x 3H]; saved [rows x 4H] = r | z | n | hn;
 * h, hNew, rh, drh, dh, dhNew [rows x H].
 */
final class PanamaGru {

  private final Lanes lanes;

  PanamaGru(VectorSpecies<Float> species, PanamaActivations activations) {
    // The activations are static vector functions; the instance only fixes the species both share.
    this.lanes = new Lanes(species);
  }

  // ---------------------------------------------------------------- reset after

  void forwardResetAfter(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] h, int hOff,
                         float[] hNew, int hNewOff, float[] saved, int savedOff) {
    int step = lanes.species().length();
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      int state = row * hidden;
      int j = 0;
      for (; j <= hidden - step; j += step) {
        forwardResetAfterLanes(hidden, null, xg, xgOff + g + j, hg, hgOff + g + j, h, hOff + state + j,
            hNew, hNewOff + state + j, saved, s + j);
      }
      if (j < hidden) {
        forwardResetAfterLanes(hidden, lanes.tail(j, hidden), xg, xgOff + g + j, hg, hgOff + g + j,
            h, hOff + state + j, hNew, hNewOff + state + j, saved, s + j);
      }
    }
  }

  private void forwardResetAfterLanes(int hidden, VectorMask<Float> tail, float[] xg, int x, float[] hg, int hgi,
                                      float[] h, int hi, float[] hNew, int hNewi, float[] saved, int s) {
    FloatVector r = sigmoid(lanes.load(xg, x, tail).add(lanes.load(hg, hgi, tail)));
    FloatVector z = sigmoid(lanes.load(xg, x + hidden, tail).add(lanes.load(hg, hgi + hidden, tail)));
    FloatVector hn = lanes.load(hg, hgi + 2 * hidden, tail);
    FloatVector n = tanh(lanes.load(xg, x + 2 * hidden, tail).add(r.mul(hn)));
    FloatVector hPrev = lanes.load(h, hi, tail);
    Lanes.store(z.broadcast(1f).sub(z).mul(n).add(z.mul(hPrev)), hNew, hNewi, tail);
    Lanes.store(r, saved, s, tail);
    Lanes.store(z, saved, s + hidden, tail);
    Lanes.store(n, saved, s + 2 * hidden, tail);
    Lanes.store(hn, saved, s + 3 * hidden, tail);
  }

  void backwardResetAfter(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                          float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                          float[] dh, int dhOff) {
    int step = lanes.species().length();
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      int state = row * hidden;
      int j = 0;
      for (; j <= hidden - step; j += step) {
        backwardResetAfterLanes(hidden, null, dhNew, dhNewOff + state + j, h, hOff + state + j, saved, s + j,
            dxg, dxgOff + g + j, dhg, dhgOff + g + j, dh, dhOff + state + j);
      }
      if (j < hidden) {
        backwardResetAfterLanes(hidden, lanes.tail(j, hidden), dhNew, dhNewOff + state + j, h, hOff + state + j,
            saved, s + j, dxg, dxgOff + g + j, dhg, dhgOff + g + j, dh, dhOff + state + j);
      }
    }
  }

  private void backwardResetAfterLanes(int hidden, VectorMask<Float> tail, float[] dhNew, int dOuti, float[] h,
                                       int hi, float[] saved, int s, float[] dxg, int dx, float[] dhg, int dhgi,
                                       float[] dh, int dhi) {
    FloatVector r = lanes.load(saved, s, tail);
    FloatVector z = lanes.load(saved, s + hidden, tail);
    FloatVector n = lanes.load(saved, s + 2 * hidden, tail);
    FloatVector hn = lanes.load(saved, s + 3 * hidden, tail);
    FloatVector hPrev = lanes.load(h, hi, tail);
    FloatVector dOut = lanes.load(dhNew, dOuti, tail);
    FloatVector one = z.broadcast(1f);

    FloatVector dn = dOut.mul(one.sub(z)).mul(one.sub(n.mul(n)));
    FloatVector dz = dOut.mul(hPrev.sub(n)).mul(z).mul(one.sub(z));
    FloatVector dr = dn.mul(hn).mul(r).mul(one.sub(r));

    Lanes.store(dr, dxg, dx, tail);
    Lanes.store(dz, dxg, dx + hidden, tail);
    Lanes.store(dn, dxg, dx + 2 * hidden, tail);
    Lanes.store(dr, dhg, dhgi, tail);
    Lanes.store(dz, dhg, dhgi + hidden, tail);
    Lanes.store(dn.mul(r), dhg, dhgi + 2 * hidden, tail);
    Lanes.store(dOut.mul(z), dh, dhi, tail);
  }

  // ---------------------------------------------------------------- reset before

  void resetBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] h, int hOff,
                   float[] rh, int rhOff, float[] saved, int savedOff) {
    int step = lanes.species().length();
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      int state = row * hidden;
      int j = 0;
      for (; j <= hidden - step; j += step) {
        resetBeforeLanes(hidden, null, xg, xgOff + g + j, hg, hgOff + g + j, h, hOff + state + j,
            rh, rhOff + state + j, saved, s + j);
      }
      if (j < hidden) {
        resetBeforeLanes(hidden, lanes.tail(j, hidden), xg, xgOff + g + j, hg, hgOff + g + j, h, hOff + state + j,
            rh, rhOff + state + j, saved, s + j);
      }
    }
  }

  private void resetBeforeLanes(int hidden, VectorMask<Float> tail, float[] xg, int x, float[] hg, int hgi,
                                float[] h, int hi, float[] rh, int rhi, float[] saved, int s) {
    FloatVector r = sigmoid(lanes.load(xg, x, tail).add(lanes.load(hg, hgi, tail)));
    FloatVector z = sigmoid(lanes.load(xg, x + hidden, tail).add(lanes.load(hg, hgi + hidden, tail)));
    Lanes.store(r.mul(lanes.load(h, hi, tail)), rh, rhi, tail);
    Lanes.store(r, saved, s, tail);
    Lanes.store(z, saved, s + hidden, tail);
  }

  void candidateBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] h, int hOff,
                       float[] hNew, int hNewOff, float[] saved, int savedOff) {
    int step = lanes.species().length();
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      int state = row * hidden;
      int j = 0;
      for (; j <= hidden - step; j += step) {
        candidateBeforeLanes(hidden, null, xg, xgOff + g + j, hg, hgOff + g + j, h, hOff + state + j,
            hNew, hNewOff + state + j, saved, s + j);
      }
      if (j < hidden) {
        candidateBeforeLanes(hidden, lanes.tail(j, hidden), xg, xgOff + g + j, hg, hgOff + g + j,
            h, hOff + state + j, hNew, hNewOff + state + j, saved, s + j);
      }
    }
  }

  private void candidateBeforeLanes(int hidden, VectorMask<Float> tail, float[] xg, int x, float[] hg, int hgi,
                                    float[] h, int hi, float[] hNew, int hNewi, float[] saved, int s) {
    FloatVector z = lanes.load(saved, s + hidden, tail);
    FloatVector hn = lanes.load(hg, hgi + 2 * hidden, tail);
    FloatVector n = tanh(lanes.load(xg, x + 2 * hidden, tail).add(hn));
    FloatVector hPrev = lanes.load(h, hi, tail);
    Lanes.store(z.broadcast(1f).sub(z).mul(n).add(z.mul(hPrev)), hNew, hNewi, tail);
    Lanes.store(n, saved, s + 2 * hidden, tail);
    Lanes.store(hn, saved, s + 3 * hidden, tail);
  }

  void backwardCandidateBefore(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                               float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                               float[] dh, int dhOff) {
    int step = lanes.species().length();
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      int state = row * hidden;
      int j = 0;
      for (; j <= hidden - step; j += step) {
        backwardCandidateBeforeLanes(hidden, null, dhNew, dhNewOff + state + j, h, hOff + state + j, saved, s + j,
            dxg, dxgOff + g + j, dhg, dhgOff + g + j, dh, dhOff + state + j);
      }
      if (j < hidden) {
        backwardCandidateBeforeLanes(hidden, lanes.tail(j, hidden), dhNew, dhNewOff + state + j,
            h, hOff + state + j, saved, s + j, dxg, dxgOff + g + j, dhg, dhgOff + g + j, dh, dhOff + state + j);
      }
    }
  }

  private void backwardCandidateBeforeLanes(int hidden, VectorMask<Float> tail, float[] dhNew, int dOuti,
                                            float[] h, int hi, float[] saved, int s, float[] dxg, int dx,
                                            float[] dhg, int dhgi, float[] dh, int dhi) {
    FloatVector z = lanes.load(saved, s + hidden, tail);
    FloatVector n = lanes.load(saved, s + 2 * hidden, tail);
    FloatVector hPrev = lanes.load(h, hi, tail);
    FloatVector dOut = lanes.load(dhNew, dOuti, tail);
    FloatVector one = z.broadcast(1f);

    FloatVector dn = dOut.mul(one.sub(z)).mul(one.sub(n.mul(n)));
    FloatVector dz = dOut.mul(hPrev.sub(n)).mul(z).mul(one.sub(z));

    Lanes.store(dz, dxg, dx + hidden, tail);
    Lanes.store(dn, dxg, dx + 2 * hidden, tail);
    Lanes.store(dz, dhg, dhgi + hidden, tail);
    Lanes.store(dn, dhg, dhgi + 2 * hidden, tail);
    Lanes.store(dOut.mul(z), dh, dhi, tail);
  }

  void backwardResetBefore(int rows, int hidden, float[] drh, int drhOff, float[] h, int hOff,
                           float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                           float[] dh, int dhOff) {
    int step = lanes.species().length();
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      int state = row * hidden;
      int j = 0;
      for (; j <= hidden - step; j += step) {
        backwardResetBeforeLanes(null, drh, drhOff + state + j, h, hOff + state + j, saved, s + j,
            dxg, dxgOff + g + j, dhg, dhgOff + g + j, dh, dhOff + state + j);
      }
      if (j < hidden) {
        backwardResetBeforeLanes(lanes.tail(j, hidden), drh, drhOff + state + j, h, hOff + state + j, saved, s + j,
            dxg, dxgOff + g + j, dhg, dhgOff + g + j, dh, dhOff + state + j);
      }
    }
  }

  private void backwardResetBeforeLanes(VectorMask<Float> tail, float[] drh, int drhi, float[] h, int hi,
                                        float[] saved, int s, float[] dxg, int dx, float[] dhg, int dhgi,
                                        float[] dh, int dhi) {
    FloatVector r = lanes.load(saved, s, tail);
    FloatVector d = lanes.load(drh, drhi, tail);
    FloatVector dr = d.mul(lanes.load(h, hi, tail)).mul(r).mul(r.broadcast(1f).sub(r));
    Lanes.store(dr, dxg, dx, tail);
    Lanes.store(dr, dhg, dhgi, tail);
    Lanes.store(lanes.load(dh, dhi, tail).add(d.mul(r)), dh, dhi, tail);
  }
}
