package org.bigru.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs two independent tasks (the two directions of a bidirectional layer): one after the other, or at once
 * on a daemon helper thread. Each task's arithmetic is the same either way, so results do not depend on it.
 */
final class PairRunner {

  private ExecutorService helper;

  /** Starts or stops the helper thread. */
  void setParallel(boolean parallel) {
    if (parallel && helper == null) {
      helper = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "bigru-direction");
        thread.setDaemon(true);
        return thread;
      });
    } else if (!parallel && helper != null) {
      helper.shutdown();
      helper = null;
    }
  }

  boolean parallel() {
    return helper != null;
  }

  /** Runs both tasks and returns when both are done; rethrows a failure of either. */
  void run(Runnable first, Runnable second) {
    if (helper == null) {
      first.run();
      second.run();
      return;
    }
    Future<?> other = helper.submit(second);
    try {
      first.run();
    } finally {
      awaitQuietly(other);
    }
    try {
      other.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while a direction was running", e);
    }
  }

  /** Waits for the second task even when the first failed, so no task runs on into the next batch. */
  private static void awaitQuietly(Future<?> future) {
    boolean interrupted = false;
    while (!future.isDone()) {
      try {
        future.get();
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        break;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
