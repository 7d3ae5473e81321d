package org.bigru.model;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.bigru.model.data.Dataset;
import org.bigru.model.train.Trainer;

/**
 * Thread-safe inference with a trained network. A {@link Network} is not thread-safe (it keeps its
 * activations in reusable workspaces), so each concurrent call borrows a replica of its own: a network of the
 * same configuration holding a copy of the weights taken when the predictor was made, single-threaded, and
 * returned to a pool afterwards. At most one replica exists per thread calling at the same time, and each
 * gives bitwise the results of the original network (the same arithmetic on the same weights).
 *
 * <p>Later changes to the original network's weights (more training) do not reach the predictor; make a new
 * one. Memory: one copy of the weights and one set of workspaces per concurrent caller.
 */
public final class Predictor {

  private final ModelConfig config;
  private final float[] weights;
  private final ConcurrentLinkedQueue<Network> idle = new ConcurrentLinkedQueue<>();

  /** A predictor answering as {@code network} does now. */
  public Predictor(Network network) {
    this.config = network.config();
    this.weights = network.arena().values().clone();
  }

  public ModelConfig config() {
    return config;
  }

  /** As {@link Network#predict(SequenceBatch)}; safe to call from any number of threads at once. */
  public float[] predict(SequenceBatch batch) {
    Network replica = borrow();
    try {
      return replica.predict(batch);
    } finally {
      idle.add(replica);
    }
  }

  /** As {@link Trainer#predict(Network, Dataset)}; safe to call from any number of threads at once. */
  public float[][] predict(Dataset data) {
    Network replica = borrow();
    try {
      return Trainer.predict(replica, data);
    } finally {
      idle.add(replica);
    }
  }

  private Network borrow() {
    Network replica = idle.poll();
    if (replica != null) {
      return replica;
    }
    replica = Network.unfilled(config);
    replica.setThreads(1);
    System.arraycopy(weights, 0, replica.arena().values(), 0, weights.length);
    return replica;
  }
}
