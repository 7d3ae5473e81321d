package org.bigru.spark;

import java.io.Serializable;

/**
 * One training sequence: a look-back window of scaled features and its scaled target(s), numbered in its part
 * (training, validation or test) as the bigru command numbers it: series after series in key order, each
 * series' windows in time order.
 *
 * @param part  {@link #TRAIN}, {@link #VALIDATION} or {@link #TEST}
 * @param index position in its part
 * @param x     [window, features]
 * @param y     the target of the window's last row plus the horizon, or one per step ([window])
 * @param actual the target of the window's last row plus the horizon in original units (test metrics)
 */
record Window(int part, int index, float[] x, float[] y, float actual) implements Serializable {

  static final int TRAIN = 0;
  static final int VALIDATION = 1;
  static final int TEST = 2;
}
