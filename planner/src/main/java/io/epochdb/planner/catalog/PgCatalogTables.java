package io.epochdb.planner.catalog;

import static io.epochdb.planner.catalog.TableSpec.row;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.RoleDef;
import io.epochdb.storage.catalog.SchemaDef;
import io.epochdb.storage.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pg_catalog tables built from the storage catalog: namespaces, relations, columns, types, indexes ... */
final class PgCatalogTables {
    private PgCatalogTables() {
    }

    static final String PG = "pg_catalog";

    /** Descriptions PostgreSQL ships for built-in objects (extensions, schemas), by OID. */
    static final java.util.Map<Integer, String> BUILT_IN_DESCRIPTIONS = java.util.Map.of(
        13500, "PL/pgSQL procedural language",
        13600, "Enables scalable inserts and complex queries for time-series data (Community Edition)",
        Oids.PG_CATALOG, "system catalog schema",
        Oids.PUBLIC, "standard public schema");

    static TableSpec t(String name) {
        return new TableSpec(PG, name);
    }

    static void register(SystemCatalog sys) {
        sys.add(t("pg_namespace").col("oid", SqlType.OID).col("nspname", SqlType.NAME).col("nspowner", SqlType.OID)
            .col("nspacl", SqlType.TEXT_ARRAY), false, s -> {
                Catalog c = s.context().storage().catalog();
                List<List<Object>> out = new ArrayList<>();
                for (SchemaDef d : c.schemas()) {
                    out.add(row(d.oid(), d.name(), Relations.roleOid(c, d.owner()), null));
                }
                out.addAll(TimescaleInformationTables.namespaceRows(c));
                return out;
            });
        sys.add(pgClassSpec(), false, s -> pgClassRows(s, sys));
        sys.add(pgAttributeSpec(), false, s -> pgAttributeRows(s, sys));
        sys.add(PgTypes.spec(), false, s -> PgTypes.rows());
        sys.add(t("pg_index").col("indexrelid", SqlType.OID).col("indrelid", SqlType.OID).col("indnatts", SqlType.INT2)
            .col("indnkeyatts", SqlType.INT2).col("indisunique", SqlType.BOOL).col("indnullsnotdistinct", SqlType.BOOL)
            .col("indisprimary", SqlType.BOOL).col("indisexclusion", SqlType.BOOL).col("indimmediate", SqlType.BOOL)
            .col("indisclustered", SqlType.BOOL).col("indisvalid", SqlType.BOOL).col("indcheckxmin", SqlType.BOOL)
            .col("indisready", SqlType.BOOL).col("indislive", SqlType.BOOL).col("indisreplident", SqlType.BOOL)
            .col("indkey", SqlType.INT2_ARRAY).col("indcollation", SqlType.OID_ARRAY).col("indclass", SqlType.OID_ARRAY)
            .col("indoption", SqlType.INT2_ARRAY).col("indexprs", SqlType.TEXT).col("indpred", SqlType.TEXT), false, s -> {
                Catalog c = s.context().storage().catalog();
                List<List<Object>> out = new ArrayList<>();
                for (IndexDef i : c.indexes()) {
                    Optional<TableDef> table = c.byOid(i.tableOid());
                    List<Object> keys = new ArrayList<>();
                    List<Object> zeros = new ArrayList<>();
                    for (String col : i.columns()) {
                        keys.add(table.flatMap(t -> t.column(col)).map(ColumnDef::attnum).orElse(0));
                        zeros.add(0);
                    }
                    out.add(row(i.oid(), i.tableOid(), keys.size(), keys.size(), i.unique(), false, i.primary(), false,
                        true, false, true, false, true, true, false, keys, zeros, zeros, zeros, null, null));
                }
                return out;
            });
        sys.add(t("pg_constraint").col("oid", SqlType.OID).col("conname", SqlType.NAME).col("connamespace", SqlType.OID)
            .col("contype", SqlType.TEXT).col("condeferrable", SqlType.BOOL).col("condeferred", SqlType.BOOL)
            .col("convalidated", SqlType.BOOL).col("conrelid", SqlType.OID).col("contypid", SqlType.OID)
            .col("conindid", SqlType.OID).col("conparentid", SqlType.OID).col("confrelid", SqlType.OID)
            .col("confupdtype", SqlType.TEXT).col("confdeltype", SqlType.TEXT).col("confmatchtype", SqlType.TEXT)
            .col("conislocal", SqlType.BOOL).col("coninhcount", SqlType.INT4).col("connoinherit", SqlType.BOOL)
            .col("conkey", SqlType.INT2_ARRAY).col("confkey", SqlType.INT2_ARRAY).col("conpfeqop", SqlType.OID_ARRAY)
            .col("conppeqop", SqlType.OID_ARRAY).col("conffeqop", SqlType.OID_ARRAY)
            .col("confdelsetcols", SqlType.INT2_ARRAY).col("conexclop", SqlType.OID_ARRAY).col("conbin", SqlType.TEXT),
            false, s -> {
                Catalog c = s.context().storage().catalog();
                List<List<Object>> out = new ArrayList<>();
                for (TableDef t : c.relations()) {
                    for (ConstraintDef k : t.constraints()) {
                        List<Object> keys = new ArrayList<>();
                        for (String col : k.columns()) {
                            keys.add(t.column(col).map(ColumnDef::attnum).orElse(0));
                        }
                        int index = c.lookupIndex(t.schema(), k.name()).map(IndexDef::oid).orElse(0);
                        out.add(row(k.oid(), k.name(), Relations.schemaOid(c, t.schema()), k.isPrimaryKey() ? "p" : "u",
                            false, false, true, t.oid(), 0, index, 0, 0, " ", " ", " ", true, 0, true, keys, null, null,
                            null, null, null, null, null));
                    }
                }
                return out;
            });
        sys.add(t("pg_attrdef").col("oid", SqlType.OID).col("adrelid", SqlType.OID).col("adnum", SqlType.INT2)
            .col("adbin", SqlType.TEXT), false, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (TableDef t : s.context().storage().catalog().relations()) {
                    for (ColumnDef col : t.columns()) {
                        if (col.defaultSql() != null) {
                            out.add(row(Oids.attrdef(t.oid(), col.attnum()), t.oid(), col.attnum(), col.defaultSql()));
                        }
                    }
                }
                return out;
            });
        sys.add(t("pg_description").col("objoid", SqlType.OID).col("classoid", SqlType.OID).col("objsubid", SqlType.INT4)
            .col("description", SqlType.TEXT), false, s -> descriptions(s));
        sys.add(t("pg_shdescription").col("objoid", SqlType.OID).col("classoid", SqlType.OID)
            .col("description", SqlType.TEXT), false, s -> {
                Catalog c = s.context().storage().catalog();
                List<List<Object>> out = new ArrayList<>();
                for (RoleDef r : c.roles()) {
                    c.comment(r.oid(), 0).ifPresent(d -> out.add(row(r.oid(), Oids.PG_AUTHID, d)));
                }
                return out;
            });
        sys.add(t("pg_am").col("oid", SqlType.OID).col("amname", SqlType.NAME).col("amhandler", SqlType.REGPROC)
            .col("amtype", SqlType.TEXT), false, s -> List.of(
                row(2, "heap", PgTypes.PROCS.get("heap_tableam_handler"), "t"),
                row(403, "btree", PgTypes.PROCS.get("bthandler"), "i"),
                row(405, "hash", PgTypes.PROCS.get("hashhandler"), "i"),
                row(783, "gist", PgTypes.PROCS.get("gisthandler"), "i"),
                row(2742, "gin", PgTypes.PROCS.get("ginhandler"), "i"),
                row(4000, "spgist", PgTypes.PROCS.get("spghandler"), "i"),
                row(3580, "brin", PgTypes.PROCS.get("brinhandler"), "i")));
        sys.add(t("pg_tablespace").col("oid", SqlType.OID).col("spcname", SqlType.NAME).col("spcowner", SqlType.OID)
            .col("spcacl", SqlType.TEXT_ARRAY).col("spcoptions", SqlType.TEXT_ARRAY), false, s -> List.of(
                row(Oids.DEFAULT_TABLESPACE, "pg_default", Oids.BOOTSTRAP_SUPERUSER, null, null),
                row(Oids.GLOBAL_TABLESPACE, "pg_global", Oids.BOOTSTRAP_SUPERUSER, null, null)));
        sys.add(t("pg_database").col("oid", SqlType.OID).col("datname", SqlType.NAME).col("datdba", SqlType.OID)
            .col("encoding", SqlType.INT4).col("datlocprovider", SqlType.TEXT).col("datistemplate", SqlType.BOOL)
            .col("datallowconn", SqlType.BOOL).col("datconnlimit", SqlType.INT4).col("datfrozenxid", SqlType.INT8)
            .col("datminmxid", SqlType.INT8).col("dattablespace", SqlType.OID).col("datcollate", SqlType.TEXT)
            .col("datctype", SqlType.TEXT).col("daticulocale", SqlType.TEXT).col("datcollversion", SqlType.TEXT)
            .col("datacl", SqlType.TEXT_ARRAY), false, s -> {
                List<List<Object>> out = new ArrayList<>();
                List<String> names = new ArrayList<>(List.of("postgres", "template0", "template1"));
                if (!names.contains(s.context().currentDatabase())) {
                    names.add(0, s.context().currentDatabase());
                }
                for (String n : names) {
                    boolean template = n.startsWith("template");
                    List<String> acl = template ? List.of("=c/postgres", "postgres=CTc/postgres") : null;
                    out.add(row(Oids.database(n), n, Oids.BOOTSTRAP_SUPERUSER, 6, "c", template, !n.equals("template0"),
                        -1, 716, 1, Oids.DEFAULT_TABLESPACE, "C.UTF-8", "C.UTF-8", null, null, acl));
                }
                return out;
            });
        sys.add(t("pg_authid").col("oid", SqlType.OID).col("rolname", SqlType.NAME).col("rolsuper", SqlType.BOOL)
            .col("rolinherit", SqlType.BOOL).col("rolcreaterole", SqlType.BOOL).col("rolcreatedb", SqlType.BOOL)
            .col("rolcanlogin", SqlType.BOOL).col("rolreplication", SqlType.BOOL).col("rolbypassrls", SqlType.BOOL)
            .col("rolconnlimit", SqlType.INT4).col("rolpassword", SqlType.TEXT).col("rolvaliduntil", SqlType.TIMESTAMPTZ),
            false, s -> {
                List<List<Object>> out = new ArrayList<>();
                for (RoleDef r : s.context().storage().catalog().roles()) {
                    out.add(row(r.oid(), r.name(), r.superuser(), true, r.superuser(), r.superuser(), r.login(),
                        r.superuser(), r.superuser(), -1, r.passwordVerifier(), null));
                }
                return out;
            });
        sys.empty(t("pg_auth_members").col("oid", SqlType.OID).col("roleid", SqlType.OID).col("member", SqlType.OID)
            .col("grantor", SqlType.OID).col("admin_option", SqlType.BOOL));
        sys.add(t("pg_extension").col("oid", SqlType.OID).col("extname", SqlType.NAME).col("extowner", SqlType.OID)
            .col("extnamespace", SqlType.OID).col("extrelocatable", SqlType.BOOL).col("extversion", SqlType.TEXT)
            .col("extconfig", SqlType.OID_ARRAY).col("extcondition", SqlType.TEXT_ARRAY), false, s -> List.of(
                row(13500, "plpgsql", Oids.BOOTSTRAP_SUPERUSER, Oids.PG_CATALOG, false, "1.0", null, null),
                row(13600, "timescaledb", Oids.BOOTSTRAP_SUPERUSER, Oids.PUBLIC, false, "2.28.3", null, null)));
        sys.add(t("pg_language").col("oid", SqlType.OID).col("lanname", SqlType.NAME).col("lanowner", SqlType.OID)
            .col("lanispl", SqlType.BOOL).col("lanpltrusted", SqlType.BOOL).col("lanplcallfoid", SqlType.OID)
            .col("laninline", SqlType.OID).col("lanvalidator", SqlType.OID).col("lanacl", SqlType.TEXT_ARRAY), false,
            s -> List.of(row(Oids.INTERNAL_LANGUAGE, "internal", 10, false, false, 0, 0, 0, null),
                row(13, "c", 10, false, false, 0, 0, 0, null),
                row(Oids.SQL_LANGUAGE, "sql", 10, false, true, 0, 0, 0, null),
                row(13499, "plpgsql", 10, true, true, 0, 0, 0, null)));
        sys.add(t("pg_collation").col("oid", SqlType.OID).col("collname", SqlType.NAME).col("collnamespace", SqlType.OID)
            .col("collowner", SqlType.OID).col("collprovider", SqlType.TEXT).col("collisdeterministic", SqlType.BOOL)
            .col("collencoding", SqlType.INT4).col("collcollate", SqlType.TEXT).col("collctype", SqlType.TEXT)
            .col("colliculocale", SqlType.TEXT).col("collversion", SqlType.TEXT), false, s -> List.of(
                row(Oids.DEFAULT_COLLATION, "default", Oids.PG_CATALOG, 10, "d", true, -1, null, null, null, null),
                row(Oids.C_COLLATION, "C", Oids.PG_CATALOG, 10, "c", true, -1, "C", "C", null, null),
                row(951, "POSIX", Oids.PG_CATALOG, 10, "c", true, -1, "POSIX", "POSIX", null, null)));
        sys.add(PgProcs.spec(), false, s -> PgProcs.rows());
        registerEmpty(sys);
    }

    /** Catalogs of features EpochDB does not have: always empty, but queryable. */
    private static void registerEmpty(SystemCatalog sys) {
        sys.empty(t("pg_inherits").col("inhrelid", SqlType.OID).col("inhparent", SqlType.OID).col("inhseqno", SqlType.INT4)
            .col("inhdetachpending", SqlType.BOOL));
        sys.empty(t("pg_trigger").col("oid", SqlType.OID).col("tgrelid", SqlType.OID).col("tgparentid", SqlType.OID)
            .col("tgname", SqlType.NAME).col("tgfoid", SqlType.OID).col("tgtype", SqlType.INT2).col("tgenabled", SqlType.TEXT)
            .col("tgisinternal", SqlType.BOOL).col("tgconstrrelid", SqlType.OID).col("tgconstrindid", SqlType.OID)
            .col("tgconstraint", SqlType.OID).col("tgdeferrable", SqlType.BOOL).col("tginitdeferred", SqlType.BOOL)
            .col("tgnargs", SqlType.INT2).col("tgattr", SqlType.INT2_ARRAY).col("tgargs", SqlType.BYTEA)
            .col("tgqual", SqlType.TEXT).col("tgoldtable", SqlType.NAME).col("tgnewtable", SqlType.NAME));
        sys.empty(t("pg_rewrite").col("oid", SqlType.OID).col("rulename", SqlType.NAME).col("ev_class", SqlType.OID)
            .col("ev_type", SqlType.TEXT).col("ev_enabled", SqlType.TEXT).col("is_instead", SqlType.BOOL)
            .col("ev_qual", SqlType.TEXT).col("ev_action", SqlType.TEXT));
        sys.empty(t("pg_policy").col("oid", SqlType.OID).col("polname", SqlType.NAME).col("polrelid", SqlType.OID)
            .col("polcmd", SqlType.TEXT).col("polpermissive", SqlType.BOOL).col("polroles", SqlType.OID_ARRAY)
            .col("polqual", SqlType.TEXT).col("polwithcheck", SqlType.TEXT));
        sys.empty(t("pg_statistic_ext").col("oid", SqlType.OID).col("stxrelid", SqlType.OID).col("stxname", SqlType.NAME)
            .col("stxnamespace", SqlType.OID).col("stxowner", SqlType.OID).col("stxstattarget", SqlType.INT4)
            .col("stxkeys", SqlType.INT2_ARRAY).col("stxkind", SqlType.TEXT_ARRAY).col("stxexprs", SqlType.TEXT));
        sys.empty(t("pg_publication").col("oid", SqlType.OID).col("pubname", SqlType.NAME).col("pubowner", SqlType.OID)
            .col("puballtables", SqlType.BOOL).col("pubinsert", SqlType.BOOL).col("pubupdate", SqlType.BOOL)
            .col("pubdelete", SqlType.BOOL).col("pubtruncate", SqlType.BOOL).col("pubviaroot", SqlType.BOOL));
        sys.empty(t("pg_publication_rel").col("oid", SqlType.OID).col("prpubid", SqlType.OID).col("prrelid", SqlType.OID)
            .col("prqual", SqlType.TEXT).col("prattrs", SqlType.INT2_ARRAY));
        sys.empty(t("pg_publication_namespace").col("oid", SqlType.OID).col("pnpubid", SqlType.OID)
            .col("pnnspid", SqlType.OID));
        sys.empty(t("pg_depend").col("classid", SqlType.OID).col("objid", SqlType.OID).col("objsubid", SqlType.INT4)
            .col("refclassid", SqlType.OID).col("refobjid", SqlType.OID).col("refobjsubid", SqlType.INT4)
            .col("deptype", SqlType.TEXT));
        sys.empty(t("pg_sequence").col("seqrelid", SqlType.OID).col("seqtypid", SqlType.OID).col("seqstart", SqlType.INT8)
            .col("seqincrement", SqlType.INT8).col("seqmax", SqlType.INT8).col("seqmin", SqlType.INT8)
            .col("seqcache", SqlType.INT8).col("seqcycle", SqlType.BOOL));
        sys.empty(t("pg_event_trigger").col("oid", SqlType.OID).col("evtname", SqlType.NAME).col("evtevent", SqlType.NAME)
            .col("evtowner", SqlType.OID).col("evtfoid", SqlType.OID).col("evtenabled", SqlType.TEXT)
            .col("evttags", SqlType.TEXT_ARRAY));
        sys.empty(t("pg_foreign_table").col("ftrelid", SqlType.OID).col("ftserver", SqlType.OID)
            .col("ftoptions", SqlType.TEXT_ARRAY));
        sys.empty(t("pg_partitioned_table").col("partrelid", SqlType.OID).col("partstrat", SqlType.TEXT)
            .col("partnatts", SqlType.INT2).col("partdefid", SqlType.OID).col("partattrs", SqlType.INT2_ARRAY));
        sys.empty(t("pg_enum").col("oid", SqlType.OID).col("enumtypid", SqlType.OID).col("enumsortorder", SqlType.FLOAT4)
            .col("enumlabel", SqlType.NAME));
        sys.empty(t("pg_range").col("rngtypid", SqlType.OID).col("rngsubtype", SqlType.OID)
            .col("rngmultitypid", SqlType.OID));
        sys.empty(t("pg_default_acl").col("oid", SqlType.OID).col("defaclrole", SqlType.OID)
            .col("defaclnamespace", SqlType.OID).col("defaclobjtype", SqlType.TEXT).col("defaclacl", SqlType.TEXT_ARRAY));
        sys.empty(t("pg_db_role_setting").col("setdatabase", SqlType.OID).col("setrole", SqlType.OID)
            .col("setconfig", SqlType.TEXT_ARRAY));
        sys.empty(t("pg_foreign_server").col("oid", SqlType.OID).col("srvname", SqlType.NAME).col("srvowner", SqlType.OID)
            .col("srvfdw", SqlType.OID).col("srvtype", SqlType.TEXT).col("srvversion", SqlType.TEXT)
            .col("srvacl", SqlType.TEXT_ARRAY).col("srvoptions", SqlType.TEXT_ARRAY));
        sys.empty(t("pg_foreign_data_wrapper").col("oid", SqlType.OID).col("fdwname", SqlType.NAME)
            .col("fdwowner", SqlType.OID).col("fdwhandler", SqlType.OID).col("fdwvalidator", SqlType.OID)
            .col("fdwacl", SqlType.TEXT_ARRAY).col("fdwoptions", SqlType.TEXT_ARRAY));
    }

    // --- pg_class ------------------------------------------------------------------------------------------------

    private static TableSpec pgClassSpec() {
        return t("pg_class").col("oid", SqlType.OID).col("relname", SqlType.NAME).col("relnamespace", SqlType.OID)
            .col("reltype", SqlType.OID).col("reloftype", SqlType.OID).col("relowner", SqlType.OID)
            .col("relam", SqlType.OID).col("relfilenode", SqlType.OID).col("reltablespace", SqlType.OID)
            .col("relpages", SqlType.INT4).col("reltuples", SqlType.FLOAT4).col("relallvisible", SqlType.INT4)
            .col("reltoastrelid", SqlType.OID).col("relhasindex", SqlType.BOOL).col("relisshared", SqlType.BOOL)
            .col("relpersistence", SqlType.TEXT).col("relkind", SqlType.TEXT).col("relnatts", SqlType.INT2)
            .col("relchecks", SqlType.INT2).col("relhasrules", SqlType.BOOL).col("relhastriggers", SqlType.BOOL)
            .col("relhassubclass", SqlType.BOOL).col("relrowsecurity", SqlType.BOOL)
            .col("relforcerowsecurity", SqlType.BOOL).col("relispopulated", SqlType.BOOL)
            .col("relreplident", SqlType.TEXT).col("relispartition", SqlType.BOOL).col("relrewrite", SqlType.OID)
            .col("relfrozenxid", SqlType.INT8).col("relminmxid", SqlType.INT8).col("relacl", SqlType.TEXT_ARRAY)
            .col("reloptions", SqlType.TEXT_ARRAY).col("relpartbound", SqlType.TEXT);
    }

    private static List<Object> classRow(int oid, String name, int namespace, int owner, int am, long pages,
                                         double tuples, boolean hasIndex, String kind, int natts) {
        return row(oid, name, namespace, 0, 0, owner, am, kind.equals("v") ? 0 : oid,
            0, pages, tuples, 0, 0, hasIndex, false, "p", kind, natts, 0, false, false, false, false, false, true,
            kind.equals("i") ? "n" : "d", false, 0, kind.equals("r") ? 716 : 0, kind.equals("r") ? 1 : 0, null, null,
            null);
    }

    private static List<List<Object>> pgClassRows(CatalogSession s, SystemCatalog sys) {
        Catalog c = s.context().storage().catalog();
        List<List<Object>> out = new ArrayList<>();
        for (TableDef t : c.relations()) {
            int ns = Relations.schemaOid(c, t.schema());
            int owner = Relations.roleOid(c, t.owner());
            if (t.isView()) {
                out.add(classRow(t.oid(), t.name(), ns, owner, 0, 0, -1, false, "v", t.columns().size()));
                continue;
            }
            long rows = 0;
            long bytes = 0;
            try {
                io.epochdb.storage.table.Table data = s.context().storage().table(t.oid());
                rows = data.approximateRowCount();
                bytes = data.sizeBytes();
            } catch (RuntimeException ignored) {
                // dropped concurrently: show it empty
            }
            boolean hasIndex = !c.indexes(t.oid()).isEmpty();
            out.add(classRow(t.oid(), t.name(), ns, owner, 2, (bytes + 8191) / 8192, rows, hasIndex, "r",
                t.columns().size()));
            for (IndexDef i : c.indexes(t.oid())) {
                out.add(classRow(i.oid(), i.name(), Relations.schemaOid(c, i.schema()), owner,
                    Oids.accessMethod(i.method()), 1, rows, false, "i", i.columns().size()));
            }
        }
        for (SystemCatalog.Entry e : sys.entries()) {
            int ns = Relations.schemaOid(c, e.schema());
            out.add(classRow(e.oid(), e.name(), ns, Oids.BOOTSTRAP_SUPERUSER, e.view() ? 0 : 2, 1, e.view() ? -1 : 0,
                false, e.view() ? "v" : "r", e.columns().size()));
        }
        return out;
    }

    // --- pg_attribute --------------------------------------------------------------------------------------------

    private static TableSpec pgAttributeSpec() {
        return t("pg_attribute").col("attrelid", SqlType.OID).col("attname", SqlType.NAME).col("atttypid", SqlType.OID)
            .col("attstattarget", SqlType.INT4).col("attlen", SqlType.INT2).col("attnum", SqlType.INT2)
            .col("attndims", SqlType.INT4).col("attcacheoff", SqlType.INT4).col("atttypmod", SqlType.INT4)
            .col("attbyval", SqlType.BOOL).col("attalign", SqlType.TEXT).col("attstorage", SqlType.TEXT)
            .col("attcompression", SqlType.TEXT).col("attnotnull", SqlType.BOOL).col("atthasdef", SqlType.BOOL)
            .col("atthasmissing", SqlType.BOOL).col("attidentity", SqlType.TEXT).col("attgenerated", SqlType.TEXT)
            .col("attisdropped", SqlType.BOOL).col("attislocal", SqlType.BOOL).col("attinhcount", SqlType.INT4)
            .col("attcollation", SqlType.OID).col("attacl", SqlType.TEXT_ARRAY).col("attoptions", SqlType.TEXT_ARRAY)
            .col("attfdwoptions", SqlType.TEXT_ARRAY).col("attmissingval", SqlType.TEXT);
    }

    private static List<Object> attRow(int rel, String name, ColumnType type, int attnum, boolean notNull, boolean hasDef) {
        SqlType t = type.type();
        int len = t.typlen();
        boolean byval = len == 1 || len == 2 || len == 4 || len == 8 && t != SqlType.INTERVAL;
        int collation = t.isText() && t != SqlType.NAME ? Oids.DEFAULT_COLLATION : t == SqlType.NAME ? Oids.C_COLLATION : 0;
        return row(rel, name, t.oid(), -1, len, attnum, t.isArray() ? 1 : 0, -1, type.typmod(), byval,
            len == 2 ? "s" : len == 8 ? "d" : len == 1 ? "c" : "i", len == -1 ? "x" : "p", "", notNull, hasDef, false,
            "", "", false, true, 0, collation, null, null, null, null);
    }

    private static List<List<Object>> pgAttributeRows(CatalogSession s, SystemCatalog sys) {
        Catalog c = s.context().storage().catalog();
        List<List<Object>> out = new ArrayList<>();
        for (TableDef t : c.relations()) {
            for (ColumnDef col : t.columns()) {
                out.add(attRow(t.oid(), col.name(), col.type(), col.attnum(), col.notNull(), col.defaultSql() != null));
            }
            for (IndexDef i : c.indexes(t.oid())) {
                int n = 1;
                for (String name : i.columns()) {
                    ColumnType type = t.column(name).map(ColumnDef::type).orElse(ColumnType.of(SqlType.TEXT));
                    out.add(attRow(i.oid(), name, type, n++, false, false));
                }
            }
        }
        for (SystemCatalog.Entry e : sys.entries()) {
            RowType rt = e.columns();
            for (int i = 0; i < rt.size(); i++) {
                out.add(attRow(e.oid(), rt.field(i).name(), rt.type(i), i + 1, false, false));
            }
        }
        return out;
    }

    // --- pg_description ------------------------------------------------------------------------------------------

    private static List<List<Object>> descriptions(CatalogSession s) {
        Catalog c = s.context().storage().catalog();
        List<List<Object>> out = new ArrayList<>();
        for (TableDef t : c.relations()) {
            c.comment(t.oid(), 0).ifPresent(d -> out.add(row(t.oid(), Oids.PG_CLASS, 0, d)));
            for (ColumnDef col : t.columns()) {
                c.comment(t.oid(), col.attnum()).ifPresent(d -> out.add(row(t.oid(), Oids.PG_CLASS, col.attnum(), d)));
            }
            for (ConstraintDef k : t.constraints()) {
                c.comment(k.oid(), 0).ifPresent(d -> out.add(row(k.oid(), Oids.PG_CONSTRAINT, 0, d)));
            }
        }
        for (IndexDef i : c.indexes()) {
            c.comment(i.oid(), 0).ifPresent(d -> out.add(row(i.oid(), Oids.PG_CLASS, 0, d)));
        }
        for (SchemaDef n : c.schemas()) {
            String d = c.comment(n.oid(), 0).orElse(BUILT_IN_DESCRIPTIONS.get(n.oid()));
            if (d != null) {
                out.add(row(n.oid(), Oids.PG_NAMESPACE, 0, d));
            }
        }
        out.add(row(13500, 3079, 0, BUILT_IN_DESCRIPTIONS.get(13500)));
        out.add(row(13600, 3079, 0, BUILT_IN_DESCRIPTIONS.get(13600)));
        return out;
    }
}
