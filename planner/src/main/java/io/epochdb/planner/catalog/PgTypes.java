package io.epochdb.planner.catalog;

import static io.epochdb.planner.catalog.TableSpec.row;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** pg_type rows for every {@link SqlType}, format_type, and the regproc OIDs of the types' I/O functions. */
final class PgTypes {
    private PgTypes() {
    }

    /** Pseudo functions referenced by regproc columns (typinput, ...), by name. */
    static final Map<String, Integer> PROCS = new HashMap<>();
    static final Map<Integer, String> PROC_NAMES = new HashMap<>();

    static {
        proc("array_in", 750);
        proc("array_out", 751);
        proc("array_recv", 2400);
        proc("array_send", 2401);
        proc("heap_tableam_handler", 3);
        proc("bthandler", 330);
        proc("hashhandler", 331);
        proc("gisthandler", 332);
        proc("ginhandler", 333);
        proc("spghandler", 334);
        proc("brinhandler", 335);
        int next = 9000;
        for (SqlType t : SqlType.values()) {
            if (!t.isArray()) {
                String base = t.typname();
                proc(base + "in", next++);
                proc(base + "out", next++);
                proc(base + "recv", next++);
                proc(base + "send", next++);
            }
        }
    }

    private static void proc(String name, int oid) {
        PROCS.put(name, oid);
        PROC_NAMES.put(oid, name);
    }

    static TableSpec spec() {
        return new TableSpec("pg_catalog", "pg_type")
            .col("oid", SqlType.OID).col("typname", SqlType.NAME).col("typnamespace", SqlType.OID)
            .col("typowner", SqlType.OID).col("typlen", SqlType.INT2).col("typbyval", SqlType.BOOL)
            .col("typtype", SqlType.TEXT).col("typcategory", SqlType.TEXT).col("typispreferred", SqlType.BOOL)
            .col("typisdefined", SqlType.BOOL).col("typdelim", SqlType.TEXT).col("typrelid", SqlType.OID)
            .col("typsubscript", SqlType.REGPROC).col("typelem", SqlType.OID).col("typarray", SqlType.OID)
            .col("typinput", SqlType.REGPROC).col("typoutput", SqlType.REGPROC).col("typreceive", SqlType.REGPROC)
            .col("typsend", SqlType.REGPROC).col("typmodin", SqlType.REGPROC).col("typmodout", SqlType.REGPROC)
            .col("typanalyze", SqlType.REGPROC).col("typalign", SqlType.TEXT).col("typstorage", SqlType.TEXT)
            .col("typnotnull", SqlType.BOOL).col("typbasetype", SqlType.OID).col("typtypmod", SqlType.INT4)
            .col("typndims", SqlType.INT4).col("typcollation", SqlType.OID).col("typdefaultbin", SqlType.TEXT)
            .col("typdefault", SqlType.TEXT).col("typacl", SqlType.TEXT_ARRAY);
    }

    static List<List<Object>> rows() {
        List<List<Object>> out = new ArrayList<>();
        for (SqlType t : SqlType.values()) {
            boolean array = t.isArray();
            String io = array ? "array_" : t.typname();
            int len = t.typlen();
            boolean byval = len == 1 || len == 2 || len == 4 || len == 8 && t != SqlType.INTERVAL;
            String align = array ? (t.element().typlen() == 8 ? "d" : "i")
                : len == 1 ? "c" : len == 2 ? "s" : len == 8 || len == 16 ? "d" : "i";
            char category = t.category();
            boolean preferred = t == SqlType.TEXT || t == SqlType.FLOAT8 || t == SqlType.TIMESTAMPTZ || t == SqlType.OID
                || t == SqlType.BOOL || t == SqlType.INTERVAL;
            String typtype = t == SqlType.VOID || t == SqlType.RECORD || t == SqlType.UNKNOWN ? "p" : "b";
            int collation = t.isText() && t != SqlType.NAME ? Oids.DEFAULT_COLLATION : t == SqlType.NAME ? Oids.C_COLLATION : 0;
            SqlType arrayOf = t.arrayType();
            out.add(row(t.oid(), t.typname(), Oids.PG_CATALOG, Oids.BOOTSTRAP_SUPERUSER, len, byval, typtype,
                String.valueOf(category), preferred, true, ",", 0, 0,
                array ? t.element().oid() : 0, arrayOf == null ? 0 : arrayOf.oid(),
                PROCS.get(io + "in"), PROCS.get(io + "out"), PROCS.get(io + "recv"),
                PROCS.get(io + "send"), 0, 0, 0, align, len == -1 ? "x" : "p", false, 0, -1, 0, collation, null, null,
                null));
        }
        return out;
    }

