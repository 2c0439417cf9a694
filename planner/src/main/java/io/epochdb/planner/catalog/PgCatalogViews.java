package io.epochdb.planner.catalog;

import static io.epochdb.planner.catalog.PgCatalogTables.t;
import static io.epochdb.planner.catalog.TableSpec.row;

import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.RoleDef;
import io.epochdb.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pg_catalog views (pg_roles, pg_settings, pg_tables, pg_indexes ...), built directly as virtual tables. */
final class PgCatalogViews {
    private PgCatalogViews() {
    }

    static void register(SystemCatalog sys) {
        sys.add(t("pg_roles").col("rolname", SqlType.NAME).col("rolsuper", SqlType.BOOL).col("rolinherit", SqlType.BOOL)
            .col("rolcreaterole", SqlType.BOOL).col("rolcreatedb", SqlType.BOOL).col("rolcanlogin", SqlType.BOOL)
            .col("rolreplication", SqlType.BOOL).col("rolconnlimit", SqlType.INT4).col("rolpassword", SqlType.TEXT)
            .col("rolvaliduntil", SqlType.TIMESTAMPTZ).col("rolbypassrls", SqlType.BOOL)
            .col("rolconfig", SqlType.TEXT_ARRAY).col("oid", SqlType.OID), true, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (RoleDef r : s.context().storage().catalog().roles()) {
                    out.add(row(r.name(), r.superuser(), true, r.superuser(), r.superuser(), r.login(), r.superuser(), -1,
                        "********", null, r.superuser(), null, r.oid()));
                }
                return out;
            });
        sys.add(t("pg_user").col("usename", SqlType.NAME).col("usesysid", SqlType.OID).col("usecreatedb", SqlType.BOOL)
            .col("usesuper", SqlType.BOOL).col("userepl", SqlType.BOOL).col("usebypassrls", SqlType.BOOL)
            .col("passwd", SqlType.TEXT).col("valuntil", SqlType.TIMESTAMPTZ).col("useconfig", SqlType.TEXT_ARRAY), true,
            s -> {
                List<List<Object>> out = new ArrayList<>();
                for (RoleDef r : s.context().storage().catalog().roles()) {
                    if (r.login()) {
                        out.add(row(r.name(), r.oid(), r.superuser(), r.superuser(), r.superuser(), r.superuser(),
                            "********", null, null));
                    }
                }
                return out;
            });
        sys.add(t("pg_settings").col("name", SqlType.TEXT).col("setting", SqlType.TEXT).col("unit", SqlType.TEXT)
            .col("category", SqlType.TEXT).col("short_desc", SqlType.TEXT).col("extra_desc", SqlType.TEXT)
            .col("context", SqlType.TEXT).col("vartype", SqlType.TEXT).col("source", SqlType.TEXT)
            .col("min_val", SqlType.TEXT).col("max_val", SqlType.TEXT).col("enumvals", SqlType.TEXT_ARRAY)
            .col("boot_val", SqlType.TEXT).col("reset_val", SqlType.TEXT).col("sourcefile", SqlType.TEXT)
            .col("sourceline", SqlType.INT4).col("pending_restart", SqlType.BOOL), true, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (Map.Entry<String, String> e : s.settings().entrySet()) {
                    String v = e.getValue();
                    String type = v != null && (v.equals("on") || v.equals("off")) ? "bool"
                        : v != null && v.matches("-?\\d+") ? "integer" : "string";
                    out.add(row(e.getKey(), v, null, "Ungrouped", "", null, "user", type, "default", null, null, null,
                        v, v, null, null, false));
                }
                return out;
            });
        sys.add(t("pg_stat_activity").col("datid", SqlType.OID).col("datname", SqlType.NAME).col("pid", SqlType.INT4)
            .col("leader_pid", SqlType.INT4).col("usesysid", SqlType.OID).col("usename", SqlType.NAME)
            .col("application_name", SqlType.TEXT).col("client_addr", SqlType.TEXT).col("client_hostname", SqlType.TEXT)
            .col("client_port", SqlType.INT4).col("backend_start", SqlType.TIMESTAMPTZ)
            .col("xact_start", SqlType.TIMESTAMPTZ).col("query_start", SqlType.TIMESTAMPTZ)
            .col("state_change", SqlType.TIMESTAMPTZ).col("wait_event_type", SqlType.TEXT).col("wait_event", SqlType.TEXT)
            .col("state", SqlType.TEXT).col("backend_xid", SqlType.INT8).col("backend_xmin", SqlType.INT8)
            .col("query_id", SqlType.INT8).col("query", SqlType.TEXT).col("backend_type", SqlType.TEXT), true, s -> {
                Catalog c = s.context().storage().catalog();
                String db = s.context().currentDatabase();
                String user = s.context().currentUser();
                String app = s.settings().getOrDefault("application_name", "");
                return List.of(row(Oids.database(db), db, s.processId(), null, Relations.roleOid(c, user), user, app,
                    "127.0.0.1", null, -1, s.serverStartMicros(), null, null, null, null, null, "active", null, null,
                    null, "", "client backend"));
            });
        sys.empty(t("pg_locks").col("locktype", SqlType.TEXT).col("database", SqlType.OID).col("relation", SqlType.OID)
            .col("page", SqlType.INT4).col("tuple", SqlType.INT2).col("virtualxid", SqlType.TEXT)
            .col("transactionid", SqlType.INT8).col("classid", SqlType.OID).col("objid", SqlType.OID)
            .col("objsubid", SqlType.INT2).col("virtualtransaction", SqlType.TEXT).col("pid", SqlType.INT4)
            .col("mode", SqlType.TEXT).col("granted", SqlType.BOOL).col("fastpath", SqlType.BOOL)
            .col("waitstart", SqlType.TIMESTAMPTZ));
        sys.add(t("pg_tables").col("schemaname", SqlType.NAME).col("tablename", SqlType.NAME)
            .col("tableowner", SqlType.NAME).col("tablespace", SqlType.NAME).col("hasindexes", SqlType.BOOL)
            .col("hasrules", SqlType.BOOL).col("hastriggers", SqlType.BOOL).col("rowsecurity", SqlType.BOOL), true, s -> {
                Catalog c = s.context().storage().catalog();
                List<List<Object>> out = new ArrayList<>();
                for (TableDef td : c.relations()) {
                    if (!td.isView()) {
                        out.add(row(td.schema(), td.name(), td.owner(), null, !c.indexes(td.oid()).isEmpty(), false,
                            false, false));
                    }
                }
                for (SystemCatalog.Entry e : sys.entries()) {
                    if (!e.view()) {
                        out.add(row(e.schema(), e.name(), "postgres", null, false, false, false, false));
                    }
                }
                return out;
            });
        sys.add(t("pg_views").col("schemaname", SqlType.NAME).col("viewname", SqlType.NAME)
            .col("viewowner", SqlType.NAME).col("definition", SqlType.TEXT), true, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (TableDef td : s.context().storage().catalog().relations()) {
                    if (td.isView()) {
                        out.add(row(td.schema(), td.name(), td.owner(), Definitions.viewDefinition(td)));
                    }
                }
                for (SystemCatalog.Entry e : sys.entries()) {
                    if (e.view()) {
                        out.add(row(e.schema(), e.name(), "postgres", null));
                    }
                }
                return out;
            });
        sys.add(t("pg_indexes").col("schemaname", SqlType.NAME).col("tablename", SqlType.NAME)
            .col("indexname", SqlType.NAME).col("tablespace", SqlType.NAME).col("indexdef", SqlType.TEXT), true, s -> {
                Catalog c = s.context().storage().catalog();
                List<List<Object>> out = new ArrayList<>();
                for (IndexDef i : c.indexes()) {
                    c.byOid(i.tableOid()).ifPresent(td -> out.add(row(i.schema(), td.name(), i.name(), null,
                        Definitions.indexDefinition(c, i))));
                }
                return out;
            });
        sys.empty(t("pg_matviews").col("schemaname", SqlType.NAME).col("matviewname", SqlType.NAME)
            .col("matviewowner", SqlType.NAME).col("tablespace", SqlType.NAME).col("hasindexes", SqlType.BOOL)
            .col("ispopulated", SqlType.BOOL).col("definition", SqlType.TEXT));
        sys.empty(t("pg_sequences").col("schemaname", SqlType.NAME).col("sequencename", SqlType.NAME)
            .col("sequenceowner", SqlType.NAME).col("data_type", SqlType.REGTYPE).col("start_value", SqlType.INT8)
            .col("min_value", SqlType.INT8).col("max_value", SqlType.INT8).col("increment_by", SqlType.INT8)
            .col("cycle", SqlType.BOOL).col("cache_size", SqlType.INT8).col("last_value", SqlType.INT8));
        sys.add(t("pg_stat_user_tables").col("relid", SqlType.OID).col("schemaname", SqlType.NAME)
            .col("relname", SqlType.NAME).col("seq_scan", SqlType.INT8).col("n_live_tup", SqlType.INT8)
            .col("n_dead_tup", SqlType.INT8), true, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (TableDef td : s.context().storage().catalog().relations()) {
                    if (!td.isView()) {
                        long rows = 0;
                        try {
                            rows = s.context().storage().table(td.oid()).approximateRowCount();
                        } catch (RuntimeException ignored) {
                            // dropped concurrently
                        }
                        out.add(row(td.oid(), td.schema(), td.name(), 0, rows, 0));
                    }
                }
                return out;
            });
    }
}
