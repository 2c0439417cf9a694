package io.epochdb.planner.catalog;

import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.TableDef;
import java.util.StringJoiner;

/** The SQL text pg_get_indexdef, pg_get_constraintdef and pg_get_viewdef print. */
final class Definitions {
    private Definitions() {
    }

    static String indexDefinition(Catalog c, IndexDef i) {
        String table = c.byOid(i.tableOid()).map(t -> Identifiers.quote(t.schema()) + "." + Identifiers.quote(t.name()))
            .orElse("?");
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + Identifiers.quote(i.name()) + " ON " + table
            + " USING " + i.method() + " (" + columnList(i.columns()) + ")";
    }

    static String constraintDefinition(ConstraintDef k) {
        return (k.isPrimaryKey() ? "PRIMARY KEY" : "UNIQUE") + " (" + columnList(k.columns()) + ")";
    }

    static String viewDefinition(TableDef view) {
        String sql = view.viewSql() == null ? "" : view.viewSql().trim();
        return " " + sql + (sql.endsWith(";") ? "" : ";");
    }

    static String columnList(java.util.List<String> columns) {
        StringJoiner j = new StringJoiner(", ");
        for (String col : columns) {
            j.add(Identifiers.quote(col));
        }
        return j.toString();
    }
}
