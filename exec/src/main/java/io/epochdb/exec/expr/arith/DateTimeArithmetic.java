package io.epochdb.exec.expr.arith;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.RowFunction;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.time.DateTimes;
import java.util.List;

/**
 * Date/time arithmetic as PostgreSQL: timestamptz +/- interval on the session zone's calendar, date + integer,
 * date - date, timestamp - timestamp (days split off), interval scaling, time +/- interval.
 */
final class DateTimeArithmetic {
    private DateTimeArithmetic() {
    }

    static Expr bind(String name, List<Expr> args, ColumnType rt) {
        Expr x = args.get(0);
        Expr y = args.get(1);
        SqlType a = x.type().type();
        SqlType b = y.type().type();
        // untyped literal next to a datetime: PostgreSQL resolves it as interval (or the other side's type)
        if (b == SqlType.UNKNOWN && (a.isTemporal() || a == SqlType.INTERVAL)) {
            SqlType guess = (name.equals("-") && a == rt.type() && a != SqlType.INTERVAL) ? SqlType.INTERVAL
                : name.equals("-") && rt.type() == SqlType.INTERVAL ? a : SqlType.INTERVAL;
            y = Functions.cast(y, ColumnType.of(guess));
            b = guess;
        }
        if (a == SqlType.UNKNOWN && (b.isTemporal() || b == SqlType.INTERVAL)) {
            x = Functions.cast(x, ColumnType.of(name.equals("+") && b != SqlType.INTERVAL ? SqlType.INTERVAL : b));
            a = x.type().type();
        }
        boolean shift = (name.equals("+") || name.equals("-")) && (a == SqlType.TIMESTAMP || a == SqlType.TIMESTAMPTZ)
            && b == SqlType.INTERVAL && io.epochdb.exec.expr.CastExpr.isConstant(y);
        if (shift) {
            return new TimestampShiftExpr(x, y, name.equals("-"), ColumnType.of(a));
        }
        if (name.equals("+") && a == SqlType.INTERVAL && (b == SqlType.TIMESTAMP || b == SqlType.TIMESTAMPTZ)
                && io.epochdb.exec.expr.CastExpr.isConstant(x)) {
            return new TimestampShiftExpr(y, x, false, ColumnType.of(b));
        }
        RowFunction fn = switch (name) {
            case "+" -> plus(a, b);
            case "-" -> minus(a, b);
            case "*" -> times(a, b);
            case "/" -> divide(a, b);
            default -> null;
        };
        if (fn == null) {
            return null;
        }
        return new RowFunctionExpr(name, List.of(x, y), rt, true, fn);
    }

    private static RowFunction plus(SqlType a, SqlType b) {
        if (b == SqlType.INTERVAL && a != SqlType.INTERVAL) {
            RowFunction f = plus(b, a);
            return f == null ? null : (v, ctx) -> f.apply(new Object[] {v[1], v[0]}, ctx);
        }
        if (a == SqlType.INTERVAL) {
            switch (b) {
                case TIMESTAMPTZ:
                    return (v, ctx) -> plusTz((Long) v[1], (Interval) v[0], ctx.timeZone());
                case TIMESTAMP:
                    return (v, ctx) -> Arithmetic.plusTs((Long) v[1], (Interval) v[0]);
                case DATE:
                    return (v, ctx) -> Arithmetic.plusTs(((Integer) v[1]) * DateTimes.MICROS_PER_DAY, (Interval) v[0]);
                case TIME:
                    return (v, ctx) -> Math.floorMod((Long) v[1] + ((Interval) v[0]).micros(), DateTimes.MICROS_PER_DAY);
                case INTERVAL:
                    return (v, ctx) -> addIntervals((Interval) v[0], (Interval) v[1]);
                default:
                    return null;
            }
        }
        if (a == SqlType.DATE && b.isInteger()) {
            return (v, ctx) -> plusDays((Integer) v[0], ((Number) v[1]).longValue());
        }
        if (b == SqlType.DATE && a.isInteger()) {
            return (v, ctx) -> plusDays((Integer) v[1], ((Number) v[0]).longValue());
        }
        if (a == SqlType.DATE && b == SqlType.TIME) {
            return (v, ctx) -> ((Integer) v[0]) * DateTimes.MICROS_PER_DAY + (Long) v[1];
        }
        if (a == SqlType.TIME && b == SqlType.DATE) {
            return (v, ctx) -> ((Integer) v[1]) * DateTimes.MICROS_PER_DAY + (Long) v[0];
        }
        return null;
    }

    private static RowFunction minus(SqlType a, SqlType b) {
        if (b == SqlType.INTERVAL) {
            RowFunction f = plus(a, b);
            return f == null ? null : (v, ctx) -> f.apply(new Object[] {v[0], ((Interval) v[1]).negate()}, ctx);
        }
        if (a == SqlType.DATE && b.isInteger()) {
            return (v, ctx) -> plusDays((Integer) v[0], -((Number) v[1]).longValue());
        }
        if (a == SqlType.DATE && b == SqlType.DATE) {
            return (v, ctx) -> (Integer) v[0] - (Integer) v[1];
        }
        if ((a == SqlType.TIMESTAMP && b == SqlType.TIMESTAMP) || (a == SqlType.TIMESTAMPTZ && b == SqlType.TIMESTAMPTZ)) {
            return (v, ctx) -> DateTimes.difference((Long) v[0], (Long) v[1]);
        }
        if (a == SqlType.TIME && b == SqlType.TIME) {
            return (v, ctx) -> Interval.ofMicros((Long) v[0] - (Long) v[1]);
        }
        return null;
    }

    private static RowFunction times(SqlType a, SqlType b) {
        if (a == SqlType.INTERVAL && b.isNumeric()) {
            return (v, ctx) -> IntervalMath.multiply((Interval) v[0], ((Number) v[1]).doubleValue());
        }
        if (b == SqlType.INTERVAL && a.isNumeric()) {
            return (v, ctx) -> IntervalMath.multiply((Interval) v[1], ((Number) v[0]).doubleValue());
        }
        return null;
    }

    private static RowFunction divide(SqlType a, SqlType b) {
        if (a == SqlType.INTERVAL && b.isNumeric()) {
            return (v, ctx) -> IntervalMath.divide((Interval) v[0], ((Number) v[1]).doubleValue());
        }
        return null;
    }

    static long plusTz(long ts, Interval iv, java.time.ZoneId zone) {
        try {
            return Arithmetic.checkedTimestamp(DateTimes.plus(ts, iv, zone));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }

    private static int plusDays(int date, long days) {
        long r = date + days;
        if (r < -2451545 || r > 2147483494L - 2451545) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "date out of range");
        }
        return (int) r;
    }

    private static Interval addIntervals(Interval x, Interval y) {
        try {
            return x.plus(y);
        } catch (ArithmeticException e) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
    }
}
