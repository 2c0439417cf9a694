package io.epochdb.exec.scan;

import io.epochdb.exec.expr.Expr;
import java.util.List;
import java.util.Objects;

/**
 * One conjunct of a scan's pushed predicate on a text column: {@code column = v1 OR column = v2 ...} (also
 * {@code IN}), each value without column references (literals, parameters), evaluated once per execution. Text
 * equality is byte equality (deterministic collations), so a part's dictionary can answer it.
 *
 * @param column the column's 0-based position in the table definition
 * @param text how EXPLAIN shows the conjunct
 */
public record TextTerm(int column, List<Expr> values, String text) {
    public TextTerm {
        values = List.copyOf(values);
        Objects.requireNonNull(text, "text");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a text term needs at least one value");
        }
    }
}
