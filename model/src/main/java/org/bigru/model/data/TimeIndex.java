package org.bigru.model.data;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The index of a table in time order (its first column's values), read as dates or numbers so that it can be
 * continued past the last row and give a season to the seasonal naive forecast.
 *
 * <p>Dates: {@code 2001-12-31}, {@code 2001/12/31}, {@code 20011231}, {@code 2001-12} (a month),
 * {@code 2001-12-31 23:00}, {@code 2001-12-31T23:00:00}. Their frequency is read from consecutive rows:
 * hourly, daily, weekly, monthly (the same day of the month, or each month's last day), quarterly or yearly;
 * any other spacing, or a spacing that changes, makes the index irregular. Numbers: a constant step (exact in
 * decimal), continued by it. Anything else (words) continues as "+1", "+2", ... after the last row.
 */
public final class TimeIndex {

  /** How far apart consecutive rows are, with the season of the seasonal naive forecast. */
  public enum Frequency {
    HOURLY(24, "hour"), DAILY(7, "day"), WEEKLY(52, "week"), MONTHLY(12, "month"), QUARTERLY(4, "quarter"),
    YEARLY(1, "year"),
    /** A numeric index with a constant step. */
    NUMBERS(1, "step"),
    /** Neither dates nor numbers. */
    WORDS(1, "row"),
    /** Dates or numbers whose spacing is not one of the above, or changes. */
    IRREGULAR(1, "step");

    private final int season;
    private final String unit;

    Frequency(int season, String unit) {
      this.season = season;
      this.unit = unit;
    }

    /** Rows per season: 24 hourly, 7 daily, 52 weekly, 12 monthly, 4 quarterly, else 1. */
    public int season() {
      return season;
    }

    public String lowerName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final List<DateTimeFormatter> DATE_TIMES = List.of(
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm"),
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"), DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm"));
  private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"),
      DateTimeFormatter.ofPattern("uuuu/MM/dd"), DateTimeFormatter.ofPattern("uuuuMMdd"));
  private static final DateTimeFormatter MONTHS = DateTimeFormatter.ofPattern("uuuu-MM");

  private final String[] values;
  private final Frequency frequency;
  private final String irregularity;
  private final LocalDateTime[] times;
  private final DateTimeFormatter format;
  private final boolean timeOfDay;
  private final long months;
  private final boolean monthEnds;
  private final BigDecimal[] numbers;

  private TimeIndex(String[] values, Frequency frequency, String irregularity, LocalDateTime[] times,
                    DateTimeFormatter format, boolean timeOfDay, long months, boolean monthEnds,
                    BigDecimal[] numbers) {
    this.values = values;
    this.frequency = frequency;
    this.irregularity = irregularity;
    this.times = times;
    this.format = format;
    this.timeOfDay = timeOfDay;
    this.months = months;
    this.monthEnds = monthEnds;
    this.numbers = numbers;
  }

  /** Reads the index values (at least one), in row order. */
  public static TimeIndex of(String[] values) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("an index needs at least one value");
    }
    String[] v = values.clone();
    TimeIndex dates = dates(v);
    if (dates != null) {
      return dates;
    }
    BigDecimal[] numbers = new BigDecimal[v.length];
    for (int i = 0; i < v.length; i++) {
      try {
        numbers[i] = new BigDecimal(v[i].trim());
      } catch (NumberFormatException e) {
        return new TimeIndex(v, Frequency.WORDS, null, null, null, false, 0, false, null);
      }
    }
    if (v.length > 1) {
      BigDecimal step = numbers[1].subtract(numbers[0]);
      for (int i = 1; i < v.length; i++) {
        BigDecimal d = numbers[i].subtract(numbers[i - 1]);
        if (d.compareTo(step) != 0 || step.signum() == 0) {
          return new TimeIndex(v, Frequency.IRREGULAR, "from " + v[i - 1] + " to " + v[i] + " the index steps by "
              + d.toPlainString() + ", but from " + v[0] + " to " + v[1] + " by " + step.toPlainString(), null, null,
              false, 0, false, numbers);
        }
      }
    }
    return new TimeIndex(v, Frequency.NUMBERS, null, null, null, false, 0, false, numbers);
  }

  /** The frequency, or IRREGULAR (see {@link #irregularity}). */
  public Frequency frequency() {
    return frequency;
  }

  /** Rows per season, from the frequency (1 when it gives none). */
  public int season() {
    return frequency.season();
  }

  /** What makes the index irregular, in words; null when it is regular. */
  public String irregularity() {
    return irregularity;
  }

  /** Whether the values are dates. */
  public boolean isDates() {
    return times != null;
  }

  /**
   * The index of the rows {@code offset} rows after the last one, for offsets 1, 2, ...: the next dates (in the
   * index's own format) or numbers, or "+offset" for words. An irregular index cannot be continued: an
   * IllegalArgumentException saying why.
   */
  public String after(int offset) {
    if (offset < 1) {
      throw new IllegalArgumentException("offsets start at 1, not " + offset);
    }
    int last = values.length - 1;
    switch (frequency) {
      case IRREGULAR:
        throw new IllegalArgumentException("the index is not regular: " + irregularity
            + "; a forecast continues an hourly, daily, weekly, monthly, quarterly or yearly date index, or numbers "
            + "with a constant step");
      case WORDS:
        return "+" + offset;
      case NUMBERS:
        BigDecimal step = values.length > 1 ? numbers[1].subtract(numbers[0]) : BigDecimal.ONE;
        return numbers[last].add(step.multiply(BigDecimal.valueOf(offset))).toPlainString();
      default:
        return format(shift(times[last], offset));
    }
  }

  /** Positions on a time axis for plots: epoch milliseconds (UTC) of dates, else the numbers, else row numbers. */
  public double position(int row) {
    if (times != null) {
      return times[row].toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    return numbers != null ? numbers[row].doubleValue() : row;
  }

  /** The position of the row {@code offset} rows after the last one (see {@link #position(int)}). */
  public double positionAfter(int offset) {
    int last = values.length - 1;
    if (times != null && frequency != Frequency.IRREGULAR) {
      return shift(times[last], offset).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
    if (numbers != null && frequency == Frequency.NUMBERS && values.length > 1) {
      return numbers[last].doubleValue() + offset * numbers[1].subtract(numbers[0]).doubleValue();
    }
    return position(last) + offset;
  }

  private LocalDateTime shift(LocalDateTime from, int offset) {
    switch (frequency) {
      case HOURLY:
        return from.plusHours(offset);
      case DAILY:
        return from.plusDays(offset);
      case WEEKLY:
        return from.plusWeeks(offset);
      default:
        LocalDateTime next = from.plusMonths(months * offset);
        return monthEnds ? next.withDayOfMonth(next.toLocalDate().lengthOfMonth()) : next;
    }
  }

  private String format(LocalDateTime time) {
    if (format == MONTHS) {
      return YearMonth.from(time).format(MONTHS);
    }
    return timeOfDay ? time.format(format) : time.toLocalDate().format(format);
  }

  /** The index as dates, or null when some value is not a date in one format. */
  private static TimeIndex dates(String[] v) {
    for (DateTimeFormatter f : DATE_TIMES) {
      LocalDateTime[] t = parse(v, s -> LocalDateTime.parse(s, f));
      if (t != null) {
        return regular(v, t, f, true);
      }
    }
    for (DateTimeFormatter f : DATES) {
      LocalDateTime[] t = parse(v, s -> LocalDate.parse(s, f).atStartOfDay());
      if (t != null) {
        return regular(v, t, f, false);
      }
    }
    LocalDateTime[] t = parse(v, s -> YearMonth.parse(s, MONTHS).atDay(1).atStartOfDay());
    return t == null ? null : regular(v, t, MONTHS, false);
  }

  private interface Parser {
    LocalDateTime parse(String s);
  }

  private static LocalDateTime[] parse(String[] v, Parser parser) {
    LocalDateTime[] t = new LocalDateTime[v.length];
    for (int i = 0; i < v.length; i++) {
      try {
        t[i] = parser.parse(v[i].trim());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return t;
  }

  /** Dates with the frequency their consecutive rows show, or IRREGULAR with the first row that breaks it. */
  private static TimeIndex regular(String[] v, LocalDateTime[] t, DateTimeFormatter f, boolean timeOfDay) {
    if (t.length < 2) {
      return new TimeIndex(v, Frequency.IRREGULAR, "a single row shows no spacing", t, f, timeOfDay, 0, false,
          null);
    }
    Duration first = Duration.between(t[0], t[1]);
    Frequency frequency = null;
    if (first.equals(Duration.ofHours(1))) {
      frequency = Frequency.HOURLY;
    } else if (first.equals(Duration.ofDays(1))) {
      frequency = Frequency.DAILY;
    } else if (first.equals(Duration.ofDays(7))) {
      frequency = Frequency.WEEKLY;
    }
    boolean monthEnds = true;
    for (LocalDateTime time : t) {
      monthEnds &= time.getDayOfMonth() == time.toLocalDate().lengthOfMonth() && time.getDayOfMonth() != 1;
    }
    long months = ChronoUnit.MONTHS.between(YearMonth.from(t[0]), YearMonth.from(t[1]));
    if (frequency == null) {
      frequency = months == 1 ? Frequency.MONTHLY : months == 3 ? Frequency.QUARTERLY
          : months == 12 ? Frequency.YEARLY : null;
    }
    for (int i = 1; i < t.length && frequency != null; i++) {
      boolean next;
      switch (frequency) {
        case HOURLY:
        case DAILY:
        case WEEKLY:
          next = Duration.between(t[i - 1], t[i]).equals(first);
          break;
        default:
          LocalDateTime expected = t[i - 1].plusMonths(months);
          next = monthEnds ? t[i].toLocalDate().equals(expected.toLocalDate().withDayOfMonth(
              expected.toLocalDate().lengthOfMonth())) && t[i].toLocalTime().equals(expected.toLocalTime())
              : t[i].equals(expected);
      }
      if (!next) {
        return new TimeIndex(v, Frequency.IRREGULAR, v[i] + " is not one " + frequency.unit + " after " + v[i - 1]
            + " (as " + v[1] + " is after " + v[0] + ")", t, f, timeOfDay, months, monthEnds, null);
      }
    }
    if (frequency == null) {
      return new TimeIndex(v, Frequency.IRREGULAR, v[0] + " and " + v[1] + " are " + spacing(first)
          + " apart, not an hour, a day, a week, a month, a quarter or a year", t, f, timeOfDay, months, monthEnds,
          null);
    }
    return new TimeIndex(v, frequency, null, t, f, timeOfDay, months, monthEnds, null);
  }

  private static String spacing(Duration d) {
    List<String> parts = new ArrayList<>();
    if (d.toDays() != 0) {
      parts.add(d.toDays() + " days");
    }
    if (d.toHoursPart() != 0) {
      parts.add(d.toHoursPart() + " hours");
    }
    if (d.toMinutesPart() != 0 || parts.isEmpty()) {
      parts.add(d.toMinutesPart() + " minutes");
    }
    return String.join(" ", parts);
  }
}
