package io.epochdb.planner;

import io.epochdb.common.types.ColumnType;

/**
 * One column of a result, as RowDescription describes it: the PostgreSQL-style name ({@code avg},
 * {@code ?column?}), the type, and for plain table columns the table OID and 1-based attribute number (else 0).
 */
public record ResultColumn(String name, ColumnType type, int tableOid, int attributeNumber) {
    public static ResultColumn of(String name, ColumnType type) {
        return new ResultColumn(name, type, 0, 0);
    }
}
