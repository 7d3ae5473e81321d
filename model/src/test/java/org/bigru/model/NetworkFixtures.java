package org.bigru.model;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Small networks and batches for the model tests. */
final class NetworkFixtures {

  private NetworkFixtures() {
  }

  static ModelConfig config(int inputSize, List<RecurrentLayerSpec> recurrent, OutputMode mode,
                            List<DenseLayerSpec> hidden, int outputs, Task task) {
    return new ModelConfig(inputSize, recurrent, mode, hidden, 0.0, outputs, task, List.of(), Map.of());
  }

  static RecurrentLayerSpec gru(int units, boolean bidirectional, ResetGateMode mode, MergeMode merge) {
    return new RecurrentLayerSpec(units, bidirectional, mode, merge);
  }

  static RecurrentLayerSpec lstm(int units, boolean bidirectional, MergeMode merge) {
    return RecurrentLayerSpec.lstm(units, bidirectional, merge, OutputMode.SEQUENCE);
  }

  /** Uniform values in [-scale, scale]. */
  static float[] uniform(SplittableRandom random, int n, double scale) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) ((2 * random.nextDouble() - 1) * scale);
    }
    return values;
  }

  /** Every parameter, biases included, set to random values so that every path carries gradient. */
  static void randomizeParameters(Network network, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (Parameter p : network.parameters()) {
      float[] values = uniform(random, p.size(), 0.6);
      p.setValues(values);
    }
  }

  /** One direction of the cell, its parameters in an arena of their own, each uniform in [-0.6, 0.6]. */
  static DirectionScan randomDirection(SplittableRandom random, RecurrentCell cell, int inputSize) {
    new ParameterArena(cell.parameters());
    for (Parameter p : cell.parameters()) {
      p.setValues(uniform(random, p.size(), 0.6));
    }
    return new DirectionScan(cell, inputSize);
  }

  /** A GRU cell of the given reset mode, or, for a null mode, an LSTM cell. */
  static RecurrentCell cell(int inputSize, int hidden, ResetGateMode mode) {
    return mode == null ? new LstmCell(inputSize, hidden, "lstm.", "l0")
        : new GruCell(inputSize, hidden, mode, "gru.", "l0");
  }

  /** The batch's input in the order's time-major layout [T][N][I], as a layer takes it. */
  static float[] timeMajor(BatchOrder order, SequenceBatch batch, int features) {
    order.set(batch);
    float[] x = new float[batch.steps() * batch.size() * features];
    order.toTimeMajor(batch.x(), features, x);
    return x;
  }

  static SequenceBatch batch(SplittableRandom random, int size, int steps, int features, int[] lengths) {
    return new SequenceBatch(uniform(random, size * steps * features, 1.0), size, steps, features, lengths);
  }

  /** Targets fitting the network's task and output mode, with -1 labels on padded steps. */
  static Targets targets(SplittableRandom random, ModelConfig config, SequenceBatch batch) {
    boolean perStep = config.outputMode() == OutputMode.SEQUENCE;
    int rows = perStep ? batch.size() * batch.steps() : batch.size();
    if (config.task() == Task.REGRESSION) {
      return Targets.responses(uniform(random, rows * config.responses(), 1.0), config.responses());
    }
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      boolean padded = perStep && r % batch.steps() >= batch.length(r / batch.steps());
      labels[r] = padded ? -1 : random.nextInt(config.outputSize());
    }
    return Targets.classes(labels);
  }

  /** Central difference of loss in values[i], dividing by the steps actually taken in float. */
  static double centralDifference(float[] values, int i, double step, java.util.function.DoubleSupplier loss) {
    float original = values[i];
    float plus = (float) (original + step);
    float minus = (float) (original - step);
    values[i] = plus;
    double lossPlus = loss.getAsDouble();
    values[i] = minus;
    double lossMinus = loss.getAsDouble();
    values[i] = original;
    return (lossPlus - lossMinus) / ((double) plus - minus);
  }
}
