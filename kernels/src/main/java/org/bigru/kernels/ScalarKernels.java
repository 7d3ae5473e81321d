package org.bigru.kernels;

/**
 * The readable reference: straightforward loops, exact library functions, no unrolling. Tests use it as
 * the oracle for the Panama kernels, and it runs everything when the Vector API is not available.
 */
public final class ScalarKernels implements KernelSupport {

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public int vectorBits() {
    return Float.SIZE;
  }

  @Override
  public boolean usesFma() {
    return false;
  }

  @Override
  public void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha,
                   float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                   float beta, float[] c, int cOff, int ldc) {
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        float sum = 0f;
        for (int p = 0; p < k; p++) {
          float aip = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
          float bpj = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
          sum += aip * bpj;
        }
        int ij = cOff + i * ldc + j;
        c[ij] = beta == 0f ? alpha * sum : alpha * sum + beta * c[ij];
      }
    }
  }

  @Override
  public void sigmoid(int n, float[] x, int xOff, float[] y, int yOff) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = sigmoid(x[xOff + i]);
    }
  }

  @Override
  public void tanh(int n, float[] x, int xOff, float[] y, int yOff) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] = (float) Math.tanh(x[xOff + i]);
    }
  }

  static float sigmoid(float x) {
    return (float) (1.0 / (1.0 + Math.exp(-x)));
  }

  @Override
  public void gruForwardResetAfter(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                                   int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved,
                                   int savedOff) {
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      for (int j = 0; j < hidden; j++) {
        float r = sigmoid(xg[xgOff + g + j] + hg[hgOff + g + j] + bias[biasOff + j]);
        float z = sigmoid(xg[xgOff + g + hidden + j] + hg[hgOff + g + hidden + j] + bias[biasOff + hidden + j]);
        float hn = hg[hgOff + g + 2 * hidden + j] + bias[biasOff + 3 * hidden + j];
        float n = (float) Math.tanh(xg[xgOff + g + 2 * hidden + j] + bias[biasOff + 2 * hidden + j] + r * hn);
        float hPrev = h[hOff + row * hidden + j];
        hNew[hNewOff + row * hidden + j] = (1f - z) * n + z * hPrev;
        saved[s + j] = r;
        saved[s + hidden + j] = z;
        saved[s + 2 * hidden + j] = n;
        saved[s + 3 * hidden + j] = hn;
      }
    }
  }

  @Override
  public void gruBackwardResetAfter(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                                    float[] saved, int savedOff, float[] dxg, int dxgOff, float[] dhg, int dhgOff,
                                    float[] dh, int dhOff) {
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      for (int j = 0; j < hidden; j++) {
        float r = saved[s + j];
        float z = saved[s + hidden + j];
        float n = saved[s + 2 * hidden + j];
        float hn = saved[s + 3 * hidden + j];
        float hPrev = h[hOff + row * hidden + j];
        float dOut = dhNew[dhNewOff + row * hidden + j];

        float dn = dOut * (1f - z) * (1f - n * n);
        float dz = dOut * (hPrev - n) * z * (1f - z);
        float dr = dn * hn * r * (1f - r);

        dxg[dxgOff + g + j] = dr;
        dxg[dxgOff + g + hidden + j] = dz;
        dxg[dxgOff + g + 2 * hidden + j] = dn;
        dhg[dhgOff + g + j] = dr;
        dhg[dhgOff + g + hidden + j] = dz;
        dhg[dhgOff + g + 2 * hidden + j] = dn * r;
        dh[dhOff + row * hidden + j] = dOut * z;
      }
    }
  }

  @Override
  public void gruResetBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                             int biasOff, float[] h, int hOff, float[] rh, int rhOff, float[] saved, int savedOff) {
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      for (int j = 0; j < hidden; j++) {
        float r = sigmoid(xg[xgOff + g + j] + hg[hgOff + g + j] + bias[biasOff + j]);
        float z = sigmoid(xg[xgOff + g + hidden + j] + hg[hgOff + g + hidden + j] + bias[biasOff + hidden + j]);
        rh[rhOff + row * hidden + j] = r * h[hOff + row * hidden + j];
        saved[s + j] = r;
        saved[s + hidden + j] = z;
      }
    }
  }

  @Override
  public void gruCandidateBefore(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                                 int biasOff, float[] h, int hOff, float[] hNew, int hNewOff, float[] saved,
                                 int savedOff) {
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      for (int j = 0; j < hidden; j++) {
        float z = saved[s + hidden + j];
        float hn = hg[hgOff + g + 2 * hidden + j] + bias[biasOff + 3 * hidden + j];
        float n = (float) Math.tanh(xg[xgOff + g + 2 * hidden + j] + bias[biasOff + 2 * hidden + j] + hn);
        hNew[hNewOff + row * hidden + j] = (1f - z) * n + z * h[hOff + row * hidden + j];
        saved[s + 2 * hidden + j] = n;
        saved[s + 3 * hidden + j] = hn;
      }
    }
  }

  @Override
  public void gruBackwardCandidateBefore(int rows, int hidden, float[] dhNew, int dhNewOff, float[] h, int hOff,
                                         float[] saved, int savedOff, float[] dxg, int dxgOff,
                                         float[] dhg, int dhgOff, float[] dh, int dhOff) {
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      for (int j = 0; j < hidden; j++) {
        float z = saved[s + hidden + j];
        float n = saved[s + 2 * hidden + j];
        float hPrev = h[hOff + row * hidden + j];
        float dOut = dhNew[dhNewOff + row * hidden + j];

        float dn = dOut * (1f - z) * (1f - n * n);
        float dz = dOut * (hPrev - n) * z * (1f - z);

        dxg[dxgOff + g + hidden + j] = dz;
        dxg[dxgOff + g + 2 * hidden + j] = dn;
        dhg[dhgOff + g + hidden + j] = dz;
        dhg[dhgOff + g + 2 * hidden + j] = dn;
        dh[dhOff + row * hidden + j] = dOut * z;
      }
    }
  }

  @Override
  public void gruBackwardResetBefore(int rows, int hidden, float[] drh, int drhOff, float[] h, int hOff,
                                     float[] saved, int savedOff, float[] dxg, int dxgOff,
                                     float[] dhg, int dhgOff, float[] dh, int dhOff) {
    for (int row = 0; row < rows; row++) {
      int g = row * 3 * hidden;
      int s = savedOff + row * 4 * hidden;
      for (int j = 0; j < hidden; j++) {
        float r = saved[s + j];
        float d = drh[drhOff + row * hidden + j];
        float dr = d * h[hOff + row * hidden + j] * r * (1f - r);
        dxg[dxgOff + g + j] = dr;
        dhg[dhgOff + g + j] = dr;
        dh[dhOff + row * hidden + j] += d * r;
      }
    }
  }

  @Override
  public void lstmForward(int rows, int hidden, float[] xg, int xgOff, float[] hg, int hgOff, float[] bias,
                          int biasOff, float[] c, int cOff, float[] cNew, int cNewOff, float[] hNew, int hNewOff,
                          float[] saved, int savedOff) {
    for (int row = 0; row < rows; row++) {
      int g4 = row * 4 * hidden;
      int s = savedOff + row * 5 * hidden;
      for (int j = 0; j < hidden; j++) {
        float i = sigmoid(xg[xgOff + g4 + j] + hg[hgOff + g4 + j] + bias[biasOff + j]);
        float f = sigmoid(xg[xgOff + g4 + hidden + j] + hg[hgOff + g4 + hidden + j] + bias[biasOff + hidden + j]);
        float g = (float) Math.tanh(xg[xgOff + g4 + 2 * hidden + j] + hg[hgOff + g4 + 2 * hidden + j]
            + bias[biasOff + 2 * hidden + j]);
        float o = sigmoid(xg[xgOff + g4 + 3 * hidden + j] + hg[hgOff + g4 + 3 * hidden + j]
            + bias[biasOff + 3 * hidden + j]);
        float cell = f * c[cOff + row * hidden + j] + i * g;
        float tanhCell = (float) Math.tanh(cell);
        cNew[cNewOff + row * hidden + j] = cell;
        hNew[hNewOff + row * hidden + j] = o * tanhCell;
        saved[s + j] = i;
        saved[s + hidden + j] = f;
        saved[s + 2 * hidden + j] = g;
        saved[s + 3 * hidden + j] = o;
        saved[s + 4 * hidden + j] = tanhCell;
      }
    }
  }

  @Override
  public void lstmBackward(int rows, int hidden, float[] dhNew, int dhNewOff, float[] dcNew, int dcNewOff,
                           float[] c, int cOff, float[] saved, int savedOff, float[] dGates, int dGatesOff,
                           float[] dc, int dcOff) {
    for (int row = 0; row < rows; row++) {
      int d4 = dGatesOff + row * 4 * hidden;
      int s = savedOff + row * 5 * hidden;
      for (int j = 0; j < hidden; j++) {
        float i = saved[s + j];
        float f = saved[s + hidden + j];
        float g = saved[s + 2 * hidden + j];
        float o = saved[s + 3 * hidden + j];
        float tanhCell = saved[s + 4 * hidden + j];
        float cPrev = c[cOff + row * hidden + j];
        float dOut = dhNew[dhNewOff + row * hidden + j];

        float dCell = dcNew[dcNewOff + row * hidden + j] + dOut * o * (1f - tanhCell * tanhCell);
        dGates[d4 + j] = dCell * g * i * (1f - i);
        dGates[d4 + hidden + j] = dCell * cPrev * f * (1f - f);
        dGates[d4 + 2 * hidden + j] = dCell * i * (1f - g * g);
        dGates[d4 + 3 * hidden + j] = dOut * tanhCell * o * (1f - o);
        dc[dcOff + row * hidden + j] = dCell * f;
      }
    }
  }

  @Override
  public void addBiasRows(int rows, int cols, float[] bias, int biasOff, float[] c, int cOff, int ldc) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        c[cOff + i * ldc + j] += bias[biasOff + j];
      }
    }
  }

  @Override
  public void columnSums(int rows, int cols, float[] a, int aOff, int lda, float[] sums, int sumsOff) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        sums[sumsOff + j] += a[aOff + i * lda + j];
      }
    }
  }

  @Override
  public void multiplyAdd(int n, float[] a, int aOff, float[] b, int bOff, float[] c, int cOff) {
    for (int i = 0; i < n; i++) {
      c[cOff + i] += a[aOff + i] * b[bOff + i];
    }
  }

  @Override
  public void axpy(int n, float alpha, float[] x, int xOff, float[] y, int yOff) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void scale(int n, float alpha, float[] x, int xOff) {
    for (int i = 0; i < n; i++) {
      x[xOff + i] *= alpha;
    }
  }

  @Override
  public double sumOfSquares(int n, float[] x, int xOff) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double v = x[xOff + i];
      sum += v * v;
    }
    return sum;
  }

  @Override
  public double softmaxCrossEntropy(int rows, int classes, float[] logits, int logitsOff, int[] labels,
                                    int labelsOff, float gradScale, float[] grad, int gradOff) {
    double loss = 0;
    for (int i = 0; i < rows; i++) {
      int in = logitsOff + i * classes;
      int out = gradOff + i * classes;
      int label = labels[labelsOff + i];
      if (label < 0) {
        for (int j = 0; j < classes; j++) {
          grad[out + j] = 0f;
        }
        continue;
      }
      float max = Float.NEGATIVE_INFINITY;
      for (int j = 0; j < classes; j++) {
        max = Math.max(max, logits[in + j]);
      }
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        sum += Math.exp(logits[in + j] - max);
      }
      double logSum = Math.log(sum);
      loss += logSum - (logits[in + label] - max);
      for (int j = 0; j < classes; j++) {
        float p = (float) (Math.exp(logits[in + j] - max) / sum);
        grad[out + j] = gradScale * (j == label ? p - 1f : p);
      }
    }
    return loss;
  }

  @Override
  public void adam(int n, float[] w, int wOff, float[] g, int gOff, float[] m, int mOff, float[] v, int vOff,
                   float lr, float beta1, float beta2, float eps, int step) {
    float stepSize = (float) (lr / (1.0 - Math.pow(beta1, step)));
    float correction2Sqrt = (float) Math.sqrt(1.0 - Math.pow(beta2, step));
    for (int i = 0; i < n; i++) {
      float gi = g[gOff + i];
      float mi = beta1 * m[mOff + i] + (1f - beta1) * gi;
      float vi = beta2 * v[vOff + i] + (1f - beta2) * gi * gi;
      m[mOff + i] = mi;
      v[vOff + i] = vi;
      w[wOff + i] -= stepSize * mi / ((float) Math.sqrt(vi) / correction2Sqrt + eps);
    }
  }
}
