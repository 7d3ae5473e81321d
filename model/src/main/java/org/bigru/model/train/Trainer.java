package org.bigru.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bigru.kernels.Kernels;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.Parameter;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.MiniBatches;
import org.bigru.model.data.TargetKind;

/**
 * Mini-batch training, evaluation and prediction over {@link Dataset}s.
 *
 * <p>One iteration: forward and backward of the mean batch loss, L2 on weights, clipping by value, clipping
 * by global norm, optimizer step. Validation runs every {@code validationFrequency} iterations and at the end
 * of each epoch. Everything random (shuffling, dropout) comes from the options' seed, so the same seed, data
 * and options give bitwise the same weights for any thread count.
 */
public final class Trainer {

  private static final int PREDICT_BATCH = 128;

  private Trainer() {
  }

  /**
   * Trains {@code network} in place (and sets its thread count to the options'); {@code validation} and
   * {@code listener} may be null.
   */
  public static TrainingHistory fit(Network network, Dataset train, Dataset validation, TrainingOptions options,
                                    TrainingListener listener) {
    return fit(Trainable.of(network), train, validation, options, listener);
  }

  /** Mean loss over the data set (rows weighted equally), without dropout. */
  public static double evaluate(Network network, Dataset data) {
    return evaluate(Trainable.of(network), data);
  }

  static double evaluate(Trainable model, Dataset data) {
    checkCompatible(model.config(), data, "evaluation data", true);
    return meanLoss(model, new MiniBatches(data, PREDICT_BATCH));
  }

  /**
   * Outputs per sequence, in data order: [outputs] for output mode 'last', [length(i), outputs] for
   * 'sequence'. For classification these are logits.
   */
  public static float[][] predict(Network network, Dataset data) {
    return predict(Trainable.of(network), data);
  }

  static TrainingHistory fit(Trainable model, Dataset train, Dataset validation, TrainingOptions options,
                             TrainingListener listener) {
    if (train == null || options == null) {
      throw new IllegalArgumentException("training data and options are required");
    }
    ModelConfig config = model.config();
    checkCompatible(config, train, "training data", true);
    if (validation != null) {
      checkCompatible(config, validation, "validation data", true);
    }
    return new Run(model, train, validation, options, listener == null ? TrainingListener.NONE : listener)
        .execute();
  }

  static float[][] predict(Trainable model, Dataset data) {
    ModelConfig config = model.config();
    checkCompatible(config, data, "prediction data", false);
    int outputs = config.outputSize();
    boolean perStep = config.outputMode() == OutputMode.SEQUENCE;
    MiniBatches batches = new MiniBatches(data, PREDICT_BATCH);
    float[][] result = new float[data.size()][];
    for (int b = 0; b < batches.count(); b++) {
      MiniBatches.Batch batch = batches.batch(b);
      float[] y = model.predict(batch.input());
      int steps = batch.input().steps();
      for (int k = 0; k < batch.input().size(); k++) {
        int i = batch.first() + k;
        int width = perStep ? data.length(i) * outputs : outputs;
        float[] row = new float[width];
        System.arraycopy(y, perStep ? k * steps * outputs : k * outputs, row, 0, width);
        result[i] = row;
      }
    }
    return result;
  }

  private static double meanLoss(Trainable model, MiniBatches batches) {
    double sum = 0;
    long rows = 0;
    for (int b = 0; b < batches.count(); b++) {
      MiniBatches.Batch batch = batches.batch(b);
      sum += model.loss(batch.input(), batch.targets()) * batch.rows();
      rows += batch.rows();
    }
    return sum / rows;
  }

  /** The data set must match the network: features, and (when targets are needed) task, mode and outputs. */
  static void checkCompatible(ModelConfig config, Dataset data, String role, boolean needsTargets) {
    if (data == null) {
      throw new IllegalArgumentException(role + " is required");
    }
    if (data.features() != config.inputSize()) {
      throw new IllegalArgumentException(role + " has " + data.features() + " features per step, the network "
          + "expects " + config.inputSize());
    }
    if (!needsTargets) {
      return;
    }
    boolean perStep = config.outputMode() == OutputMode.SEQUENCE;
    TargetKind expected = config.task() == Task.CLASSIFICATION
        ? (perStep ? TargetKind.STEP_CLASSES : TargetKind.SEQUENCE_CLASSES)
        : (perStep ? TargetKind.STEP_RESPONSES : TargetKind.SEQUENCE_RESPONSES);
    if (data.kind() != expected) {
      throw new IllegalArgumentException(role + " holds " + data.kind() + " but a " + config.task().lowerName()
          + " network with output mode '" + config.outputMode().lowerName() + "' needs " + expected);
    }
    if (data.outputs() != config.outputSize()) {
      throw new IllegalArgumentException(role + " has " + data.outputs()
          + (expected.isClassification() ? " classes" : " responses per row") + ", the network has "
          + config.outputSize() + " outputs");
    }
  }

