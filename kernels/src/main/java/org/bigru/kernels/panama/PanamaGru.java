package org.bigru.kernels.panama;

import static org.bigru.kernels.panama.PanamaActivations.tanh;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused GRU gate kernels, vectorized over the hidden dimension: per row, a vector loop and a scalar tail
 * that computes bit for bit what a lane does. The arithmetic is the one of
 * {@link org.bigru.kernels.ScalarKernels}, in the same order, with the activations of
 * {@link PanamaActivations}; so the backward kernels match the scalar ones exactly and no result depends on
 * the vector width.
 *
 * <p>No loop holds more than one activation: the JIT turns vector code into SIMD instructions only when
 * all of it is inlined into one compilation, and it stops inlining at a node budget that two activations
 * with their scalar tails (or masked loads and stores) exceed (JDK 25: NodeCountInliningCutoff), after which
 * every vector is a heap object (20 to 50 times slower). So the forward step computes r and z in one loop
 * (their columns are adjacent in xg, hg, bias and saved: one loop over 2H in {@link PanamaGates}, one sigmoid
 * call site), then the candidate in another that reads them back from saved while the row is still in L1;
 * the tails are scalar rather than masked.
 *
 * <p>Row layouts (r | z | n per gate block): xg, hg, dxg, dhg [rows x 3H]; saved [rows x 4H] = r | z | n | hn;
 * h, hNew, rh, drh, dh, dhNew [rows x H].
 */
final class PanamaGru {

  private final ConstantSpecies species;
  private final PanamaGates gates;

  PanamaGru(VectorSpecies<Float> species) {
    this.species = ConstantSpecies.of(species);
    this.gates = new PanamaGates(species);
  }

  // ---------------------------------------------------------------- forward

  void forwardResetAfter(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                         int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved, int savedOff) {
    for (int row = 0; row < rows; row++) {
      int x = xgOff + row * 3 * hidden;
      int hgi = hgOff + row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      gates.sigmoid(2 * hidden, xg, x, hg, hgi, bias, biasOff, saved, s);
      candidate(hidden, true, xg, x, hg, hgi, bias, biasOff, h, hOff + row * hidden, hNew, hNewOff + row * hidden,
          saved, s);
    }
  }

