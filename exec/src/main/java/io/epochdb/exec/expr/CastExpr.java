package io.epochdb.exec.expr;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.types.Numerics;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/** A cast: typed loops between the integer and float types, everything else through {@link Casts}. */
public final class CastExpr implements Expr {
    private final Expr arg;
    private final ColumnType target;

    private CastExpr(Expr arg, ColumnType target) {
        this.arg = Objects.requireNonNull(arg, "arg");
        this.target = Objects.requireNonNull(target, "target");
    }

    static Expr of(Expr arg, ColumnType target, boolean explicit) {
        if (isFast(arg.type().type()) && isFast(target.type())) {
            return new CastExpr(arg, target);
        }
        SqlType from = arg.type().type();
        return new RowFunctionExpr("cast", List.of(arg), target, true,
            (a, ctx) -> Casts.castValue(a[0], from, target, ctx.timeZone(), explicit));
    }

    private static boolean isFast(SqlType t) {
        return t == SqlType.INT2 || t == SqlType.INT4 || t == SqlType.INT8 || t == SqlType.FLOAT8 || t == SqlType.FLOAT4;
    }

    /** Whether {@code e} has the same value on every row of a statement (a literal, a parameter, casts of those). */
    public static boolean isConstant(Expr e) {
        if (e instanceof Literal || e instanceof ParamRef || e instanceof StatementConstant) {
            return true;
        }
        if (e instanceof CastExpr c) {
            return isConstant(c.arg);
        }
        return e instanceof RowFunctionExpr r && r.toString().startsWith("cast") && r.args().stream().allMatch(CastExpr::isConstant);
    }

    public Expr arg() {
        return arg;
    }

    @Override
    public ColumnType type() {
        return target;
    }

    @Override
    public FieldVector evaluate(Batch input, ExecContext ctx) {
        int n = input.rowCount();
        SqlType from = arg.type().type();
        SqlType to = target.type();
        try (FieldVector in = arg.evaluate(input, ctx)) {
            FieldVector out = Vectors.allocate(target, n, ctx.allocator());
            try {
                boolean fromFloat = from == SqlType.FLOAT4 || from == SqlType.FLOAT8;
                for (int i = 0; i < n; i++) {
                    if (in.isNull(i)) {
                        continue;
                    }
                    if (fromFloat) {
                        double d = from == SqlType.FLOAT8 ? ((Float8Vector) in).get(i) : ((Float4Vector) in).get(i);
                        switch (to) {
                            case FLOAT8 -> ((Float8Vector) out).set(i, d);
                            case FLOAT4 -> ((Float4Vector) out).set(i, (float) io.epochdb.exec.types.PgValues.coerce(
                                Casts.castValue(d, SqlType.FLOAT8, target, ctx.timeZone(), true), SqlType.FLOAT4));
                            default -> setLong(out, i, Numerics.floatToInteger(d, to), to);
                        }
                    } else {
                        long l = switch (from) {
                            case INT2 -> ((SmallIntVector) in).get(i);
                            case INT4 -> ((IntVector) in).get(i);
                            default -> ((BigIntVector) in).get(i);
                        };
                        switch (to) {
                            case FLOAT8 -> ((Float8Vector) out).set(i, (double) l);
                            case FLOAT4 -> ((Float4Vector) out).set(i, (float) l);
                            default -> setLong(out, i, Numerics.checkRange(l, to), to);
                        }
                    }
                }
                ((BaseFixedWidthVector) out).setValueCount(n);
                return out;
            } catch (RuntimeException e) {
                out.close();
                throw e;
            }
        }
    }

    private static void setLong(FieldVector out, int i, long v, SqlType to) {
        switch (to) {
            case INT2 -> ((SmallIntVector) out).set(i, (short) v);
            case INT4 -> ((IntVector) out).set(i, (int) v);
            default -> ((BigIntVector) out).set(i, v);
        }
    }

    @Override
    public String toString() {
        return arg + "::" + target;
    }
}