  /** The state of one call of fit. */
  private static final class Run {
    private final Kernels kernels = Kernels.get();
    private final Trainable model;
    private final TrainingOptions options;
    private final TrainingListener listener;
    private final List<Parameter> parameters;
    private final MiniBatches trainBatches;
    private final MiniBatches validationBatches;
    private final float[][] bestValues;
    private final SplittableRandom shuffleRng;
    private final SplittableRandom dropoutRng;

    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int bestIteration;
    private int validationsWithoutProgress;
    private StopReason stopReason;

    Run(Trainable model, Dataset train, Dataset validation, TrainingOptions options, TrainingListener listener) {
      this.model = model;
      this.options = options;
      this.listener = listener;
      this.parameters = model.parameters();
      this.trainBatches = new MiniBatches(train, options.miniBatchSize());
      this.validationBatches = validation == null ? null : new MiniBatches(validation, options.miniBatchSize());
      if (validation != null && options.restoreBestWeights()) {
        bestValues = new float[parameters.size()][];
        for (int i = 0; i < bestValues.length; i++) {
          bestValues[i] = new float[parameters.get(i).size()];
        }
      } else {
        bestValues = null;
      }
      SplittableRandom root = new SplittableRandom(options.seed());
      this.shuffleRng = root.split();
      SplittableRandom dropout = root.split();
      this.dropoutRng = model.config().dropout() > 0 ? dropout : null;
    }

    TrainingHistory execute() {
      model.setThreads(options.threads());
      Optimizer optimizer = options.createOptimizer();
      float l2 = (float) options.l2Regularization();
      float clipValue = (float) options.gradientClipValue();
      if (options.shuffle() == Shuffle.ONCE) {
        trainBatches.shuffle(shuffleRng);
      }
      List<TrainingHistory.Epoch> epochs = new ArrayList<>();
      int batchesPerEpoch = trainBatches.count();
      int iteration = 0;
      for (int epoch = 1; epoch <= options.maxEpochs() && stopReason == null; epoch++) {
        long start = System.nanoTime();
        double learningRate = options.learningRateAt(epoch);
        optimizer.setLearningRate(learningRate);
        if (options.shuffle() == Shuffle.EVERY_EPOCH) {
          trainBatches.shuffle(shuffleRng);
        }
        double lossSum = 0;
        long rows = 0;
        for (int b = 0; b < batchesPerEpoch && stopReason == null; b++) {
          MiniBatches.Batch batch = trainBatches.batch(b);
          double loss = model.computeGradients(batch.input(), batch.targets(), dropoutRng);
          if (!Double.isFinite(loss)) {
            stopReason = StopReason.NOT_FINITE_LOSS;
            break;
          }
          Gradients.addL2(parameters, l2, kernels);
          Gradients.clipByValue(parameters, clipValue);
          Gradients.clipByGlobalNorm(parameters, options.gradientThreshold(), kernels);
          optimizer.step(parameters);
          iteration++;
          lossSum += loss * batch.rows();
          rows += batch.rows();
          listener.onBatchEnd(epoch, iteration, b, batchesPerEpoch, loss);
          if (validationBatches != null && iteration % options.validationFrequency() == 0
              && b < batchesPerEpoch - 1) {
            validate(epoch, iteration);
          }
          if (stopReason == null && listener.stopRequested()) {
            stopReason = StopReason.REQUESTED;
          }
        }
        double validationLoss = validationBatches == null || stopReason == StopReason.NOT_FINITE_LOSS
            ? Double.NaN : validate(epoch, iteration);
        double seconds = (System.nanoTime() - start) / 1e9;
        double epochLoss = rows == 0 ? Double.NaN : lossSum / rows;
        epochs.add(new TrainingHistory.Epoch(epoch, epochLoss, validationLoss, seconds, learningRate));
        listener.onEpochEnd(epoch, epochLoss, validationLoss, seconds);
      }
      boolean restore = bestValues != null && bestEpoch > 0;
      if (restore) {
        for (int i = 0; i < bestValues.length; i++) {
          System.arraycopy(bestValues[i], 0, parameters.get(i).value(), 0, bestValues[i].length);
        }
      }
      return new TrainingHistory(epochs, iteration, bestEpoch, bestIteration,
          validationBatches == null ? Double.NaN : bestLoss,
          stopReason == null ? StopReason.MAX_EPOCHS : stopReason, restore);
    }

    /** Validation loss now; records a new best (copying the weights) or counts towards patience. */
    private double validate(int epoch, int iteration) {
      double loss = meanLoss(model, validationBatches);
      boolean best = loss < bestLoss;
      if (best) {
        bestLoss = loss;
        bestEpoch = epoch;
        bestIteration = iteration;
        validationsWithoutProgress = 0;
        if (bestValues != null) {
          for (int i = 0; i < bestValues.length; i++) {
            System.arraycopy(parameters.get(i).value(), 0, bestValues[i], 0, bestValues[i].length);
          }
        }
      } else {
        validationsWithoutProgress++;
        if (validationsWithoutProgress >= options.validationPatience() && stopReason == null) {
          stopReason = StopReason.VALIDATION_PATIENCE;
        }
      }
      listener.onValidation(epoch, iteration, loss, best);
      return loss;
    }
  }
}
