package io.epochdb.planner.catalog;

import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.SchemaDef;
import io.epochdb.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every relation pg_class shows (tables, views, indexes, catalog tables) by name and OID, for lookups. */
final class Relations {
    private Relations() {
    }

    record Rel(int oid, String schema, String name, char kind) {
    }

    static List<Rel> all(CatalogSession s, SystemCatalog sys) {
        Catalog c = s.context().storage().catalog();
        List<Rel> out = new ArrayList<>();
        for (TableDef t : c.relations()) {
            out.add(new Rel(t.oid(), t.schema(), t.name(), t.isView() ? 'v' : 'r'));
        }
        for (IndexDef i : c.indexes()) {
            out.add(new Rel(i.oid(), i.schema(), i.name(), 'i'));
        }
        for (SystemCatalog.Entry e : sys.entries()) {
            out.add(new Rel(e.oid(), e.schema(), e.name(), e.view() ? 'v' : 'r'));
        }
        return out;
    }

    static Optional<Rel> byOid(CatalogSession s, SystemCatalog sys, int oid) {
        Catalog c = s.context().storage().catalog();
        Optional<TableDef> t = c.byOid(oid);
        if (t.isPresent()) {
            return Optional.of(new Rel(oid, t.get().schema(), t.get().name(), t.get().isView() ? 'v' : 'r'));
        }
        Optional<IndexDef> i = c.index(oid);
        if (i.isPresent()) {
            return Optional.of(new Rel(oid, i.get().schema(), i.get().name(), 'i'));
        }
        return sys.entry(oid).map(e -> new Rel(e.oid(), e.schema(), e.name(), e.view() ? 'v' : 'r'));
    }

    /** Resolves a possibly unqualified name the way PostgreSQL does: pg_catalog, then search_path. */
    static Optional<Rel> byName(CatalogSession s, SystemCatalog sys, String schema, String name) {
        List<Rel> all = all(s, sys);
        for (String sch : schema != null ? List.of(schema) : lookupPath(s)) {
            for (Rel r : all) {
                if (r.schema.equals(sch) && r.name.equals(name)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    static List<String> lookupPath(CatalogSession s) {
        List<String> path = new ArrayList<>();
        path.add("pg_catalog");
        for (String p : s.searchPath()) {
            if (!path.contains(p)) {
                path.add(p);
            }
        }
        return path;
    }

    /** Whether an unqualified reference to the relation's name finds this relation. */
    static boolean visible(CatalogSession s, SystemCatalog sys, Rel r) {
        Optional<Rel> found = byName(s, sys, null, r.name);
        return found.isPresent() && found.get().oid == r.oid;
    }

    static int schemaOid(Catalog c, String schema) {
        return c.schema(schema).map(SchemaDef::oid)
            .orElse(TimescaleInformationTables.EXTENSION_SCHEMAS.getOrDefault(schema, 0));
    }

    static int roleOid(Catalog c, String role) {
        return c.role(role).map(r -> r.oid()).orElse(Oids.BOOTSTRAP_SUPERUSER);
    }
}
