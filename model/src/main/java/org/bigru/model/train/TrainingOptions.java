package org.bigru.model.train;

import java.nio.file.Path;
import org.bigru.model.data.PaddingDirection;
import org.bigru.model.data.SequenceLength;

/**
 * How {@link Trainer#fit} trains: immutable, built with {@link #builder()}. Names follow MATLAB's
 * {@code trainingOptions}; defaults follow the reference Keras workflow where it has one (10 epochs, batch 32,
 * Adam at 1e-3, shuffle every epoch, no regularization) and MATLAB otherwise (validation every 50 iterations,
 * learning-rate drop 0.1 every 10 epochs when enabled).
 *
 * <ul>
 *   <li>{@code l2Regularization}: grad += l2 * w on weights only (MATLAB's L2Regularization); default 0.
 *   <li>{@code gradientThreshold}: the gradients of all parameters are scaled down together when their global
 *       L2 norm exceeds it (PyTorch's clip_grad_norm_, MATLAB's 'global-l2norm'); default infinity (off).
 *   <li>{@code parameterGradientThreshold}: each parameter's gradient is scaled down on its own when its L2
 *       norm exceeds it (MATLAB's 'l2norm'); default infinity (off).
 *   <li>{@code gradientClipValue}: each gradient element is clamped to [-v, v] (MATLAB's 'absolute-value');
 *       default infinity (off). Applied after L2 and before the norm thresholds.
 *   <li>{@code learnRateDropFactor}/{@code learnRateDropPeriod}: the rate is multiplied by the factor every
 *       period epochs (MATLAB's piecewise schedule); factor 1 (the default) means a constant rate.
 *   <li>{@code validationFrequency}: validate every that many iterations, and at the points of the
 *       {@code validationSchedule} ({@link ValidationSchedule}; default: at the end of every epoch).
 *   <li>{@code validationPatience}: stop after that many validations in a row without a new best (by the
 *       {@code validationObjective}, default the lowest loss); default {@link Integer#MAX_VALUE} (never,
 *       MATLAB's Inf).
 *   <li>{@code restoreBestWeights}: with validation data, end with the weights of the best validation
 *       (MATLAB's OutputNetwork 'best-validation'); default true.
 *   <li>{@code sequenceLength}, {@code paddingDirection}: how a mini-batch's sequences are brought to one length
 *       ({@link SequenceLength}, {@link PaddingDirection}); default the longest, which changes nothing because
 *       padding is masked.
 *   <li>{@code checkpointDir}: where to write a {@link Checkpoint} after every epoch (MATLAB's
 *       CheckpointPath); default null (none). {@link Trainer#resume} continues from the newest one there.
 *   <li>{@code checkpointEvery}: also write one every that many iterations; default 0 (epochs only).
 *   <li>{@code onNonFinite}: stop (the default) or skip a batch whose loss or gradient is not finite.
 * </ul>
 */
public final class TrainingOptions {

  private final int maxEpochs;
  private final int miniBatchSize;
  private final OptimizerKind optimizer;
  private final double learningRate;
  private final double momentum;
  private final double gradientDecayFactor;
  private final double squaredGradientDecayFactor;
  private final double epsilon;
  private final double l2Regularization;
  private final double gradientThreshold;
  private final double gradientClipValue;
  private final double parameterGradientThreshold;
  private final double learnRateDropFactor;
  private final int learnRateDropPeriod;
  private final Shuffle shuffle;
  private final long seed;
  private final int validationFrequency;
  private final int validationPatience;
  private final boolean restoreBestWeights;
  private final ValidationSchedule validationSchedule;
  private final ValidationObjective validationObjective;
  private final SequenceLength sequenceLength;
  private final PaddingDirection paddingDirection;
  private final int threads;
  private final Path checkpointDir;
  private final int checkpointEvery;
  private final NonFinitePolicy onNonFinite;

