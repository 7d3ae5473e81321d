package org.bigru.matlab;

import static org.bigru.matlab.MatlabArgument.choice;
import static org.bigru.matlab.MatlabArgument.option;
import static org.bigru.matlab.ValueType.Bound.FINITE;
import static org.bigru.matlab.ValueType.Bound.NON_NEGATIVE_FINITE;
import static org.bigru.matlab.ValueType.Bound.POSITIVE;
import static org.bigru.matlab.ValueType.Bound.POSITIVE_FINITE;
import static org.bigru.matlab.ValueType.Bound.UNIT_CLOSED;
import static org.bigru.matlab.ValueType.Bound.UNIT_OPEN;
import static org.bigru.matlab.ValueType.number;
import static org.bigru.matlab.ValueType.whole;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bigru.matlab.MatlabChoices.Acceleration;
import org.bigru.matlab.MatlabChoices.CheckpointFrequencyUnit;
import org.bigru.matlab.MatlabChoices.ExecutionEnvironment;
import org.bigru.matlab.MatlabChoices.GradientThresholdMethod;
import org.bigru.matlab.MatlabChoices.LearnRateSchedule;
import org.bigru.matlab.MatlabChoices.OutputNetwork;
import org.bigru.matlab.MatlabChoices.Plots;
import org.bigru.matlab.MatlabChoices.SequenceLength;
import org.bigru.matlab.MatlabChoices.SequencePaddingDirection;
import org.bigru.model.Network;
import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.TrainingOptions;

/**
 * MATLAB's {@code trainingOptions}: its arguments with MATLAB's names, defaults and allowed values (the one
 * place they are written; {@code bigru.trainingOptions} asks for them), checked with MATLAB's option names in
 * the messages and turned into the trainer's {@link TrainingOptions} plus what only the MATLAB side uses (the
 * verbose table). An option left out takes MATLAB's default (MaxEpochs 30, MiniBatchSize 128, L2Regularization
 * 1e-4, Shuffle 'once', OutputNetwork 'last-iteration', ...), not the trainer's; where the two agree (the
 * solver's learning rate and decay factors), the default is read from the trainer. Also the options
 * {@code classify} and {@code predict} accept, which share their declarations with these.
 */
public final class MatlabOptions {

  static final String FUNCTION = "trainingOptions";

