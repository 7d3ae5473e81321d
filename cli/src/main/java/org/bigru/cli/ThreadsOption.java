package org.bigru.cli;

import org.bigru.model.Network;
import picocli.CommandLine.Option;

/** --threads, shared by every command that runs a network. */
final class ThreadsOption {

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "Threads a network computes with: 2 runs the two directions of each bidirectional layer at "
          + "once; more are not used, and results are the same for any count (0: 2, or 1 on a machine of one "
          + "processor).")
  int threads;

  /** Checks the value as typed; the count to ask the network for. */
  int resolve(OptionChecks checks) {
    checks.atLeast("--threads", threads, 0);
    return threads == 0 ? Network.defaultThreads() : threads;
  }
}
