package io.epochdb.exec.gapfill;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Functions;
import java.util.List;
import java.util.Objects;

/**
 * Where the gapfill range starts or ends: an explicit time_bucket_gapfill argument, or else the WHERE conjuncts on
 * the bucketed column (the largest lower bound, the smallest upper bound). Evaluated when the query runs, so
 * parameters and {@code now()} work. Messages and SQLSTATEs follow TimescaleDB's gapfill node.
 *
 * @param name "start" or "finish"
 * @param explicit the argument (of the bucket's type), or null when it was absent or NULL
 * @param inferred WHERE bounds usable for this end of the range
 * @param notInferable thrown instead of inferring (the bucketed value is not a plain column), or null
 */
public record GapfillBoundary(String name, Expr explicit, List<GapfillBound> inferred, EpochException notInferable) {
    static final String HINT = "Specify start and finish as arguments or in the WHERE clause.";

    public GapfillBoundary {
        Objects.requireNonNull(name, "name");
        inferred = List.copyOf(inferred);
    }

    public boolean isStart() {
        return name.equals("start");
    }

    /** The bound in the bucket's internal units (see {@link GapfillGrid#toInternal}). */
    public long evaluate(ExecContext ctx, SqlType timeType) {
        if (explicit != null) {
            return internal(Functions.evaluateConstant(explicit, ctx), timeType);
        }
        if (notInferable != null) {
            throw notInferable;
        }
        if (inferred.isEmpty()) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
                "missing time_bucket_gapfill argument: could not infer " + name + " from WHERE clause").withHint(HINT);
        }
        long result = 0;
        boolean first = true;
        for (GapfillBound b : inferred) {
            long v = internal(Functions.evaluateConstant(b.value(), ctx), timeType);
            if (b.plusOne()) {
                v = Math.addExact(v, 1);
            }
            result = first ? v : isStart() ? Math.max(result, v) : Math.min(result, v);
            first = false;
        }
        return result;
    }

    private long internal(Object value, SqlType timeType) {
        if (value == null) {
            throw new EpochException(ErrorCode.INVALID_PARAMETER_VALUE,
                "invalid time_bucket_gapfill argument: " + name + " cannot be NULL").withHint(HINT);
        }
        return GapfillGrid.toInternal(value, timeType);
    }
}
