package io.epochdb.storage.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table or view ({@code pg_class} row with its columns and constraints). Immutable: every ALTER produces a
 * new instance under the same oid.
 *
 * @param viewSql the view's defining query text (null for tables)
 */
public record TableDef(int oid, String schema, String name, Kind kind, List<ColumnDef> columns,
                       List<ConstraintDef> constraints, String viewSql, String owner) {
    public enum Kind {
        TABLE,
        VIEW
    }

    public TableDef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        constraints = List.copyOf(Objects.requireNonNull(constraints, "constraints"));
        Objects.requireNonNull(owner, "owner");
    }

    /** 0-based position of the column named exactly {@code columnName}, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<ColumnDef> column(String columnName) {
        int i = columnIndex(columnName);
        return i < 0 ? Optional.empty() : Optional.of(columns.get(i));
    }

    public Optional<ConstraintDef> primaryKey() {
        return constraints.stream().filter(ConstraintDef::isPrimaryKey).findFirst();
    }

    public Optional<ConstraintDef> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    public boolean isView() {
        return kind == Kind.VIEW;
    }

    /** {@code schema.name} as PostgreSQL prints a qualified relation name. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    TableDef withColumns(List<ColumnDef> newColumns) {
        return new TableDef(oid, schema, name, kind, newColumns, constraints, viewSql, owner);
    }

    TableDef withConstraints(List<ConstraintDef> newConstraints) {
        return new TableDef(oid, schema, name, kind, columns, newConstraints, viewSql, owner);
    }

    TableDef withName(String newName) {
        return new TableDef(oid, schema, newName, kind, columns, constraints, viewSql, owner);
    }
}
