package io.epochdb.exec.scan;

import io.epochdb.exec.expr.Expr;
import java.util.Objects;

/**
 * One conjunct of a scan's pushed predicate on a float8 column: {@code column <op> value}, the value a float8
 * expression without column references evaluated once per execution. The table read then copies out only rows
 * that may satisfy it (NaN rows are always kept: PostgreSQL orders NaN above every number, the filter decides).
 *
 * @param column the column's 0-based position in the table definition
 * @param text how EXPLAIN shows the conjunct
 */
public record FloatTerm(int column, Comparison op, Expr value, String text) {
    public FloatTerm {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }
}
