package org.bigru.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.ParameterArena;
import org.bigru.model.Task;
import org.bigru.model.data.Compatibility;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.MiniBatches;
import org.bigru.model.data.SequenceLength;
import org.bigru.model.io.ModelConfigJson;

/**
 * Mini-batch training, evaluation and prediction over {@link Dataset}s.
 *
 * <p>One iteration: forward and backward of the mean batch loss, then a {@link TrainingStep} (non-finite
 * check, L2 on weights, clipping, optimizer update); a batch split in time ({@link SequenceLength}) makes one
 * iteration per piece, the recurrent states carried between its pieces. Validation runs every
 * {@code validationFrequency} iterations and at the points of the options' {@link ValidationSchedule}. Everything random (shuffling, dropout) comes from the options' seed through two
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
    TrainingListener l = listener == null ? TrainingListener.NONE : listener;
    return fit(Trainable.of(network), train, validation, options, l, newestCheckpoint(options, l), true);
  }

  /**
   * Trains {@code network} in place over data held elsewhere (a cluster's workers), in the same loop as {@link
   * #fit(Network, Dataset, Dataset, TrainingOptions, TrainingListener)}: the same options, order, steps, validation
   * and checkpoints, so that batches computed bitwise as the network computes them give bitwise its weights. With
   * {@code resume}, continues as {@link #resume} does. The data must fit the network (the caller checks it);
   * {@code validation} and {@code listener} may be null.
   */
  public static TrainingHistory fit(Network network, BatchedData train, BatchedData validation,
                                    TrainingOptions options, TrainingListener listener, boolean resume) {
    if (train == null || options == null) {
      throw new IllegalArgumentException("training data and options are required");
    }
    TrainingListener l = listener == null ? TrainingListener.NONE : listener;
    return run(Trainable.of(network), train, validation, options, l, resume ? newestCheckpoint(options, l) : null,
        resume);
  }

  /** The newest valid checkpoint in the options' folder, or null (with a warning) when there is none. */
  private static Checkpoint newestCheckpoint(TrainingOptions options, TrainingListener listener) {
    if (options == null || options.checkpointDir() == null) {
      throw new IllegalArgumentException("resuming needs options with a checkpoint directory");
    }
    Checkpoint checkpoint;
    try {
      checkpoint = Checkpoint.readNewest(options.checkpointDir(), listener::onWarning);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read checkpoints in " + options.checkpointDir() + ": "
          + e.getMessage(), e);
    }
    if (checkpoint == null) {
      listener.onWarning("no checkpoint in " + options.checkpointDir() + ", training starts from the beginning");
    }
    return checkpoint;
  }

  /** Mean loss over the data set (rows weighted equally), without dropout. */
  public static double evaluate(Network network, Dataset data) {
    return evaluate(Trainable.of(network), data);
  }

  static double evaluate(Trainable model, Dataset data) {
    checkCompatible(model.config(), data, "evaluation data", true);
    return evaluate(model, new MiniBatches(data, PREDICT_BATCH)).loss();
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
    return run(model, new LocalBatches(model, train, options.miniBatchSize(), options.sequenceLength(),
        options.paddingDirection()), validation == null ? null : new LocalBatches(model, validation,
        options.miniBatchSize(), validationLength(options), options.paddingDirection()), options,
        listener == null ? TrainingListener.NONE : listener, checkpoint, resuming);
  }

  /** Validation cuts batches as training does, but never splits them: it runs whole sequences. */
  private static SequenceLength validationLength(TrainingOptions options) {
    return options.sequenceLength().kind() == SequenceLength.Kind.SPLIT
        ? SequenceLength.LONGEST : options.sequenceLength();
  }

  private static TrainingHistory run(Trainable model, BatchedData train, BatchedData validation,
                                     TrainingOptions options, TrainingListener listener, Checkpoint checkpoint,
                                     boolean resuming) {
    if (options.validationObjective() == ValidationObjective.ACCURACY && model.config().task() != Task.CLASSIFICATION) {
      throw new IllegalArgumentException("the validation objective accuracy needs a classification network");
    }
    if (options.checkpointDir() != null) {
      CheckpointFolder.claim(options.checkpointDir(),
          CheckpointFolder.fingerprint(model.config(), train, validation, options), resuming);
    }
    Run run = new Run(model, train, validation, options, listener);
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

  /** Mean loss and, for classification, accuracy (NaN for regression) over the batches, rows weighted equally. */
  static BatchedData.Evaluation evaluate(Trainable model, MiniBatches batches) {
    double sum = 0;
    double correct = 0;
    long rows = 0;
    for (int b = 0; b < batches.count(); b++) {
      MiniBatches.Batch batch = batches.batch(b);
      sum += model.loss(batch.input(), batch.targets()) * batch.rows();
      correct += model.lastAccuracy() * batch.rows();
      rows += batch.rows();
    }
    return new BatchedData.Evaluation(sum / rows, correct / rows);
  }

  /** The data set must match the network: features, and (when targets are needed) task, mode and outputs. */
  static void checkCompatible(ModelConfig config, Dataset data, String role, boolean needsTargets) {
    if (data == null) {
      throw new IllegalArgumentException(role + " is required");
    }
    Compatibility.requireFeatures(config, data.features(), role, "the network");
    if (needsTargets) {
      Compatibility.requireTargets(config, data, role, "the network");
    }
  }

  /** One call of fit: the loop around {@link TrainingStep}, with its {@link TrainingState}. */
  private static final class Run {
    private final Trainable model;
    private final TrainingOptions options;
    private final TrainingListener listener;
    private final ParameterArena parameters;
    private final TrainingStep step;
    private final TrainingState state;
    private final BatchedData trainBatches;
    private final BatchedData validationBatches;
    private final float[] bestValues;
    private final Checkpoint.Settings settings;
    private String stopMessage = "";
    private boolean restored;
    // The last validation of this session: its iteration (-1: none), epoch and loss
    private int lastValidationIteration = -1;
    private int lastValidationEpoch;
    private double lastValidationLoss = Double.NaN;

    Run(Trainable model, BatchedData train, BatchedData validation, TrainingOptions options,
        TrainingListener listener) {
      this.model = model;
      this.options = options;
      this.listener = listener;
      this.parameters = model.arena();
      this.step = new TrainingStep(parameters, options);
      this.state = new TrainingState(options.seed());
      this.trainBatches = train;
      this.validationBatches = validation;
      this.bestValues = validation != null && options.restoreBestWeights() ? new float[parameters.size()] : null;
      this.settings = new Checkpoint.Settings(ModelConfigJson.toJson(model.config()), train.size(),
          validation == null ? 0 : validation.size(), options.miniBatchSize(), options.seed(),
          options.shuffle().name(), options.optimizer().name());
      if (options.shuffle() == Shuffle.ONCE) {
        trainBatches.shuffle(state.shuffleRng);
      }
    }

    TrainingHistory execute() {
      model.setThreads(options.threads());
      deleteCheckpointLeftovers();
      ValidationSchedule schedule = options.validationSchedule();
      if (validationBatches != null && schedule == ValidationSchedule.START_AND_LAST && !restored) {
        validate(true);
      }
      int batchesPerEpoch = trainBatches.batchCount();
      for (; state.epoch <= options.maxEpochs() && state.stopReason == null; state.epoch++) {
        long start = System.nanoTime();
        double learningRate = options.learningRateAt(state.epoch);
        step.optimizer().setLearningRate(learningRate);
        if (state.nextBatch == 0 && options.shuffle() == Shuffle.EVERY_EPOCH) {
          trainBatches.shuffle(state.shuffleRng);
        }
        int[] firstPiece = firstPieces(batchesPerEpoch);
        int stepsPerEpoch = firstPiece[batchesPerEpoch];
        batches:
        for (; state.nextBatch < batchesPerEpoch && state.stopReason == null; state.nextBatch++) {
          int b = state.nextBatch;
          int pieces = firstPiece[b + 1] - firstPiece[b];
          for (int p = 0; p < pieces; p++) {
            int position = firstPiece[b] + p;
            boolean lastOfEpoch = position == stepsPerEpoch - 1;
            long dropoutSeed = model.config().hasDropout() ? state.dropoutRng.nextLong() : 0;
            BatchedData.BatchLoss batch = trainBatches.gradients(b, p, dropoutSeed);
            double loss = batch.loss();
            String fault = step.apply(loss);
            if (fault != null) {
              String where = fault + " at epoch " + state.epoch + ", batch " + (b + 1) + " of " + batchesPerEpoch
                  + (pieces > 1 ? " (piece " + (p + 1) + " of " + pieces + ")" : "")
                  + " (iteration " + (state.iteration + 1) + ")";
              if (options.onNonFinite() == NonFinitePolicy.STOP) {
                state.stopReason = StopReason.NOT_FINITE_LOSS;
                stopMessage = where + ": training stopped with the weights before that batch";
                break batches;
              }
              state.skippedBatches++;
              listener.onWarning(where + ": batch skipped (" + state.skippedBatches + " so far)");
              continue;
            }
            state.iteration++;
            state.lossSum += loss * batch.rows();
            state.rows += batch.rows();
            listener.onBatchEnd(new TrainingListener.Step(state.epoch, state.iteration, position, stepsPerEpoch, loss,
                trainBatches::lastAccuracy));
            if (validationBatches != null && validationDue(lastOfEpoch)) {
              validate(false);
            }
            if (p < pieces - 1) {
              continue;
            }
            if (state.stopReason == null && listener.stopRequested()) {
              state.stopReason = StopReason.REQUESTED;
              stopMessage = "stop requested at epoch " + state.epoch + ", batch " + (b + 1) + " of "
                  + batchesPerEpoch;
            }
            if (state.stopReason == null && options.checkpointEvery() > 0
                && state.iteration % options.checkpointEvery() == 0 && b < batchesPerEpoch - 1) {
              state.nextBatch = b + 1;
              writeCheckpoint(start);
              state.nextBatch = b;
            }
          }
        }
        // A stop inside a split batch leaves states carried: the next epoch (or fit) starts from zeros.
        model.carryStates(null, true);
        if (state.stopReason == StopReason.REQUESTED && state.nextBatch < batchesPerEpoch) {
          // Stopped inside the epoch: the checkpoint is where it stopped, so that resuming runs the rest.
          writeCheckpoint(start);
        }
        boolean checkpointAtEnd = state.stopReason != StopReason.NOT_FINITE_LOSS
            && !(state.stopReason == StopReason.REQUESTED && state.nextBatch < batchesPerEpoch);
        double validationLoss;
        if (schedule == ValidationSchedule.EPOCH_ENDS) {
          validationLoss = validationBatches == null || state.stopReason == StopReason.NOT_FINITE_LOSS
              ? Double.NaN : validate(false);
        } else {
          validationLoss = lastValidationEpoch == state.epoch ? lastValidationLoss : Double.NaN;
        }
        double seconds = state.epochSeconds + (System.nanoTime() - start) / 1e9;
        double epochLoss = state.rows == 0 ? Double.NaN : state.lossSum / state.rows;
        state.epochs.add(new TrainingHistory.Epoch(state.epoch, epochLoss, validationLoss, seconds, learningRate));
        listener.onEpochEnd(state.epoch, epochLoss, validationLoss, seconds);
        state.endEpoch();
        if (checkpointAtEnd) {
          // The state at the start of the next epoch (or of the end, after a stop).
          state.epoch++;
          writeCheckpoint(System.nanoTime());
          state.epoch--;
        }
      }
      if (validationBatches != null && schedule.validatesLast() && state.iteration > 0
          && lastValidationIteration != state.iteration) {
        // The last iteration's validation belongs to the last epoch run, whose record it completes.
        state.epoch--;
        double loss = validate(false);
        state.epoch++;
        int last = state.epochs.size() - 1;
        TrainingHistory.Epoch e = state.epochs.get(last);
        state.epochs.set(last, new TrainingHistory.Epoch(e.epoch(), e.loss(), loss, e.seconds(), e.learningRate()));
      }
      boolean restore = bestValues != null && state.bestEpoch > 0;
      if (restore) {
        System.arraycopy(bestValues, 0, parameters.values(), 0, bestValues.length);
      }
      return new TrainingHistory(state.epochs, state.iteration, state.bestEpoch, state.bestIteration,
          validationBatches == null ? Double.NaN : state.bestLoss,
          state.stopReason == null ? StopReason.MAX_EPOCHS : state.stopReason, restore, state.skippedBatches,
          stopMessage);
    }

    /**
     * Where each batch's pieces start in the epoch's order of iterations, with the total at the end (one piece
     * per batch unless a sequence length splits them).
     */
    private int[] firstPieces(int batches) {
      int[] first = new int[batches + 1];
      for (int b = 0; b < batches; b++) {
        first[b + 1] = first[b] + trainBatches.pieces(b);
      }
      return first;
    }

    /** Whether the iteration just taken validates, by the schedule (the end of the epoch validates apart). */
    private boolean validationDue(boolean lastOfEpoch) {
      boolean every = state.iteration % options.validationFrequency() == 0;
      switch (options.validationSchedule()) {
        case EPOCH_ENDS:
          return every && !lastOfEpoch;
        case FIRST_AND_LAST:
          return every || state.iteration == 1;
        default:
          return every;
      }
    }

    /**
     * Validation loss now; unless {@code reportOnly} (the validation before the first iteration), records a new
     * best by the objective (copying the weights) or counts towards patience.
     */
    private double validate(boolean reportOnly) {
      BatchedData.Evaluation evaluation = validationBatches.evaluate();
      double loss = evaluation.loss();
      double accuracy = evaluation.accuracy();
      boolean best = false;
      if (!reportOnly) {
        double score = options.validationObjective().score(loss, accuracy);
        best = score < state.bestScore;
        if (best) {
          state.bestScore = score;
          state.bestLoss = loss;
          state.bestEpoch = state.epoch;
          state.bestIteration = state.iteration;
          state.validationsWithoutProgress = 0;
          if (bestValues != null) {
            System.arraycopy(parameters.values(), 0, bestValues, 0, bestValues.length);
          }
        } else {
          state.validationsWithoutProgress++;
          if (state.validationsWithoutProgress >= options.validationPatience() && state.stopReason == null) {
            state.stopReason = StopReason.VALIDATION_PATIENCE;
            stopMessage = "validation " + options.validationObjective().lowerName() + " did not improve for "
                + state.validationsWithoutProgress + " validations (epoch " + state.epoch + ", iteration "
                + state.iteration + ")";
          }
        }
      }
      int epoch = state.iteration == 0 ? 0 : state.epoch;
      lastValidationIteration = state.iteration;
      lastValidationEpoch = epoch;
      lastValidationLoss = loss;
      listener.onValidation(new TrainingListener.Validation(epoch, state.iteration, loss, accuracy, best));
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

    /**
     * Writes the state as it stands (epoch, next batch and sums set by the caller), when checkpoints are on;
     * {@code epochStart} is when this session of the epoch began.
     */
    private void writeCheckpoint(long epochStart) {
      Path directory = options.checkpointDir();
      if (directory == null) {
        return;
      }
      Checkpoint c = new Checkpoint(new TrainingState(0), settings);
      c.state.copyFrom(state);
      c.state.order = trainBatches.order();
      c.state.epochSeconds = state.nextBatch == 0 ? 0 : state.epochSeconds + (System.nanoTime() - epochStart) / 1e9;
      // A requested stop is not kept: resuming means going on.
      c.state.stopReason = state.stopReason == StopReason.REQUESTED ? null : state.stopReason;
      c.weights = parameters.values().clone();
      c.bestWeights = bestValues == null ? null : bestValues.clone();
      c.optimizerState = step.optimizer().state(parameters);
      try {
        Path file = c.write(directory, parameters);
        listener.onCheckpoint(file, state.epoch, state.iteration);
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
      c.layOut(parameters);
      if (bestValues != null && c.bestWeights == null) {
        throw new IllegalArgumentException("the checkpoint keeps no best weights (was it written without "
            + "validation data?)");
      }
      restored = true;
      step.optimizer().restoreState(parameters, c.optimizerState);
      trainBatches.setOrder(c.state.order);
      state.copyFrom(c.state);
      System.arraycopy(c.weights, 0, parameters.values(), 0, c.weights.length);
      if (bestValues != null) {
        System.arraycopy(c.bestWeights, 0, bestValues, 0, bestValues.length);
      }
      if (state.nextBatch < 0 || state.nextBatch >= trainBatches.batchCount() || state.epoch < 1) {
        throw new IllegalArgumentException("the checkpoint's position (epoch " + state.epoch + ", batch "
            + state.nextBatch + ") is outside the " + trainBatches.batchCount() + " batches per epoch");
      }
    }

    private static String describe(Checkpoint.Settings s) {
      return s.trainSize() + " training and " + s.validationSize() + " validation sequences, mini-batch "
          + s.miniBatchSize() + ", seed " + s.seed()
          + ", shuffle " + s.shuffle() + ", optimizer " + s.optimizer();
    }
  }
}
