package io.epochdb.exec.gapfill;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.FunctionRegistry;
import io.epochdb.exec.expr.Functions;
import io.epochdb.exec.expr.Literal;
import java.util.ArrayList;
import java.util.List;

/**
 * The scalar forms of the gapfill functions, used where no gapfill happens (a query without GROUP BY) and for the
 * per-row bucket below the aggregation: {@code time_bucket_gapfill} is {@code time_bucket} with the start and
 * finish arguments ignored, {@code locf} and {@code interpolate} return their value (TimescaleDB's marker
 * functions do the same).
 */
public final class GapfillFunctions {
    private GapfillFunctions() {
    }

    public static void register(FunctionRegistry r) {
        r.add("time_bucket_gapfill", GapfillFunctions::bindBucket);
        r.add("locf", (args, rt) -> args.isEmpty() || args.size() > 3 ? null : passThrough(args.get(0), rt));
        // the planner's HAVING marker for gapfill queries; the plan normally drops it before execution
        r.add("gapfill_having", (args, rt) -> args.size() == 1 ? args.get(0) : null);
        r.add("interpolate", (args, rt) -> args.isEmpty() || args.size() > 5
            || !Interpolation.supports(args.get(0).type().type()) ? null : passThrough(args.get(0), rt));
    }

    private static Expr passThrough(Expr value, ColumnType rt) {
        return rt == null || rt.type() == SqlType.UNKNOWN || value.type().equals(rt) ? value : Functions.cast(value, rt);
    }

    private static Expr bindBucket(List<Expr> args, ColumnType rt) {
        GapfillArguments a = GapfillArguments.of(args.stream().map(e -> e.type().type()).toList());
        if (a == null) {
            return null;
        }
        List<Expr> bucketArgs = new ArrayList<>(List.of(args.get(a.width()), args.get(a.ts())));
        if (a.timezone() >= 0) {
            bucketArgs.add(args.get(a.timezone()));
        }
        if (a.origin() >= 0 && !isNull(args.get(a.origin()))) {
            bucketArgs.add(args.get(a.origin()));
        }
        return Functions.call("time_bucket", bucketArgs, rt);
    }

    static boolean isNull(Expr e) {
        return e instanceof Literal lit && lit.value() == null;
    }
}
