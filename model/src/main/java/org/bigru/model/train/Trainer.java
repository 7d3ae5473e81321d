package org.bigru.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.bigru.model.io.ModelConfigJson;

/**
 * Mini-batch training, evaluation and prediction over {@link Dataset}s.
 *
 * <p>One iteration: forward and backward of the mean batch loss, L2 on weights, clipping by value, clipping
 * by global norm, optimizer step. Validation runs every {@code validationFrequency} iterations and at the end
 * of each epoch. Everything random (shuffling, dropout) comes from the options' seed through two
 * {@link SplitMix64} streams, so the same seed, data and options give bitwise the same weights for any thread
 * count, and a run resumed from a {@link Checkpoint} continues bitwise as if it had never stopped.
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

  /**
   * Continues training from the newest valid checkpoint in {@code options.checkpointDir()} (a truncated or
   * corrupt newer one is skipped with a warning to the listener), or starts from the beginning with a warning
   * when there is none. {@code network} must have the configuration the checkpoint was written with, and the
   * data and options must be those of the interrupted run; its weights are replaced by the checkpoint's.
   */
  public static TrainingHistory resume(Network network, Dataset train, Dataset validation, TrainingOptions options,
                                       TrainingListener listener) {
    if (options == null || options.checkpointDir() == null) {
      throw new IllegalArgumentException("resuming needs options with a checkpoint directory");
    }
    TrainingListener l = listener == null ? TrainingListener.NONE : listener;
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.readNewest(options.checkpointDir(), l::onWarning);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoints in " + options.checkpointDir() + ": "
          + e.getMessage(), e);
    }
    if (checkpoint == null) {
      l.onWarning("no checkpoint in " + options.checkpointDir() + ", training starts from the beginning");
    }
    return fit(Trainable.of(network), train, validation, options, l, checkpoint, true);
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
    return fit(model, train, validation, options, listener, null, false);
  }

  static TrainingHistory fit(Trainable model, Dataset train, Dataset validation, TrainingOptions options,
                             TrainingListener listener, Checkpoint checkpoint, boolean resuming) {
    if (train == null || options == null) {
      throw new IllegalArgumentException("training data and options are required");
    }
    ModelConfig config = model.config();
    checkCompatible(config, train, "training data", true);
    if (validation != null) {
      checkCompatible(config, validation, "validation data", true);
    }
    if (options.checkpointDir() != null) {
      CheckpointFolder.claim(options.checkpointDir(), CheckpointFolder.fingerprint(config, train, validation, options),
          resuming);
    }
    Run run = new Run(model, train, validation, options, listener == null ? TrainingListener.NONE : listener);
    if (checkpoint != null) {
      run.restore(checkpoint);
    }
    return run.execute();
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

  /** The state of one call of fit: every field a checkpoint must hold to continue exactly. */
  private static final class Run {
    private final Kernels kernels = Kernels.get();
    private final Trainable model;
    private final TrainingOptions options;
    private final TrainingListener listener;
    private final List<Parameter> parameters;
    private final MiniBatches trainBatches;
    private final MiniBatches validationBatches;
    private final float[][] bestValues;
    private final SplitMix64 shuffleRng;
    private final SplitMix64 dropoutRng;
    private final Optimizer optimizer;
    private final Checkpoint.Settings settings;
    private final List<TrainingHistory.Epoch> epochs = new ArrayList<>();

    private int epoch = 1;
    private int nextBatch;
    private int iteration;
    private double lossSum;
    private long rows;
    private double secondsBefore;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int bestIteration;
    private int validationsWithoutProgress;
    private int skippedBatches;
    private StopReason stopReason;
    private String stopMessage = "";

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
      SplitMix64 root = new SplitMix64(options.seed());
      this.shuffleRng = new SplitMix64(root.nextLong());
      this.dropoutRng = new SplitMix64(root.nextLong());
      this.optimizer = options.createOptimizer();
      this.settings = new Checkpoint.Settings(ModelConfigJson.toJson(model.config()), train.size(),
          validation == null ? 0 : validation.size(), options.miniBatchSize(), options.seed(), options.shuffle().name(), options.optimizer().name());
      if (options.shuffle() == Shuffle.ONCE) {
        trainBatches.shuffle(shuffleRng);
      }
    }

    TrainingHistory execute() {
      model.setThreads(options.threads());
      deleteCheckpointLeftovers();
      float l2 = (float) options.l2Regularization();
      float clipValue = (float) options.gradientClipValue();
      int batchesPerEpoch = trainBatches.count();
      for (; epoch <= options.maxEpochs() && stopReason == null; epoch++) {
        long start = System.nanoTime();
        double learningRate = options.learningRateAt(epoch);
        optimizer.setLearningRate(learningRate);
        if (nextBatch == 0 && options.shuffle() == Shuffle.EVERY_EPOCH) {
          trainBatches.shuffle(shuffleRng);
        }
        for (; nextBatch < batchesPerEpoch && stopReason == null; nextBatch++) {
          int b = nextBatch;
          MiniBatches.Batch batch = trainBatches.batch(b);
          SplittableRandom dropout = model.config().dropout() > 0 ? new SplittableRandom(dropoutRng.nextLong()) : null;
          double loss = model.computeGradients(batch.input(), batch.targets(), dropout);
          String fault = nonFinite(loss);
          if (fault != null) {
            String where = fault + " at epoch " + epoch + ", batch " + (b + 1) + " of " + batchesPerEpoch
                + " (iteration " + (iteration + 1) + ")";
            if (options.onNonFinite() == NonFinitePolicy.STOP) {
              stopReason = StopReason.NOT_FINITE_LOSS;
              stopMessage = where + ": training stopped with the weights before that batch";
              break;
            }
            skippedBatches++;
            listener.onWarning(where + ": batch skipped (" + skippedBatches + " so far)");
            continue;
          }
          Gradients.addL2(parameters, l2, kernels);
          Gradients.clipByValue(parameters, clipValue);
          Gradients.clipEachByNorm(parameters, options.parameterGradientThreshold(), kernels);
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
            stopMessage = "stop requested at epoch " + epoch + ", batch " + (b + 1) + " of " + batchesPerEpoch;
          }
          if (stopReason == null && options.checkpointEvery() > 0 && iteration % options.checkpointEvery() == 0
              && b < batchesPerEpoch - 1) {
            nextBatch = b + 1;
            writeCheckpoint(secondsBefore + (System.nanoTime() - start) / 1e9);
            nextBatch = b;
          }
        }
        if (stopReason == StopReason.REQUESTED && nextBatch < batchesPerEpoch) {
          // Stopped inside the epoch: the checkpoint is where it stopped, so that resuming runs the rest.
          writeCheckpoint(secondsBefore + (System.nanoTime() - start) / 1e9);
        }
        boolean checkpointAtEnd = stopReason != StopReason.NOT_FINITE_LOSS
            && !(stopReason == StopReason.REQUESTED && nextBatch < batchesPerEpoch);
        double validationLoss = validationBatches == null || stopReason == StopReason.NOT_FINITE_LOSS
            ? Double.NaN : validate(epoch, iteration);
        double seconds = secondsBefore + (System.nanoTime() - start) / 1e9;
        double epochLoss = rows == 0 ? Double.NaN : lossSum / rows;
        epochs.add(new TrainingHistory.Epoch(epoch, epochLoss, validationLoss, seconds, learningRate));
        listener.onEpochEnd(epoch, epochLoss, validationLoss, seconds);
        nextBatch = 0;
        lossSum = 0;
        rows = 0;
        secondsBefore = 0;
        if (checkpointAtEnd) {
          // The state at the start of the next epoch (or of the end, after a stop).
          epoch++;
          writeCheckpoint(0);
          epoch--;
        }
      }
      boolean restore = bestValues != null && bestEpoch > 0;
      if (restore) {
        for (int i = 0; i < bestValues.length; i++) {
          System.arraycopy(bestValues[i], 0, parameters.get(i).value(), 0, bestValues[i].length);
        }
      }
      return new TrainingHistory(epochs, iteration, bestEpoch, bestIteration,
          validationBatches == null ? Double.NaN : bestLoss,
          stopReason == null ? StopReason.MAX_EPOCHS : stopReason, restore, skippedBatches, stopMessage);
    }

    /** What is not finite about the last backward pass, or null when the loss and every gradient are finite. */
    private String nonFinite(double loss) {
      if (!Double.isFinite(loss)) {
        return "non-finite loss " + loss;
      }
      for (Parameter p : parameters) {
        float[] g = p.grad();
        for (int i = 0; i < g.length; i++) {
          if (!Float.isFinite(g[i])) {
            return "non-finite gradient " + g[i] + " of '" + p.name() + "' at element " + i;
          }
        }
      }
      return null;
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
          stopMessage = "validation loss did not improve for " + validationsWithoutProgress
              + " validations (epoch " + epoch + ", iteration " + iteration + ")";
        }
      }
      listener.onValidation(epoch, iteration, loss, best);
      return loss;
    }

    private void deleteCheckpointLeftovers() {
      if (options.checkpointDir() != null) {
        try {
          Checkpoint.deleteLeftovers(options.checkpointDir());
        } catch (IOException e) {
          listener.onWarning("cannot clean temporary files in " + options.checkpointDir() + ": " + e.getMessage());
        }
      }
    }

    /** Writes the state as it stands (epoch, nextBatch and sums set by the caller), when checkpoints are on. */
    private void writeCheckpoint(double epochSeconds) {
      Path directory = options.checkpointDir();
      if (directory == null) {
        return;
      }
      Checkpoint c = new Checkpoint();
      c.epoch = epoch;
      c.nextBatch = nextBatch;
      c.iteration = iteration;
      c.shuffleState = shuffleRng.state();
      c.dropoutState = dropoutRng.state();
      c.order = trainBatches.order();
      c.lossSum = lossSum;
      c.rows = rows;
      c.epochSeconds = epochSeconds;
      c.bestLoss = bestLoss;
      c.bestEpoch = bestEpoch;
      c.bestIteration = bestIteration;
      c.validationsWithoutProgress = validationsWithoutProgress;
      // A requested stop is not kept: resuming means going on.
      c.stopReason = stopReason == StopReason.REQUESTED ? null : stopReason;
      c.skippedBatches = skippedBatches;
      c.epochs = new ArrayList<>(epochs);
      for (Parameter p : parameters) {
        c.weights.put(p.name(), p.value());
      }
      if (bestValues != null) {
        c.bestWeights = new LinkedHashMap<>();
        for (int i = 0; i < bestValues.length; i++) {
          c.bestWeights.put(parameters.get(i).name(), bestValues[i]);
        }
      }
      c.optimizerState = optimizer.state(parameters);
      c.settings = settings;
      try {
        Path file = c.write(directory);
        listener.onCheckpoint(file, epoch, iteration);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a checkpoint in " + directory + ": " + e.getMessage(), e);
      }
    }

    /** Takes over a checkpoint's state; refuses one written for another network, data set or settings. */
    void restore(Checkpoint c) {
      if (!c.settings.config().equals(settings.config())) {
        throw new IllegalArgumentException("the checkpoint was written for another network: "
            + c.settings.config() + ", this one is " + settings.config());
      }
      if (!c.settings.equals(settings)) {
        throw new IllegalArgumentException("the checkpoint was written with other data or settings: "
            + describe(c.settings) + ", this run has " + describe(settings));
      }
      for (Parameter p : parameters) {
        float[] values = c.weights.get(p.name());
        if (values == null || values.length != p.size()) {
          throw new IllegalArgumentException("the checkpoint has no weights of size " + p.size() + " for '"
              + p.name() + "'");
        }
        System.arraycopy(values, 0, p.value(), 0, values.length);
        if (bestValues != null) {
          float[] best = c.bestWeights == null ? null : c.bestWeights.get(p.name());
          if (best == null || best.length != p.size()) {
            throw new IllegalArgumentException("the checkpoint keeps no best weights for '" + p.name()
                + "' (was it written without validation data?)");
          }
          System.arraycopy(best, 0, bestValues[parameters.indexOf(p)], 0, best.length);
        }
      }
      optimizer.restoreState(parameters, c.optimizerState);
      trainBatches.setOrder(c.order);
      shuffleRng.setState(c.shuffleState);
      dropoutRng.setState(c.dropoutState);
      epoch = c.epoch;
      nextBatch = c.nextBatch;
      iteration = c.iteration;
      lossSum = c.lossSum;
      rows = c.rows;
      secondsBefore = c.epochSeconds;
      bestLoss = c.bestLoss;
      bestEpoch = c.bestEpoch;
      bestIteration = c.bestIteration;
      validationsWithoutProgress = c.validationsWithoutProgress;
      stopReason = c.stopReason;
      skippedBatches = c.skippedBatches;
      epochs.clear();
      epochs.addAll(c.epochs);
      if (nextBatch < 0 || nextBatch >= trainBatches.count() || epoch < 1) {
        throw new IllegalArgumentException("the checkpoint's position (epoch " + epoch + ", batch " + nextBatch
            + ") is outside the " + trainBatches.count() + " batches per epoch");
      }
    }

    private static String describe(Checkpoint.Settings s) {
      return s.trainSize() + " training and " + s.validationSize() + " validation sequences, mini-batch "
          + s.miniBatchSize() + ", seed " + s.seed()
          + ", shuffle " + s.shuffle() + ", optimizer " + s.optimizer();
    }
  }
}
