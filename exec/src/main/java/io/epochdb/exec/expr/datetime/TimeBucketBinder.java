package io.epochdb.exec.expr.datetime;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.time.DateTimes;
import io.epochdb.exec.time.TimeBucket;
import io.epochdb.exec.time.Zones;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves TimescaleDB's {@code time_bucket} signatures: (width, ts [, origin | offset]),
 * (width, timestamptz, timezone [, origin] [, offset]) and the integer forms. The planner passes named arguments
 * positionally as (width, ts, timezone, origin, offset) with absent ones as NULL literals.
 */
final class TimeBucketBinder {
    private TimeBucketBinder() {
    }

    static Expr bind(List<Expr> args, ColumnType rt) {
        if (args.size() < 2 || args.size() > 5) {
            return null;
        }
        Expr width = args.get(0);
        Expr ts = args.get(1);
        SqlType wt = width.type().type();
        SqlType st = ts.type().type();
        if (st.isInteger() && (wt.isInteger() || wt == SqlType.UNKNOWN)) {
            return bindInteger(args, st);
        }
        if (!(wt == SqlType.INTERVAL || wt.isText() || wt == SqlType.UNKNOWN)) {
            return null;
        }
        if (st == SqlType.UNKNOWN) {
            ts = Functions.cast(ts, ColumnType.of(SqlType.TIMESTAMPTZ));
            st = SqlType.TIMESTAMPTZ;
        }
        if (!(st == SqlType.TIMESTAMP || st == SqlType.TIMESTAMPTZ || st == SqlType.DATE)) {
            return null;
        }
        ColumnType tsType = ColumnType.of(st);
        Expr zone = null;
        Expr origin = null;
        Expr offset = null;
        for (int i = 2; i < args.size(); i++) {
            Expr a = args.get(i);
            if (a instanceof Literal lit && lit.value() == null) {
                continue; // an absent named argument
            }
            SqlType at = a.type().type();
            // the timezone variant: a text third argument (string literals arrive as text), or an untyped one
            // after a timestamptz or in the five-argument form that named arguments are rewritten to
            boolean zoneArg = i == 2 && (at.isText()
                || (at == SqlType.UNKNOWN && (st == SqlType.TIMESTAMPTZ || args.size() == 5)));
            if (zoneArg) {
                if (st != SqlType.TIMESTAMPTZ) {
                    // PostgreSQL casts a timestamp or date to timestamptz (in the session zone) for this variant
                    ts = Functions.cast(ts, ColumnType.of(SqlType.TIMESTAMPTZ));
                    st = SqlType.TIMESTAMPTZ;
                    tsType = ColumnType.of(st);
                }
                zone = Functions.cast(a, ColumnType.of(SqlType.TEXT));
            } else if (at == SqlType.INTERVAL) {
                if (offset != null) {
                    return null;
                }
                offset = a;
            } else if (at == SqlType.TIMESTAMP || at == SqlType.TIMESTAMPTZ || at == SqlType.DATE || at == SqlType.UNKNOWN) {
                if (origin != null) {
                    return null;
                }
                origin = Functions.cast(a, tsType);
            } else {
                return null;
            }
        }
        Expr w = wt == SqlType.INTERVAL ? width : Functions.cast(width, ColumnType.of(SqlType.TEXT));
        if (width instanceof Literal lit && lit.value() != null) {
            // validate a constant width at planning time, as TimescaleDB fails before reading rows
            TimeBucket.validate(TimeBucketExpr.widthValue(lit.value()));
            if (st == SqlType.DATE) {
                TimeBucket.validateDateWidth(TimeBucketExpr.widthValue(lit.value()));
            }
        }
        boolean constants = DateTimeFunctions.constant(w) && (origin == null || DateTimeFunctions.constant(origin))
            && (offset == null || DateTimeFunctions.constant(offset));
        if (zone == null && constants) {
            return new TimeBucketExpr(w, ts, origin, offset, tsType);
        }
        List<Expr> a = new ArrayList<>(List.of(w, ts));
        int zi = -1;
        int oi = -1;
        int fi = -1;
        if (zone != null) {
            zi = a.size();
            a.add(zone);
        }
        if (origin != null) {
            oi = a.size();
            a.add(origin);
        }
        if (offset != null) {
            fi = a.size();
            a.add(offset);
        }
        int zoneIdx = zi;
        int originIdx = oi;
        int offsetIdx = fi;
        boolean isDate = st == SqlType.DATE;
        boolean zonedOffset = st == SqlType.TIMESTAMPTZ;
        return new RowFunctionExpr("time_bucket", a, tsType, true, (v, c) -> {
            Interval iv = TimeBucketExpr.widthValue(v[0]);
            Interval off = offsetIdx < 0 ? null : (Interval) v[offsetIdx];
            if (isDate) {
                TimeBucket.validateDateWidth(iv);
                long t = ((Integer) v[1]) * DateTimes.MICROS_PER_DAY;
                Long o = originIdx < 0 ? null : ((Integer) v[originIdx]) * DateTimes.MICROS_PER_DAY;
                return (int) Math.floorDiv(TimeBucket.bucket(iv, t, o, off), DateTimes.MICROS_PER_DAY);
            }
            Long o = originIdx < 0 ? null : (Long) v[originIdx];
            if (zoneIdx >= 0) {
                ZoneId z = Zones.resolve((String) v[zoneIdx]);
                return TimeBucket.bucketInZone(iv, (Long) v[1], z, o, off);
            }
            return TimeBucket.bucket(iv, (Long) v[1], o, off, zonedOffset ? c.timeZone() : null);
        });
    }