  private TrainingOptions(Builder b) {
    maxEpochs = atLeast("maxEpochs", b.maxEpochs, 1);
    miniBatchSize = atLeast("miniBatchSize", b.miniBatchSize, 1);
    if (b.optimizer == null) {
      throw new IllegalArgumentException("optimizer is required");
    }
    optimizer = b.optimizer;
    learningRate = b.learningRate == null ? optimizer.defaultLearningRate()
        : positiveFinite("learningRate", b.learningRate);
    momentum = unitInterval("momentum", b.momentum);
    gradientDecayFactor = unitInterval("gradientDecayFactor", b.gradientDecayFactor);
    squaredGradientDecayFactor = b.squaredGradientDecayFactor == null
        ? (optimizer == OptimizerKind.RMSPROP ? 0.9 : 0.999)
        : unitInterval("squaredGradientDecayFactor", b.squaredGradientDecayFactor);
    epsilon = positiveFinite("epsilon", b.epsilon);
    if (!(b.l2Regularization >= 0 && b.l2Regularization <= Float.MAX_VALUE)) {
      throw bad("l2Regularization", b.l2Regularization, "finite in float32 and >= 0");
    }
    l2Regularization = b.l2Regularization;
    gradientThreshold = positive("gradientThreshold", b.gradientThreshold);
    gradientClipValue = positive("gradientClipValue", b.gradientClipValue);
    parameterGradientThreshold = positive("parameterGradientThreshold", b.parameterGradientThreshold);
    if (!(b.learnRateDropFactor >= 0 && b.learnRateDropFactor <= 1)) {
      throw bad("learnRateDropFactor", b.learnRateDropFactor, "in [0, 1]");
    }
    learnRateDropFactor = b.learnRateDropFactor;
    learnRateDropPeriod = atLeast("learnRateDropPeriod", b.learnRateDropPeriod, 1);
    if (b.shuffle == null) {
      throw new IllegalArgumentException("shuffle is required (never, once or every-epoch)");
    }
    shuffle = b.shuffle;
    seed = b.seed;
    validationFrequency = atLeast("validationFrequency", b.validationFrequency, 1);
    validationPatience = atLeast("validationPatience", b.validationPatience, 1);
    restoreBestWeights = b.restoreBestWeights;
    if (b.validationSchedule == null || b.validationObjective == null) {
      throw new IllegalArgumentException("a validation schedule and a validation objective are required");
    }
    validationSchedule = b.validationSchedule;
    validationObjective = b.validationObjective;
    if (b.sequenceLength == null || b.paddingDirection == null) {
      throw new IllegalArgumentException("a sequence length and a padding direction are required");
    }
    sequenceLength = b.sequenceLength;
    paddingDirection = b.paddingDirection;
    if (sequenceLength.kind() == SequenceLength.Kind.SPLIT && b.checkpointEvery > 0) {
      throw new IllegalArgumentException("checkpoints every " + b.checkpointEvery + " iterations cannot be taken "
          + "inside a mini-batch split in time (sequence length " + sequenceLength + "): checkpoint at epoch ends");
    }
    threads = atLeast("threads", b.threads, 1);
    checkpointDir = b.checkpointDir;
    checkpointEvery = atLeast("checkpointEvery", b.checkpointEvery, 0);
    if (b.onNonFinite == null) {
      throw new IllegalArgumentException("onNonFinite is required (stop or skip)");
    }
    onNonFinite = b.onNonFinite;
  }

  private static IllegalArgumentException bad(String option, Object value, String expected) {
    return new IllegalArgumentException("training option " + option + " must be " + expected + ", not " + value);
  }

  private static int atLeast(String option, int value, int min) {
    if (value < min) {
      throw bad(option, value, "at least " + min);
    }
    return value;
  }

  /** Above 0 and finite as the float32 the optimizers compute with. */
  private static double positiveFinite(String option, double value) {
    if (!(value > 0 && value <= Float.MAX_VALUE)) {
      throw bad(option, value, "finite in float32 and > 0");
    }
    return value;
  }

  private static double positive(String option, double value) {
    if (!(value > 0)) {
      throw bad(option, value, "> 0 (infinity turns it off)");
    }
    return value;
  }

  private static double unitInterval(String option, double value) {
    if (!(value >= 0 && value < 1)) {
      throw bad(option, value, "in [0, 1)");
    }
    return value;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these values, to change some of them. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxEpochs = maxEpochs;
    b.miniBatchSize = miniBatchSize;
    b.optimizer = optimizer;
    b.learningRate = learningRate;
    b.momentum = momentum;
    b.gradientDecayFactor = gradientDecayFactor;
    b.squaredGradientDecayFactor = squaredGradientDecayFactor;
    b.epsilon = epsilon;
    b.l2Regularization = l2Regularization;
    b.gradientThreshold = gradientThreshold;
    b.gradientClipValue = gradientClipValue;
    b.parameterGradientThreshold = parameterGradientThreshold;
    b.learnRateDropFactor = learnRateDropFactor;
    b.learnRateDropPeriod = learnRateDropPeriod;
    b.shuffle = shuffle;
    b.seed = seed;
    b.validationFrequency = validationFrequency;
    b.validationPatience = validationPatience;
    b.restoreBestWeights = restoreBestWeights;
    b.validationSchedule = validationSchedule;
    b.validationObjective = validationObjective;
    b.sequenceLength = sequenceLength;
    b.paddingDirection = paddingDirection;
    b.threads = threads;
    b.checkpointDir = checkpointDir;
    b.checkpointEvery = checkpointEvery;
    b.onNonFinite = onNonFinite;
    return b;
  }

