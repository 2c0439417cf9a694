package io.epochdb.exec.time;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * TimescaleDB's {@code time_bucket} arithmetic. Sub-month widths count from Monday 2000-01-03 (or the origin), month
 * widths from 2000-01-01 on the calendar; values before the origin round down (floor). All values are microseconds
 * since 1970-01-01 of a wall clock (timestamp) or of UTC (timestamptz without a zone argument).
 */
public final class TimeBucket {
    /** 2000-01-03 00:00:00 (a Monday): the default origin for widths under a month. */
    public static final long DEFAULT_ORIGIN = 946_857_600_000_000L;
    /** 2000-01-01 00:00:00: the default origin for month and year widths. */
    public static final long DEFAULT_MONTH_ORIGIN = 946_684_800_000_000L;

    private TimeBucket() {
    }

    /** Rejects widths TimescaleDB rejects; returns true when the width is in months. */
    public static boolean validate(Interval width) {
        if (width.months() != 0) {
            if (width.days() != 0 || width.micros() != 0) {
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "month intervals cannot have day or time component");
            }
            if (width.months() < 0) {
                throw periodNotPositive();
            }
            return true;
        }
        if (fixedMicros(width) <= 0) {
            throw periodNotPositive();
        }
        return false;
    }

    public static EpochException periodNotPositive() {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "period must be greater than 0");
    }

    /** A sub-month width in microseconds (days count as 24 hours). */
    public static long fixedMicros(Interval width) {
        return Math.addExact(Math.multiplyExact((long) width.days(), Interval.MICROS_PER_DAY), width.micros());
    }

    /** Floor of {@code ts} to a multiple of {@code width} counted from {@code origin}. */
    public static long bucket(long width, long ts, long origin) {
        long o = origin % width; // origin reduced into one period, so ts - o cannot overflow for sane values
        long diff;
        try {
            diff = Math.subtractExact(ts, o);
            return Math.addExact(Math.floorDiv(diff, width) * width, o);
        } catch (ArithmeticException e) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }

    /** Bucket for an interval width on a wall-clock (timestamp) value, with origin and offset (either may be null). */
    public static long bucket(Interval width, long ts, Long origin, Interval offset) {
        boolean months = validate(width);
        long t = ts;
        if (offset != null) {
            t = DateTimes.plus(t, offset.negate());
        }
        long r;
        if (months) {
            r = bucketMonths(width.months(), t, origin == null ? DEFAULT_MONTH_ORIGIN : origin);
        } else {
            r = bucket(fixedMicros(width), t, origin == null ? DEFAULT_ORIGIN : origin);
        }
        if (offset != null) {
            r = DateTimes.plus(r, offset);
        }
        return r;
    }

    /** Calendar-month buckets: whole multiples of {@code months} from the origin's month (and day/time). */
    public static long bucketMonths(int months, long ts, long origin) {
        if (months <= 0) {
            throw periodNotPositive();
        }
        LocalDateTime t = DateTimes.toLocal(ts);
        LocalDateTime o = DateTimes.toLocal(origin);
        long diff = (t.getYear() * 12L + t.getMonthValue()) - (o.getYear() * 12L + o.getMonthValue());
        LocalDateTime candidate = o.plusMonths(diff);
        if (candidate.isAfter(t)) {
            diff--;
        }
        long k = Math.floorDiv(diff, months) * months;
        return DateTimes.toMicros(o.plusMonths(k));
    }

    /**
     * Bucket a timestamptz on the calendar of {@code zone}: the value and origin are converted to wall clock time
     * there, bucketed, and converted back (so day buckets start at local midnight and DST days are 23 or 25 h).
     */
    public static long bucketInZone(Interval width, long ts, ZoneId zone, Long origin, Interval offset) {
        long local = DateTimes.toMicros(DateTimes.toLocal(ts, zone));
        Long localOrigin = origin == null ? null : DateTimes.toMicros(DateTimes.toLocal(origin, zone));
        long r = bucket(width, local, localOrigin, offset);
        return DateTimes.toMicros(DateTimes.toLocal(r), zone);
    }

    /** Integer time_bucket: floor((value - offset) / width) * width + offset. */
    public static long bucketInteger(long width, long value, long offset) {
        if (width <= 0) {
            throw periodNotPositive();
        }
        try {
            long o = offset % width;
            long v = Math.subtractExact(value, o);
            return Math.addExact(Math.floorDiv(v, width) * width, o);
        } catch (ArithmeticException e) {
            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "timestamp out of range");
        }
    }
}
