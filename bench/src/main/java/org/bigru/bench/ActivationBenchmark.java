package org.bigru.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bigru.kernels.Kernels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** tanh and sigmoid over 4096 floats: the exact library functions (scalar) against the vector approximations. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ActivationBenchmark {

  private static final int SIZE = 4096;

  @Param({"scalar", "panama"})
  public String provider;

  private Kernels kernels;
  private final float[] x = new float[SIZE];
  private final float[] y = new float[SIZE];

  @Setup
  public void setUp() {
    kernels = Kernels.create(provider, 0);
    Random random = new Random(42);
    for (int i = 0; i < SIZE; i++) {
      x[i] = (random.nextFloat() * 2f - 1f) * 8f;
    }
  }

  @Benchmark
  public float[] tanh() {
    kernels.tanh(SIZE, x, 0, y, 0);
    return y;
  }

  @Benchmark
  public float[] sigmoid() {
    kernels.sigmoid(SIZE, x, 0, y, 0);
    return y;
  }
}
