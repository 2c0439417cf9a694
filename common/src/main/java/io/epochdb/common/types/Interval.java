package io.epochdb.common.types;

/**
 * A PostgreSQL interval value: months, days and microseconds kept apart, because a month has no fixed number of
 * days and a day has no fixed number of microseconds across DST changes.
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval> {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    public static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
    public static final Interval ZERO = new Interval(0, 0, 0);

    public static Interval ofMicros(long micros) {
        return new Interval(0, 0, micros);
    }

    /** Length used for ordering and comparison, as PostgreSQL does: 30-day months, 24-hour days. */
    public long approximateMicros() {
        return months * 30L * MICROS_PER_DAY + days * MICROS_PER_DAY + micros;
    }

    public Interval plus(Interval o) {
        return new Interval(Math.addExact(months, o.months), Math.addExact(days, o.days), Math.addExact(micros, o.micros));
    }

    public Interval negate() {
        return new Interval(-months, -days, -micros);
    }

    @Override
    public int compareTo(Interval o) {
        return Long.compare(approximateMicros(), o.approximateMicros());
    }
}
