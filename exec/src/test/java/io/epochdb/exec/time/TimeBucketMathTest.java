package io.epochdb.exec.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import io.epochdb.exec.types.DateTimeText;
import io.epochdb.exec.types.IntervalText;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeBucketMathTest {
    private static long ts(String s) {
        return DateTimeText.parseTimestamp(s, ZoneOffset.UTC);
    }

    private static String fmt(long micros) {
        return DateTimeText.formatTimestamp(micros);
    }

    private static Interval iv(String s) {
        return IntervalText.parse(s);
    }

    @Test
    void floorsBeforeOriginAndEpoch() {
        assertEquals("1999-12-27 00:00:00", fmt(TimeBucket.bucket(iv("7 days"), ts("2000-01-02 23:59"), null, null)));
        assertEquals("2000-01-03 00:00:00", fmt(TimeBucket.bucket(iv("7 days"), ts("2000-01-03"), null, null)));
        assertEquals("1969-12-31 23:55:00", fmt(TimeBucket.bucket(iv("5 minutes"), ts("1969-12-31 23:59:59.999999"), null, null)));
        assertEquals(-10, TimeBucket.bucketInteger(10, -1, 0));
        assertEquals(-5, TimeBucket.bucketInteger(10, -1, 5));
    }

    @Test
    void monthsAndYears() {
        assertEquals("2023-11-01 00:00:00", fmt(TimeBucket.bucket(iv("2 months"), ts("2023-12-31 23:00"), null, null)));
        assertEquals("2020-01-01 00:00:00", fmt(TimeBucket.bucket(iv("5 years"), ts("2024-06-01"), null, null)));
        // TimescaleDB's bucket_month reads only the origin's year and month: buckets start on the 1st
        assertEquals("2024-02-01 00:00:00", fmt(TimeBucket.bucket(iv("1 month"), ts("2024-02-10"), ts("2000-01-15"), null)));
        assertEquals("2024-02-01 00:00:00", fmt(TimeBucket.bucket(iv("3 months"), ts("2024-03-20 10:00"), ts("2024-02-10 07:00"), null)));
        assertEquals("1999-06-01 00:00:00", fmt(TimeBucket.bucket(iv("7 months"), ts("1999-12-31 23:00"), null, null)));
        assertEquals("2024-02-01 12:00:00", fmt(TimeBucket.bucket(iv("1 month"), ts("2024-02-10"), null, iv("12 hours"))));
    }

    @Test
    void integerBucketsStayInTheirTypeRange() {
        assertEquals(-32760, TimeBucket.bucketInteger(10, -32760, 0, Short.MIN_VALUE, Short.MAX_VALUE));
        assertEquals(32755, TimeBucket.bucketInteger(10, 32762, -5, Short.MIN_VALUE, Short.MAX_VALUE));
        assertThrows(EpochException.class, () -> TimeBucket.bucketInteger(10, -32761, 0, Short.MIN_VALUE, Short.MAX_VALUE));
        assertThrows(EpochException.class, () -> TimeBucket.bucketInteger(10, 32767, -5, Short.MIN_VALUE, Short.MAX_VALUE));
        assertThrows(EpochException.class, () -> TimeBucket.bucketInteger(10, Long.MIN_VALUE, 0));
        assertEquals(-13, TimeBucket.bucketInteger(10, -10, -3));
    }

    @Test
    void dateWidthsMustBeWholeDays() {
        TimeBucket.validateDateWidth(iv("2 days"));
        TimeBucket.validateDateWidth(iv("1 month"));
        assertEquals("interval must not have sub-day precision",
            assertThrows(EpochException.class, () -> TimeBucket.validateDateWidth(iv("1 hour"))).getMessage());
        assertEquals("interval must be a multiple of a day",
            assertThrows(EpochException.class, () -> TimeBucket.validateDateWidth(iv("36 hours"))).getMessage());
    }

    @Test
    void zoneBuckets() {
        ZoneId ny = ZoneId.of("America/New_York");
        long t = DateTimeText.parseTimestamptz("2024-11-03 12:00-05", ZoneOffset.UTC);
        long b = TimeBucket.bucketInZone(iv("1 day"), t, ny, null, null);
        assertEquals("2024-11-03 04:00:00+00", DateTimeText.formatTimestamptz(b, ZoneOffset.UTC));
        // the 25-hour day: the next bucket starts 25 hours later
        long next = TimeBucket.bucketInZone(iv("1 day"), t + 86_400_000_000L, ny, null, null);
        assertEquals(25 * 3_600_000_000L, next - b);
    }

    @Test
    void dateTruncUnits() {
        assertEquals("2001-01-01 00:00:00", fmt(DateTrunc.truncate(DateTrunc.Unit.CENTURY, ts("2024-05-05"))));
        assertEquals("2001-01-01 00:00:00", fmt(DateTrunc.truncate(DateTrunc.Unit.MILLENNIUM, ts("2024-05-05"))));
        assertEquals("2020-01-01 00:00:00", fmt(DateTrunc.truncate(DateTrunc.Unit.DECADE, ts("2024-05-05"))));
        assertEquals("2024-05-05 10:11:12.345", fmt(DateTrunc.truncate(DateTrunc.Unit.MILLISECONDS, ts("2024-05-05 10:11:12.345678"))));
        assertEquals("1969-12-31 23:00:00", fmt(DateTrunc.truncate(DateTrunc.Unit.HOUR, ts("1969-12-31 23:59"))));
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        long t = DateTimeText.parseTimestamptz("2024-01-01 10:45+05:30", ZoneOffset.UTC);
        assertEquals("2024-01-01 10:00:00+05:30", DateTimeText.formatTimestamptz(DateTrunc.truncate(DateTrunc.Unit.HOUR, t, kolkata), kolkata));
    }
}
