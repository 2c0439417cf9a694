package io.epochdb.exec.expr.cond;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.RowFunctionExpr;
import io.epochdb.exec.expr.compare.Comparisons;
import io.epochdb.exec.types.PgValues;
import java.util.ArrayList;
import java.util.List;

/** Registers case, coalesce, nullif, greatest, least. */
public final class Conditionals {
    private Conditionals() {
    }

    public static void register(FunctionRegistry r) {
        r.add("case", Conditionals::bindCase);
        r.add("coalesce", (args, rt) -> args.isEmpty() ? null : new CoalesceExpr(castAll(args, rt), rt));
        r.add("nullif", (args, rt) -> {
            if (args.size() != 2) {
                return null;
            }
            List<Expr> u = Comparisons.unify(args.get(0), args.get(1));
            if (u == null) {
                return null;
            }
            SqlType t = u.get(0).type().type();
            Expr first = Functions.cast(args.get(0), rt);
            SqlType rtType = rt.type();
            return new RowFunctionExpr("nullif", List.of(first, u.get(0), u.get(1)), rt, false, (v, ctx) -> {
                if (v[0] == null) {
                    return null;
                }
                return v[2] != null && PgValues.compare(v[1], v[2], t) == 0 ? null : PgValues.coerce(v[0], rtType);
            });
        });
        r.add("greatest", (args, rt) -> extreme("greatest", args, rt, 1));
        r.add("least", (args, rt) -> extreme("least", args, rt, -1));
    }

    private static Expr bindCase(List<Expr> args, ColumnType rt) {
        if (args.size() < 2) {
            return null;
        }
        List<Expr> whens = new ArrayList<>();
        List<Expr> thens = new ArrayList<>();
        int pairs = args.size() / 2;
        for (int k = 0; k < pairs; k++) {
            Expr w = args.get(2 * k);
            if (w.type().type() != SqlType.BOOL && w.type().type() != SqlType.UNKNOWN) {
                return null;
            }
            whens.add(Functions.cast(w, ColumnType.of(SqlType.BOOL)));
            thens.add(Functions.cast(args.get(2 * k + 1), rt));
        }
        Expr otherwise = args.size() % 2 == 1 ? Functions.cast(args.get(args.size() - 1), rt) : null;
        return new CaseExpr(whens, thens, otherwise, rt);
    }

    private static List<Expr> castAll(List<Expr> args, ColumnType rt) {
        return args.stream().map(a -> Functions.cast(a, rt)).toList();
    }

    private static Expr extreme(String name, List<Expr> args, ColumnType rt, int sign) {
        if (args.isEmpty()) {
            return null;
        }
        List<Expr> cast = castAll(args, rt);
        SqlType t = rt.type();
        return new RowFunctionExpr(name, cast, rt, false, (v, ctx) -> {
            Object best = null;
            for (Object o : v) {
                if (o != null && (best == null || sign * PgValues.compare(o, best, t) > 0)) {
                    best = o;
                }
            }
            return best;
        });
    }
}
