package org.bigru.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;

/** Spark jobs over chosen partitions of an RDD whose partitions hold one element each. */
final class PartitionJobs {

  /** What a task does with its partition's one element. */
  interface Work<T, U> extends Serializable {
    U apply(T element);
  }

  private PartitionJobs() {
  }

  /** Runs {@code work} on partitions {@code partitions} (in that order) only; their results in that order. */
  @SuppressWarnings("unchecked")
  static <T, U> U[] run(JavaRDD<T> rdd, List<Integer> partitions, Work<T, U> work, Class<U> type) {
    List<Object> boxed = new ArrayList<>(partitions);
    return (U[]) rdd.context().runJob(rdd.rdd(), new Task<>(work),
        CollectionConverters.asScala(boxed).toSeq(), ClassTag$.MODULE$.apply(type));
  }

  private static final class Task<T, U> extends AbstractFunction2<TaskContext, scala.collection.Iterator<T>, U>
      implements Serializable {
    private static final long serialVersionUID = 1L;
    private final Work<T, U> work;

    Task(Work<T, U> work) {
      this.work = work;
    }

    @Override
    public U apply(TaskContext context, scala.collection.Iterator<T> elements) {
      return work.apply(elements.next());
    }
  }
}
