package io.epochdb.exec.operator;

import io.epochdb.common.types.ColumnType;
import java.util.Objects;

/** One window function call: name (lower case), argument columns, DISTINCT flag, result type. */
public record WindowCall(String function, int[] args, boolean distinct, ColumnType resultType) {
    public WindowCall {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(resultType, "resultType");
        args = args == null ? new int[0] : args.clone();
    }
}
