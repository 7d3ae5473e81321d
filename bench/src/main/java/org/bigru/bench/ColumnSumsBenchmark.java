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

/**
 * Column sums of a [rows x 3H] gate-gradient block, the bias gradients of a training step: S's backward chunk
 * (320 x 192), S's whole batch (1024 x 192) and M's (6400 x 384).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class ColumnSumsBenchmark {

  @Param({"scalar", "panama"})
  public String provider;

  @Param({"320x192", "1024x192", "6400x384"})
  public String shape;

  private Kernels kernels;
  private int rows;
  private int cols;
  private float[] a;
  private float[] sums;

  @Setup
  public void setUp() {
    kernels = Kernels.create(provider, 0);
    String[] dims = shape.split("x");
    rows = Integer.parseInt(dims[0]);
    cols = Integer.parseInt(dims[1]);
    Random random = new Random(42);
    a = new float[rows * cols];
    for (int i = 0; i < a.length; i++) {
      a[i] = random.nextFloat() * 2f - 1f;
    }
    sums = new float[cols];
  }

  @Benchmark
  public float[] columnSums() {
    kernels.columnSums(rows, cols, a, 0, cols, sums, 0);
    return sums;
  }
}
