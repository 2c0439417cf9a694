package io.epochdb.exec.expr.arith;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.time.DateTimes;
import io.epochdb.exec.types.Numerics;
import java.math.BigDecimal;
import java.util.List;

/** Registers {@code + - * / % u- u+} for numbers, numeric, dates, timestamps, times and intervals. */
public final class Arithmetic {
    private Arithmetic() {
    }

    public static void register(FunctionRegistry r) {
        String[] ops = {"+", "-", "*", "/", "%"};
        for (int i = 0; i < ops.length; i++) {
            int op = i;
            String name = ops[i];
            r.add(name, (args, rt) -> args.size() == 2 ? bindNumber(name, op, args, rt) : null);
            r.add(name, (args, rt) -> args.size() == 2 ? DateTimeArithmetic.bind(name, args, rt) : null);
        }
        r.add("u-", (args, rt) -> args.size() == 1 ? bindNegate(args.get(0), rt) : null);
        r.add("u+", (args, rt) -> args.size() == 1 && (isNumberLike(args.get(0).type().type())
            || args.get(0).type().type() == SqlType.INTERVAL) ? Functions.cast(args.get(0), rt) : null);
    }

    private static boolean isNumberLike(SqlType t) {
        return t.isNumeric() || t == SqlType.UNKNOWN;
    }

    private static Expr bindNumber(String name, int op, List<Expr> args, ColumnType rt) {
        SqlType a = args.get(0).type().type();
        SqlType b = args.get(1).type().type();
        SqlType t = rt.type();
        if (!isNumberLike(a) || !isNumberLike(b) || !t.isNumeric() || (a == SqlType.UNKNOWN && b == SqlType.UNKNOWN)) {
            return null;
        }
        if (op == NumberKernel.MOD && (t == SqlType.FLOAT8 || t == SqlType.FLOAT4)) {
            return null;
        }
        ColumnType work = ColumnType.of(t);
        Expr x = Functions.cast(args.get(0), work);
        Expr y = Functions.cast(args.get(1), work);
        if (NumberKernel.supports(t)) {
            return new NumberKernel(op, x, y, rt);
        }
        if (t == SqlType.NUMERIC) {
            return new RowFunctionExpr(name, List.of(x, y), rt, true, (v, ctx) -> {
                BigDecimal p = (BigDecimal) v[0];
                BigDecimal q = (BigDecimal) v[1];
                BigDecimal res = switch (op) {
                    case NumberKernel.ADD -> p.add(q);
                    case NumberKernel.SUB -> p.subtract(q);
                    case NumberKernel.MUL -> p.multiply(q);
                    case NumberKernel.DIV -> Decimals.divide(p, q);
                    default -> Decimals.mod(p, q);
                };
                return Numerics.applyTypmod(res, rt);
            });
        }
        return null;
    }

    private static Expr bindNegate(Expr arg, ColumnType rt) {
        SqlType a = arg.type().type();
        if (a == SqlType.INTERVAL) {
            return new RowFunctionExpr("u-", List.of(arg), rt, true, (v, ctx) -> {
                Interval iv = (Interval) v[0];
                if (iv.months() == Integer.MIN_VALUE || iv.days() == Integer.MIN_VALUE || iv.micros() == Long.MIN_VALUE) {
                    throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "interval out of range");
                }
                return iv.negate();
            });
        }
        if (!isNumberLike(a) || !rt.type().isNumeric()) {
            return null;
        }
        Expr x = Functions.cast(arg, ColumnType.of(rt.type()));
        if (NumberKernel.supports(rt.type())) {
            return new NumberKernel(NumberKernel.NEG, x, null, rt);
        }
        return new RowFunctionExpr("u-", List.of(x), rt, true, (v, ctx) -> ((BigDecimal) v[0]).negate());
    }

    static long checkedTimestamp(long micros) {
        // PostgreSQL's range: 4713 BC .. 294276 AD
        if (micros < -212760172800000000L) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
        return micros;
    }

    static long plusTs(long ts, Interval iv) {
        try {
            return checkedTimestamp(DateTimes.plus(ts, iv));
        } catch (ArithmeticException | java.time.DateTimeException e) {
            throw new EpochException(ErrorCode.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }
}
