package io.epochdb.exec.time;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** PostgreSQL's {@code date_trunc} on wall-clock values, timestamptz (in a zone) and intervals. */
public final class DateTrunc {
    /** Units, in increasing size. */
    public enum Unit {
        MICROSECONDS, MILLISECONDS, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER, YEAR, DECADE, CENTURY, MILLENNIUM
    }

    private DateTrunc() {
    }

    /** Parses a unit name as PostgreSQL (plural and abbreviations); 22023 naming {@code typeName} otherwise. */
    public static Unit unit(String name, String typeName) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        Unit u = switch (n) {
            case "microsecond", "microseconds", "us", "usec", "usecs", "useconds" -> Unit.MICROSECONDS;
            case "millisecond", "milliseconds", "ms", "msec", "msecs", "mseconds" -> Unit.MILLISECONDS;
            case "second", "seconds", "s", "sec", "secs" -> Unit.SECOND;
            case "minute", "minutes", "m", "min", "mins" -> Unit.MINUTE;
            case "hour", "hours", "h", "hr", "hrs" -> Unit.HOUR;
            case "day", "days", "d" -> Unit.DAY;
            case "week", "weeks", "w" -> Unit.WEEK;
            case "month", "months", "mon", "mons" -> Unit.MONTH;
            case "quarter", "qtr" -> Unit.QUARTER;
            case "year", "years", "y", "yr", "yrs" -> Unit.YEAR;
            case "decade", "decades", "dec", "decs" -> Unit.DECADE;
            case "century", "centuries", "c", "cent" -> Unit.CENTURY;
            case "millennium", "millennia", "mil", "mils" -> Unit.MILLENNIUM;
            default -> null;
        };
        if (u == null) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + name + "\" not recognized for type " + typeName);
        }
        return u;
    }

    /** Fixed-size units (up to a day) as microseconds; 0 for calendar units. */
    public static long fixedMicros(Unit u) {
        return switch (u) {
            case MICROSECONDS -> 1;
            case MILLISECONDS -> 1000;
            case SECOND -> Interval.MICROS_PER_SECOND;
            case MINUTE -> Interval.MICROS_PER_MINUTE;
            case HOUR -> Interval.MICROS_PER_HOUR;
            case DAY -> Interval.MICROS_PER_DAY;
            default -> 0;
        };
    }

    /** Truncates a wall-clock value (timestamp without time zone). */
    public static long truncate(Unit u, long micros) {
        long fixed = fixedMicros(u);
        if (fixed > 0) {
            return Math.floorDiv(micros, fixed) * fixed;
        }
        return DateTimes.toMicros(truncate(u, DateTimes.toLocal(micros)));
    }

    /** Truncates a timestamptz on the calendar of {@code zone}. */
    public static long truncate(Unit u, long micros, ZoneId zone) {
        long fixed = fixedMicros(u);
        if (fixed > 0 && fixed <= Interval.MICROS_PER_HOUR
                && (DateTimes.offsetSeconds(micros, zone) * Interval.MICROS_PER_SECOND) % fixed == 0) {
            // the zone's offset is a whole number of units here, so flooring in UTC equals flooring locally
            return Math.floorDiv(micros, fixed) * fixed;
        }
        LocalDateTime local = DateTimes.toLocal(micros, zone);
        return DateTimes.toMicros(truncate(u, local), zone);
    }

    public static LocalDateTime truncate(Unit u, LocalDateTime t) {
        switch (u) {
            case MICROSECONDS:
                return t;
            case MILLISECONDS:
                return t.withNano(t.getNano() / 1_000_000 * 1_000_000);
            case SECOND:
                return t.withNano(0);
            case MINUTE:
                return t.withNano(0).withSecond(0);
            case HOUR:
                return t.withNano(0).withSecond(0).withMinute(0);
            case DAY:
                return t.toLocalDate().atStartOfDay();
            case WEEK:
                return t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
            case MONTH:
                return t.toLocalDate().withDayOfMonth(1).atStartOfDay();
            case QUARTER:
                return t.toLocalDate().withDayOfMonth(1).withMonth((t.getMonthValue() - 1) / 3 * 3 + 1).atStartOfDay();
            case YEAR:
                return t.toLocalDate().withDayOfYear(1).atStartOfDay();
            case DECADE:
                return LocalDateTime.of(Math.floorDiv(t.getYear(), 10) * 10, 1, 1, 0, 0);
            case CENTURY: {
                int y = t.getYear();
                int c = y > 0 ? ((y + 99) / 100 - 1) * 100 + 1 : -(((99 - (y - 1)) / 100) * 100) + 1;
                return LocalDateTime.of(c, 1, 1, 0, 0);
            }
            default: {
                int y = t.getYear();
                int m = y > 0 ? ((y + 999) / 1000 - 1) * 1000 + 1 : -(((999 - (y - 1)) / 1000) * 1000) + 1;
                return LocalDateTime.of(m, 1, 1, 0, 0);
            }
        }
    }

    public static Interval truncate(Unit u, Interval iv) {
        long us = iv.micros();
        switch (u) {
            case MICROSECONDS:
                return iv;
            case MILLISECONDS:
            case SECOND:
            case MINUTE:
            case HOUR: {
                long f = fixedMicros(u);
                return new Interval(iv.months(), iv.days(), us / f * f);
            }
            case DAY:
                return new Interval(iv.months(), iv.days(), 0);
            case WEEK:
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "unit \"week\" not supported for type interval")
                    .withDetail("Months usually have fractional weeks.");
            case MONTH:
                return new Interval(iv.months(), 0, 0);
            case QUARTER:
                return new Interval(iv.months() / 3 * 3, 0, 0);
            case YEAR:
                return new Interval(iv.months() / 12 * 12, 0, 0);
            case DECADE:
                return new Interval(iv.months() / 120 * 120, 0, 0);
            case CENTURY:
                return new Interval(iv.months() / 1200 * 1200, 0, 0);
            default:
                return new Interval(iv.months() / 12000 * 12000, 0, 0);
        }
    }
}
