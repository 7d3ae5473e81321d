package org.bigru.kernels.panama;

import jdk.incubator.vector.VectorSpecies;
import org.bigru.kernels.ScalarKernels;

/** PLACEHOLDER: delegates to scalar until the vector version lands. */
final class PanamaGemm {
  final ScalarKernels scalar = new ScalarKernels();
  PanamaGemm(VectorSpecies<Float> species, boolean fma) {
  }

  void gemm(boolean transA, boolean transB, int m, int n, int k, float alpha, float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float beta, float[] c, int cOff, int ldc) {
    scalar.gemm(transA, transB, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
  }
}
