package org.bigru.matlab;

import java.util.ArrayList;
import java.util.List;
import org.bigru.model.MemoryBudget;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.bigru.model.train.Trainer;

/**
 * Forecasting through the facade as MATLAB's time-series examples do: a regression network whose responses are
 * its input's next time step is run in closed loop, each prediction fed back as the next input
 * ({@code bigru.forecast}); and {@code predictAndUpdateState}, where the state of a forward-only network is the
 * sequence it has seen, so a call's outputs are those of the new time steps given everything before them.
 */
public final class ClosedLoop {

  private ClosedLoop() {
  }

  /**
   * For each sequence of {@code x}, the {@code steps} time steps after its end: the network's output at the
   * last time step is the next input, then the sequence one step longer is predicted again. The result
   * concatenates, per sequence, its numFeatures-by-steps matrix in column-major order.
   */
  public static double[] forecast(MatlabNetwork net, Sequences x, double steps) {
    int k = MatlabValues.count(steps, "K, the number of time steps to forecast,", 1);
    requireNextStep(net, x);
    Network network = net.network();
    int features = x.features();
    List<float[]> current = new ArrayList<>(x.values());
    long longest = (long) x.maxSteps() + k;
    Bigru.requireMemory(MemoryBudget.inferenceBytes(network.config(), Math.min(128, x.size()),
        (int) Math.min(Integer.MAX_VALUE, longest)) + (long) Float.BYTES * x.size() * longest * features * 2,
        "forecasting " + k + " time steps after " + x.size() + " sequences of up to " + x.maxSteps() + " time steps",
        "forecast fewer sequences or time steps at a time");
    double[] result = new double[Math.toIntExact((long) x.size() * k * features)];
    for (int step = 0; step < k; step++) {
      float[][] outputs = Trainer.predict(network, Dataset.inputs(current, features));
      for (int i = 0; i < current.size(); i++) {
        float[] sequence = current.get(i);
        float[] grown = new float[sequence.length + features];
        System.arraycopy(sequence, 0, grown, 0, sequence.length);
        System.arraycopy(outputs[i], outputs[i].length - features, grown, sequence.length, features);
        current.set(i, grown);
        for (int f = 0; f < features; f++) {
          result[(i * k + step) * features + f] = grown[sequence.length + f];
        }
      }
    }
    return result;
  }

  /**
   * Refuses a network whose outputs at a time step depend on later time steps (a bidirectional layer): its
   * state cannot be carried forward one call at a time, as MATLAB refuses predictAndUpdateState for it.
   */
  public static void requireForwardOnly(MatlabNetwork net) {
    List<MatlabLayer> layers = net.layers().layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).type().bidirectional()) {
        throw new IllegalArgumentException(layers.get(i).describe(i) + " reads each sequence backwards too, so "
            + "its outputs depend on time steps not seen yet: predictAndUpdateState needs a network of forward "
            + "layers only (gruLayer, lstmLayer); use predict on whole sequences, or bigru.forecast");
      }
    }
  }

  /** The network's outputs must be the next time step of its inputs: regression with one response per feature. */
  private static void requireNextStep(MatlabNetwork net, Sequences x) {
    ModelConfig config = net.network().config();
    if (config.task() != Task.REGRESSION) {
      throw new IllegalArgumentException("forecast needs a regression network (ending with regressionLayer) that "
          + "predicts the next time step; this one classifies");
    }
    if (config.inputSize() != x.features() || config.outputSize() != config.inputSize()) {
      throw new IllegalArgumentException("forecast feeds each prediction back as the next input, so the network "
          + "needs as many responses as features: it has " + config.outputSize() + " responses and "
          + config.inputSize() + " features" + (x.features() != config.inputSize() ? ", and " + x.argument()
              + " has " + x.features() : ""));
    }
  }
}