  static final MatlabArgument<OptimizerKind> SOLVER;
  static final MatlabArgument<Integer> MAX_EPOCHS = option("MaxEpochs", whole(1), 30);
  static final MatlabArgument<Integer> MINI_BATCH_SIZE = option("MiniBatchSize", whole(1), 128);
  /** Default: the trainer's for the solver, as the four below. */
  static final MatlabArgument<Double> INITIAL_LEARN_RATE = option("InitialLearnRate", number(POSITIVE_FINITE), null);
  static final MatlabArgument<Double> L2_REGULARIZATION = option("L2Regularization", number(NON_NEGATIVE_FINITE),
      1e-4);
  static final MatlabArgument<Double> MOMENTUM = option("Momentum", number(UNIT_OPEN), null);
  static final MatlabArgument<Double> GRADIENT_DECAY_FACTOR = option("GradientDecayFactor", number(UNIT_OPEN), null);
  static final MatlabArgument<Double> SQUARED_GRADIENT_DECAY_FACTOR = option("SquaredGradientDecayFactor",
      number(UNIT_OPEN), null);
  static final MatlabArgument<Double> EPSILON = option("Epsilon", number(POSITIVE_FINITE), null);
  static final MatlabArgument<Double> GRADIENT_THRESHOLD = option("GradientThreshold", number(POSITIVE),
      Double.POSITIVE_INFINITY);
  static final MatlabArgument<GradientThresholdMethod> GRADIENT_THRESHOLD_METHOD = choice("GradientThresholdMethod",
      GradientThresholdMethod.L2NORM);
  static final MatlabArgument<LearnRateSchedule> LEARN_RATE_SCHEDULE = choice("LearnRateSchedule",
      LearnRateSchedule.NONE);
  static final MatlabArgument<Double> LEARN_RATE_DROP_FACTOR = option("LearnRateDropFactor", number(UNIT_CLOSED), 0.1);
  static final MatlabArgument<Integer> LEARN_RATE_DROP_PERIOD = option("LearnRateDropPeriod", whole(1), 10);
  static final MatlabArgument<Shuffle> SHUFFLE = choice("Shuffle", Shuffle.ONCE);
  /** {XValidation, YValidation}: MATLAB data, checked by bigru.trainingOptions and sent by trainNetwork. */
  static final MatlabArgument<Void> VALIDATION_DATA = option("ValidationData", ValueType.data(), null);
  static final MatlabArgument<Integer> VALIDATION_FREQUENCY = option("ValidationFrequency", whole(1), 50);
  static final MatlabArgument<Double> VALIDATION_PATIENCE = option("ValidationPatience", ValueType.wholeOrInf(1),
      Double.POSITIVE_INFINITY);
  static final MatlabArgument<OutputNetwork> OUTPUT_NETWORK = choice("OutputNetwork", OutputNetwork.LAST_ITERATION);
  static final MatlabArgument<SequenceLength> SEQUENCE_LENGTH = option("SequenceLength",
      ValueType.choice(SequenceLength.LONGEST, SequenceLength.SHORTEST, "bigru pads every mini-batch to its "
          + "longest sequence and ignores the padding, so use 'longest'"), SequenceLength.LONGEST);
  /** Accepted and without effect: bigru ignores padded steps. */
  static final MatlabArgument<SequencePaddingDirection> SEQUENCE_PADDING_DIRECTION = choice(
      "SequencePaddingDirection", SequencePaddingDirection.RIGHT);
  static final MatlabArgument<Double> SEQUENCE_PADDING_VALUE = option("SequencePaddingValue", number(FINITE), 0.0);
  static final MatlabArgument<ExecutionEnvironment> EXECUTION_ENVIRONMENT = choice("ExecutionEnvironment",
      ExecutionEnvironment.AUTO);
  static final MatlabArgument<Boolean> VERBOSE = option("Verbose", ValueType.flag(), true);
  static final MatlabArgument<Integer> VERBOSE_FREQUENCY = option("VerboseFrequency", whole(1), 50);
  static final MatlabArgument<Plots> PLOTS = choice("Plots", Plots.NONE);
  /** [] (the default): trainNetwork draws one from MATLAB's rand, so rng(s) makes training repeatable. */
  static final MatlabArgument<Integer> SEED = option("Seed", ValueType.anyInt(), null).emptyMeansDefault();
  static final MatlabArgument<String> CHECKPOINT_PATH = option("CheckpointPath", ValueType.text(), "");
  static final MatlabArgument<Integer> CHECKPOINT_FREQUENCY = option("CheckpointFrequency", whole(1), 1);
  static final MatlabArgument<CheckpointFrequencyUnit> CHECKPOINT_FREQUENCY_UNIT = choice("CheckpointFrequencyUnit",
      CheckpointFrequencyUnit.EPOCH);
  /** bigru's: continue from the newest checkpoint in CheckpointPath. */
  static final MatlabArgument<Boolean> RESUME_FROM_CHECKPOINT = option("ResumeFromCheckpoint", ValueType.flag(),
      false);
  /** classify's and predict's; accepted and without effect. */
  static final MatlabArgument<Acceleration> ACCELERATION = choice("Acceleration", Acceleration.AUTO);

  static {
    ValueType<OptimizerKind> solvers = ValueType.choice(OptimizerKind.class);
    SOLVER = MatlabArgument.required("solverName", "Solver", solvers).hint(solvers.expected());
  }

  private final TrainingOptions training;
  private final boolean verbose;
  private final int verboseFrequency;
  private final boolean resume;
  private final Signature.Values values;

