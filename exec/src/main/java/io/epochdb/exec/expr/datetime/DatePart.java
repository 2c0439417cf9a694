package io.epochdb.exec.expr.datetime;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.time.DateTimes;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** {@code extract(field from x)} (numeric, with PostgreSQL's scales) and {@code date_part} (float8). */
public final class DatePart {
    private static final long JULIAN_EPOCH_DAY = 2440588; // julian day number of 1970-01-01

    private DatePart() {
    }

    static String normalize(String field) {
        String f = field.trim().toLowerCase(Locale.ROOT);
        return switch (f) {
            case "microsecond", "microseconds", "us", "usec", "usecs", "useconds" -> "microseconds";
            case "millisecond", "milliseconds", "ms", "msec", "msecs", "mseconds" -> "milliseconds";
            case "second", "seconds", "s", "sec", "secs" -> "second";
            case "minute", "minutes", "m", "min", "mins" -> "minute";
            case "hour", "hours", "h", "hr", "hrs" -> "hour";
            case "day", "days", "d" -> "day";
            case "week", "weeks", "w" -> "week";
            case "month", "months", "mon", "mons" -> "month";
            case "quarter", "qtr" -> "quarter";
            case "year", "years", "y", "yr", "yrs" -> "year";
            case "decade", "decades", "dec", "decs" -> "decade";
            case "century", "centuries", "c", "cent" -> "century";
            case "millennium", "millennia", "mil", "mils" -> "millennium";
            case "j" -> "julian";
            default -> f;
        };
    }

    public static BigDecimal extract(String field, Object value, SqlType type, ZoneId zone) {
        String f = normalize(field);
        switch (type) {
            case TIMESTAMP:
                return fromTimestamp(f, field, (Long) value, (Long) value, null, "timestamp without time zone");
            case TIMESTAMPTZ: {
                long utc = (Long) value;
                int off = DateTimes.offsetSeconds(utc, zone);
                return fromTimestamp(f, field, utc + off * DateTimes.MICROS_PER_SECOND, utc, off, "timestamp with time zone");
            }
            case DATE: {
                long days = ((Number) value).longValue();
                switch (f) {
                    case "microseconds", "milliseconds", "second", "minute", "hour", "timezone", "timezone_hour", "timezone_minute":
                        throw unsupported(field, "date");
                    case "epoch":
                        return BigDecimal.valueOf(days * 86400);
                    case "julian":
                        return BigDecimal.valueOf(days + JULIAN_EPOCH_DAY);
                    default:
                        return fromTimestamp(f, field, days * DateTimes.MICROS_PER_DAY, 0, null, "date");
                }
            }
            case TIME: {
                long us = (Long) value;
                return switch (f) {
                    case "microseconds" -> BigDecimal.valueOf(us % 60_000_000L);
                    case "milliseconds" -> BigDecimal.valueOf(us % 60_000_000L, 3);
                    case "second" -> BigDecimal.valueOf(us % 60_000_000L, 6);
                    case "minute" -> BigDecimal.valueOf(us / 60_000_000L % 60);
                    case "hour" -> BigDecimal.valueOf(us / 3_600_000_000L);
                    case "epoch" -> BigDecimal.valueOf(us, 6);
                    default -> throw unsupported(field, "time without time zone");
                };
            }
            case INTERVAL:
                return fromInterval(f, field, (Interval) value);
            default:
                throw new EpochException(ErrorCode.UNDEFINED_FUNCTION, "function date_part(unknown, " + type.typname() + ") does not exist");
        }
    }

    private static BigDecimal fromTimestamp(String f, String raw, long local, long utc, Integer offset, String typeName) {
        LocalDateTime t = DateTimes.toLocal(local);
        long secMicros = Math.floorMod(local, 60_000_000L);
        int year = t.getYear() <= 0 ? t.getYear() - 1 : t.getYear();
        switch (f) {
            case "microseconds":
                return BigDecimal.valueOf(secMicros);
            case "milliseconds":
                return BigDecimal.valueOf(secMicros, 3);
            case "second":
                return BigDecimal.valueOf(secMicros, 6);
            case "minute":
                return BigDecimal.valueOf(t.getMinute());
            case "hour":
                return BigDecimal.valueOf(t.getHour());
            case "day":
                return BigDecimal.valueOf(t.getDayOfMonth());
            case "month":
                return BigDecimal.valueOf(t.getMonthValue());
            case "quarter":
                return BigDecimal.valueOf((t.getMonthValue() - 1) / 3 + 1);
            case "year":
                return BigDecimal.valueOf(year);
            case "decade":
                return BigDecimal.valueOf(year >= 0 ? year / 10 : -((8 - (year - 1)) / 10));
            case "century":
                return BigDecimal.valueOf(year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100));
            case "millennium":
                return BigDecimal.valueOf(year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000));
            case "dow":
                return BigDecimal.valueOf(t.getDayOfWeek().getValue() % 7);
            case "isodow":
                return BigDecimal.valueOf(t.getDayOfWeek().getValue());
            case "doy":
                return BigDecimal.valueOf(t.getDayOfYear());
            case "week":
                return BigDecimal.valueOf(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case "isoyear":
                return BigDecimal.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case "epoch":
                return BigDecimal.valueOf(offset == null ? local : utc, 6);
            case "julian": {
                long day = Math.floorDiv(local, DateTimes.MICROS_PER_DAY) + JULIAN_EPOCH_DAY;
                BigDecimal frac = BigDecimal.valueOf(Math.floorMod(local, DateTimes.MICROS_PER_DAY))
                    .divide(BigDecimal.valueOf(DateTimes.MICROS_PER_DAY), 20, java.math.RoundingMode.HALF_UP);
                return BigDecimal.valueOf(day).add(frac);
            }
            case "timezone":
                if (offset == null) {
                    throw unsupported(raw, typeName);
                }
                return BigDecimal.valueOf(offset);
            case "timezone_hour":
                if (offset == null) {
                    throw unsupported(raw, typeName);
                }
                return BigDecimal.valueOf(offset / 3600);
            case "timezone_minute":
                if (offset == null) {
                    throw unsupported(raw, typeName);
                }
                return BigDecimal.valueOf(offset / 60 % 60);
            default:
                throw notRecognized(raw, typeName);
        }
    }

    private static BigDecimal fromInterval(String f, String raw, Interval iv) {
        long us = iv.micros();
        int years = iv.months() / 12;
        switch (f) {
            case "microseconds":
                return BigDecimal.valueOf(us % 60_000_000L);
            case "milliseconds":
                return BigDecimal.valueOf(us % 60_000_000L, 3);
            case "second":
                return BigDecimal.valueOf(us % 60_000_000L, 6);
            case "minute":
                return BigDecimal.valueOf(us / 60_000_000L % 60);
            case "hour":
                return BigDecimal.valueOf(us / 3_600_000_000L);
            case "day":
                return BigDecimal.valueOf(iv.days());
            case "month":
                return BigDecimal.valueOf(iv.months() % 12);
            case "quarter":
                return BigDecimal.valueOf((iv.months() % 12) / 3 + 1);
            case "year":
                return BigDecimal.valueOf(years);
            case "decade":
                return BigDecimal.valueOf(years / 10);
            case "century":
                return BigDecimal.valueOf(years / 100);
            case "millennium":
                return BigDecimal.valueOf(years / 1000);
            case "epoch": {
                // PostgreSQL: a year is 365.25 days, a month 30 days
                BigDecimal secs = BigDecimal.valueOf(us, 6)
                    .add(BigDecimal.valueOf(years).multiply(BigDecimal.valueOf(31_557_600L)))
                    .add(BigDecimal.valueOf((iv.months() % 12) * 30L * 86400L))
                    .add(BigDecimal.valueOf(iv.days() * 86400L));
                return secs.setScale(6);
            }
            case "dow", "isodow", "doy", "week", "isoyear", "julian", "timezone", "timezone_hour", "timezone_minute":
                throw unsupported(raw, "interval");
            default:
                throw notRecognized(raw, "interval");
        }
    }

    private static EpochException unsupported(String field, String type) {
        return new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "unit \"" + field + "\" not supported for type " + type);
    }

    private static EpochException notRecognized(String field, String type) {
        return new EpochException(ErrorCode.INVALID_PARAMETER_VALUE, "unit \"" + field + "\" not recognized for type " + type);
    }
}
