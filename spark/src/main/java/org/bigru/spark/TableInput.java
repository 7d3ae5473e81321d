package org.bigru.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;

/**
 * A table as Spark reads it (CSV or Parquet, one file or a folder of files), cut into series, each series in time
 * order in one task. Rows of a series are ordered by the index column (its values sorted as their type: dates,
 * numbers, text); without an index column, by their position as read (file order for one file).
 */
final class TableInput {

  /**
   * The columns used.
   *
   * @param series   the series key column, or null when the table is one series
   * @param index    the index (time) column, or null
   * @param features feature columns, in the model's order
   * @param target   the target column, or null (prediction)
   */
  record Columns(String series, String index, List<String> features, String target) implements Serializable {
  }

  private TableInput() {
  }

  /** Reads {@code path} as {@code format} (csv or parquet; null: by the name, or by the files of a folder). */
  static Dataset<Row> read(SparkSession spark, String path, String format, boolean header) {
    String chosen = format(spark, path, format);
    if (chosen.equals("parquet")) {
      return spark.read().parquet(path);
    }
    Dataset<Row> table = spark.read().option("header", header).option("inferSchema", true).option("mode", "FAILFAST")
        .option("sep", path.toLowerCase(Locale.ROOT).endsWith(".tsv") ? "\t" : ",").csv(path);
    if (!header) {
      // Spark names them _c0, _c1, ...; the bigru command column1, column2, ..., which models store.
      String[] names = new String[table.columns().length];
      for (int i = 0; i < names.length; i++) {
        names[i] = "column" + (i + 1);
      }
      table = table.toDF(names);
    }
    return table;
  }