  private MatlabOptions(TrainingOptions training, boolean verbose, int verboseFrequency, boolean resume,
                        Signature.Values values) {
    this.training = training;
    this.verbose = verbose;
    this.verboseFrequency = verboseFrequency;
    this.resume = resume;
    this.values = values;
  }

  /**
   * The options written as text (numbers with 17 significant digits, flags as true or false), each read as its
   * option takes it.
   *
   * @param solver 'adam', 'sgdm' or 'rmsprop'
   * @param names  option names as MATLAB spells them (MaxEpochs, ...); every one given once
   * @param values their values as text
   */
  public static MatlabOptions fromMatlab(String solver, Object names, Object values) {
    Map<String, MatlabValue> given = MatlabValue.written(names, values);
    if (solver != null) {
      given.put(SOLVER.name(), new MatlabValue(MatlabValue.Kind.WRITTEN, solver));
    }
    return read(given);
  }

  /**
   * The struct {@code bigru.trainingOptions} returned, as {@code bigru.internal.trainingOptionsToJava} sends it:
   * its fields (Solver and the options), each value's kind and text ({@link MatlabValue#given}).
   */
  public static MatlabOptions fromStruct(Object fields, Object kinds, Object texts) {
    return read(MatlabValue.given(fields, kinds, texts));
  }

  /** trainingOptions' arguments: solverName, then the options, with the defaults for {@code solver}. */
  static Signature signature(OptimizerKind solver) {
    TrainingOptions trainer = TrainingOptions.builder().optimizer(solver).build();
    return new Signature(FUNCTION, List.of(SOLVER, MAX_EPOCHS, MINI_BATCH_SIZE,
        INITIAL_LEARN_RATE.withDefault(trainer.learningRate()), L2_REGULARIZATION,
        MOMENTUM.withDefault(trainer.momentum()), GRADIENT_DECAY_FACTOR.withDefault(trainer.gradientDecayFactor()),
        SQUARED_GRADIENT_DECAY_FACTOR.withDefault(trainer.squaredGradientDecayFactor()),
        EPSILON.withDefault(trainer.epsilon()), GRADIENT_THRESHOLD, GRADIENT_THRESHOLD_METHOD, LEARN_RATE_SCHEDULE,
        LEARN_RATE_DROP_FACTOR, LEARN_RATE_DROP_PERIOD, SHUFFLE, VALIDATION_DATA, VALIDATION_FREQUENCY,
        VALIDATION_PATIENCE, OUTPUT_NETWORK, SEQUENCE_LENGTH, SEQUENCE_PADDING_DIRECTION, SEQUENCE_PADDING_VALUE,
        EXECUTION_ENVIRONMENT, VERBOSE, VERBOSE_FREQUENCY, PLOTS, SEED, CHECKPOINT_PATH, CHECKPOINT_FREQUENCY,
        CHECKPOINT_FREQUENCY_UNIT, RESUME_FROM_CHECKPOINT));
  }

  /** The options of classify and predict: accepted as MATLAB's are, without effect on the results. */
  static Signature prediction(String function) {
    return new Signature(function, List.of(MINI_BATCH_SIZE, SEQUENCE_LENGTH, SEQUENCE_PADDING_DIRECTION,
        SEQUENCE_PADDING_VALUE, EXECUTION_ENVIRONMENT, ACCELERATION));
  }

