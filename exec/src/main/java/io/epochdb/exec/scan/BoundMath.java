package io.epochdb.exec.scan;

import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.types.PgText;
import io.epochdb.common.types.ColumnType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;

/**
 * Turns one evaluated {@link RangeBound} into an inclusive interval {@code [lo, hi]} of the column's storage
 * encoding (see {@code ColumnStats}). Every step errs on the wide side: a bound that cannot be translated exactly
 * is widened or dropped, never narrowed, because exclusion may only remove parts that cannot match.
 */
final class BoundMath {
    static final long DAY = Interval.MICROS_PER_DAY;
    /** 2^53: integers above it do not survive a trip through float8 exactly. */
    private static final BigDecimal FLOAT8_EXACT = BigDecimal.valueOf(1L << 53);
    private static final BigDecimal FLOAT4_EXACT = BigDecimal.valueOf(1L << 24);
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private BoundMath() {
    }

    /**
     * One side of an interval while it travels from the compared expression's domain to the column's: a long in
     * discrete domains (integers, days, microseconds), a BigDecimal in numeric and float ones, {@link #NONE} for no
     * bound and {@link #EMPTY} when nothing can match.
     */
    private static final Object NONE = new Object();
    private static final Object EMPTY = new Object();

    /** The interval of column values {@code b} allows, as {lo, hi}, or null when no value can match. */
    static long[] interval(RangeBound b, SqlType columnType, ExecContext ctx) {
        Object v = Functions.evaluateConstant(b.value(), ctx);
        if (v == null) {
            return null; // a comparison with NULL is never true
        }
        SqlType domain = b.steps().isEmpty() ? columnType : b.steps().get(0).resultType();
        Object lo = NONE;
        Object hi = NONE;
        if (b.op().boundsBelow()) {
            lo = start(v, b.value().type().type(), true, b.op().strict());
        }
        if (b.op().boundsAbove()) {
            hi = start(v, b.value().type().type(), false, b.op().strict());
        }
        ZoneId zone = ctx.timeZone();
        for (ColumnStep step : b.steps()) {
            lo = inverse(step, lo, true, zone, ctx);
            hi = inverse(step, hi, false, zone, ctx);
            domain = step instanceof ColumnStep.Cast c ? c.from() : domain;
        }
        if (lo == EMPTY || hi == EMPTY) {
            return null;
        }
        long l = lo == NONE ? Long.MIN_VALUE : toLong(lo, true);
        long h = hi == NONE ? Long.MAX_VALUE : toLong(hi, false);
        return l > h ? null : new long[] {l, h};
    }

    /** The first limit, in the value's domain; strict limits of discrete domains become inclusive. */
    private static Object start(Object v, SqlType type, boolean lower, boolean strict) {
        switch (type) {
            case INT2, INT4, INT8, DATE, TIMESTAMP, TIMESTAMPTZ -> {
                long l = ((Number) v).longValue();
                if (!strict) {
                    return l;
                }
                if (lower) {
                    return l == Long.MAX_VALUE ? EMPTY : l + 1;
                }
                return l == Long.MIN_VALUE ? EMPTY : l - 1;
            }
            case FLOAT4, FLOAT8 -> {
                double d = ((Number) v).doubleValue();
                // PostgreSQL sorts NaN above every number, including infinity
                if (Double.isNaN(d) || d == Double.POSITIVE_INFINITY) {
                    return lower ? EMPTY : NONE;
                }
                if (d == Double.NEGATIVE_INFINITY) {
                    return lower ? NONE : EMPTY;
                }
                return new BigDecimal(d);
            }
            case NUMERIC -> {
                return v instanceof BigDecimal bd ? bd : new BigDecimal(v.toString());
            }
            default -> {
                return NONE;
            }
        }
    }

