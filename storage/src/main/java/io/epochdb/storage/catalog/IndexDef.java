package io.epochdb.storage.catalog;

import java.util.List;
import java.util.Objects;

/**
 * An index ({@code pg_class} relkind 'i' plus {@code pg_index}). Index names share the relation namespace of
 * their schema, as in PostgreSQL. A unique index is enforced like a unique constraint.
 *
 * @param method access method name as PostgreSQL shows it ({@code btree}, {@code hash}, ...)
 */
public record IndexDef(int oid, String schema, String name, int tableOid, List<String> columns, boolean unique,
                       boolean primary, String method) {
    public IndexDef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        Objects.requireNonNull(method, "method");
    }

    IndexDef withName(String newName) {
        return new IndexDef(oid, schema, newName, tableOid, columns, unique, primary, method);
    }

    IndexDef withColumns(List<String> newColumns) {
        return new IndexDef(oid, schema, name, tableOid, newColumns, unique, primary, method);
    }
}
