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
 * One time step of the fused gates, GRU (reset after) and LSTM, forward and backward, for a batch of rows: the
 * part of a step that is not GEMM. Each fork uses one provider and one vector width, as a real run does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class GateBenchmark {

  @Param({"scalar", "panama"})
  public String provider;

  @Param({"64", "128", "256"})
  public int hidden;

  @Param({"1", "32", "256"})
  public int rows;

  private Kernels kernels;
  private float[] xg;
  private float[] hg;
  private float[] h;
  private float[] hNew;
  private float[] saved;
  private float[] bias;
  private float[] dhNew;
  private float[] dxg;
  private float[] dhg;
  private float[] dh;
  private float[] lstmXg;
  private float[] lstmHg;
  private float[] c;
  private float[] cNew;
  private float[] lstmSaved;
  private float[] dcNew;
  private float[] dGates;
  private float[] dc;

  @Setup
  public void setUp() {
    kernels = Kernels.create(provider, 0);
    Random random = new Random(42);
    xg = random(random, rows * 3 * hidden, 2f);
    hg = random(random, rows * 3 * hidden, 2f);
    h = random(random, rows * hidden, 1f);
    bias = random(random, 4 * hidden, 1f);
    dhNew = random(random, rows * hidden, 1f);
    hNew = new float[rows * hidden];
    saved = new float[rows * 4 * hidden];
    dxg = new float[rows * 3 * hidden];
    dhg = new float[rows * 3 * hidden];
    dh = new float[rows * hidden];
    kernels.gruForwardResetAfter(rows, hidden, xg, 0, hg, 0, bias, 0, h, 0, hNew, 0, saved, 0);

    lstmXg = random(random, rows * 4 * hidden, 2f);
    lstmHg = random(random, rows * 4 * hidden, 2f);
    c = random(random, rows * hidden, 1f);
    dcNew = random(random, rows * hidden, 1f);
    cNew = new float[rows * hidden];
    lstmSaved = new float[rows * 5 * hidden];
    dGates = new float[rows * 4 * hidden];
    dc = new float[rows * hidden];
    kernels.lstmForward(rows, hidden, lstmXg, 0, lstmHg, 0, bias, 0, c, 0, cNew, 0, hNew, 0, lstmSaved, 0);
  }

  private static float[] random(Random random, int n, float scale) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (random.nextFloat() * 2f - 1f) * scale;
    }
    return a;
  }

  @Benchmark
  public float[] forwardResetAfter() {
    kernels.gruForwardResetAfter(rows, hidden, xg, 0, hg, 0, bias, 0, h, 0, hNew, 0, saved, 0);
    return hNew;
  }

  @Benchmark
  public float[] backwardResetAfter() {
    kernels.gruBackwardResetAfter(rows, hidden, dhNew, 0, h, 0, saved, 0, dxg, 0, dhg, 0, dh, 0);
    return dh;
  }

  @Benchmark
  public float[] lstmForward() {
    kernels.lstmForward(rows, hidden, lstmXg, 0, lstmHg, 0, bias, 0, c, 0, cNew, 0, hNew, 0, lstmSaved, 0);
    return hNew;
  }

  @Benchmark
  public float[] lstmBackward() {
    kernels.lstmBackward(rows, hidden, dhNew, 0, dcNew, 0, c, 0, lstmSaved, 0, dGates, 0, dc, 0);
    return dc;
  }
}
