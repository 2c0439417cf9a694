package io.epochdb.planner.timescale;

import java.util.Objects;

/**
 * A statement that is one call of a hypertable function.
 *
 * @param call the call
 * @param fromClause true for {@code SELECT * FROM fn(...)} (one column per result field), false for
 *     {@code SELECT fn(...)} (one column named after the function, or the alias; records print as a row value)
 * @param alias the column alias ({@code SELECT fn(...) AS x}) or table alias ({@code FROM fn(...) AS x}), or null
 */
public record CallStatement(FunctionCall call, boolean fromClause, String alias) {
    public CallStatement {
        Objects.requireNonNull(call, "call");
    }
}
