package io.epochdb.bench.query;

import static java.util.Objects.requireNonNull;

/** One generated query: its TSBS query type (e.g. {@code single-groupby-1-1-1}) and the SQL text sent to both systems. */
record TsbsQuery(String type, String sql) {
    TsbsQuery {
        requireNonNull(type, "type");
        requireNonNull(sql, "sql");
    }
}
