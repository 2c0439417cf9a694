package io.epochdb.exec.agg;

import io.epochdb.common.types.ColumnType;
import io.epochdb.exec.operator.SortKey;
import java.util.List;
import java.util.Objects;

/**
 * One aggregate call: function name (lower case), argument columns of the aggregate's input, DISTINCT, FILTER
 * column (-1 none; else a BOOL input column: a row counts only when it is TRUE), ORDER BY inside the call or WITHIN
 * GROUP (empty if none), and the PostgreSQL result type.
 */
public record AggCall(String function, int[] args, boolean distinct, int filterArg, List<SortKey> ordering,
                      ColumnType resultType) {
    public AggCall {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(resultType, "resultType");
        args = args == null ? new int[0] : args.clone();
        ordering = List.copyOf(ordering == null ? List.of() : ordering);
    }
}
