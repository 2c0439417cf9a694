package io.epochdb.exec.scan;

import io.epochdb.common.types.SqlType;
import java.util.List;
import java.util.Objects;

/**
 * One conjunct of a scan's pushed predicate, on one column: an OR of alternatives, each an AND of bounds. A plain
 * {@code col > x} is one alternative with one bound; {@code col IN (1, 5)} is two alternatives.
 *
 * @param column the column's 0-based position in the table definition
 * @param columnType INT2, INT4, INT8, DATE, TIMESTAMP or TIMESTAMPTZ
 * @param text how EXPLAIN shows the conjunct
 */
public record RangeTerm(int column, SqlType columnType, List<List<RangeBound>> alternatives, String text) {
    public RangeTerm {
        Objects.requireNonNull(columnType, "columnType");
        alternatives = alternatives.stream().map(List::copyOf).toList();
        Objects.requireNonNull(text, "text");
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a range term needs at least one alternative");
        }
    }

    /** Whether statistics of this column type are comparable with bounds computed here. */
    public static boolean supportsColumnType(SqlType t) {
        return switch (t) {
            case INT2, INT4, INT8, DATE, TIMESTAMP, TIMESTAMPTZ -> true;
            default -> false;
        };
    }
}
