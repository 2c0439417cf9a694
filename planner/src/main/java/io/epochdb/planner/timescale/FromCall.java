package io.epochdb.planner.timescale;

import java.util.List;
import java.util.Objects;

/**
 * A hypertable function used as a table inside a larger query ({@code SELECT count(*) FROM show_chunks('t')}).
 *
 * @param start index of the function's first token (its schema qualifier if any) in the statement
 * @param end index just past the call and its alias
 * @param alias the table alias, or null
 * @param columnAliases column aliases ({@code AS x(a, b)}), possibly empty
 */
public record FromCall(FunctionCall call, int start, int end, String alias, List<String> columnAliases) {
    public FromCall {
        Objects.requireNonNull(call, "call");
        columnAliases = List.copyOf(columnAliases);
    }
}
