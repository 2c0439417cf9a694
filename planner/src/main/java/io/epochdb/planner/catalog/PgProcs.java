package io.epochdb.planner.catalog;

import static io.epochdb.planner.catalog.TableSpec.row;

import io.epochdb.common.types.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * pg_proc: a representative set of the functions EpochDB implements (PostgreSQL's in pg_catalog, TimescaleDB's
 * in public as TimescaleDB installs them), enough for psql's \df and pgjdbc's getFunctions.
 */
final class PgProcs {
    private PgProcs() {
    }

    record Proc(int oid, String name, int namespace, String kind, SqlType result, List<SqlType> args, String argNames) {
    }

    static final List<Proc> PROCS = new ArrayList<>();

    private static void fn(int oid, String name, int ns, String kind, SqlType result, SqlType... args) {
        PROCS.add(new Proc(oid, name, ns, kind, result, List.of(args), null));
    }

    static {
        int pg = Oids.PG_CATALOG;
        fn(89, "version", pg, "f", SqlType.TEXT);
        fn(1299, "now", pg, "f", SqlType.TIMESTAMPTZ);
        fn(861, "current_database", pg, "f", SqlType.NAME);
        fn(2026, "pg_backend_pid", pg, "f", SqlType.INT4);
        fn(1081, "format_type", pg, "f", SqlType.TEXT, SqlType.OID, SqlType.INT4);
        fn(1642, "pg_get_userbyid", pg, "f", SqlType.NAME, SqlType.OID);
        fn(2079, "pg_table_is_visible", pg, "f", SqlType.BOOL, SqlType.OID);
        fn(2020, "date_trunc", pg, "f", SqlType.TIMESTAMPTZ, SqlType.TEXT, SqlType.TIMESTAMPTZ);
        fn(2021, "date_part", pg, "f", SqlType.FLOAT8, SqlType.TEXT, SqlType.TIMESTAMPTZ);
        fn(2100, "avg", pg, "a", SqlType.FLOAT8, SqlType.FLOAT8);
        fn(2147, "count", pg, "a", SqlType.INT8);
        fn(2286, "pg_total_relation_size", pg, "f", SqlType.INT8, SqlType.REGCLASS);
        fn(3166, "pg_size_pretty", pg, "f", SqlType.TEXT, SqlType.INT8);
        int pub = Oids.PUBLIC;
        fn(17001, "time_bucket", pub, "f", SqlType.TIMESTAMPTZ, SqlType.INTERVAL, SqlType.TIMESTAMPTZ);
        fn(17002, "time_bucket", pub, "f", SqlType.TIMESTAMP, SqlType.INTERVAL, SqlType.TIMESTAMP);
        fn(17003, "time_bucket", pub, "f", SqlType.INT8, SqlType.INT8, SqlType.INT8);
        fn(17004, "first", pub, "a", SqlType.TEXT, SqlType.TEXT, SqlType.TIMESTAMPTZ);
        fn(17005, "last", pub, "a", SqlType.TEXT, SqlType.TEXT, SqlType.TIMESTAMPTZ);
        fn(17006, "histogram", pub, "a", SqlType.INT4_ARRAY, SqlType.FLOAT8, SqlType.FLOAT8, SqlType.FLOAT8, SqlType.INT4);
        fn(17007, "create_hypertable", pub, "f", SqlType.RECORD, SqlType.REGCLASS, SqlType.NAME);
        fn(17008, "time_bucket_gapfill", pub, "f", SqlType.TIMESTAMPTZ, SqlType.INTERVAL, SqlType.TIMESTAMPTZ);
        fn(17009, "locf", pub, "f", SqlType.TEXT, SqlType.TEXT);
        fn(17010, "interpolate", pub, "f", SqlType.FLOAT8, SqlType.FLOAT8);
    }

    static Optional<Proc> byOid(int oid) {
        return PROCS.stream().filter(p -> p.oid == oid).findFirst();
    }

    static TableSpec spec() {
        return new TableSpec("pg_catalog", "pg_proc").col("oid", SqlType.OID).col("proname", SqlType.NAME)
            .col("pronamespace", SqlType.OID).col("proowner", SqlType.OID).col("prolang", SqlType.OID)
            .col("procost", SqlType.FLOAT4).col("prorows", SqlType.FLOAT4).col("provariadic", SqlType.OID)
            .col("prosupport", SqlType.REGPROC).col("prokind", SqlType.TEXT).col("prosecdef", SqlType.BOOL)
            .col("proleakproof", SqlType.BOOL).col("proisstrict", SqlType.BOOL).col("proretset", SqlType.BOOL)
            .col("provolatile", SqlType.TEXT).col("proparallel", SqlType.TEXT).col("pronargs", SqlType.INT2)
            .col("pronargdefaults", SqlType.INT2).col("prorettype", SqlType.OID).col("proargtypes", SqlType.OID_ARRAY)
            .col("proallargtypes", SqlType.OID_ARRAY).col("proargmodes", SqlType.TEXT_ARRAY)
            .col("proargnames", SqlType.TEXT_ARRAY).col("proargdefaults", SqlType.TEXT)
            .col("protrftypes", SqlType.OID_ARRAY).col("prosrc", SqlType.TEXT).col("probin", SqlType.TEXT)
            .col("prosqlbody", SqlType.TEXT).col("proconfig", SqlType.TEXT_ARRAY).col("proacl", SqlType.TEXT_ARRAY);
    }

    static List<List<Object>> rows() {
        List<List<Object>> out = new ArrayList<>();
        for (Proc p : PROCS) {
            List<Object> args = new ArrayList<>();
            for (SqlType a : p.args) {
                args.add(a.oid());
            }
            out.add(row(p.oid, p.name, p.namespace, Oids.BOOTSTRAP_SUPERUSER,
                p.namespace == Oids.PG_CATALOG ? Oids.INTERNAL_LANGUAGE : 13, 1, 0, 0, 0, p.kind, false, false,
                true, false, "i", "s", args.size(), 0, p.result.oid(), args, null, null, null, null, null, p.name,
                null, null, null, null));
        }
        return out;
    }

    static String result(int oid) {
        return byOid(oid).map(p -> PgTypes.formatType(p.result.oid(), -1)).orElse(null);
    }

    static String arguments(int oid) {
        return byOid(oid).map(p -> {
            StringJoiner j = new StringJoiner(", ");
            for (SqlType a : p.args) {
                j.add(PgTypes.formatType(a.oid(), -1));
            }
            return j.toString();
        }).orElse(null);
    }
}
