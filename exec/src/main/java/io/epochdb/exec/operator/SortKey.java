package io.epochdb.exec.operator;

/** One ORDER BY key: input column, direction and where NULLs go. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {
}
