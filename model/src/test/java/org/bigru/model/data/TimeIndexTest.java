package org.bigru.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bigru.model.data.TimeIndex.Frequency;
import org.junit.jupiter.api.Test;

class TimeIndexTest {

  @Test
  void frequenciesAreReadAndContinued() {
    check(new String[] {"2001-11", "2001-12"}, Frequency.MONTHLY, 12, "2002-01", "2002-10");
    check(new String[] {"2012-01-01", "2012-01-02", "2012-01-03"}, Frequency.DAILY, 7, "2012-01-04", "2012-01-13");
    check(new String[] {"2012/01/01", "2012/01/08"}, Frequency.WEEKLY, 52, "2012/01/15", "2012/03/18");
    check(new String[] {"2020-01-31", "2020-02-29", "2020-03-31"}, Frequency.MONTHLY, 12, "2020-04-30",
        "2021-01-31");
    check(new String[] {"2000-01-01", "2000-04-01"}, Frequency.QUARTERLY, 4, "2000-07-01", "2002-10-01");
    check(new String[] {"19990101", "20000101"}, Frequency.YEARLY, 1, "20010101", "20100101");
    check(new String[] {"2001-12-31 22:00", "2001-12-31 23:00"}, Frequency.HOURLY, 24, "2002-01-01 00:00",
        "2002-01-01 09:00");
    check(new String[] {"1.5", "2.0", "2.5"}, Frequency.NUMBERS, 1, "3.0", "7.5");
    check(new String[] {"t0", "t1"}, Frequency.WORDS, 1, "+1", "+10");
  }

  @Test
  void anIrregularIndexSaysWhereAndCannotBeContinued() {
    TimeIndex gap = TimeIndex.of(new String[] {"2012-01-01", "2012-01-02", "2012-01-04"});
    assertEquals(Frequency.IRREGULAR, gap.frequency());
    assertEquals(1, gap.season());
    String message = assertThrows(IllegalArgumentException.class, () -> gap.after(1)).getMessage();
    assertTrue(message.startsWith("the index is not regular: 2012-01-04 is not one day after 2012-01-02 (as "
        + "2012-01-02 is after 2012-01-01)"), message);
    TimeIndex spacing = TimeIndex.of(new String[] {"2012-01-01", "2012-01-03"});
    assertEquals("2012-01-01 and 2012-01-03 are 2 days apart, not an hour, a day, a week, a month, a quarter or a "
        + "year", spacing.irregularity());
    assertEquals("from 2 to 4 the index steps by 2, but from 1 to 2 by 1",
        TimeIndex.of(new String[] {"1", "2", "4"}).irregularity());
  }

  private static void check(String[] values, Frequency frequency, int season, String next, String tenth) {
    TimeIndex index = TimeIndex.of(values);
    assertEquals(frequency, index.frequency(), String.join(",", values));
    assertEquals(season, index.season());
    assertEquals(next, index.after(1));
    assertEquals(tenth, index.after(10));
  }
}
