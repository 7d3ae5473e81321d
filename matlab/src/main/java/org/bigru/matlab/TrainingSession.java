package org.bigru.matlab;

import java.util.function.Supplier;

/**
 * A training run on a thread of its own, which the MATLAB side watches: it waits for progress in short calls,
 * prints the verbose lines, redraws the training-progress figure, and can ask training to stop (Ctrl+C, a Stop
 * button). So MATLAB and Octave stay responsive, and everything is printed by MATLAB, in order. Training computes
 * on that one thread (and the network's own helper) exactly as in a direct call: same seed, same weights.
 */
public final class TrainingSession {

  private final TrainingRecord record;
  private final ProgressTable table;
  private final Thread thread;
  private MatlabNetwork result;
  private RuntimeException failure;
  private boolean done;

  TrainingSession(TrainingRecord record, ProgressTable table, Supplier<MatlabNetwork> training) {
    this.record = record;
    this.table = table;
    this.thread = new Thread(() -> {
      MatlabNetwork network = null;
      RuntimeException error = null;
      try {
        network = training.get();
      } catch (RuntimeException e) {
        error = e;
      } catch (Error e) {
        error = new MatlabError(e instanceof OutOfMemoryError ? MatlabError.OUT_OF_MEMORY : MatlabError.INVALID_VALUE,
            "training failed: " + e, e);
      }
      synchronized (this) {
        result = network;
        failure = error;
        done = true;
        notifyAll();
      }
    }, "bigru-training");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Waits until training ends or {@code millis} milliseconds pass; returns whether it has ended. */
  public synchronized boolean waitFor(double millis) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (millis * 1e6);
    while (!done) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return done;
  }

  public synchronized boolean isDone() {
    return done;
  }

  /** Asks training to stop after the current iteration; the network then holds the weights of that iteration. */
  public void requestStop() {
    record.requestStop();
  }

  /** Asks training to stop and waits until it has. */
  public void stopAndWait() throws InterruptedException {
    requestStop();
    thread.join();
  }

  /** The lines produced since the last call: the verbose table's, and warnings. */
  public String[] takeLines() {
    return table.takeLines();
  }

  /** What training has reported so far (for the plot) or in all (after it ended). */
  public TrainingRecord record() {
    return record;
  }

  /** Seconds since training started. */
  public double elapsed() {
    return record.elapsed();
  }

  /** The trained network; the error that ended training, if one did. */
  public synchronized MatlabNetwork network() {
    if (!done) {
      throw new IllegalStateException("training has not ended");
    }
    if (failure != null) {
      throw failure;
    }
    return result;
  }
}
