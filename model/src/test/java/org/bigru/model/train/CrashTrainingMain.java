package org.bigru.model.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.bigru.model.Activation;
import org.bigru.model.DenseLayerSpec;
import org.bigru.model.MergeMode;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.OutputMode;
import org.bigru.model.RecurrentLayerSpec;
import org.bigru.model.ResetGateMode;
import org.bigru.model.Task;
import org.bigru.model.data.Dataset;
import org.bigru.model.io.ModelFile;

/**
 * A training run with checkpoints, run as a child JVM by {@link CrashResumeTest} and killed there:
 * {@code CrashTrainingMain CHECKPOINT_DIR MODEL_OUT [resume]}. Prints "checkpoint ITERATION" after each
 * checkpoint and saves the final model. Every source of state is used: dropout, shuffling every epoch, Adam,
 * validation with best-weight restoring, a learning-rate drop.
 */
public final class CrashTrainingMain {

  static final int FEATURES = 3;

  private CrashTrainingMain() {
  }

  static Dataset data(long seed, int size) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<float[]> xs = new ArrayList<>();
    float[] ys = new float[size];
    for (int i = 0; i < size; i++) {
      int steps = 3 + rng.nextInt(6);
      float[] x = new float[steps * FEATURES];
      float sum = 0;
      for (int k = 0; k < x.length; k++) {
        x[k] = (float) rng.nextDouble(-1, 1);
        sum += x[k] * (k % FEATURES + 1);
      }
      xs.add(x);
      ys[i] = (float) Math.tanh(sum / steps);
    }
    return Dataset.sequenceResponses(xs, FEATURES, ys, 1);
  }

  static ModelConfig config() {
    return new ModelConfig(FEATURES,
        List.of(new RecurrentLayerSpec(6, true, ResetGateMode.RECURRENT_BIAS_AFTER_MULTIPLICATION, MergeMode.CONCAT),
            RecurrentLayerSpec.lstm(4, true, MergeMode.CONCAT, OutputMode.SEQUENCE)),
        OutputMode.LAST, List.of(new DenseLayerSpec(5, Activation.TANH)), 0.2, 1, Task.REGRESSION, List.of(), null);
  }

  static TrainingOptions options(Path checkpoints, int epochs) {
    return TrainingOptions.builder().maxEpochs(epochs).miniBatchSize(8).seed(7).learnRateDrop(0.5, 3)
        .validationFrequency(5).checkpointDir(checkpoints).checkpointEvery(2).build();
  }

  public static void main(String[] args) throws Exception {
    Path checkpoints = Path.of(args[0]);
    Path out = Path.of(args[1]);
    boolean resume = args.length > 2 && args[2].equals("resume");
    int epochs = Integer.parseInt(System.getProperty("crash.epochs", "8"));
    Network network = Network.create(config(), 11);
    TrainingListener listener = new TrainingListener() {
      @Override
      public void onCheckpoint(Path file, int epoch, int iteration) {
        System.out.println("checkpoint " + iteration);
        System.out.flush();
      }
    };
    TrainingOptions options = options(checkpoints, epochs);
    if (resume) {
      Trainer.resume(network, data(1, 120), data(2, 24), options, listener);
    } else {
      Trainer.fit(network, data(1, 120), data(2, 24), options, listener);
    }
    ModelFile.save(network, out);
    System.out.println("done");
  }
}
