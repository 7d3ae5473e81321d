package org.bigru.model;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs two independent tasks (the two directions of a bidirectional layer): one after the other, or at once
 * with the second on a daemon helper thread. Each task's arithmetic is the same either way, so results do not
 * depend on it.
 *
 * <p>A hand-off costs no allocation, and both sides spin briefly before they park: a direction of a small
 * batch takes well under a millisecond, and waking a parked thread (tens of microseconds on a virtual machine)
 * would otherwise be a large part of it. The helper thread ends after a minute without work, so networks left
 * behind keep no threads.
 */
final class PairRunner {

  private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);
  /** How long a waiting side spins before it parks: the gap between a forward and a backward pass. */
  private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

  private boolean parallel;
  private Helper helper;

  /** Starts or stops the helper thread. */
  void setParallel(boolean parallel) {
    this.parallel = parallel;
    if (!parallel && helper != null) {
      helper.stop();
      helper = null;
    }
  }

  /** Runs both tasks and returns when both are done; rethrows a failure of either, the first task's first. */
  void run(Runnable first, Runnable second) {
    if (!parallel) {
      first.run();
      second.run();
      return;
    }
    if (helper == null || !helper.post(second)) {
      helper = new Helper();
      if (!helper.post(second)) {
        throw new IllegalStateException("a new direction thread refused its first task");
      }
    }
    try {
      first.run();
    } finally {
      // even when the first task failed, so that no task runs on into the next batch
      helper.awaitDone();
    }
    Throwable failure = helper.takeFailure();
    if (failure instanceof RuntimeException) {
      throw (RuntimeException) failure;
    }
    if (failure instanceof Error) {
      throw (Error) failure;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }

  /** One daemon thread that runs one posted task at a time. */
  private static final class Helper implements Runnable {

    private final Thread thread;
    private volatile Thread caller;
    private volatile Runnable task;
    private volatile long posted;
    private volatile long finished;
    private volatile boolean stopped;
    private Throwable failure;

    Helper() {
      thread = new Thread(this, "bigru-direction");
      thread.setDaemon(true);
      thread.start();
    }

    /** Hands the task over; false when the thread has ended (idle too long, or stopped). */
    synchronized boolean post(Runnable work) {
      if (stopped) {
        return false;
      }
      caller = Thread.currentThread();
      task = work;
      posted++;
      LockSupport.unpark(thread);
      return true;
    }

    void awaitDone() {
      long target = posted;
      long spinEnd = System.nanoTime() + SPIN_NANOS;
      while (finished != target) {
        if (System.nanoTime() < spinEnd) {
          Thread.onSpinWait();
        } else {
          // uninterruptible, as the task cannot be abandoned half done; park returns on the helper's unpark
          LockSupport.park(this);
        }
      }
    }

    Throwable takeFailure() {
      Throwable f = failure;  // written before finished, read after it: ordered by the volatile
      failure = null;
      return f;
    }

    synchronized void stop() {
      stopped = true;
      LockSupport.unpark(thread);
    }

    @Override
    public void run() {
      long done = 0;
      while (true) {
        if (!awaitPosted(done)) {
          return;
        }
        done = posted;
        try {
          task.run();
        } catch (Throwable t) {
          failure = t;
        }
        task = null;
        finished = done;
        LockSupport.unpark(caller);
      }
    }

    /** Waits until a task after {@code done} is posted; false when the thread should end instead. */
    private boolean awaitPosted(long done) {
      long start = System.nanoTime();
      while (posted == done) {
        long waited = System.nanoTime() - start;
        if (waited < SPIN_NANOS) {
          Thread.onSpinWait();
        } else if (waited < IDLE_NANOS && !stopped) {
          LockSupport.parkNanos(this, IDLE_NANOS - waited);
        } else {
          synchronized (this) {
            if (posted == done) {
              stopped = true;
              return false;
            }
          }
        }
      }
      return true;
    }
  }
}
