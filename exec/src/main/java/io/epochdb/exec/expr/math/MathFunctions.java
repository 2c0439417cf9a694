package io.epochdb.exec.expr.math;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.RowFunction;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.expr.arith.Decimals;
import io.epochdb.exec.types.Numerics;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Mathematical functions with PostgreSQL's types: the planner's result type picks the float8 or numeric variant;
 * arguments are cast to it first.
 */
public final class MathFunctions {
    private static final ColumnType FLOAT8 = ColumnType.of(SqlType.FLOAT8);

    private MathFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.add("abs", (args, rt) -> unary(args, rt, "abs", Math::abs, BigDecimal::abs, true));
        r.add("ceil", (args, rt) -> unary(args, rt, "ceil", Math::ceil, b -> b.setScale(0, RoundingMode.CEILING), false));
        r.add("ceiling", (args, rt) -> unary(args, rt, "ceiling", Math::ceil, b -> b.setScale(0, RoundingMode.CEILING), false));
        r.add("floor", (args, rt) -> unary(args, rt, "floor", Math::floor, b -> b.setScale(0, RoundingMode.FLOOR), false));
        r.add("round", (args, rt) -> unary(args, rt, "round", Math::rint, b -> b.setScale(0, RoundingMode.HALF_UP), false));
        r.add("trunc", (args, rt) -> unary(args, rt, "trunc", d -> d < 0 ? Math.ceil(d) : Math.floor(d),
            b -> b.setScale(0, RoundingMode.DOWN), false));
        r.add("round", (args, rt) -> scaled(args, rt, "round", RoundingMode.HALF_UP));
        r.add("trunc", (args, rt) -> scaled(args, rt, "trunc", RoundingMode.DOWN));
        r.add("sign", (args, rt) -> unary(args, rt, "sign", Math::signum, b -> BigDecimal.valueOf(b.signum()), false));
        r.add("sqrt", (args, rt) -> unary(args, rt, "sqrt", MathFunctions::sqrt, MathFunctions::sqrt, false));
        r.add("cbrt", (args, rt) -> floatFn(args, rt, "cbrt", Math::cbrt));
        r.add("exp", (args, rt) -> unary(args, rt, "exp", MathFunctions::exp, b -> viaDouble(exp(b.doubleValue())), false));
        r.add("ln", (args, rt) -> unary(args, rt, "ln", MathFunctions::ln, b -> viaDouble(ln(b.doubleValue())), false));
        r.add("log10", (args, rt) -> unary(args, rt, "log10", MathFunctions::log10, b -> viaDouble(log10(b.doubleValue())), false));
        r.add("log", (args, rt) -> unary(args, rt, "log", MathFunctions::log10, b -> viaDouble(log10(b.doubleValue())), false));
        r.add("log", (args, rt) -> binary(args, rt, "log", (b, x) -> ln(x) / ln(b)));
        r.add("power", (args, rt) -> binary(args, rt, "power", MathFunctions::power));
        r.add("pow", (args, rt) -> binary(args, rt, "pow", MathFunctions::power));
        r.add("atan2", (args, rt) -> binary(args, rt, "atan2", Math::atan2));
        r.add("mod", MathFunctions::mod);
        r.add("div", (args, rt) -> args.size() == 2 && rt.type() == SqlType.NUMERIC
            ? new RowFunctionExpr("div", castAll(args, rt), rt, true, (v, c) -> Decimals.div((BigDecimal) v[0], (BigDecimal) v[1])) : null);
        r.add("pi", (args, rt) -> args.isEmpty() ? new RowFunctionExpr("pi", List.of(), FLOAT8, true, (v, c) -> Math.PI) : null);
        r.add("random", (args, rt) -> args.isEmpty()
            ? new RowFunctionExpr("random", List.of(), FLOAT8, true, (v, c) -> ThreadLocalRandom.current().nextDouble()) : null);
        r.add("degrees", (args, rt) -> floatFn(args, rt, "degrees", Math::toDegrees));
        r.add("radians", (args, rt) -> floatFn(args, rt, "radians", Math::toRadians));
        r.add("sin", (args, rt) -> floatFn(args, rt, "sin", Math::sin));
        r.add("cos", (args, rt) -> floatFn(args, rt, "cos", Math::cos));
        r.add("tan", (args, rt) -> floatFn(args, rt, "tan", Math::tan));
        r.add("cot", (args, rt) -> floatFn(args, rt, "cot", d -> 1 / Math.tan(d)));
        r.add("asin", (args, rt) -> floatFn(args, rt, "asin", d -> domain(d, Math.asin(d))));
        r.add("acos", (args, rt) -> floatFn(args, rt, "acos", d -> domain(d, Math.acos(d))));
        r.add("atan", (args, rt) -> floatFn(args, rt, "atan", Math::atan));
        r.add("width_bucket", MathFunctions::widthBucket);
    }

    private static boolean numeric(List<Expr> args) {
        return args.stream().allMatch(a -> a.type().type().isNumeric() || a.type().type() == SqlType.UNKNOWN);
    }

    private static List<Expr> castAll(List<Expr> args, ColumnType to) {
        return args.stream().map(a -> Functions.cast(a, ColumnType.of(to.type()))).toList();
    }

    /** One-argument function in float8, numeric and (for {@code intToo}) integer variants per the result type. */
    private static Expr unary(List<Expr> args, ColumnType rt, String name, DoubleUnaryOperator f, UnaryOperator<BigDecimal> n,
                              boolean intToo) {
        if (args.size() != 1 || !numeric(args)) {
            return null;
        }
        SqlType t = rt.type();
        List<Expr> a = castAll(args, rt);
        RowFunction fn;
        if (t == SqlType.FLOAT8) {
            return new Float8Kernel(a.get(0), f);
        } else if (t == SqlType.FLOAT4) {
            fn = (v, c) -> f.applyAsDouble(((Number) v[0]).doubleValue());
        } else if (t == SqlType.NUMERIC) {
            fn = (v, c) -> n.apply((BigDecimal) v[0]);
        } else if (t.isInteger() && (intToo || !name.equals("abs"))) {
            fn = (v, c) -> {
                long x = ((Number) v[0]).longValue();
                if (name.equals("abs")) {
                    if (x == Long.MIN_VALUE) {
                        throw Numerics.outOfRange(t);
                    }
                    return Numerics.checkRange(Math.abs(x), t);
                }
                return Numerics.floatToInteger(f.applyAsDouble(x), t);
            };
        } else {
            return null;
        }
        return new RowFunctionExpr(name, a, rt, true, fn);
    }

    private static Expr floatFn(List<Expr> args, ColumnType rt, String name, DoubleUnaryOperator f) {
        if (args.size() != 1 || !numeric(args)) {
            return null;
        }
        return new Float8Kernel(Functions.cast(args.get(0), FLOAT8), f);
    }

    private static Expr binary(List<Expr> args, ColumnType rt, String name, DoubleBinaryOperator f) {
        if (args.size() != 2 || !numeric(args)) {
            return null;
        }
        if (rt.type() == SqlType.NUMERIC) {
            return new RowFunctionExpr(name, castAll(args, rt), rt, true, (v, c) -> {
                BigDecimal x = (BigDecimal) v[0];
                BigDecimal y = (BigDecimal) v[1];
                if (name.startsWith("pow") && y.scale() <= 0 && y.abs().compareTo(BigDecimal.valueOf(1000)) <= 0 && y.signum() >= 0) {
                    BigDecimal p = x.pow(y.intValueExact());
                    return p.scale() < 16 && x.scale() > 0 ? p.setScale(16, RoundingMode.HALF_UP) : p.setScale(Math.max(p.scale(), 0));
                }
                return viaDouble(f.applyAsDouble(x.doubleValue(), y.doubleValue()));
            });
        }
        return new RowFunctionExpr(name, castAll(args, FLOAT8), FLOAT8, true,
            (v, c) -> checkFloat(f.applyAsDouble((Double) v[0], (Double) v[1])));
    }

    private static Expr scaled(List<Expr> args, ColumnType rt, String name, RoundingMode mode) {
        if (args.size() != 2 || !args.get(0).type().type().isNumeric() && args.get(0).type().type() != SqlType.UNKNOWN) {
            return null;
        }
        ColumnType num = ColumnType.of(SqlType.NUMERIC);
        Expr x = Functions.cast(args.get(0), num);
        Expr s = Functions.cast(args.get(1), ColumnType.of(SqlType.INT4));
        return new RowFunctionExpr(name, List.of(x, s), num, true, (v, c) -> {
            BigDecimal r = ((BigDecimal) v[0]).setScale((Integer) v[1], mode);
            return r.scale() < 0 ? r.setScale(0) : r;
        });
    }

    private static Expr mod(List<Expr> args, ColumnType rt) {
        if (args.size() != 2 || !numeric(args) || rt.type() == SqlType.FLOAT8 || rt.type() == SqlType.FLOAT4) {
            return null;
        }
        return Functions.call("%", args, rt);
    }

    private static Expr widthBucket(List<Expr> args, ColumnType rt) {
        if (args.size() != 4 || !numeric(args)) {
            return null;
        }
        List<Expr> a = List.of(Functions.cast(args.get(0), FLOAT8), Functions.cast(args.get(1), FLOAT8),
            Functions.cast(args.get(2), FLOAT8), Functions.cast(args.get(3), ColumnType.of(SqlType.INT4)));
        return new RowFunctionExpr("width_bucket", a, ColumnType.of(SqlType.INT4), true, (v, c) -> {
            double op = (Double) v[0];
            double lo = (Double) v[1];
            double hi = (Double) v[2];
            int count = (Integer) v[3];
            if (count <= 0) {
                throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, "count must be greater than zero");
            }
            if (lo == hi) {
                throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION, "lower bound cannot equal upper bound");
            }
            if (Double.isNaN(op) || Double.isNaN(lo) || Double.isNaN(hi)) {
                throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_WIDTH_BUCKET_FUNCTION,
                    "operand, lower bound, and upper bound cannot be NaN");
            }
            if (lo < hi) {
                if (op < lo) {
                    return 0;
                }
                if (op >= hi) {
                    return Math.addExact(count, 1);
                }
                return (int) ((op - lo) / (hi - lo) * count) + 1;
            }
            if (op > lo) {
                return 0;
            }
            if (op <= hi) {
                return Math.addExact(count, 1);
            }
            return (int) ((lo - op) / (lo - hi) * count) + 1;
        });
    }

    private static double domain(double in, double out) {
        if (Double.isNaN(out) && !Double.isNaN(in)) {
            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "input is out of range");
        }
        return out;
    }

    private static double checkFloat(double d) {
        return d;
    }

    private static double sqrt(double d) {
        if (d < 0) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        return Math.sqrt(d);
    }

    private static BigDecimal sqrt(BigDecimal b) {
        if (b.signum() < 0) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "cannot take square root of a negative number");
        }
        // PostgreSQL's numeric_sqrt result scale: about 16 significant digits, at least the input's scale
        int weight = b.signum() == 0 ? 0 : Math.floorDiv(b.precision() - b.scale() - 1, 4);
        int sweight = (weight + 1) * 4 / 2 - 1;
        int rscale = Math.min(Math.max(Math.max(16 - sweight, b.scale()), 0), 1000);
        return b.sqrt(new MathContext(rscale + sweight + 4, RoundingMode.HALF_UP)).setScale(rscale, RoundingMode.HALF_UP);
    }

    private static double exp(double d) {
        double r = Math.exp(d);
        if (Double.isInfinite(r)) {
            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return r;
    }

    private static double ln(double d) {
        if (d == 0) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of zero");
        }
        if (d < 0) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_LOGARITHM, "cannot take logarithm of a negative number");
        }
        return Math.log(d);
    }

    private static double log10(double d) {
        return ln(d) == 0 ? 0 : Math.log10(d);
    }

    private static double power(double x, double y) {
        if (x == 0 && y < 0) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION, "zero raised to a negative power is undefined");
        }
        if (x < 0 && Math.floor(y) != y) {
            throw new EpochException(ErrorCode.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                "a negative number raised to a non-integer power yields a complex result");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw new EpochException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
        }
        return r;
    }

    private static BigDecimal viaDouble(double d) {
        BigDecimal b = new BigDecimal(d).round(new MathContext(16, RoundingMode.HALF_EVEN));
        b = b.stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
