package io.epochdb.storage.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A table constraint ({@code pg_constraint} row) that storage enforces. Each one is backed by a unique
 * {@link IndexDef} of the same name.
 *
 * @param oid 0 when a caller describes a constraint to create; the catalog assigns it
 * @param name null when a caller lets the catalog choose PostgreSQL's name ({@code t_pkey}, {@code t_a_b_key})
 */
public record ConstraintDef(int oid, String name, Type type, List<String> columns) {
    public enum Type {
        PRIMARY_KEY,
        UNIQUE
    }

    public ConstraintDef {
        Objects.requireNonNull(type, "type");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    }

    public static ConstraintDef primaryKey(List<String> columns) {
        return new ConstraintDef(0, null, Type.PRIMARY_KEY, columns);
    }

    public static ConstraintDef unique(List<String> columns) {
        return new ConstraintDef(0, null, Type.UNIQUE, columns);
    }

    public boolean isPrimaryKey() {
        return type == Type.PRIMARY_KEY;
    }
}
