package io.epochdb.common.types;

import java.util.HashMap;
import java.util.Map;

/**
 * The SQL types EpochDB knows, each with its PostgreSQL type OID, {@code typname}, {@code typlen} and, for array
 * types, the element type. One-dimensional arrays are their own constants (as in {@code pg_type}) so that every
 * codec table can be keyed by OID alone.
 *
 * <p>Runtime values of each type (literals, parameters, row-at-a-time fallbacks) use one Java class:
 * BOOL Boolean, INT2 Short, INT4/OID Integer, INT8 Long, FLOAT4 Float, FLOAT8 Double, NUMERIC BigDecimal,
 * text types String, BYTEA byte[], DATE Integer days since 1970-01-01, TIME Long microseconds since midnight,
 * TIMESTAMP/TIMESTAMPTZ Long microseconds since 1970-01-01 00:00 UTC, INTERVAL {@link Interval}, UUID
 * java.util.UUID, JSON/JSONB String, arrays java.util.List of element values (nulls allowed).
 */
public enum SqlType {
    BOOL(16, "bool", 1, 'B', null),
    BYTEA(17, "bytea", -1, 'U', null),
    NAME(19, "name", 64, 'S', null),
    INT8(20, "int8", 8, 'N', null),
    INT2(21, "int2", 2, 'N', null),
    INT4(23, "int4", 4, 'N', null),
    REGPROC(24, "regproc", 4, 'N', null),
    TEXT(25, "text", -1, 'S', null),
    OID(26, "oid", 4, 'N', null),
    JSON(114, "json", -1, 'U', null),
    FLOAT4(700, "float4", 4, 'N', null),
    FLOAT8(701, "float8", 8, 'N', null),
    UNKNOWN(705, "unknown", -2, 'X', null),
    BPCHAR(1042, "bpchar", -1, 'S', null),
    VARCHAR(1043, "varchar", -1, 'S', null),
    DATE(1082, "date", 4, 'D', null),
    TIME(1083, "time", 8, 'D', null),
    TIMESTAMP(1114, "timestamp", 8, 'D', null),
    TIMESTAMPTZ(1184, "timestamptz", 8, 'D', null),
    INTERVAL(1186, "interval", 16, 'T', null),
    NUMERIC(1700, "numeric", -1, 'N', null),
    REGCLASS(2205, "regclass", 4, 'N', null),
    REGTYPE(2206, "regtype", 4, 'N', null),
    UUID(2950, "uuid", 16, 'U', null),
    JSONB(3802, "jsonb", -1, 'U', null),
    VOID(2278, "void", 4, 'P', null),
    RECORD(2249, "record", -1, 'P', null),

    BOOL_ARRAY(1000, "_bool", -1, 'A', BOOL),
    BYTEA_ARRAY(1001, "_bytea", -1, 'A', BYTEA),
    NAME_ARRAY(1003, "_name", -1, 'A', NAME),
    INT2_ARRAY(1005, "_int2", -1, 'A', INT2),
    INT4_ARRAY(1007, "_int4", -1, 'A', INT4),
    TEXT_ARRAY(1009, "_text", -1, 'A', TEXT),
    BPCHAR_ARRAY(1014, "_bpchar", -1, 'A', BPCHAR),
    VARCHAR_ARRAY(1015, "_varchar", -1, 'A', VARCHAR),
    INT8_ARRAY(1016, "_int8", -1, 'A', INT8),
    FLOAT4_ARRAY(1021, "_float4", -1, 'A', FLOAT4),
    FLOAT8_ARRAY(1022, "_float8", -1, 'A', FLOAT8),
    OID_ARRAY(1028, "_oid", -1, 'A', OID),
    TIMESTAMP_ARRAY(1115, "_timestamp", -1, 'A', TIMESTAMP),
    DATE_ARRAY(1182, "_date", -1, 'A', DATE),
    TIME_ARRAY(1183, "_time", -1, 'A', TIME),
    TIMESTAMPTZ_ARRAY(1185, "_timestamptz", -1, 'A', TIMESTAMPTZ),
    INTERVAL_ARRAY(1187, "_interval", -1, 'A', INTERVAL),
    NUMERIC_ARRAY(1231, "_numeric", -1, 'A', NUMERIC),
    UUID_ARRAY(2951, "_uuid", -1, 'A', UUID),
    JSON_ARRAY(199, "_json", -1, 'A', JSON),
    JSONB_ARRAY(3807, "_jsonb", -1, 'A', JSONB);

    private static final Map<Integer, SqlType> BY_OID = new HashMap<>();
    private static final Map<SqlType, SqlType> ARRAY_OF = new HashMap<>();

    static {
        for (SqlType t : values()) {
            BY_OID.put(t.oid, t);
            if (t.element != null) {
                ARRAY_OF.put(t.element, t);
            }
        }
    }

    private final int oid;
    private final String typname;
    private final int typlen;
    private final char category;
    private final SqlType element;

    SqlType(int oid, String typname, int typlen, char category, SqlType element) {
        this.oid = oid;
        this.typname = typname;
        this.typlen = typlen;
        this.category = category;
        this.element = element;
    }

    public int oid() {
        return oid;
    }

    /** The name in {@code pg_type.typname}. */
    public String typname() {
        return typname;
    }

    /** {@code pg_type.typlen}: fixed size in bytes, or -1 for varlena. */
    public int typlen() {
        return typlen;
    }

    /** {@code pg_type.typcategory}. */
    public char category() {
        return category;
    }

    public boolean isArray() {
        return element != null;
    }

    /** Element type of an array type, or null. */
    public SqlType element() {
        return element;
    }

    /** The array type whose elements are this type, or null if PostgreSQL has none we support. */
    public SqlType arrayType() {
        return ARRAY_OF.get(this);
    }

    public boolean isText() {
        return this == TEXT || this == VARCHAR || this == BPCHAR || this == NAME;
    }

    public boolean isInteger() {
        return this == INT2 || this == INT4 || this == INT8 || this == OID;
    }

    public boolean isNumeric() {
        return isInteger() || this == FLOAT4 || this == FLOAT8 || this == NUMERIC;
    }

    public boolean isTemporal() {
        return this == DATE || this == TIME || this == TIMESTAMP || this == TIMESTAMPTZ;
    }

    public static SqlType byOid(int oid) {
        return BY_OID.get(oid);
    }
}
