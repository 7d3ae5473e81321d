package org.bigru.model.train;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the heap so far by the live threads of this JVM (HotSpot's per-thread counters), the
 * direction helper thread included: what a benchmark's steady steps allocate, and whether the warm-up's steps still
 * run vector code on heap objects.
 */
public final class AllocationCounter {

  private AllocationCounter() {}

  /** Sum over the live threads; -1 when the JVM does not count allocations per thread. */
  public static long allocatedBytes() {
    if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean)) {
      return -1;
    }
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    if (!bean.isThreadAllocatedMemorySupported() || !bean.isThreadAllocatedMemoryEnabled()) {
      return -1;
    }
    // thread ids, not Thread.getAllStackTraces(): that would allocate every thread's stack trace in the count
    long sum = 0;
    for (long bytes : bean.getThreadAllocatedBytes(bean.getAllThreadIds())) {
      sum += Math.max(bytes, 0);
    }
    return sum;
  }
}