  private static String format(SparkSession spark, String path, String given) {
    if (given != null) {
      String f = given.toLowerCase(Locale.ROOT);
      if (!f.equals("csv") && !f.equals("parquet")) {
        throw new BadInputException("--input-format must be csv or parquet, not '" + given + "'");
      }
      return f;
    }
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        throw new BadInputException("--data " + path + " does not exist");
      }
      FileStatus status = fs.getFileStatus(p);
      if (!status.isDirectory()) {
        return p.getName().toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv";
      }
      boolean csv = false;
      for (FileStatus file : fs.listStatus(p)) {
        String name = file.getPath().getName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
          return "parquet";
        }
        csv |= name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".tsv");
      }
      if (!csv) {
        throw new BadInputException("--data " + path + " is a folder without .csv or .parquet files");
      }
      return "csv";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** The table's column named {@code name} (case-insensitively), as the table spells it; else bad input. */
  static String column(Dataset<Row> table, String name, String what, String source) {
    for (String c : table.columns()) {
      if (c.equals(name)) {
        return c;
      }
    }
    for (String c : table.columns()) {
      if (c.equalsIgnoreCase(name)) {
        return c;
      }
    }
    throw new BadInputException(what + " names column '" + name + "', which " + source + " does not have (columns: "
        + String.join(", ", table.columns()) + ")");
  }

  /** The index column: the first column that is not the series column, or null without an index column. */
  static String indexColumn(Dataset<Row> table, String series, boolean indexColumn) {
    if (!indexColumn) {
      return null;
    }
    for (String c : table.columns()) {
      if (!c.equals(series)) {
        return c;
      }
    }
    return null;
  }

  /** Refuses a feature or target column that Spark did not read as numbers. */
  static void requireNumeric(Dataset<Row> table, String column, String source) {
    DataType type = table.schema().apply(column).dataType();
    if (!(type instanceof NumericType)) {
      throw new BadInputException(source + ": column '" + column + "' is read as " + type.simpleString()
          + ", not numbers (every value must be a number; drop the column if it is not data)");
    }
  }

  /** The series of the table, each whole and in time order in one task, spread over {@code partitions}. */
  static JavaRDD<SeriesRows> series(Dataset<Row> table, Columns columns, int partitions, String source) {
    for (String f : columns.features()) {
      requireNumeric(table, f, source);
    }
    if (columns.target() != null) {
      requireNumeric(table, columns.target(), source);
    }
    List<Column> selected = new ArrayList<>();
    selected.add(columns.series() == null ? lit("") : col(columns.series()).cast("string"));
    selected.add(columns.index() == null ? monotonically_increasing_id() : col(columns.index()));
    selected.add(columns.index() == null ? lit(null).cast("string") : col(columns.index()).cast("string"));
    for (String f : columns.features()) {
      selected.add(col(f).cast("double"));
    }
    if (columns.target() != null) {
      selected.add(col(columns.target()).cast("double"));
    }
    List<String> names = new ArrayList<>(List.of("_series", "_order", "_index"));
    for (int i = 3; i < selected.size(); i++) {
      names.add("_v" + (i - 3));
    }
    Column[] aliased = new Column[selected.size()];
    for (int i = 0; i < aliased.length; i++) {
      aliased[i] = selected.get(i).as(names.get(i));
    }
    Dataset<Row> rows = table.select(aliased).repartition(partitions, col("_series"))
        .sortWithinPartitions("_series", "_order");
    List<String> valueNames = new ArrayList<>(columns.features());
    if (columns.target() != null) {
      valueNames.add(columns.target());
    }
    String[] valueColumns = valueNames.toArray(new String[0]);
    int featureCount = columns.features().size();
    boolean withTarget = columns.target() != null;
    boolean hasIndex = columns.index() != null;
    return rows.javaRDD().mapPartitions(it -> new Grouping(it, featureCount, withTarget, hasIndex, valueColumns,
        source));
  }

  /** Consecutive rows of one key (sorted by key, then order) as one SeriesRows each. */
  private static final class Grouping implements Iterator<SeriesRows> {
    private final Iterator<Row> rows;
    private final int featureCount;
    private final boolean withTarget;
    private final boolean hasIndex;
    private final String[] valueColumns;
    private final String source;
    private Row next;

    Grouping(Iterator<Row> rows, int featureCount, boolean withTarget, boolean hasIndex, String[] valueColumns,
             String source) {
      this.rows = rows;
      this.featureCount = featureCount;
      this.withTarget = withTarget;
      this.hasIndex = hasIndex;
      this.valueColumns = valueColumns;
      this.source = source;
      this.next = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public SeriesRows next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      if (next.isNullAt(0)) {
        throw new BadInputException(source + ": a row without a series value");
      }
      String key = next.getString(0);
      List<String> index = new ArrayList<>();
      double[] features = new double[64 * featureCount];
      double[] target = withTarget ? new double[64] : null;
      Object previousOrder = null;
      int n = 0;
      while (next != null && Objects.equals(next.getString(0), key)) {
        Row row = next;
        Object order = row.get(1);
        String label = hasIndex ? row.getString(2) : Integer.toString(n + 1);
        String where = source + ", " + (key.isEmpty() ? "" : "series '" + key + "', ") + "index '" + label + "'";
        if (n > 0 && Objects.equals(order, previousOrder)) {
          throw new BadInputException(where + ": two rows with the same index; a series needs one row per time "
              + "step");
        }
        if (row.isNullAt(1)) {
          throw new BadInputException(source + (key.isEmpty() ? "" : ", series '" + key + "'")
              + ": a row without an index value");
        }
        if ((n + 1) * featureCount > features.length) {
          features = Arrays.copyOf(features, features.length * 2);
          target = target == null ? null : Arrays.copyOf(target, target.length * 2);
        }
        for (int v = 0; v < valueColumns.length; v++) {
          if (row.isNullAt(3 + v) || Double.isNaN(row.getDouble(3 + v))) {
            throw new BadInputException(where + ", column '" + valueColumns[v] + "': missing value");
          }
          double value = row.getDouble(3 + v);
          if (Double.isInfinite(value) || Math.abs(value) > Float.MAX_VALUE) {
            throw new BadInputException(where + ", column '" + valueColumns[v] + "': " + value
                + " is beyond the range of float32, which the network computes in");
          }
          if (v < featureCount) {
            features[n * featureCount + v] = value;
          } else {
            target[n] = value;
          }
        }
        index.add(label);
        previousOrder = order;
        n++;
        next = rows.hasNext() ? rows.next() : null;
      }
      return new SeriesRows(key, index.toArray(new String[0]), Arrays.copyOf(features, n * featureCount),
          featureCount, target == null ? null : Arrays.copyOf(target, n));
    }
  }
}
