package org.bigru.model;

import java.util.SplittableRandom;

/** What the layers of one forward and backward pass share: the batch's order, threads, and dropout. */
final class Pass {

  private final BatchOrder order;
  private final PairRunner runner;
  private boolean forBackward;
  private SplittableRandom dropoutRng;
  private int rows;

  Pass(BatchOrder order, PairRunner runner) {
    this.order = order;
    this.runner = runner;
  }

  /** Starts a pass over the batch {@code order} holds, at its time-major rows. */
  void start(boolean keepForBackward, SplittableRandom dropout) {
    forBackward = keepForBackward;
    dropoutRng = dropout;
    rows = Workspace.size(order.steps(), order.size());
  }

  BatchOrder order() {
    return order;
  }

  PairRunner runner() {
    return runner;
  }

  boolean forBackward() {
    return forBackward;
  }

  /** Where dropout draws its masks, or null when dropout is off (inference, or no dropout in the model). */
  SplittableRandom dropoutRng() {
    return dropoutRng;
  }

  /** Rows of the activations between the layers at this point of the pass. */
  int rows() {
    return rows;
  }

  void setRows(int count) {
    rows = count;
  }
}