    /** format_type(type_oid, typmod) as PostgreSQL prints it; {@code typmod} null or -1 means none. */
    static String formatType(Integer oid, Integer typmod) {
        if (oid == null) {
            return null;
        }
        SqlType t = SqlType.byOid(oid);
        if (t == null) {
            return "???";
        }
        int mod = typmod == null ? -1 : typmod;
        return columnType(t, mod).displayName();
    }

    /** The column type a type OID and typmod describe. */
    static ColumnType columnType(SqlType t, int typmod) {
        if (typmod >= 4) {
            switch (t) {
                case NUMERIC:
                    return new ColumnType(t, ((typmod - 4) >> 16) & 0xffff, (typmod - 4) & 0xffff);
                case VARCHAR:
                case BPCHAR:
                    return new ColumnType(t, typmod - 4, 0);
                default:
                    break;
            }
        }
        return ColumnType.of(t);
    }

    /** The SQL spelling information_schema.columns.data_type uses. */
    static String dataType(ColumnType c) {
        SqlType t = c.type();
        if (t.isArray()) {
            return "ARRAY";
        }
        return switch (t) {
            case NUMERIC -> "numeric";
            case VARCHAR -> "character varying";
            case BPCHAR -> "character";
            case TIME -> "time without time zone";
            case INTERVAL -> "interval";
            case JSON, JSONB, UUID, BYTEA, TEXT, DATE, NAME, OID -> t.typname();
            default -> ColumnType.of(t).displayName();
        };
    }

    /** A type name as regtype output and '...'::regtype input use it. */
    static Integer oidOfName(String name) {
        String n = name.trim().toLowerCase();
        if (n.startsWith("pg_catalog.")) {
            n = n.substring("pg_catalog.".length());
        }
        if (n.startsWith("\"") && n.endsWith("\"") && n.length() > 1) {
            n = n.substring(1, n.length() - 1);
        }
        boolean array = n.endsWith("[]");
        if (array) {
            n = n.substring(0, n.length() - 2).trim();
        }
        int paren = n.indexOf('(');
        if (paren > 0) {
            n = n.substring(0, paren).trim();
        }
        SqlType base = switch (n) {
            case "integer", "int" -> SqlType.INT4;
            case "smallint" -> SqlType.INT2;
            case "bigint" -> SqlType.INT8;
            case "real" -> SqlType.FLOAT4;
            case "double precision", "float" -> SqlType.FLOAT8;
            case "boolean" -> SqlType.BOOL;
            case "character varying" -> SqlType.VARCHAR;
            case "character", "char" -> SqlType.BPCHAR;
            case "decimal" -> SqlType.NUMERIC;
            case "timestamp with time zone" -> SqlType.TIMESTAMPTZ;
            case "timestamp without time zone", "timestamp" -> SqlType.TIMESTAMP;
            case "time without time zone", "time" -> SqlType.TIME;
            default -> {
                SqlType found = null;
                for (SqlType t : SqlType.values()) {
                    if (t.typname().equals(n)) {
                        found = t;
                    }
                }
                yield found;
            }
        };
        if (base == null) {
            return null;
        }
        if (array) {
            SqlType a = base.arrayType();
            return a == null ? null : a.oid();
        }
        return base.oid();
    }
}
