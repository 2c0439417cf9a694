package io.epochdb.exec.time;

import io.epochdb.common.types.Interval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Conversions between EpochDB's microsecond/day counts and java.time values, and the interval arithmetic
 * PostgreSQL does (months and days applied on the calendar of a zone, the rest as elapsed time).
 */
public final class DateTimes {
    public static final long MICROS_PER_SECOND = 1_000_000L;
    public static final long MICROS_PER_DAY = Interval.MICROS_PER_DAY;

    private DateTimes() {
    }

    /** The wall clock reading of {@code micros} interpreted as UTC (for timestamp without time zone). */
    public static LocalDateTime toLocal(long micros) {
        long sec = Math.floorDiv(micros, MICROS_PER_SECOND);
        int nano = (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000;
        return LocalDateTime.ofEpochSecond(sec, nano, ZoneOffset.UTC);
    }

    /** Wall clock of an instant in a zone. */
    public static LocalDateTime toLocal(long micros, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return toLocal(micros);
        }
        long sec = Math.floorDiv(micros, MICROS_PER_SECOND);
        ZoneOffset off = zone.getRules().getOffset(Instant.ofEpochSecond(sec));
        return toLocal(micros + off.getTotalSeconds() * MICROS_PER_SECOND);
    }

    public static long toMicros(LocalDateTime t) {
        return t.toEpochSecond(ZoneOffset.UTC) * MICROS_PER_SECOND + t.getNano() / 1000;
    }

    /**
     * The instant at which the wall clock of {@code zone} shows {@code t}. Times in a DST gap move forward by the
     * gap and ambiguous times take the later (standard time) offset, as PostgreSQL does.
     */
    public static long toMicros(LocalDateTime t, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return toMicros(t);
        }
        ZonedDateTime z = ZonedDateTime.ofLocal(t, zone, null).withLaterOffsetAtOverlap();
        return z.toEpochSecond() * MICROS_PER_SECOND + z.getNano() / 1000;
    }

    public static LocalDate dateOfDays(int days) {
        return LocalDate.ofEpochDay(days);
    }

    public static int days(LocalDate d) {
        return Math.toIntExact(d.toEpochDay());
    }

    /** timestamp (without time zone) + interval: months and days on the calendar, then elapsed micros. */
    public static long plus(long micros, Interval iv) {
        if (iv.months() == 0 && iv.days() == 0) {
            return Math.addExact(micros, iv.micros());
        }
        LocalDateTime t = toLocal(micros);
        if (iv.months() != 0) {
            t = t.plusMonths(iv.months());
        }
        if (iv.days() != 0) {
            t = t.plusDays(iv.days());
        }
        return Math.addExact(toMicros(t), iv.micros());
    }

    /** timestamptz + interval: months and days on the calendar of {@code zone} (so a day may be 23 or 25 h). */
    public static long plus(long micros, Interval iv, ZoneId zone) {
        if (iv.months() == 0 && iv.days() == 0) {
            return Math.addExact(micros, iv.micros());
        }
        LocalDateTime t = toLocal(micros, zone);
        if (iv.months() != 0) {
            t = t.plusMonths(iv.months());
        }
        if (iv.days() != 0) {
            t = t.plusDays(iv.days());
        }
        return Math.addExact(toMicros(t, zone), iv.micros());
    }

    /** Offset of {@code zone} at an instant, in seconds east of UTC. */
    public static int offsetSeconds(long micros, ZoneId zone) {
        if (zone == ZoneOffset.UTC) {
            return 0;
        }
        return zone.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND))).getTotalSeconds();
    }

    /** timestamp - timestamp as PostgreSQL prints it: whole days split off, the rest as time. */
    public static Interval difference(long a, long b) {
        long d = Math.subtractExact(a, b);
        long days = d / MICROS_PER_DAY;
        return new Interval(0, Math.toIntExact(days), d - days * MICROS_PER_DAY);
    }
}
