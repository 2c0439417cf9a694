package io.epochdb.common.types;

import java.util.Objects;

/**
 * A column's type: the {@link SqlType} plus its modifier. {@code precision}/{@code scale} apply to NUMERIC
 * (precision 0 means unconstrained), {@code precision} is the length for VARCHAR/BPCHAR (0 = unlimited).
 */
public record ColumnType(SqlType type, int precision, int scale) {
    public ColumnType {
        Objects.requireNonNull(type, "type");
    }

    public static ColumnType of(SqlType type) {
        return new ColumnType(type, 0, 0);
    }

    public static ColumnType numeric(int precision, int scale) {
        return new ColumnType(SqlType.NUMERIC, precision, scale);
    }

    /** {@code pg_attribute.atttypmod} as PostgreSQL computes it, -1 when there is no modifier. */
    public int typmod() {
        switch (type) {
            case NUMERIC:
                return precision == 0 ? -1 : ((precision << 16) | scale) + 4;
            case VARCHAR:
            case BPCHAR:
                return precision == 0 ? -1 : precision + 4;
            default:
                return -1;
        }
    }

    /** The name {@code format_type} prints, e.g. {@code character varying(20)} or {@code timestamp with time zone}. */
    public String displayName() {
        String base = switch (type) {
            case BOOL -> "boolean";
            case INT2 -> "smallint";
            case INT4 -> "integer";
            case INT8 -> "bigint";
            case FLOAT4 -> "real";
            case FLOAT8 -> "double precision";
            case NUMERIC -> precision == 0 ? "numeric" : "numeric(" + precision + "," + scale + ")";
            case VARCHAR -> precision == 0 ? "character varying" : "character varying(" + precision + ")";
            case BPCHAR -> precision == 0 ? "bpchar" : "character(" + precision + ")";
            case TIMESTAMP -> "timestamp without time zone";
            case TIMESTAMPTZ -> "timestamp with time zone";
            case TIME -> "time without time zone";
            case NAME -> "name";
            default -> type.isArray() ? ColumnType.of(type.element()).displayName() + "[]" : type.typname();
        };
        return base;
    }

    @Override
    public String toString() {
        return displayName();
    }
}
