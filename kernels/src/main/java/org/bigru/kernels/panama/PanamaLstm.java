package org.bigru.kernels.panama;

import static org.bigru.kernels.panama.PanamaActivations.tanh;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The fused LSTM gate kernels, vectorized over the hidden dimension like {@link PanamaGru}: per row, a vector
 * loop and a scalar tail that computes bit for bit what a lane does, with the arithmetic of
 * {@link org.bigru.kernels.ScalarKernels} in the same order and the activations of {@link PanamaActivations}.
 * So the backward kernel matches the scalar one exactly, and no result depends on the vector width.
 *
 * <p>As in {@link PanamaGru}, no loop holds more than one activation (the JIT's inlining budget): the forward
 * step computes i | f (adjacent: one loop over 2H), then g, then o, each with {@link PanamaGates}, then the cell
 * update with tanh(c'), which reads the gates back from saved while the row is still in L1. The four loops must
 * stay separate compilations: C2 compiles them before {@link #forward} (they run more often) and then does not
 * inline code it has already compiled big, whereas a caller compiled before them would inline all four, pass
 * the node budget, and run on heap vectors.
 *
 * <p>Row layouts (i | f | g | o per gate block): xg, hg, dGates [rows x 4H]; saved [rows x 5H] =
 * i | f | g | o | tanh(c'); c, cNew, hNew, dhNew, dcNew, dc [rows x H].
 */
final class PanamaLstm {

  private final ConstantSpecies species;
  private final PanamaGates gates;

  PanamaLstm(VectorSpecies<Float> species) {
    this.species = ConstantSpecies.of(species);
    this.gates = new PanamaGates(species);
  }

  // ---------------------------------------------------------------- forward

  void forward(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias, int biasOff,
               float[] c, int cOff, float[] cNew, int cNewOff, float[] hNew, int hNewOff, float[] saved,
               int savedOff) {
    for (int row = 0; row < rows; row++) {
      int x = xgOff + row * 4 * hidden;
      int hgi = hgOff + row * 4 * hidden;
      int s = savedOff + row * 5 * hidden;
      gates.sigmoid(2 * hidden, xg, x, hg, hgi, bias, biasOff, saved, s);
      gates.tanh(hidden, xg, x + 2 * hidden, hg, hgi + 2 * hidden, bias, biasOff + 2 * hidden, saved, s + 2 * hidden);
      gates.sigmoid(hidden, xg, x + 3 * hidden, hg, hgi + 3 * hidden, bias, biasOff + 3 * hidden, saved,
          s + 3 * hidden);
      cellUpdate(hidden, c, cOff + row * hidden, cNew, cNewOff + row * hidden, hNew, hNewOff + row * hidden,
          saved, s);
    }
  }

  // One row: c' = f * c + i * g and h' = o * tanh(c'), with i, f, g, o read from saved; tanh(c') into saved.
  private void cellUpdate(int hidden, float[] c, int ci, float[] cNew, int cOut, float[] hNew, int hOut,
                          float[] saved, int s) {
    VectorSpecies<Float> vs = species.get();
    int j = 0;
    for (int bound = vs.loopBound(hidden); j < bound; j += vs.length()) {
      FloatVector i = FloatVector.fromArray(vs, saved, s + j);
      FloatVector f = FloatVector.fromArray(vs, saved, s + hidden + j);
      FloatVector g = FloatVector.fromArray(vs, saved, s + 2 * hidden + j);
      FloatVector o = FloatVector.fromArray(vs, saved, s + 3 * hidden + j);
      FloatVector cell = f.mul(FloatVector.fromArray(vs, c, ci + j)).add(i.mul(g));
      FloatVector tanhCell = tanh(cell);
      cell.intoArray(cNew, cOut + j);
      o.mul(tanhCell).intoArray(hNew, hOut + j);
      tanhCell.intoArray(saved, s + 4 * hidden + j);
    }
    for (; j < hidden; j++) {
      float cell = saved[s + hidden + j] * c[ci + j] + saved[s + j] * saved[s + 2 * hidden + j];
      float tanhCell = tanh(cell);
      cNew[cOut + j] = cell;
      hNew[hOut + j] = saved[s + 3 * hidden + j] * tanhCell;
      saved[s + 4 * hidden + j] = tanhCell;
    }
  }

  // ---------------------------------------------------------------- backward

  void backward(int rows, int hidden, float[] dhNew, int dhNewOff, float[] dcNew, int dcNewOff, float[] c, int cOff,
                float[] saved, int savedOff, float[] dGates, int dGatesOff, float[] dc, int dcOff) {
    VectorSpecies<Float> vs = species.get();
    int bound = vs.loopBound(hidden);
    for (int row = 0; row < rows; row++) {
      int s = savedOff + row * 5 * hidden;
      int d = dGatesOff + row * 4 * hidden;
      int ci = cOff + row * hidden;
      int dOuti = dhNewOff + row * hidden;
      int dcNewi = dcNewOff + row * hidden;
      int dci = dcOff + row * hidden;
      int j = 0;
      for (; j < bound; j += vs.length()) {
        FloatVector i = FloatVector.fromArray(vs, saved, s + j);
        FloatVector f = FloatVector.fromArray(vs, saved, s + hidden + j);
        FloatVector g = FloatVector.fromArray(vs, saved, s + 2 * hidden + j);
        FloatVector o = FloatVector.fromArray(vs, saved, s + 3 * hidden + j);
        FloatVector tanhCell = FloatVector.fromArray(vs, saved, s + 4 * hidden + j);
        FloatVector cPrev = FloatVector.fromArray(vs, c, ci + j);
        FloatVector dOut = FloatVector.fromArray(vs, dhNew, dOuti + j);
        FloatVector one = o.broadcast(1f);
        // dcNew is read before dc is written: they may be the same slice
        FloatVector dCell = FloatVector.fromArray(vs, dcNew, dcNewi + j)
            .add(dOut.mul(o).mul(one.sub(tanhCell.mul(tanhCell))));
        dCell.mul(g).mul(i).mul(one.sub(i)).intoArray(dGates, d + j);
        dCell.mul(cPrev).mul(f).mul(one.sub(f)).intoArray(dGates, d + hidden + j);
        dCell.mul(i).mul(one.sub(g.mul(g))).intoArray(dGates, d + 2 * hidden + j);
        dOut.mul(tanhCell).mul(o).mul(one.sub(o)).intoArray(dGates, d + 3 * hidden + j);
        dCell.mul(f).intoArray(dc, dci + j);
      }
      for (; j < hidden; j++) {
        float i = saved[s + j];
        float f = saved[s + hidden + j];
        float g = saved[s + 2 * hidden + j];
        float o = saved[s + 3 * hidden + j];
        float tanhCell = saved[s + 4 * hidden + j];
        float dOut = dhNew[dOuti + j];
        float dCell = dcNew[dcNewi + j] + dOut * o * (1f - tanhCell * tanhCell);
        dGates[d + j] = dCell * g * i * (1f - i);
        dGates[d + hidden + j] = dCell * c[ci + j] * f * (1f - f);
        dGates[d + 2 * hidden + j] = dCell * i * (1f - g * g);
        dGates[d + 3 * hidden + j] = dOut * tanhCell * o * (1f - o);
        dc[dci + j] = dCell * f;
      }
    }
  }
}