  /** A fresh optimizer of the chosen kind with these hyper-parameters. */
  public Optimizer createOptimizer() {
    float lr = (float) learningRate;
    switch (optimizer) {
      case ADAM:
        return new Adam(lr, (float) gradientDecayFactor, (float) squaredGradientDecayFactor, (float) epsilon);
      case SGDM:
        return new SgdMomentum(lr, (float) momentum);
      case RMSPROP:
        return new RmsProp(lr, (float) squaredGradientDecayFactor, (float) epsilon);
      default:
        throw new AssertionError(optimizer);
    }
  }

  /** The learning rate of a 1-based epoch under the piecewise schedule. */
  public double learningRateAt(int epoch) {
    return learningRate * Math.pow(learnRateDropFactor, (epoch - 1) / learnRateDropPeriod);
  }

  public int maxEpochs() {
    return maxEpochs;
  }

  public int miniBatchSize() {
    return miniBatchSize;
  }

  public OptimizerKind optimizer() {
    return optimizer;
  }

  /** The initial learning rate (the optimizer's default unless set). */
  public double learningRate() {
    return learningRate;
  }

  public double momentum() {
    return momentum;
  }

  public double gradientDecayFactor() {
    return gradientDecayFactor;
  }

  /** Adam's beta2 (default 0.999) or RMSProp's decay (default 0.9). */
  public double squaredGradientDecayFactor() {
    return squaredGradientDecayFactor;
  }

  public double epsilon() {
    return epsilon;
  }

  public double l2Regularization() {
    return l2Regularization;
  }

  public double gradientThreshold() {
    return gradientThreshold;
  }

  public double gradientClipValue() {
    return gradientClipValue;
  }

  public double parameterGradientThreshold() {
    return parameterGradientThreshold;
  }

  public double learnRateDropFactor() {
    return learnRateDropFactor;
  }

  public int learnRateDropPeriod() {
    return learnRateDropPeriod;
  }

  public Shuffle shuffle() {
    return shuffle;
  }

  public long seed() {
    return seed;
  }

  public int validationFrequency() {
    return validationFrequency;
  }

  public int validationPatience() {
    return validationPatience;
  }

  public boolean restoreBestWeights() {
    return restoreBestWeights;
  }

  public ValidationSchedule validationSchedule() {
    return validationSchedule;
  }

  public ValidationObjective validationObjective() {
    return validationObjective;
  }

  public SequenceLength sequenceLength() {
    return sequenceLength;
  }

  public PaddingDirection paddingDirection() {
    return paddingDirection;
  }

  public int threads() {
    return threads;
  }

  /** The checkpoint directory, or null for none. */
  public Path checkpointDir() {
    return checkpointDir;
  }

  /** Iterations between checkpoints within an epoch; 0 for epoch ends only. */
  public int checkpointEvery() {
    return checkpointEvery;
  }

  public NonFinitePolicy onNonFinite() {
    return onNonFinite;
  }

  @Override
  public String toString() {
    return "TrainingOptions[maxEpochs=" + maxEpochs + ", miniBatchSize=" + miniBatchSize + ", optimizer="
        + optimizer.lowerName() + ", learningRate=" + learningRate + ", l2Regularization=" + l2Regularization
        + ", gradientThreshold=" + gradientThreshold + ", gradientClipValue=" + gradientClipValue
        + ", parameterGradientThreshold=" + parameterGradientThreshold
        + ", learnRateDropFactor=" + learnRateDropFactor + ", learnRateDropPeriod=" + learnRateDropPeriod
        + ", shuffle=" + shuffle.matlabName() + ", seed=" + seed + ", validationFrequency=" + validationFrequency
        + ", validationPatience=" + validationPatience + ", validationSchedule=" + validationSchedule.lowerName()
        + ", validationObjective=" + validationObjective.lowerName() + ", sequenceLength=" + sequenceLength
        + ", paddingDirection=" + paddingDirection.lowerName() + ", threads=" + threads + ", checkpointDir=" + checkpointDir
        + ", checkpointEvery=" + checkpointEvery + ", onNonFinite=" + onNonFinite.lowerName() + "]";
  }

