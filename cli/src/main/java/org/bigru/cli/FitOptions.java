package org.bigru.cli;

import java.nio.file.Path;
import org.bigru.model.train.NonFinitePolicy;
import org.bigru.model.train.OptimizerKind;
import org.bigru.model.train.Shuffle;
import org.bigru.model.train.TrainingOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** train's training options: epochs, batches, the optimizer and its regularization, seed and threads. */
final class FitOptions {

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Training epochs.")
  int epochs;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "32", description = "Mini-batch size.")
  int batch;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam", description = "adam, sgdm or rmsprop.")
  String optimizer;

  @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.001 for adam and rmsprop, "
      + "0.01 for sgdm).")
  Double learningRate;

  @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0", description = "L2 regularization of weights.")
  double l2;

  @Option(names = "--clip", paramLabel = "NORM", defaultValue = "0",
      description = "Clip gradients to this global L2 norm (0: off).")
  double clip;

  @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
      description = "Stop after N epochs without a lower validation loss and keep the best weights (0: off).")
  int patience;

  @Option(names = "--shuffle", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Shuffle training sequences each epoch (default: ${DEFAULT-VALUE}).")
  boolean shuffle;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of weights, order, dropout.")
  long seed;

  @Mixin
  ThreadsOption threads;

  @Option(names = "--init", paramLabel = "MODEL", description = "Start from this model file's weights.")
  Path init;

  @Option(names = "--on-nonfinite", paramLabel = "ACTION", defaultValue = "stop", description = "stop: end "
      + "training at a NaN or infinite loss or gradient (exit code 3, the model of the last good step is written); "
      + "skip: skip that batch and count it.")
  String onNonFinite;

  /** Checks these options as typed; {@code validation} says whether there will be validation data. */
  void check(OptionChecks checks, boolean validation) {
    checks.atLeast("--epochs", epochs, 1);
    checks.atLeast("--batch", batch, 1);
    checks.atLeast("--patience", patience, 0);
    threads.resolve(checks);
    if (learningRate != null) {
      checks.positiveFloat("--lr", learningRate);
    }
    checks.nonNegativeFloat("--l2", l2);
    checks.nonNegativeFloat("--clip", clip);
    if (patience > 0 && !validation) {
      throw new BadInputException("--patience needs validation data: give --val-size too");
    }
    checks.name("--on-nonfinite", () -> NonFinitePolicy.fromName(onNonFinite));
    checks.name("--optimizer", () -> OptimizerKind.fromName(optimizer));
  }

  /** The model's training options, checkpointing into {@code checkpoints} (null: none). */
  TrainingOptions trainingOptions(int threadCount, Path checkpoints, int checkpointEvery) {
    TrainingOptions.Builder builder = TrainingOptions.builder()
        .maxEpochs(epochs)
        .miniBatchSize(batch)
        .optimizer(OptimizerKind.fromName(optimizer))
        .l2Regularization(l2)
        .shuffle(shuffle ? Shuffle.EVERY_EPOCH : Shuffle.NEVER)
        .seed(seed)
        .validationFrequency(Integer.MAX_VALUE)
        .threads(threadCount)
        .checkpointDir(checkpoints)
        .checkpointEvery(checkpointEvery)
        .onNonFinite(NonFinitePolicy.fromName(onNonFinite));
    if (learningRate != null) {
      builder.learningRate(learningRate);
    }
    if (clip > 0) {
      builder.gradientThreshold(clip);
    }
    if (patience > 0) {
      builder.validationPatience(patience);
    }
    return builder.build();
  }
}
