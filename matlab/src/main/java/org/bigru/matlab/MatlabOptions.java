package org.bigru.matlab;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.TrainingOptions;

/**
 * MATLAB's {@code trainingOptions}, as the name/value pairs {@code bigru.trainingOptions} collected (every
 * value as text, numbers with 17 significant digits), checked with MATLAB's option names in the messages and
 * turned into the trainer's {@link TrainingOptions} plus what only the MATLAB side uses (the verbose table).
 * An option left out takes MATLAB's default (MaxEpochs 30, MiniBatchSize 128, L2Regularization 1e-4, Shuffle
 * 'once', OutputNetwork 'last-iteration', ...), not the trainer's.
 */
public final class MatlabOptions {

  private final TrainingOptions training;
  private final boolean verbose;
  private final int verboseFrequency;
  private final boolean resume;

  private MatlabOptions(TrainingOptions training, boolean verbose, int verboseFrequency, boolean resume) {
    this.training = training;
    this.verbose = verbose;
    this.verboseFrequency = verboseFrequency;
    this.resume = resume;
  }

  /**
   * @param solver 'adam', 'sgdm' or 'rmsprop'
   * @param names  option names as MATLAB spells them (MaxEpochs, ...); every one given once
   * @param values their values as text
   */
  public static MatlabOptions fromMatlab(String solver, Object names, Object values) {
    String[] n = MatlabValues.strings(names, "the option names");
    String[] v = MatlabValues.strings(values, "the option values");
    if (n.length != v.length) {
      throw new IllegalArgumentException(n.length + " option names for " + v.length + " values");
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < n.length; i++) {
      options.put(n[i], v[i]);
    }
    return new Reader(solver, options).read();
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

  /** Takes options out of the map one by one, so that what is left over is unknown. */
  private static final class Reader {
    private final String solver;
    private final Map<String, String> options;

    Reader(String solver, Map<String, String> options) {
      this.solver = solver == null ? "" : solver.trim().toLowerCase(Locale.ROOT);
      this.options = options;
    }

    MatlabOptions read() {
      OptimizerKind kind;
      switch (solver) {
        case "adam":
          kind = OptimizerKind.ADAM;
          break;
        case "sgdm":
          kind = OptimizerKind.SGDM;
          break;
        case "rmsprop":
          kind = OptimizerKind.RMSPROP;
          break;
        default:
          throw new IllegalArgumentException("solverName must be 'adam', 'sgdm' or 'rmsprop', not '" + solver + "'");
      }
      TrainingOptions.Builder b = TrainingOptions.builder().optimizer(kind).threads(org.bigru.model.Network.defaultThreads());
      b.maxEpochs(optionalInt("MaxEpochs", 1).orElse(30));
      b.miniBatchSize(optionalInt("MiniBatchSize", 1).orElse(128));
      number("InitialLearnRate", Bound.POSITIVE_FINITE).ifPresent(b::learningRate);
      b.l2Regularization(number("L2Regularization", Bound.NON_NEGATIVE_FINITE).orElse(1e-4));
      number("Momentum", Bound.UNIT_CLOSED).ifPresent(value -> {
        if (value == 1) {
          throw invalid("Momentum", "1", "in [0, 1)");
        }
        b.momentum(value);
      });
      number("GradientDecayFactor", Bound.UNIT_OPEN).ifPresent(b::gradientDecayFactor);
      number("SquaredGradientDecayFactor", Bound.UNIT_OPEN).ifPresent(b::squaredGradientDecayFactor);
      number("Epsilon", Bound.POSITIVE_FINITE).ifPresent(b::epsilon);
      double threshold = number("GradientThreshold", Bound.POSITIVE).orElse(Double.POSITIVE_INFINITY);
      String method = choice("GradientThresholdMethod", "l2norm", "l2norm", "global-l2norm", "absolute-value");
      if (!Double.isInfinite(threshold)) {
        switch (method) {
          case "global-l2norm":
            b.gradientThreshold(threshold);
            break;
          case "absolute-value":
            b.gradientClipValue(threshold);
            break;
          default:
            b.parameterGradientThreshold(threshold);
        }
      }
      String schedule = choice("LearnRateSchedule", "none", "none", "piecewise");
      double dropFactor = number("LearnRateDropFactor", Bound.UNIT_CLOSED).orElse(0.1);
      int dropPeriod = optionalInt("LearnRateDropPeriod", 1).orElse(10);
      if (schedule.equals("piecewise")) {
        b.learnRateDrop(dropFactor, dropPeriod);
      }
      b.shuffle(Shuffle.fromName(choice("Shuffle", "once", "once", "never", "every-epoch")));
      b.validationFrequency(optionalInt("ValidationFrequency", 1).orElse(50));
      number("ValidationPatience", Bound.POSITIVE).ifPresent(value -> {
        if (!Double.isInfinite(value)) {
          b.validationPatience(wholeNumber("ValidationPatience", value, 1));
        }
      });
      b.restoreBestWeights(choice("OutputNetwork", "last-iteration", "last-iteration", "best-validation-loss")
          .equals("best-validation-loss"));
      String length = choice("SequenceLength", "longest", "longest", "shortest");
      if (!length.equals("longest")) {
        throw new IllegalArgumentException("SequenceLength 'shortest' is not supported: bigru pads every mini-batch "
            + "to its longest sequence and ignores the padding, so use 'longest'");
      }
      choice("SequencePaddingDirection", "right", "right", "left");
      number("SequencePaddingValue", Bound.FINITE);
      choice("ExecutionEnvironment", "auto", "auto", "cpu");
      number("Seed", Bound.FINITE).ifPresent(value -> b.seed((long) wholeNumber("Seed", value, Integer.MIN_VALUE)));
      boolean verbose = flag("Verbose", true);
      int verboseFrequency = optionalInt("VerboseFrequency", 1).orElse(50);
      choice("Plots", "none", "none", "training-progress");
      boolean resume = checkpoints(b);
      if (!options.isEmpty()) {
        String name = options.keySet().iterator().next();
        throw new IllegalArgumentException("'" + name + "' is not a training option");
      }
      TrainingOptions training;
      try {
        training = b.build();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("invalid training options: " + e.getMessage(), e);
      }
      return new MatlabOptions(training, verbose, verboseFrequency, resume);
    }

    /**
     * MATLAB's CheckpointPath, CheckpointFrequency and CheckpointFrequencyUnit (a checkpoint every epoch, or
     * every N iterations as well), and bigru's ResumeFromCheckpoint; returns the latter.
     */
    private boolean checkpoints(TrainingOptions.Builder b) {
      String path = options.remove("CheckpointPath");
      String unit = choice("CheckpointFrequencyUnit", "epoch", "epoch", "iteration");
      int frequency = optionalInt("CheckpointFrequency", 1).orElse(1);
      boolean resume = flag("ResumeFromCheckpoint", false);
      if (path == null || path.isEmpty()) {
        if (resume) {
          throw new IllegalArgumentException("ResumeFromCheckpoint needs a CheckpointPath to resume from");
        }
        return false;
      }
      b.checkpointDir(Path.of(path));
      if (unit.equals("iteration")) {
        b.checkpointEvery(frequency);
      } else if (frequency != 1) {
        throw invalid("CheckpointFrequency", String.valueOf(frequency), "1 with CheckpointFrequencyUnit 'epoch' "
            + "(bigru checkpoints after every epoch; use 'iteration' for more)");
      }
      return resume;
    }

    private enum Bound {
      ANY("a number"), FINITE("a finite number"), POSITIVE("a number > 0 (Inf allowed)"),
      POSITIVE_FINITE("a finite number > 0 (at most realmax('single'))"),
      NON_NEGATIVE_FINITE("a finite number >= 0 (at most realmax('single'))"),
      UNIT_CLOSED("a number in [0, 1]"), UNIT_OPEN("a number in [0, 1)");

      final String text;

      Bound(String text) {
        this.text = text;
      }

      boolean accepts(double v) {
        switch (this) {
          case ANY:
            return !Double.isNaN(v);
          case FINITE:
            return Double.isFinite(v);
          case POSITIVE:
            return v > 0;
          // Training computes in single precision, where a larger value is infinite.
          case POSITIVE_FINITE:
            return v > 0 && v <= Float.MAX_VALUE;
          case NON_NEGATIVE_FINITE:
            return v >= 0 && v <= Float.MAX_VALUE;
          case UNIT_CLOSED:
            return v >= 0 && v <= 1;
          default:
            return v >= 0 && v < 1;
        }
      }
    }

    private OptionalDouble number(String name, Bound bound) {
      String text = options.remove(name);
      if (text == null || text.isEmpty()) {
        return OptionalDouble.empty();
      }
      double value = parse(name, text);
      if (!bound.accepts(value)) {
        throw invalid(name, text, bound.text);
      }
      return OptionalDouble.of(value);
    }

    private OptionalInt optionalInt(String name, int min) {
      OptionalDouble value = number(name, Bound.ANY);
      return value.isPresent() ? OptionalInt.of(wholeNumber(name, value.getAsDouble(), min))
          : OptionalInt.empty();
    }

    private int wholeNumber(String name, double value, int min) {
      if (!(value >= min && value <= Integer.MAX_VALUE && value == Math.rint(value))) {
        throw invalid(name, MatlabValues.number(value), "a whole number of at least " + min);
      }
      return (int) value;
    }

    private String choice(String name, String fallback, String... allowed) {
      String text = options.remove(name);
      if (text == null || text.isEmpty()) {
        return fallback;
      }
      for (String a : allowed) {
        if (a.equalsIgnoreCase(text.trim())) {
          return a;
        }
      }
      throw invalid(name, "'" + text + "'", "'" + String.join("', '", allowed) + "'");
    }

    private boolean flag(String name, boolean fallback) {
      String text = options.remove(name);
      if (text == null || text.isEmpty()) {
        return fallback;
      }
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "1":
        case "true":
          return true;
        case "0":
        case "false":
          return false;
        default:
          throw invalid(name, text, "true or false");
      }
    }

    private static double parse(String name, String text) {
      switch (text.trim()) {
        case "Inf":
        case "inf":
          return Double.POSITIVE_INFINITY;
        case "-Inf":
        case "-inf":
          return Double.NEGATIVE_INFINITY;
        case "NaN":
          return Double.NaN;
        default:
          try {
            return Double.parseDouble(text.trim());
          } catch (NumberFormatException e) {
            throw invalid(name, "'" + text + "'", "a number");
          }
      }
    }

    private static IllegalArgumentException invalid(String name, String found, String expected) {
      return new IllegalArgumentException("the value of '" + name + "' must be " + expected + ", not " + found);
    }
  }
}
