package io.epochdb.storage.catalog;

import io.epochdb.common.types.ColumnType;
import java.util.Objects;

/**
 * A table or view column ({@code pg_attribute} row).
 *
 * @param defaultSql the DEFAULT expression as SQL text, or null; the planner evaluates it, storage never does
 * @param attnum 1-based and stable: never reused after a column is dropped, so data stays keyed by it. Callers
 *     creating a table or adding a column may pass 0; the catalog assigns the number.
 */
public record ColumnDef(String name, ColumnType type, boolean notNull, String defaultSql, int attnum) {
    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    /** A nullable column without default; the catalog assigns its attnum. */
    public static ColumnDef of(String name, ColumnType type) {
        return new ColumnDef(name, type, false, null, 0);
    }

    public ColumnDef withName(String newName) {
        return new ColumnDef(newName, type, notNull, defaultSql, attnum);
    }

    public ColumnDef withNotNull(boolean newNotNull) {
        return new ColumnDef(name, type, newNotNull, defaultSql, attnum);
    }

    public ColumnDef withAttnum(int newAttnum) {
        return new ColumnDef(name, type, notNull, defaultSql, newAttnum);
    }

    public ColumnDef withDefaultSql(String newDefaultSql) {
        return new ColumnDef(name, type, notNull, newDefaultSql, attnum);
    }
}
