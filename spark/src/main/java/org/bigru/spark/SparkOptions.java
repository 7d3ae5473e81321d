package org.bigru.spark;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Where the job runs: shared by predict and train. */
final class SparkOptions {

  @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[N], spark://host:7077, yarn, "
      + "... (default: what spark-submit set, else local[*]).")
  String master;

  @Option(names = "--partitions", paramLabel = "N", defaultValue = "0",
      description = "Partitions the data is spread over (0: Spark's default parallelism, the executor cores).")
  int partitions;

  /** The session: the one spark-submit configured, with --master when given, else local on every core. */
  SparkSession session(String appName) {
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (master != null) {
      builder.master(master);
    } else if (!SparkSession.getActiveSession().isDefined()
        && System.getProperty("spark.master") == null) {
      builder.master("local[*]");
    }
    return builder.getOrCreate();
  }

  /** --partitions, or the session's default parallelism. */
  int partitions(SparkSession spark) {
    if (partitions < 0) {
      throw new BadInputException("--partitions must be 0 or more, not " + partitions);
    }
    return partitions > 0 ? partitions : Math.max(1, spark.sparkContext().defaultParallelism());
  }
}