    /**
     * The integer forms. PostgreSQL resolves time_bucket(int4 literal, int2 column) to the widest integer type of
     * the arguments (no implicit cast narrows), so the width, value and offset are computed and returned in that
     * type, whose range bounds the result.
     */
    private static Expr bindInteger(List<Expr> args, SqlType st) {
        SqlType widest = wider(st, args.get(0).type().type());
        Expr offsetArg = null;
        for (int i = 2; i < args.size(); i++) {
            Expr a = args.get(i);
            if (a instanceof Literal lit && lit.value() == null) {
                continue;
            }
            if (!(a.type().type().isInteger() || a.type().type() == SqlType.UNKNOWN) || offsetArg != null) {
                return null;
            }
            offsetArg = a;
            widest = wider(widest, a.type().type());
        }
        SqlType wt = widest;
        ColumnType t = ColumnType.of(wt);
        Expr width = Functions.cast(args.get(0), t);
        Expr ts = Functions.cast(args.get(1), t);
        Expr offset = offsetArg == null ? null : Functions.cast(offsetArg, t);
        if (width instanceof Literal lit && lit.value() != null && ((Number) lit.value()).longValue() <= 0) {
            throw TimeBucket.periodNotPositive();
        }
        if (DateTimeFunctions.constant(width) && (offset == null || DateTimeFunctions.constant(offset))) {
            return new TimeBucketExpr(width, ts, null, offset, t);
        }
        List<Expr> a = offset == null ? List.of(width, ts) : List.of(width, ts, offset);
        long min = wt == SqlType.INT8 ? Long.MIN_VALUE : wt == SqlType.INT4 ? Integer.MIN_VALUE : Short.MIN_VALUE;
        long max = wt == SqlType.INT8 ? Long.MAX_VALUE : wt == SqlType.INT4 ? Integer.MAX_VALUE : Short.MAX_VALUE;
        return new RowFunctionExpr("time_bucket", a, t, true, (v, c) -> {
            long r = TimeBucket.bucketInteger(((Number) v[0]).longValue(), ((Number) v[1]).longValue(),
                v.length > 2 ? ((Number) v[2]).longValue() : 0, min, max);
            return wt == SqlType.INT8 ? (Object) r : wt == SqlType.INT4 ? (Object) (int) r : (Object) (short) r;
        });
    }

    /** The wider of two integer types (int2 < int4 < int8); an unknown-typed literal does not widen. */
    private static SqlType wider(SqlType a, SqlType b) {
        if (!b.isInteger()) {
            return a;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(SqlType t) {
        return t == SqlType.INT8 ? 3 : t == SqlType.INT2 ? 1 : 2;
    }
}
