package org.bigru.bench;

import java.util.concurrent.TimeUnit;
import org.bigru.kernels.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded GEMM, C = op(A) op(B), on square matrices and on the shapes a BiGRU layer runs. A shape is
 * {@code <ops>-<m>x<n>x<k>}: ops is two letters, n (as stored) or t (transposed), for A then B. The
 * BiGRU shapes, for batch B, hidden H, input I = 8 and T = 32 steps:
 * <pre>
 * nt-Bx3HxH      recurrent step      [B x 3H] = h [B x H] * W_hh^T
 * nt-BTx3Hx8     input projection    [BT x 3H] = x [BT x I] * W_ih^T
 * tn-3Hx8xBT     dW_ih               [3H x I] = dXg^T [3H x BT] * x [BT x I]
 * tn-3HxHxB      dW_hh               [3H x H] = dHg^T [3H x B] * h [B x H]
 * nn-BxHx3H      dh                  [B x H] = dHg [B x 3H] * W_hh [3H x H]
 * </pre>
 * {@code bench/scripts/jmh_gflops.py} turns the JSON result into GFLOP/s (2 m n k / time). On a shared,
 * loaded machine wall-clock times swing; {@link GemmCpuTime} measures the same shapes in thread CPU time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GemmBenchmark {

  @Param({"scalar", "panama"})
  public String provider;

  @Param({
      "nn-64x64x64", "nn-256x256x256", "nn-512x512x512",
      "nt-1x192x64", "nt-1x384x128", "nt-1x768x256",
      "nt-32x192x64", "nt-32x384x128", "nt-32x768x256",
      "nt-256x192x64", "nt-256x384x128", "nt-256x768x256",
      "nt-32x192x8", "nt-1024x384x8", "nt-8192x768x8",
      "tn-192x8x32", "tn-384x8x1024", "tn-768x8x8192",
      "tn-192x64x1", "tn-384x128x32", "tn-768x256x256",
      "nn-1x64x192", "nn-32x128x384", "nn-256x256x768"})
  public String shape;

  private Kernels kernels;
  private GemmShape gemm;

  @Setup
  public void setUp() {
    kernels = Kernels.create(provider, 0);
    gemm = new GemmShape(shape);
  }

  @Benchmark
  public float[] gemm() {
    return gemm.multiply(kernels);
  }
}
