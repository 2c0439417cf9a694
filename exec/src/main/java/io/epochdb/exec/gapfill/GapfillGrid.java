package io.epochdb.exec.gapfill;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.time.DateTimes;
import io.epochdb.exec.time.TimeBucket;
import io.epochdb.exec.time.Zones;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The bucket grid of one time_bucket_gapfill call: {@link #align} is time_bucket itself (so inserted buckets equal
 * the buckets real rows fall into) and {@link #next} steps to the following bucket. Times are "internal" longs:
 * microseconds for timestamp/timestamptz, days for date, the value itself for integers.
 *
 * <p>With a time zone the grid steps on the zone's wall clock and converts back, skipping steps that do not move
 * forward, so day buckets across a DST change are 23 or 25 hours long and match time_bucket's buckets.
 */
public final class GapfillGrid {
    private final SqlType timeType;
    private final Interval width;
    private final long integerWidth;
    private final ZoneId zone;
    private final Long origin;

    private GapfillGrid(SqlType timeType, Interval width, long integerWidth, ZoneId zone, Long origin) {
        this.timeType = Objects.requireNonNull(timeType, "timeType");
        this.width = width;
        this.integerWidth = integerWidth;
        this.zone = zone;
        this.origin = origin;
    }

    /**
     * @param widthValue an {@link Interval} for date/time buckets, a number for integer buckets
     * @param hasZone whether the call has a timezone argument ({@code zoneName} may still be NULL: an error)
     * @param originValue origin in the bucket type's Java representation, or null
     */
    public static GapfillGrid of(SqlType timeType, Object widthValue, boolean hasZone, String zoneName, Object originValue) {
        if (widthValue == null) {
            throw invalid("bucket_width cannot be NULL");
        }
        ZoneId zone = null;
        if (hasZone) {
            if (zoneName == null) {
                throw invalid("timezone cannot be NULL");
            }
            zone = Zones.resolve(zoneName);
        }
        Long origin = originValue == null ? null : toInternal(originValue, timeType);
        if (timeType.isInteger()) {
            long w = ((Number) widthValue).longValue();
            if (w <= 0) {
                throw invalid("bucket_width must be greater than 0");
            }
            return new GapfillGrid(timeType, null, w, null, origin);
        }
        Interval w = (Interval) widthValue;
        if (w.micros() < 0 || w.days() < 0 || w.months() < 0 || (w.micros() == 0 && w.days() == 0 && w.months() == 0)) {
            throw invalid("bucket_width must be greater than 0");
        }
        TimeBucket.validate(w);
        return new GapfillGrid(timeType, w, 0, zone, origin);
    }

    static EpochException invalid(String what) {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "invalid time_bucket_gapfill argument: " + what);
    }

    public SqlType timeType() {
        return timeType;
    }

    /** The start of the bucket holding {@code t} (time_bucket with the same width, zone and origin). */
    public long align(long t) {
        if (timeType.isInteger()) {
            return TimeBucket.bucketInteger(integerWidth, t, origin == null ? 0 : origin);
        }
        if (timeType == SqlType.DATE) {
            Long o = origin == null ? null : origin * DateTimes.MICROS_PER_DAY;
            return Math.floorDiv(TimeBucket.bucket(width, t * DateTimes.MICROS_PER_DAY, o, null), DateTimes.MICROS_PER_DAY);
        }
        if (zone != null) {
            return TimeBucket.bucketInZone(width, t, zone, origin, null);
        }
        return TimeBucket.bucket(width, t, origin, null);
    }

    /** The start of the bucket after the one starting at {@code t}; Long.MAX_VALUE past the end of the type's range. */
    public long next(long t) {
        try {
            if (timeType.isInteger()) {
                return Math.addExact(t, integerWidth);
            }
            if (timeType == SqlType.DATE) {
                return Math.floorDiv(DateTimes.plus(t * DateTimes.MICROS_PER_DAY, width), DateTimes.MICROS_PER_DAY);
            }
            if (zone == null) {
                return DateTimes.plus(t, width);
            }
            LocalDateTime local = DateTimes.toLocal(t, zone);
            long candidate;
            do {
                local = plus(local, width);
                candidate = DateTimes.toMicros(local, zone);
            } while (candidate <= t);
            return candidate;
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static LocalDateTime plus(LocalDateTime t, Interval iv) {
        return t.plusMonths(iv.months()).plusDays(iv.days()).plusNanos(iv.micros() * 1000L);
    }

    /** A bucket-typed Java value (Long, Integer, Short) as an internal long. */
    public static long toInternal(Object value, SqlType timeType) {
        return ((Number) value).longValue();
    }

    /** An internal long as the bucket type's Java value. */
    public static Object fromInternal(long value, SqlType timeType) {
        return switch (timeType) {
            case INT2 -> (short) value;
            case INT4, DATE -> (int) value;
            default -> value;
        };
    }
}