    /** Maps a limit on {@code step}'s result to one on its input. */
    private static Object inverse(ColumnStep step, Object limit, boolean lower, ZoneId zone, ExecContext ctx) {
        if (limit == NONE || limit == EMPTY) {
            return limit;
        }
        if (step instanceof ColumnStep.Bucket bucket) {
            return lower ? limit : bucketUpper(bucket, (Long) limit, ctx);
        }
        ColumnStep.Cast cast = (ColumnStep.Cast) step;
        SqlType from = cast.from();
        SqlType to = cast.to();
        if (limit instanceof BigDecimal d) {
            if (!from.isInteger()) {
                return NONE;
            }
            BigDecimal exact = to == SqlType.FLOAT4 ? FLOAT4_EXACT : to == SqlType.FLOAT8 ? FLOAT8_EXACT : null;
            if (exact != null && d.abs().compareTo(exact) > 0) {
                return NONE; // rounding through float could let a value across the limit
            }
            BigDecimal r = d.setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
            if (r.compareTo(LONG_MAX) > 0) {
                return lower ? EMPTY : NONE;
            }
            if (r.compareTo(LONG_MIN) < 0) {
                return lower ? NONE : EMPTY;
            }
            return r.longValueExact();
        }
        long v = (Long) limit;
        if (from.isInteger() && to.isInteger()) {
            return v;
        }
        if (from == to) {
            return v;
        }
        if (from == SqlType.DATE && to == SqlType.TIMESTAMP) {
            return lower ? ceilDiv(v, DAY) : Math.floorDiv(v, DAY);
        }
        if (from == SqlType.TIMESTAMP && to == SqlType.DATE) {
            return lower ? sat(v, DAY, 0) : sat(add(v, 1), DAY, -1);
        }
        long[] off = ZoneOffsets.rangeMicros(zone, to == SqlType.DATE ? sat(v, DAY, 0) : v);
        if (from == SqlType.DATE && to == SqlType.TIMESTAMPTZ) {
            // local midnight of day d is the instant d*DAY - offset
            return lower ? ceilDiv(add(v, off[0]), DAY) : Math.floorDiv(add(v, off[1]), DAY);
        }
        if (from == SqlType.TIMESTAMP && to == SqlType.TIMESTAMPTZ) {
            return lower ? add(v, off[0]) : add(v, off[1]);
        }
        if (from == SqlType.TIMESTAMPTZ && to == SqlType.TIMESTAMP) {
            return lower ? add(v, -off[1]) : add(v, -off[0]);
        }
        if (from == SqlType.TIMESTAMPTZ && to == SqlType.DATE) {
            return lower ? add(sat(v, DAY, 0), -off[1]) : add(sat(add(v, 1), DAY, -1), -off[0]);
        }
        return NONE;
    }

    private static Object bucketUpper(ColumnStep.Bucket bucket, long limit, ExecContext ctx) {
        Object w = Functions.evaluateConstant(bucket.width(), ctx);
        if (w == null) {
            return NONE;
        }
        long width;
        if (bucket.type().isInteger()) {
            width = ((Number) w).longValue();
        } else {
            Interval iv = w instanceof Interval i ? i
                : (Interval) PgText.parse(w.toString(), ColumnType.of(SqlType.INTERVAL), ctx.timeZone());
            if (iv.months() != 0) {
                return NONE;
            }
            long micros;
            try {
                micros = Math.addExact(Math.multiplyExact((long) iv.days(), DAY), iv.micros());
            } catch (ArithmeticException e) {
                return NONE;
            }
            width = bucket.type() == SqlType.DATE ? ceilDiv(micros, DAY) : micros;
        }
        if (width <= 0) {
            return NONE;
        }
        return add(add(limit, width), -1);
    }

    private static long toLong(Object limit, boolean lower) {
        if (limit instanceof Long l) {
            return l;
        }
        BigDecimal d = ((BigDecimal) limit).setScale(0, lower ? RoundingMode.CEILING : RoundingMode.FLOOR);
        if (d.compareTo(LONG_MAX) > 0) {
            return Long.MAX_VALUE;
        }
        if (d.compareTo(LONG_MIN) < 0) {
            return Long.MIN_VALUE;
        }
        return d.longValueExact();
    }

    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** {@code a + b}, saturating at the long range (timestamps' infinities sit at its ends). */
    static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /** {@code a * m + c}, saturating. */
    static long sat(long a, long m, long c) {
        long hi = Math.multiplyHigh(a, m);
        long lo = a * m;
        if ((hi != 0 || lo < 0) && (hi != -1 || lo >= 0)) {
            return a < 0 == m < 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        return add(lo, c);
    }
}
