package org.bigru.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.bigru.model.ModelConfig;
import org.bigru.model.Parameter;
import org.bigru.model.ParameterArena;
import org.bigru.model.SequenceBatch;
import org.bigru.model.Targets;
import org.bigru.model.data.Dataset;
import org.bigru.model.data.MiniBatches;
import org.bigru.model.data.PaddingDirection;
import org.bigru.model.data.SequenceLength;
import org.junit.jupiter.api.Test;

/** The training loop on {@link LinearModel}, where every effect of an option can be computed by hand. */
class TrainerTest {

  /** Sequences of 1 to 3 steps of 2 features; target = 2 x0 - x1 + 0.5 at the last step, times sign. */
  static Dataset linearData(int n, long seed, float sign) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<float[]> xs = new ArrayList<>();
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      int steps = 1 + rng.nextInt(3);
      float[] x = new float[steps * 2];
      for (int j = 0; j < x.length; j++) {
        x[j] = (float) rng.nextDouble(-1, 1);
      }
      xs.add(x);
      int last = (steps - 1) * 2;
      y[i] = sign * (2 * x[last] - x[last + 1] + 0.5f);
    }
    return Dataset.sequenceResponses(xs, 2, y, 1);
  }

  private static float[] weights(LinearModel m) {
    float[] w = Arrays.copyOf(m.weight.copyOfValues(), 3);
    w[2] = m.bias.get(0);
    return w;
  }

  @Test
  void aNaNOrOutOfFloatRangeRateIsRefusedNotTakenAsUnset() {
    for (double rate : new double[] {Double.NaN, 1e308, -1, 0}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> TrainingOptions.builder().learningRate(rate).build());
      assertTrue(e.getMessage().contains("learningRate must be finite in float32 and > 0, not " + rate),
          e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().l2Regularization(1e39).build());
    assertEquals(OptimizerKind.ADAM.defaultLearningRate(), TrainingOptions.builder().build().learningRate());
  }

  @Test
  void learnsALinearTarget() {
    LinearModel model = new LinearModel(2);
    TrainingOptions options = TrainingOptions.builder().maxEpochs(60).miniBatchSize(8).learningRate(0.05).build();
    TrainingHistory history = Trainer.fit(model, linearData(64, 1, 1), null, options, null);
    double[] losses = history.losses();
    assertEquals(60, losses.length);
    assertTrue(losses[59] < 1e-3 * losses[0], Arrays.toString(losses));
    assertArrayEquals(new float[] {2f, -1f, 0.5f}, weights(model), 0.02f);
    assertEquals(60 * 8, history.iterations());
    assertEquals(StopReason.MAX_EPOCHS, history.stopReason());
    assertEquals(0, history.bestEpoch());
  }

  @Test
  void sameSeedGivesBitwiseSameWeightsAndOtherSeedsDiffer() {
    Dataset data = linearData(40, 2, 1);
    float[][] results = new float[3][];
    long[] seeds = {7, 7, 8};
    for (int r = 0; r < 3; r++) {
      LinearModel model = new LinearModel(2);
      TrainingOptions options = TrainingOptions.builder().maxEpochs(3).miniBatchSize(6).seed(seeds[r]).build();
      Trainer.fit(model, data, null, options, null);
      results[r] = weights(model);
    }
    assertArrayEquals(results[0], results[1]);
    assertFalse(Arrays.equals(results[0], results[2]), "another seed should shuffle differently");
  }

  @Test
  void shuffleNeverKeepsDataOrderAndIgnoresTheSeed() {
    Dataset data = linearData(40, 2, 1);
    float[][] results = new float[2][];
    for (int r = 0; r < 2; r++) {
      LinearModel model = new LinearModel(2);
      TrainingOptions options = TrainingOptions.builder().maxEpochs(2).miniBatchSize(6).seed(r)
          .shuffle(Shuffle.NEVER).build();
      Trainer.fit(model, data, null, options, null);
      results[r] = weights(model);
    }
    assertArrayEquals(results[0], results[1]);
  }

  @Test
  void learningRateDropsPiecewiseAndReachesTheOptimizer() {
    // Constant gradient 1 on every parameter, one batch per epoch, plain SGD: each epoch moves w by -lr(epoch).
    ConstantGradientModel model = new ConstantGradientModel(1f);
    TrainingOptions options = TrainingOptions.builder().optimizer(OptimizerKind.SGDM).momentum(0)
        .learningRate(0.5).learnRateDrop(0.5, 2).maxEpochs(5).miniBatchSize(100).build();
    TrainingHistory history = Trainer.fit(model, linearData(4, 3, 1), null, options, null);
    double[] expectedRates = {0.5, 0.5, 0.25, 0.25, 0.125};
    double w = 0;
    for (int e = 0; e < 5; e++) {
      assertEquals(expectedRates[e], history.epochs().get(e).learningRate());
      w -= expectedRates[e];
    }
    assertEquals((float) w, model.weight.get(0));
  }

  @Test
  void l2RegularizesWeightsButNotBiases() {
    // Zero loss gradient: only L2 acts, w <- w (1 - lr l2) per step with plain SGD; the bias stays.
    ConstantGradientModel model = new ConstantGradientModel(0f);
    model.weight.set(0, 1f);
    model.bias.set(0, 1f);
    TrainingOptions options = TrainingOptions.builder().optimizer(OptimizerKind.SGDM).momentum(0)
        .learningRate(0.1).l2Regularization(0.5).maxEpochs(3).miniBatchSize(100).build();
    Trainer.fit(model, linearData(4, 3, 1), null, options, null);
    assertEquals(Math.pow(1 - 0.05, 3), model.weight.get(0), 1e-6);
    assertEquals(1f, model.bias.get(0));
  }

  @Test
  void gradientThresholdLimitsTheStep() {
    // Gradient (10, 10) per step has norm 10 sqrt(2); threshold 1 makes each element's step lr / sqrt(2).
    ConstantGradientModel model = new ConstantGradientModel(10f);
    TrainingOptions options = TrainingOptions.builder().optimizer(OptimizerKind.SGDM).momentum(0)
        .learningRate(0.1).gradientThreshold(1).maxEpochs(1).miniBatchSize(100).build();
    Trainer.fit(model, linearData(4, 3, 1), null, options, null);
    assertEquals(-0.1 / Math.sqrt(2), model.weight.get(0), 1e-6);
    assertEquals(-0.1 / Math.sqrt(2), model.bias.get(0), 1e-6);
  }

  @Test
  void gradientClipValueLimitsEachElement() {
    ConstantGradientModel model = new ConstantGradientModel(10f);
    TrainingOptions options = TrainingOptions.builder().optimizer(OptimizerKind.SGDM).momentum(0)
        .learningRate(0.1).gradientClipValue(0.5).maxEpochs(1).miniBatchSize(100).build();
    Trainer.fit(model, linearData(4, 3, 1), null, options, null);
    assertEquals(-0.05f, model.weight.get(0), 1e-7f);
  }

  @Test
  void earlyStoppingRestoresTheBestWeights() {
    // Validation targets are the negated training targets: fitting the training data makes the validation
    // loss rise after a while, so patience stops training and the best weights come back.
    LinearModel model = new LinearModel(2);
    List<float[]> bestSnapshots = new ArrayList<>();
    int[] validations = {0};
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onValidation(int epoch, int iteration, double validationLoss, boolean best) {
        validations[0]++;
        if (best) {
          bestSnapshots.add(weights(model));
        }
      }
    };
    TrainingOptions options = TrainingOptions.builder().maxEpochs(200).miniBatchSize(8).learningRate(0.05)
        .validationPatience(3).validationFrequency(1000).build();
    TrainingHistory history = Trainer.fit(model, linearData(32, 4, 1), linearData(16, 5, -1), options,
        listener);
    assertTrue(history.stoppedEarly());
    assertTrue(history.epochs().size() < 200);
    assertEquals(history.bestEpoch() + 3, history.epochs().size(), "stops after 3 validations without a low");
    assertTrue(history.restoredBest());
    assertEquals(history.epochs().size(), validations[0], "one validation per epoch");
    assertArrayEquals(bestSnapshots.get(bestSnapshots.size() - 1), weights(model));
    double best = Arrays.stream(history.validationLosses()).min().orElseThrow();
    assertEquals(best, history.bestValidationLoss());
    assertEquals(best, Trainer.evaluate(model, linearData(16, 5, -1)), 1e-6);
  }

  @Test
  void validatesEveryFrequencyIterationsAndAtEpochEnd() {
    LinearModel model = new LinearModel(2);
    List<Integer> iterations = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onValidation(int epoch, int iteration, double validationLoss, boolean best) {
        iterations.add(iteration);
      }
    };
    // 20 sequences in batches of 4: 5 iterations per epoch; frequency 2 -> 2, 4, (5), 6, 8, (10).
    TrainingOptions options = TrainingOptions.builder().maxEpochs(2).miniBatchSize(4).validationFrequency(2)
        .restoreBestWeights(false).build();
    TrainingHistory history = Trainer.fit(model, linearData(20, 6, 1), linearData(5, 7, 1), options, listener);
    assertEquals(List.of(2, 4, 5, 6, 8, 10), iterations);
    assertFalse(history.restoredBest());
  }

  /** The iterations of every validation of a run, and whether each was the best so far. */
  private static List<String> validations(ValidationSchedule schedule, int frequency, int epochs, Dataset validation,
                                          TrainingOptions.Builder more) {
    LinearModel model = new LinearModel(2);
    List<String> seen = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onValidation(Validation v) {
        seen.add(v.iteration() + (v.best() ? "*" : ""));
      }
    };
    TrainingOptions options = more.maxEpochs(epochs).miniBatchSize(4).validationFrequency(frequency)
        .validationSchedule(schedule).build();
    Trainer.fit(model, linearData(22, 6, 1), validation, options, listener);
    return seen;
  }

  @Test
  void firstAndLastValidatesAtIterationOneEveryFrequencyAndTheLastIteration() {
    // 22 sequences in batches of 4: 6 iterations per epoch, 18 in 3 epochs; frequency 5: 1, 5, 10, 15 and 18;
    // no validation at epoch ends (6, 12).
    List<String> seen = validations(ValidationSchedule.FIRST_AND_LAST, 5, 3, linearData(5, 7, 1),
        TrainingOptions.builder().restoreBestWeights(false));
    assertEquals(List.of("1", "5", "10", "15", "18"), seen.stream().map(v -> v.replace("*", "")).toList());
    assertEquals("1*", seen.get(0), "the first validation is the best so far");
    // the last iteration is validated once, when the frequency reaches it
    assertEquals(List.of("1", "6", "12", "18"), validations(ValidationSchedule.FIRST_AND_LAST, 6, 3,
        linearData(5, 7, 1), TrainingOptions.builder()).stream().map(v -> v.replace("*", "")).toList());
  }

  @Test
  void startAndLastValidatesBeforeTheFirstIterationWithoutCountingIt() {
    List<String> seen = validations(ValidationSchedule.START_AND_LAST, 5, 3, linearData(5, 7, 1),
        TrainingOptions.builder());
    assertEquals(List.of("0", "5", "10", "15", "18"), seen.stream().map(v -> v.replace("*", "")).toList());
    assertEquals("0", seen.get(0), "iteration 0 is reported, never the best");
    assertEquals("5*", seen.get(1), "the first counted validation is the best so far");
  }

  @Test
  void patienceCountsValidationsOfTheSchedule() {
    // Validation targets are the negated training targets, so validation gets worse as training goes on:
    // iteration 1 is the best, and patience 3 stops at the third validation after it (iterations 2, 4, 6).
    LinearModel model = new LinearModel(2);
    List<Integer> seen = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onValidation(Validation v) {
        seen.add(v.iteration());
      }
    };
    for (boolean restore : new boolean[] {true, false}) {
      seen.clear();
      model = new LinearModel(2);
      TrainingOptions options = TrainingOptions.builder().maxEpochs(50).miniBatchSize(4).learningRate(0.05)
          .validationFrequency(2).validationPatience(3).validationSchedule(ValidationSchedule.FIRST_AND_LAST)
          .restoreBestWeights(restore).build();
      TrainingHistory history = Trainer.fit(model, linearData(32, 4, 1), linearData(16, 4, -1), options, listener);
      assertEquals(List.of(1, 2, 4, 6), seen, "restore " + restore);
      assertEquals(StopReason.VALIDATION_PATIENCE, history.stopReason());
      assertEquals(6, history.iterations());
      assertEquals(1, history.bestIteration());
      assertEquals(restore, history.restoredBest());
    }
  }

  @Test
  void aSplittingSequenceLengthMakesAnIterationOfEachPiece() {
    Dataset data = linearData(10, 8, 1);
    MiniBatches batches = new MiniBatches(data, 4);
    int pieces = 0;
    for (int b = 0; b < batches.count(); b++) {
      pieces += batches.batch(b).input().steps();   // split(1): one piece per step of the longest
    }
    List<String> steps = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double loss) {
        steps.add(iteration + ":" + batchIndex + "/" + batchesPerEpoch);
      }
    };
    TrainingOptions options = TrainingOptions.builder().maxEpochs(1).miniBatchSize(4).shuffle(Shuffle.NEVER)
        .sequenceLength(SequenceLength.split(1)).paddingDirection(PaddingDirection.LEFT).build();
    TrainingHistory history = Trainer.fit(new LinearModel(2), data, null, options, listener);
    assertEquals(pieces, history.iterations());
    assertEquals(pieces + ":" + (pieces - 1) + "/" + pieces, steps.get(steps.size() - 1));
    assertTrue(pieces > batches.count());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder()
        .sequenceLength(SequenceLength.split(3)).checkpointEvery(2).build());
    assertEquals("checkpoints every 2 iterations cannot be taken inside a mini-batch split in time (sequence "
        + "length 3): checkpoint at epoch ends", e.getMessage());
  }

  @Test
  void anAccuracyObjectiveNeedsAClassificationNetwork() {
    TrainingOptions options = TrainingOptions.builder().validationObjective(ValidationObjective.ACCURACY).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.fit(new LinearModel(2), linearData(8, 1, 1), linearData(4, 2, 1), options, null));
    assertEquals("the validation objective accuracy needs a classification network", e.getMessage());
  }

  @Test
  void stopsOnANonFiniteLossWithoutStepping() {
    ConstantGradientModel model = new ConstantGradientModel(1f);
    model.nanAfterCalls = 3;
    TrainingOptions options = TrainingOptions.builder().optimizer(OptimizerKind.SGDM).momentum(0)
        .learningRate(1).maxEpochs(10).miniBatchSize(1).build();
    TrainingHistory history = Trainer.fit(model, linearData(4, 3, 1), null, options, null);
    assertEquals(StopReason.NOT_FINITE_LOSS, history.stopReason());
    assertEquals(3, history.iterations());
    assertEquals(-3f, model.weight.get(0));
    assertEquals(1, history.epochs().size());
    assertEquals(1.0, history.epochs().get(0).loss(), "the mean of the batches stepped on");
  }

  @Test
  void listenerCanStopAndSeesEveryBatch() {
    LinearModel model = new LinearModel(2);
    List<String> events = new ArrayList<>();
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onBatchEnd(int epoch, int iteration, int batchIndex, int batchesPerEpoch, double loss) {
        events.add(epoch + ":" + iteration + ":" + batchIndex + "/" + batchesPerEpoch);
      }

      @Override
      public void onEpochEnd(int epoch, double loss, double validationLoss, double seconds) {
        events.add("end" + epoch);
        assertTrue(Double.isNaN(validationLoss));
        assertTrue(seconds >= 0);
      }

      @Override
      public boolean stopRequested() {
        return events.size() >= 5;
      }
    };
    TrainingOptions options = TrainingOptions.builder().maxEpochs(5).miniBatchSize(4).threads(2).build();
    TrainingHistory history = Trainer.fit(model, linearData(10, 8, 1), null, options, listener);
    assertEquals(List.of("1:1:0/3", "1:2:1/3", "1:3:2/3", "end1", "2:4:0/3", "end2"), events);
    assertEquals(StopReason.REQUESTED, history.stopReason());
    assertEquals(2, model.threads);
  }

  @Test
  void predictReturnsOneRowPerSequenceInDataOrder() {
    LinearModel model = new LinearModel(2);
    model.weight.set(0, 1f);
    model.bias.set(0, 0.5f);
    Dataset data = Dataset.inputs(List.of(new float[] {9f, 9f, 1f, 0f}, new float[] {3f, 0f}), 2);
    float[][] y = Trainer.predict(model, data);
    assertArrayEquals(new float[] {1.5f}, y[0]);
    assertArrayEquals(new float[] {3.5f}, y[1]);
  }

  @Test
  void rejectsDataThatDoesNotFitTheNetwork() {
    LinearModel model = new LinearModel(3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.fit(model, linearData(4, 1, 1), null, TrainingOptions.builder().build(), null));
    assertTrue(e.getMessage().contains("2 features") && e.getMessage().contains("expects 3"), e.getMessage());
    Dataset classes = Dataset.sequenceClasses(List.of(new float[] {1f, 2f, 3f}), 3, new int[] {0}, 2);
    e = assertThrows(IllegalArgumentException.class,
        () -> Trainer.fit(model, classes, null, TrainingOptions.builder().build(), null));
    assertTrue(e.getMessage().contains("holds one label per sequence, but the network answers once per sequence"),
        e.getMessage());
  }

  @Test
  void optionsNameTheBadValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TrainingOptions.builder().miniBatchSize(0).build());
    assertTrue(e.getMessage().contains("miniBatchSize") && e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().learningRate(-2).build());
    assertTrue(e.getMessage().contains("learningRate") && e.getMessage().contains("-2.0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().learnRateDrop(1.5, 3)
        .build());
    assertTrue(e.getMessage().contains("learnRateDropFactor"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().gradientThreshold(0)
        .build());
    assertTrue(e.getMessage().contains("gradientThreshold"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TrainingOptions.builder().threads(0).build());
    assertTrue(e.getMessage().contains("threads"), e.getMessage());
  }

  @Test
  void optionDefaultsFollowTheOptimizer() {
    TrainingOptions adam = TrainingOptions.builder().build();
    assertEquals(1e-3, adam.learningRate());
    assertEquals(0.999, adam.squaredGradientDecayFactor());
    TrainingOptions sgdm = TrainingOptions.builder().optimizer(OptimizerKind.SGDM).build();
    assertEquals(1e-2, sgdm.learningRate());
    assertTrue(sgdm.createOptimizer() instanceof SgdMomentum);
    TrainingOptions rms = TrainingOptions.builder().optimizer(OptimizerKind.RMSPROP).build();
    assertEquals(0.9, rms.squaredGradientDecayFactor());
    assertTrue(rms.createOptimizer() instanceof RmsProp);
    TrainingOptions copy = adam.toBuilder().maxEpochs(3).build();
    assertEquals(3, copy.maxEpochs());
    assertEquals(adam.miniBatchSize(), copy.miniBatchSize());
    assertNotEquals(adam.maxEpochs(), copy.maxEpochs());
  }

  /** Gradient {@code g} on every element whatever the batch; loss NaN from call {@code nanAfterCalls + 1}. */
  static final class ConstantGradientModel implements Trainable {
    final LinearModel shape = new LinearModel(2);
    final Parameter weight = new Parameter("w", new int[] {1}, true);
    final Parameter bias = new Parameter("b", new int[] {1}, false);
    private final ParameterArena arena = new ParameterArena(List.of(weight, bias));
    private final float g;
    int nanAfterCalls = Integer.MAX_VALUE;
    int nanGradientAtCall;
    private int calls;

    ConstantGradientModel(float g) {
      this.g = g;
    }

    @Override
    public ModelConfig config() {
      return shape.config();
    }

    @Override
    public ParameterArena arena() {
      return arena;
    }

    @Override
    public void setThreads(int threads) {
    }

    @Override
    public double computeGradients(SequenceBatch batch, Targets targets, SplittableRandom dropoutRng) {
      Arrays.fill(arena.grads(), g);
      calls++;
      if (calls == nanGradientAtCall) {
        arena.grads()[bias.offset()] = Float.NaN;
      }
      return calls > nanAfterCalls ? Double.NaN : 1.0;
    }

    @Override
    public double loss(SequenceBatch batch, Targets targets) {
      return 1.0;
    }

    @Override
    public float[] predict(SequenceBatch batch) {
      return new float[batch.size()];
    }
  }
}