  /** Collects option values; {@link #build()} validates them all. */
  public static final class Builder {
    private int maxEpochs = 10;
    private int miniBatchSize = 32;
    private OptimizerKind optimizer = OptimizerKind.ADAM;
    /** Null until set: the optimizer's default. */
    private Double learningRate;
    private double momentum = 0.9;
    private double gradientDecayFactor = 0.9;
    /** Null until set: 0.9 for RMSProp, 0.999 for Adam. */
    private Double squaredGradientDecayFactor;
    private double epsilon = 1e-8;
    private double l2Regularization = 0;
    private double gradientThreshold = Double.POSITIVE_INFINITY;
    private double gradientClipValue = Double.POSITIVE_INFINITY;
    private double parameterGradientThreshold = Double.POSITIVE_INFINITY;
    private double learnRateDropFactor = 1;
    private int learnRateDropPeriod = 10;
    private Shuffle shuffle = Shuffle.EVERY_EPOCH;
    private long seed = 0;
    private int validationFrequency = 50;
    private int validationPatience = Integer.MAX_VALUE;
    private boolean restoreBestWeights = true;
    private ValidationSchedule validationSchedule = ValidationSchedule.EPOCH_ENDS;
    private ValidationObjective validationObjective = ValidationObjective.LOSS;
    private SequenceLength sequenceLength = SequenceLength.LONGEST;
    private PaddingDirection paddingDirection = PaddingDirection.RIGHT;
    private int threads = 1;
    private Path checkpointDir;
    private int checkpointEvery;
    private NonFinitePolicy onNonFinite = NonFinitePolicy.STOP;

    private Builder() {
    }

    public Builder maxEpochs(int value) {
      maxEpochs = value;
      return this;
    }

    public Builder miniBatchSize(int value) {
      miniBatchSize = value;
      return this;
    }

    public Builder optimizer(OptimizerKind value) {
      optimizer = value;
      return this;
    }

    public Builder learningRate(double value) {
      learningRate = value;
      return this;
    }

    public Builder momentum(double value) {
      momentum = value;
      return this;
    }

    public Builder gradientDecayFactor(double value) {
      gradientDecayFactor = value;
      return this;
    }

    public Builder squaredGradientDecayFactor(double value) {
      squaredGradientDecayFactor = value;
      return this;
    }

    public Builder epsilon(double value) {
      epsilon = value;
      return this;
    }

    public Builder l2Regularization(double value) {
      l2Regularization = value;
      return this;
    }

    public Builder gradientThreshold(double value) {
      gradientThreshold = value;
      return this;
    }

    public Builder gradientClipValue(double value) {
      gradientClipValue = value;
      return this;
    }

    public Builder parameterGradientThreshold(double value) {
      parameterGradientThreshold = value;
      return this;
    }

    /** Multiply the learning rate by {@code factor} every {@code period} epochs. */
    public Builder learnRateDrop(double factor, int period) {
      learnRateDropFactor = factor;
      learnRateDropPeriod = period;
      return this;
    }

    public Builder shuffle(Shuffle value) {
      shuffle = value;
      return this;
    }

    public Builder seed(long value) {
      seed = value;
      return this;
    }

    public Builder validationFrequency(int value) {
      validationFrequency = value;
      return this;
    }

    public Builder validationPatience(int value) {
      validationPatience = value;
      return this;
    }

    public Builder restoreBestWeights(boolean value) {
      restoreBestWeights = value;
      return this;
    }

    public Builder validationSchedule(ValidationSchedule value) {
      validationSchedule = value;
      return this;
    }

    public Builder validationObjective(ValidationObjective value) {
      validationObjective = value;
      return this;
    }

    public Builder sequenceLength(SequenceLength value) {
      sequenceLength = value;
      return this;
    }

    public Builder paddingDirection(PaddingDirection value) {
      paddingDirection = value;
      return this;
    }

    public Builder threads(int value) {
      threads = value;
      return this;
    }

    /** Write checkpoints into this directory (null: none). */
    public Builder checkpointDir(Path value) {
      checkpointDir = value;
      return this;
    }

    public Builder checkpointEvery(int value) {
      checkpointEvery = value;
      return this;
    }

    public Builder onNonFinite(NonFinitePolicy value) {
      onNonFinite = value;
      return this;
    }

    public TrainingOptions build() {
      return new TrainingOptions(this);
    }
  }
}
