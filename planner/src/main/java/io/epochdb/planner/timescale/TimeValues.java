package io.epochdb.planner.timescale;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.types.PgText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Converts function arguments to a hypertable's internal time unit (microseconds for timestamp and date columns,
 * the integer itself for integer columns), as TimescaleDB interprets chunk intervals and time bounds.
 */
final class TimeValues {
    /** TimescaleDB's default chunk interval for time columns: 7 days. */
    static final long DEFAULT_CHUNK_INTERVAL = 7 * Interval.MICROS_PER_DAY;

    private TimeValues() {
    }

    static boolean isTimeType(SqlType t) {
        return t == SqlType.TIMESTAMPTZ || t == SqlType.TIMESTAMP || t == SqlType.DATE;
    }

    static boolean isIntegerType(SqlType t) {
        return t == SqlType.INT2 || t == SqlType.INT4 || t == SqlType.INT8;
    }

    static boolean isText(SqlType t) {
        return t == SqlType.TEXT || t == SqlType.VARCHAR || t == SqlType.BPCHAR || t == SqlType.NAME
            || t == SqlType.UNKNOWN;
    }

    /** The name format_type prints for a type (error messages). */
    static String typeName(SqlType t) {
        return switch (t) {
            case TIMESTAMPTZ -> "timestamp with time zone";
            case TIMESTAMP -> "timestamp without time zone";
            case INT2 -> "smallint";
            case INT4 -> "integer";
            case INT8 -> "bigint";
            case FLOAT4 -> "real";
            case FLOAT8 -> "double precision";
            case BOOL -> "boolean";
            case VARCHAR -> "character varying";
            case BPCHAR -> "character";
            default -> t.typname();
        };
    }

    /**
     * A chunk interval argument for a dimension of type {@code timeType}: an interval (30-day months, 24-hour
     * days, as TimescaleDB converts it) or an integer (microseconds for time columns); null gives the default.
     */
    static long chunkInterval(TimescaleContext.Value v, SqlType timeType) {
        boolean integerDim = isIntegerType(timeType);
        if (v == null || v.isNull()) {
            if (integerDim) {
                throw TsErrors.integerIntervalRequired();
            }
            return DEFAULT_CHUNK_INTERVAL;
        }
        SqlType t = v.type().type();
        long interval;
        if (t == SqlType.INTERVAL && !integerDim) {
            interval = ((Interval) v.value()).approximateMicros();
        } else if (isIntegerType(t)) {
            interval = ((Number) v.value()).longValue();
        } else if (isText(t)) {
            // an untyped literal ('1 day', '1000'): read it as the dimension's interval type
            if (integerDim) {
                interval = (Long) PgText.parse(v.value().toString().trim(), ColumnType.of(SqlType.INT8), java.time.ZoneOffset.UTC);
            } else {
                interval = ((Interval) PgText.parse(v.value().toString(), ColumnType.of(SqlType.INTERVAL),
                    java.time.ZoneOffset.UTC)).approximateMicros();
            }
        } else {
            throw TsErrors.invalidIntervalType(typeName(t), typeName(timeType), integerDim);
        }
        if (interval <= 0) {
            throw TsErrors.intervalOutOfRange();
        }
        return interval;
    }

    /**
     * A time bound ({@code older_than}, {@code newer_than}) in the internal unit, with TimescaleDB's rules: an
     * interval counts back from now (time columns only); otherwise the argument's type must cast implicitly to the
     * column's (a timestamptz bound on a timestamp column does not). Untyped literals are read as the column type.
     */
    static Long bound(TimescaleContext.Value v, SqlType timeType, TimescaleContext ctx) {
        if (v == null || v.isNull()) {
            return null;
        }
        SqlType t = v.type().type();
        if (t == SqlType.INTERVAL) {
            if (isIntegerType(timeType)) {
                throw new io.epochdb.common.EpochException(io.epochdb.common.ErrorCode.INVALID_PARAMETER_VALUE,
                    "can only use an INTERVAL for TIMESTAMP, TIMESTAMPTZ, and DATE types");
            }
            return nowMinus(ctx, (Interval) v.value(), timeType);
        }
        if (isText(t)) {
            SqlType parseAs = isIntegerType(timeType) ? SqlType.INT8 : timeType;
            Object parsed = PgText.parse(v.value().toString().trim(), ColumnType.of(parseAs), ctx.zone());
            return internal(parsed, parseAs, ctx);
        }
        if (!implicitlyCasts(t, timeType)) {
            throw TsErrors.invalidTimeArgument(typeName(t), typeName(timeType));
        }
        return internal(v.value(), t, ctx);
    }

    /** PostgreSQL's implicit casts among the time and integer types. */
    private static boolean implicitlyCasts(SqlType from, SqlType to) {
        return switch (to) {
            case TIMESTAMPTZ -> from == SqlType.TIMESTAMPTZ || from == SqlType.TIMESTAMP || from == SqlType.DATE;
            case TIMESTAMP -> from == SqlType.TIMESTAMP || from == SqlType.DATE;
            case DATE -> from == SqlType.DATE;
            case INT8 -> isIntegerType(from);
            case INT4 -> from == SqlType.INT4 || from == SqlType.INT2;
            case INT2 -> from == SqlType.INT2;
            default -> false;
        };
    }

    private static long internal(Object value, SqlType type, TimescaleContext ctx) {
        return switch (type) {
            case DATE -> ((Number) value).intValue() * Interval.MICROS_PER_DAY;
            default -> ((Number) value).longValue();
        };
    }

    /** now() minus an interval as the column's type sees it: an instant, local wall-clock time, or a local date. */
    private static long nowMinus(TimescaleContext ctx, Interval iv, SqlType timeType) {
        if (timeType == SqlType.TIMESTAMPTZ) {
            return minus(ctx.nowMicros(), iv, ctx.zone());
        }
        Instant now = Instant.EPOCH.plus(ctx.nowMicros(), ChronoUnit.MICROS);
        java.time.LocalDateTime local = now.atZone(ctx.zone()).toLocalDateTime().minusMonths(iv.months())
            .minusDays(iv.days()).minus(iv.micros(), ChronoUnit.MICROS);
        if (timeType == SqlType.DATE) {
            local = local.toLocalDate().atStartOfDay();
        }
        Instant asUtc = local.toInstant(java.time.ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(asUtc.getEpochSecond(), 1_000_000L), asUtc.getNano() / 1000);
    }

    /** {@code now - interval} with calendar months and days in the session's time zone, as PostgreSQL computes it. */
    static long minus(long nowMicros, Interval iv, ZoneId zone) {
        Instant now = Instant.EPOCH.plus(nowMicros, ChronoUnit.MICROS);
        ZonedDateTime z = now.atZone(zone).minusMonths(iv.months()).minusDays(iv.days());
        Instant i = z.toInstant();
        long micros = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
        return micros - iv.micros();
    }
}
