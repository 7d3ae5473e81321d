package org.bigru.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * An output folder written whole or not at all: Spark writes into a hidden sibling folder, which is renamed to
 * the asked name once the job has succeeded. An existing output is refused, never replaced.
 */
final class OutputFolder {

  private OutputFolder() {
  }

  /** Checks, before any work, that {@code out} can be written: it must not exist. */
  static void requireNew(SparkSession spark, String out, String option) {
    try {
      Path p = new Path(out);
      if (p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
        throw new BadInputException(option + " " + out + " exists; remove it or choose another name");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + out + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code write} on a temporary folder beside {@code out}, then renames it to {@code out}. */
  static void write(SparkSession spark, String out, String option, Consumer<String> write) {
    requireNew(spark, out, option);
    Path target = new Path(out);
    Path temporary = new Path(target.getParent() == null ? new Path(".") : target.getParent(),
        "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      boolean done = false;
      try {
        write.accept(temporary.toString());
        if (!fs.rename(temporary, target)) {
          throw new IOException("cannot rename " + temporary + " to " + target);
        }
        done = true;
      } finally {
        if (!done) {
          fs.delete(temporary, true);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }
}
