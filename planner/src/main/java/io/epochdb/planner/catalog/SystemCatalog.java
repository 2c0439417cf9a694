package io.epochdb.planner.catalog;

import io.epochdb.exec.types.RowType;
import io.epochdb.planner.schema.SystemContext;
import io.epochdb.planner.schema.SystemTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apache.calcite.schema.Table;

/**
 * Every virtual table of pg_catalog and information_schema, with the relation OID each one shows in pg_class.
 * Built once; rows are computed per scan from the asking session.
 */
public final class SystemCatalog {
    /** One virtual table and how pg_class shows it. */
    record Entry(String schema, String name, int oid, boolean view, SystemTable table) {
        RowType columns() {
            return table.columns();
        }
    }

    private final Function<SystemContext, CatalogSession> adapt;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Map<String, Table>> schemas = new LinkedHashMap<>();
    private int nextPgCatalogOid = 12000;
    private int nextInfoSchemaOid = 13100;

    /** @param adapt gives the catalog's view of the session a system table is scanned for */
    public SystemCatalog(Function<SystemContext, CatalogSession> adapt) {
        this.adapt = Objects.requireNonNull(adapt, "adapt");
        schemas.put("pg_catalog", new HashMap<>());
        schemas.put("information_schema", new HashMap<>());
        PgCatalogTables.register(this);
        PgCatalogViews.register(this);
        InformationSchemaTables.register(this);
        TimescaleInformationTables.register(this);
    }

    /** Virtual tables by schema name and table name, for {@code RootSchemas.build}. */
    public Map<String, Map<String, Table>> schemas() {
        return schemas;
    }

    void add(TableSpec spec, boolean view, Function<CatalogSession, List<List<Object>>> rows) {
        SystemTable table = spec.rows(rows, adapt);
        Integer fixed = spec.schema.equals("pg_catalog") ? Oids.SYSTEM_RELATIONS.get(spec.name) : null;
        int oid = fixed != null ? fixed : spec.schema.equals("pg_catalog") ? nextPgCatalogOid++ : nextInfoSchemaOid++;
        entries.add(new Entry(spec.schema, spec.name, oid, view, table));
        schemas.computeIfAbsent(spec.schema, k -> new HashMap<>()).put(spec.name, table);
    }

    /** A table with no rows (features EpochDB does not have: triggers, policies, inheritance ...). */
    void empty(TableSpec spec) {
        add(spec, false, s -> List.of());
    }

    List<Entry> entries() {
        return entries;
    }

    Optional<Entry> entry(String schema, String name) {
        for (Entry e : entries) {
            if (e.schema.equals(schema) && e.name.equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    Optional<Entry> entry(int oid) {
        for (Entry e : entries) {
            if (e.oid == oid) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
