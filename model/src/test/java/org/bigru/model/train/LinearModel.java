package org.bigru.model.train;

import java.util.List;
import java.util.SplittableRandom;
import org.bigru.model.ModelConfig;
import org.bigru.model.OutputMode;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Targets;
import org.bigru.model.Task;

/**
 * A stand-in for the network in trainer tests: y = w . x(last real step) + b per sequence, mean squared error.
 * Its gradient is exact and cheap, so the tests see the training loop, not the network.
 */
final class LinearModel implements Trainable {

  final Parameter weight;
  final Parameter bias;
  private final ParameterArena arena;
  private final ModelConfig config;
  int threads;
  int gradientCalls;

  LinearModel(int features) {
    config = ModelConfig.biGru(features, 1, OutputMode.LAST, 1, Task.REGRESSION);
    weight = new Parameter("fc.weight", new int[] {1, features}, true);
    bias = new Parameter("fc.bias", new int[] {1}, false);
    arena = new ParameterArena(List.of(weight, bias));
  }

  @Override
  public ModelConfig config() {
    return config;
  }

  @Override
  public ParameterArena arena() {
    return arena;
  }

  @Override
  public void setThreads(int threads) {
    this.threads = threads;
  }

  @Override
  public float[] predict(SequenceBatch batch) {
    int f = batch.features();
    float[] y = new float[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      int last = (i * batch.steps() + batch.length(i) - 1) * f;
      float sum = bias.get(0);
      for (int j = 0; j < f; j++) {
        sum += weight.get(j) * batch.x()[last + j];
      }
      y[i] = sum;
    }
    return y;
  }

  @Override
  public double loss(SequenceBatch batch, Targets targets) {
    float[] y = predict(batch);
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      double e = y[i] - targets.values()[i];
      sum += e * e;
    }
    return sum / y.length;
  }

  @Override
  public double computeGradients(SequenceBatch batch, Targets targets, SplittableRandom dropoutRng) {
    gradientCalls++;
    int f = batch.features();
    float[] y = predict(batch);
    arena.zeroGrads();
    float[] grads = arena.grads();
    double sum = 0;
    for (int i = 0; i < y.length; i++) {
      float e = y[i] - targets.values()[i];
      sum += (double) e * e;
      float d = 2f * e / y.length;
      int last = (i * batch.steps() + batch.length(i) - 1) * f;
      for (int j = 0; j < f; j++) {
        grads[weight.offset() + j] += d * batch.x()[last + j];
      }
      grads[bias.offset()] += d;
    }
    return sum / y.length;
  }
}
