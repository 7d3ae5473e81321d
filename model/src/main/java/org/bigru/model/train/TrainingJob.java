package org.bigru.model.train;

import org.bigru.model.MemoryBudget;
import org.bigru.model.ModelConfig;
import org.bigru.model.Network;
import org.bigru.model.data.Compatibility;
import org.bigru.model.data.Dataset;

/**
 * Training as every front end runs it (the command line, the MATLAB facade): the data checked against the
 * network, the whole run checked against the heap before anything of its size is allocated, a network from the
 * seed, then fit or resume. Front ends read their data, name things in their own words, and show the result;
 * the rules live here.
 *
 * @param config     the network to train
 * @param train      training data
 * @param validation validation data, or null
 * @param options    the training options (their seed initializes the network; their threads it computes with)
 * @param resume     continue from the newest checkpoint in the options' folder instead of starting anew
 * @param otherBytes what the front end holds besides the network and its training (its copy of the data, an
 *                   evaluation), for the heap check
 */
public record TrainingJob(ModelConfig config, Dataset train, Dataset validation, TrainingOptions options,
                          boolean resume, long otherBytes) {

  /** Names for messages: the training and validation data's inputs and targets, and the network. */
  public record Names(String trainInputs, String trainTargets, String validationInputs, String validationTargets,
                      String network) {
  }

  public TrainingJob {
    if (config == null || train == null || options == null) {
      throw new IllegalArgumentException("a network configuration, training data and options are required");
    }
  }

  /**
   * Checks the data against the network and the run against the heap (an {@link
   * org.bigru.model.InsufficientMemoryException} naming what needs the memory, and {@code instead}, what to
   * shrink), then builds the network with fresh weights from the options' seed.
   */
  public Network build(Names names, String instead) {
    checkData(names);
    int batch = Math.min(options.miniBatchSize(), train.size());
    int steps = Math.max(1, Math.max(train.maxLength(), validation == null ? 0 : validation.maxLength()));
    MemoryBudget.require(MemoryBudget.saturatedAdd(MemoryBudget.trainingBytes(config, batch, steps), otherBytes),
        "training " + config.summary() + " (" + MemoryBudget.parameterCount(config) + " parameters) on "
            + train.size() + " sequences of up to " + steps + " x " + config.inputSize() + " values in mini-batches of "
            + batch, instead);
    Network network = Network.create(config, options.seed());
    network.setThreads(options.threads());
    return network;
  }

  /** Refuses training or validation data that does not fit the network ({@link Compatibility}). */
  public void checkData(Names names) {
    Compatibility.requireFeatures(config, train.features(), names.trainInputs(), names.network());
    Compatibility.requireTargets(config, train, names.trainTargets(), names.network());
    if (validation != null) {
      Compatibility.requireFeatures(config, validation.features(), names.validationInputs(), names.network());
      Compatibility.requireTargets(config, validation, names.validationTargets(), names.network());
    }
  }

  /**
   * Trains {@code network} (built by {@link #build}, its weights possibly replaced since): {@link Trainer#fit},
   * or {@link Trainer#resume} from the options' checkpoint folder. A checkpoint folder of another run is a
   * {@link CheckpointFolderException}, which the front end words with its option names.
   */
  public TrainingHistory run(Network network, TrainingListener listener) {
    return resume
        ? Trainer.resume(network, train, validation, options, listener)
        : Trainer.fit(network, train, validation, options, listener);
  }
}
