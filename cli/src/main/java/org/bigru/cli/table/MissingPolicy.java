package org.bigru.cli.table;

/** What to do with an empty cell (or NA, NaN, null) in a column that is used. */
public enum MissingPolicy {
  /** Refuse the table, naming the row and column. */
  ERROR,
  /** Drop every row with a missing value in a used column. */
  DROP,
  /** Carry the last value above forward (a missing first value is still an error). */
  FFILL,
  /** Linear interpolation between the values above and below; the nearest value at either end. */
  INTERPOLATE
}
