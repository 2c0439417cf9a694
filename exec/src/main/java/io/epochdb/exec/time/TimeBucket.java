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
        return bucket(width, ts, origin, offset, null);
    }

    /**
     * Bucket with an offset applied by interval arithmetic in {@code offsetZone}: TimescaleDB's timestamptz variant
     * subtracts and adds the offset with timestamptz_mi/pl_interval, whose day and month parts follow the session
     * time zone. A null zone is wall-clock (timestamp) arithmetic.
     */
    public static long bucket(Interval width, long ts, Long origin, Interval offset, ZoneId offsetZone) {
        boolean months = validate(width);
        long t = ts;
        boolean zoned = offsetZone != null && offset != null && (offset.months() != 0 || offset.days() != 0);
        if (offset != null) {
            t = zoned ? DateTimes.plus(t, offset.negate(), offsetZone) : DateTimes.plus(t, offset.negate());
        }
        long r;
        if (months) {
            r = bucketMonths(width.months(), t, origin == null ? DEFAULT_MONTH_ORIGIN : origin);
        } else {
            r = bucket(fixedMicros(width), t, origin == null ? DEFAULT_ORIGIN : origin);
        }
        if (offset != null) {
            r = zoned ? DateTimes.plus(r, offset, offsetZone) : DateTimes.plus(r, offset);
        }
        return r;
    }

    /**
     * Calendar-month buckets as TimescaleDB's bucket_month: only the year and month of the value and of the origin
     * count (their day and time are ignored), and a bucket starts on the first of a month at midnight.
     */
    public static long bucketMonths(int months, long ts, long origin) {
        if (months <= 0) {
            throw periodNotPositive();
        }
        LocalDateTime t = DateTimes.toLocal(ts);
        LocalDateTime o = DateTimes.toLocal(origin);
        long value = t.getYear() * 12L + t.getMonthValue() - 1;
        long offset = Math.floorMod(o.getYear() * 12L + o.getMonthValue() - 1, (long) months);
        long bucket = Math.floorDiv(value - offset, months) * months + offset;
        LocalDateTime start = LocalDateTime.of((int) Math.floorDiv(bucket, 12L), (int) Math.floorMod(bucket, 12L) + 1, 1, 0, 0);
        return DateTimes.toMicros(start);
    }

    /**
     * TimescaleDB's check on date buckets: a sub-month width must be whole days ({@code interval must not have
     * sub-day precision}, {@code interval must be a multiple of a day}, SQLSTATE 0A000).
     */
    public static void validateDateWidth(Interval width) {
        if (validate(width)) {
            return;
        }
        long period = fixedMicros(width);
        if (period < DateTimes.MICROS_PER_DAY) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "interval must not have sub-day precision");
        }
        if (period % DateTimes.MICROS_PER_DAY != 0) {
            throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "interval must be a multiple of a day");
        }
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

    /** Integer time_bucket on int8 values: floor((value - offset) / width) * width + offset. */
    public static long bucketInteger(long width, long value, long offset) {
        return bucketInteger(width, value, offset, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * Integer time_bucket for a type with range [min, max], as TimescaleDB's TIME_BUCKET macro: a result (or an
     * offset-shifted value) outside the type's range is {@code timestamp out of range} (22003).
     */
    public static long bucketInteger(long width, long value, long offset, long min, long max) {
        if (width <= 0) {
            throw periodNotPositive();
        }
        long o = offset % width;
        if ((o > 0 && value < min + o) || (o < 0 && value > max + o)) {
            throw integerOutOfRange();
        }
        long v = value - o;
        long r = (v / width) * width;
        if (v < 0 && v % width != 0) {
            if (r < min + width) {
                throw integerOutOfRange();
            }
            r -= width;
        }
        return r + o;
    }

    private static EpochException integerOutOfRange() {
        return new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "timestamp out of range");
    }
}