  /** Reads and checks the solver and the options given by name; the others take MATLAB's defaults. */
  static MatlabOptions read(Map<String, MatlabValue> given) {
    Signature.Values v = signature(SOLVER.readFrom(given)).read(given);
    TrainingOptions.Builder b = TrainingOptions.builder().optimizer(v.get(SOLVER))
        .threads(Network.defaultThreads())
        .maxEpochs(v.get(MAX_EPOCHS))
        .miniBatchSize(v.get(MINI_BATCH_SIZE))
        .learningRate(v.get(INITIAL_LEARN_RATE))
        .l2Regularization(v.get(L2_REGULARIZATION))
        .momentum(v.get(MOMENTUM))
        .gradientDecayFactor(v.get(GRADIENT_DECAY_FACTOR))
        .squaredGradientDecayFactor(v.get(SQUARED_GRADIENT_DECAY_FACTOR))
        .epsilon(v.get(EPSILON))
        .shuffle(v.get(SHUFFLE))
        .validationFrequency(v.get(VALIDATION_FREQUENCY))
        .restoreBestWeights(v.get(OUTPUT_NETWORK) == OutputNetwork.BEST_VALIDATION_LOSS);
    double threshold = v.get(GRADIENT_THRESHOLD);
    if (!Double.isInfinite(threshold)) {
      switch (v.get(GRADIENT_THRESHOLD_METHOD)) {
        case GLOBAL_L2NORM:
          b.gradientThreshold(threshold);
          break;
        case ABSOLUTE_VALUE:
          b.gradientClipValue(threshold);
          break;
        default:
          b.parameterGradientThreshold(threshold);
      }
    }
    if (v.get(LEARN_RATE_SCHEDULE) == LearnRateSchedule.PIECEWISE) {
      b.learnRateDrop(v.get(LEARN_RATE_DROP_FACTOR), v.get(LEARN_RATE_DROP_PERIOD));
    }
    double patience = v.get(VALIDATION_PATIENCE);
    if (!Double.isInfinite(patience)) {
      b.validationPatience((int) patience);
    }
    Integer seed = v.get(SEED);
    if (seed != null) {
      b.seed(seed);
    }
    boolean resume = checkpoints(v, b);
    TrainingOptions training;
    try {
      training = b.build();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid training options: " + e.getMessage(), e);
    }
    return new MatlabOptions(training, v.get(VERBOSE), v.get(VERBOSE_FREQUENCY), resume, v);
  }

  /**
   * MATLAB's CheckpointPath, CheckpointFrequency and CheckpointFrequencyUnit (a checkpoint every epoch, or every
   * N iterations as well), and bigru's ResumeFromCheckpoint; returns the latter.
   */
  private static boolean checkpoints(Signature.Values v, TrainingOptions.Builder b) {
    String path = v.get(CHECKPOINT_PATH);
    int frequency = v.get(CHECKPOINT_FREQUENCY);
    boolean resume = v.get(RESUME_FROM_CHECKPOINT);
    if (path.isEmpty()) {
      if (resume) {
        throw new IllegalArgumentException("ResumeFromCheckpoint needs a CheckpointPath to resume from");
      }
      return false;
    }
    b.checkpointDir(Path.of(path));
    if (v.get(CHECKPOINT_FREQUENCY_UNIT) == CheckpointFrequencyUnit.ITERATION) {
      b.checkpointEvery(frequency);
    } else if (frequency != 1) {
      throw CHECKPOINT_FREQUENCY.invalid("1 with CheckpointFrequencyUnit 'epoch' (bigru checkpoints after every "
          + "epoch; use 'iteration' for more)", String.valueOf(frequency));
    }
    return resume;
  }

  public TrainingOptions training() {
    return training;
  }

  /** Whether to print MATLAB's progress table. */
  public boolean verbose() {
    return verbose;
  }

  /** Whether training continues from the newest checkpoint in CheckpointPath (bigru's ResumeFromCheckpoint). */
  public boolean resume() {
    return resume;
  }

  /** Iterations between rows of the progress table. */
  public int verboseFrequency() {
    return verboseFrequency;
  }

  /** Whether trainNetwork draws the loss curves (Plots 'training-progress'). */
  public boolean plotsProgress() {
    return values.get(PLOTS) == Plots.TRAINING_PROGRESS;
  }

  /** The options as {@code bigru.trainingOptions} returns them: every default filled in, choices canonical. */
  String[] rows() {
    return values.rows();
  }
}
