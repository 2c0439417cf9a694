package io.epochdb.exec.expr.compare;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.types.PgValues;
import java.util.List;

/** Registers the comparison operators and IS [NOT] DISTINCT FROM, unifying argument types as PostgreSQL. */
public final class Comparisons {
    private Comparisons() {
    }

    public static void register(FunctionRegistry r) {
        String[] ops = {"=", "<>", "<", "<=", ">", ">="};
        for (int i = 0; i < ops.length; i++) {
            int op = i;
            r.add(ops[i], (args, rt) -> {
                if (args.size() != 2) {
                    return null;
                }
                List<Expr> u = unify(args.get(0), args.get(1));
                return u == null ? null : new CompareKernel(op, u.get(0), u.get(1));
            });
        }
        r.add("!=", (args, rt) -> Functions.call("<>", args, rt));
        r.add("is distinct from", (args, rt) -> distinct(args, rt, true));
        r.add("is not distinct from", (args, rt) -> distinct(args, rt, false));
    }

    private static Expr distinct(List<Expr> args, ColumnType rt, boolean distinct) {
        if (args.size() != 2) {
            return null;
        }
        List<Expr> u = unify(args.get(0), args.get(1));
        if (u == null) {
            return null;
        }
        SqlType t = u.get(0).type().type();
        return new RowFunctionExpr(distinct ? "is distinct from" : "is not distinct from", u, ColumnType.of(SqlType.BOOL), false,
            (v, ctx) -> {
                boolean same = v[0] == null || v[1] == null ? v[0] == v[1] : PgValues.compare(v[0], v[1], t) == 0;
                return distinct != same;
            });
    }

    /** Brings two operands to one comparable type (null when PostgreSQL has no such operator). */
    public static List<Expr> unify(Expr x, Expr y) {
        SqlType a = x.type().type();
        SqlType b = y.type().type();
        if (a == b) {
            return List.of(x, y);
        }
        SqlType common = commonType(a, b);
        if (common == null) {
            return null;
        }
        return List.of(Functions.cast(x, ColumnType.of(common), false), Functions.cast(y, ColumnType.of(common), false));
    }

    /** The type both sides are cast to before comparing, or null. */
    public static SqlType commonType(SqlType a, SqlType b) {
        if (a == b) {
            return a;
        }
        if (a == SqlType.UNKNOWN) {
            return b;
        }
        if (b == SqlType.UNKNOWN) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            if (a == SqlType.FLOAT8 || b == SqlType.FLOAT8 || a == SqlType.FLOAT4 || b == SqlType.FLOAT4) {
                return (a == SqlType.NUMERIC || b == SqlType.NUMERIC || a == SqlType.FLOAT8 || b == SqlType.FLOAT8
                    || a == SqlType.INT8 || b == SqlType.INT8 || a == SqlType.INT4 || b == SqlType.INT4) ? SqlType.FLOAT8 : SqlType.FLOAT4;
            }
            if (a == SqlType.NUMERIC || b == SqlType.NUMERIC) {
                return SqlType.NUMERIC;
            }
            if (a == SqlType.INT8 || b == SqlType.INT8) {
                return SqlType.INT8;
            }
            return SqlType.INT4;
        }
        if (a.isText() && b.isText()) {
            return SqlType.TEXT;
        }
        boolean at = a == SqlType.DATE || a == SqlType.TIMESTAMP || a == SqlType.TIMESTAMPTZ;
        boolean bt = b == SqlType.DATE || b == SqlType.TIMESTAMP || b == SqlType.TIMESTAMPTZ;
        if (at && bt) {
            return (a == SqlType.TIMESTAMPTZ || b == SqlType.TIMESTAMPTZ) ? SqlType.TIMESTAMPTZ : SqlType.TIMESTAMP;
        }
        if ((a == SqlType.JSON || a == SqlType.JSONB) && b.isText()) {
            return a;
        }
        if ((b == SqlType.JSON || b == SqlType.JSONB) && a.isText()) {
            return b;
        }
        if (a.isArray() && b.isArray()) {
            SqlType e = commonType(a.element(), b.element());
            return e == null ? null : e.arrayType();
        }
        return null;
    }
}
