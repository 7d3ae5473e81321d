package org.bigru.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.bigru.kernels.Kernels;
import org.bigru.model.Network;
import org.bigru.model.io.ModelConfigJson;

/**
 * The networks an executor JVM computes with, built once per configuration and reused by every task: a network
 * keeps its workspaces, and tasks of one executor may run at once, so each borrows one of its own (as {@link
 * org.bigru.model.Predictor} does) and takes the weights it is given.
 */
final class ExecutorNetworks {

  private static final int KEPT_CONFIGS = 4;
  private static final Logger LOG = LoggerFactory.getLogger(ExecutorNetworks.class);
  private static final Map<String, ConcurrentLinkedQueue<Network>> IDLE = new LinkedHashMap<>(8, 0.75f, true);

  private ExecutorNetworks() {
  }

  /** A network of this configuration (as JSON) holding {@code weights}, computing with {@code threads}. */
  static Network borrow(String config, float[] weights, int threads) {
    Network network = idle(config).poll();
    if (network == null) {
      network = Network.create(ModelConfigJson.fromJson(config), 0);
      LOG.info("bigru-spark: a network of {} for this JVM's tasks; {} kernels", network.config().summary(),
          Kernels.get().name());
    }
    network.setThreads(threads);
    System.arraycopy(weights, 0, network.arena().values(), 0, weights.length);
    return network;
  }

  static void giveBack(String config, Network network) {
    idle(config).add(network);
  }

  private static ConcurrentLinkedQueue<Network> idle(String config) {
    synchronized (IDLE) {
      ConcurrentLinkedQueue<Network> queue = IDLE.computeIfAbsent(config, c -> new ConcurrentLinkedQueue<>());
      if (IDLE.size() > KEPT_CONFIGS) {
        IDLE.remove(IDLE.keySet().iterator().next());
      }
      return queue;
    }
  }
}