  void resetBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias, int biasOff,
                   float[] h, int hOff, float[] rh, int rhOff, float[] saved, int savedOff) {
    for (int row = 0; row < rows; row++) {
      int s = savedOff + row * 4 * hidden;
      gates.sigmoid(2 * hidden, xg, xgOff + row * 3 * hidden, hg, hgOff + row * 3 * hidden, bias, biasOff, saved, s);
      resetState(hidden, saved, s, h, hOff + row * hidden, rh, rhOff + row * hidden);
    }
  }

  void candidateBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                       int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved, int savedOff) {
    for (int row = 0; row < rows; row++) {
      candidate(hidden, false, xg, xgOff + row * 3 * hidden, hg, hgOff + row * 3 * hidden, bias, biasOff,
          h, hOff + row * hidden, hNew, hNewOff + row * hidden, saved, savedOff + row * 4 * hidden);
    }
  }

  // One row: rh = r * h, r read from saved.
  private void resetState(int hidden, float[] saved, int s, float[] h, int hi, float[] rh, int rhi) {
    VectorSpecies<Float> vs = species.get();
    int j = 0;
    for (int bound = vs.loopBound(hidden); j < bound; j += vs.length()) {
      FloatVector.fromArray(vs, saved, s + j).mul(FloatVector.fromArray(vs, h, hi + j)).intoArray(rh, rhi + j);
    }
    for (; j < hidden; j++) {
      rh[rhi + j] = saved[s + j] * h[hi + j];
    }
  }

  // One row: n = tanh(xg_n + b_in + r * hn) (reset after) or tanh(xg_n + b_in + hn) (reset before), with
  // hn = hg_n + b_hn and r, z read from saved; h' = (1 - z) n + z h; n and hn into saved.
  private void candidate(int hidden, boolean resetAfter, float[] xg, int x, float[] hg, int hgi, float[] bias, int b,
                         float[] h, int hi, float[] hNew, int out, float[] saved, int s) {
    VectorSpecies<Float> vs = species.get();
    int j = 0;
    for (int bound = vs.loopBound(hidden); j < bound; j += vs.length()) {
      FloatVector z = FloatVector.fromArray(vs, saved, s + hidden + j);
      FloatVector hn = FloatVector.fromArray(vs, hg, hgi + 2 * hidden + j)
          .add(FloatVector.fromArray(vs, bias, b + 3 * hidden + j));
      FloatVector xn = FloatVector.fromArray(vs, xg, x + 2 * hidden + j)
          .add(FloatVector.fromArray(vs, bias, b + 2 * hidden + j));
      FloatVector n = tanh(resetAfter ? xn.add(FloatVector.fromArray(vs, saved, s + j).mul(hn)) : xn.add(hn));
      FloatVector hPrev = FloatVector.fromArray(vs, h, hi + j);
      z.broadcast(1f).sub(z).mul(n).add(z.mul(hPrev)).intoArray(hNew, out + j);
      n.intoArray(saved, s + 2 * hidden + j);
      hn.intoArray(saved, s + 3 * hidden + j);
    }
    for (; j < hidden; j++) {
      float z = saved[s + hidden + j];
      float hn = hg[hgi + 2 * hidden + j] + bias[b + 3 * hidden + j];
      float xn = xg[x + 2 * hidden + j] + bias[b + 2 * hidden + j];
      float n = tanh(resetAfter ? xn + saved[s + j] * hn : xn + hn);
      hNew[out + j] = (1f - z) * n + z * h[hi + j];
      saved[s + 2 * hidden + j] = n;
      saved[s + 3 * hidden + j] = hn;
    }
  }

  // ---------------------------------------------------------------- backward

  void backwardResetAfter(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                          float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                          float[] dh, int dhOff) {
    VectorSpecies<Float> vs = species.get();
    int bound = vs.loopBound(hidden);
    for (int row = 0; row < rows; row++) {
      int s = savedOff + row * 4 * hidden;
      int dx = dxgOff + row * 3 * hidden;
      int dhh = dhgOff + row * 3 * hidden;
      int hi = hOff + row * hidden;
      int dOuti = dhNewOff + row * hidden;
      int dhi = dhOff + row * hidden;
      int j = 0;
      for (; j < bound; j += vs.length()) {
        FloatVector r = FloatVector.fromArray(vs, saved, s + j);
        FloatVector z = FloatVector.fromArray(vs, saved, s + hidden + j);
        FloatVector n = FloatVector.fromArray(vs, saved, s + 2 * hidden + j);
        FloatVector hn = FloatVector.fromArray(vs, saved, s + 3 * hidden + j);
        FloatVector hPrev = FloatVector.fromArray(vs, h, hi + j);
        FloatVector dOut = FloatVector.fromArray(vs, dhNew, dOuti + j);
        FloatVector one = z.broadcast(1f);
        FloatVector dn = dOut.mul(one.sub(z)).mul(one.sub(n.mul(n)));
        FloatVector dz = dOut.mul(hPrev.sub(n)).mul(z).mul(one.sub(z));
        FloatVector dr = dn.mul(hn).mul(r).mul(one.sub(r));
        dr.intoArray(dxg, dx + j);
        dz.intoArray(dxg, dx + hidden + j);
        dn.intoArray(dxg, dx + 2 * hidden + j);
        dr.intoArray(dhg, dhh + j);
        dz.intoArray(dhg, dhh + hidden + j);
        dn.mul(r).intoArray(dhg, dhh + 2 * hidden + j);
        dOut.mul(z).intoArray(dh, dhi + j);
      }
      for (; j < hidden; j++) {
        float r = saved[s + j];
        float z = saved[s + hidden + j];
        float n = saved[s + 2 * hidden + j];
        float hn = saved[s + 3 * hidden + j];
        float dOut = dhNew[dOuti + j];
        float dn = dOut * (1f - z) * (1f - n * n);
        float dz = dOut * (h[hi + j] - n) * z * (1f - z);
        float dr = dn * hn * r * (1f - r);
        dxg[dx + j] = dr;
        dxg[dx + hidden + j] = dz;
        dxg[dx + 2 * hidden + j] = dn;
        dhg[dhh + j] = dr;
        dhg[dhh + hidden + j] = dz;
        dhg[dhh + 2 * hidden + j] = dn * r;
        dh[dhi + j] = dOut * z;
      }
    }
  }

  void backwardCandidateBefore(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                               float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                               float[] dh, int dhOff) {
    VectorSpecies<Float> vs = species.get();
    int bound = vs.loopBound(hidden);
    for (int row = 0; row < rows; row++) {
      int s = savedOff + row * 4 * hidden;
      int dx = dxgOff + row * 3 * hidden;
      int dhh = dhgOff + row * 3 * hidden;
      int hi = hOff + row * hidden;
      int dOuti = dhNewOff + row * hidden;
      int dhi = dhOff + row * hidden;
      int j = 0;
      for (; j < bound; j += vs.length()) {
        FloatVector z = FloatVector.fromArray(vs, saved, s + hidden + j);
        FloatVector n = FloatVector.fromArray(vs, saved, s + 2 * hidden + j);
        FloatVector hPrev = FloatVector.fromArray(vs, h, hi + j);
        FloatVector dOut = FloatVector.fromArray(vs, dhNew, dOuti + j);
        FloatVector one = z.broadcast(1f);
        FloatVector dn = dOut.mul(one.sub(z)).mul(one.sub(n.mul(n)));
        FloatVector dz = dOut.mul(hPrev.sub(n)).mul(z).mul(one.sub(z));
        dz.intoArray(dxg, dx + hidden + j);
        dn.intoArray(dxg, dx + 2 * hidden + j);
        dz.intoArray(dhg, dhh + hidden + j);
        dn.intoArray(dhg, dhh + 2 * hidden + j);
        dOut.mul(z).intoArray(dh, dhi + j);
      }
      for (; j < hidden; j++) {
        float z = saved[s + hidden + j];
        float n = saved[s + 2 * hidden + j];
        float dOut = dhNew[dOuti + j];
        float dn = dOut * (1f - z) * (1f - n * n);
        float dz = dOut * (h[hi + j] - n) * z * (1f - z);
        dxg[dx + hidden + j] = dz;
        dxg[dx + 2 * hidden + j] = dn;
        dhg[dhh + hidden + j] = dz;
        dhg[dhh + 2 * hidden + j] = dn;
        dh[dhi + j] = dOut * z;
      }
    }
  }

  void backwardResetBefore(int rows, int hidden, float[] drh, int drhOff, float[] h, int hOff,
                           float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                           float[] dh, int dhOff) {
    VectorSpecies<Float> vs = species.get();
    int bound = vs.loopBound(hidden);
    for (int row = 0; row < rows; row++) {
      int s = savedOff + row * 4 * hidden;
      int dx = dxgOff + row * 3 * hidden;
      int dhh = dhgOff + row * 3 * hidden;
      int hi = hOff + row * hidden;
      int di = drhOff + row * hidden;
      int dhi = dhOff + row * hidden;
      int j = 0;
      for (; j < bound; j += vs.length()) {
        FloatVector r = FloatVector.fromArray(vs, saved, s + j);
        FloatVector d = FloatVector.fromArray(vs, drh, di + j);
        FloatVector dr = d.mul(FloatVector.fromArray(vs, h, hi + j)).mul(r).mul(r.broadcast(1f).sub(r));
        dr.intoArray(dxg, dx + j);
        dr.intoArray(dhg, dhh + j);
        FloatVector.fromArray(vs, dh, dhi + j).add(d.mul(r)).intoArray(dh, dhi + j);
      }
      for (; j < hidden; j++) {
        float r = saved[s + j];
        float d = drh[di + j];
        float dr = d * h[hi + j] * r * (1f - r);
        dxg[dx + j] = dr;
        dhg[dhh + j] = dr;
        dh[dhi + j] += d * r;
      }
    }
  }
}
