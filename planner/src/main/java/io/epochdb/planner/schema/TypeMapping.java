package io.epochdb.planner.schema;

import io.epochdb.common.ErrorCode;
import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Converts between Calcite's types and EpochDB's {@link ColumnType}s, both ways, in one place. */
public final class TypeMapping {
    private TypeMapping() {
    }

    public static ColumnType toColumnType(RelDataType t) {
        SqlTypeName n = t.getSqlTypeName();
        if (t instanceof PgSqlType pg) {
            return ColumnType.of(pg.pgType());
        }
        switch (n) {
            case BOOLEAN:
                return ColumnType.of(SqlType.BOOL);
            case TINYINT:
            case SMALLINT:
                return ColumnType.of(SqlType.INT2);
            case INTEGER:
                return ColumnType.of(SqlType.INT4);
            case BIGINT:
                return ColumnType.of(SqlType.INT8);
            case REAL:
                return ColumnType.of(SqlType.FLOAT4);
            case FLOAT:
            case DOUBLE:
                return ColumnType.of(SqlType.FLOAT8);
            case DECIMAL:
                return ColumnType.of(SqlType.NUMERIC);
            case CHAR:
            case VARCHAR:
                return ColumnType.of(SqlType.TEXT);
            case BINARY:
            case VARBINARY:
                return ColumnType.of(SqlType.BYTEA);
            case DATE:
                return ColumnType.of(SqlType.DATE);
            case TIME:
            case TIME_WITH_LOCAL_TIME_ZONE:
                return ColumnType.of(SqlType.TIME);
            case TIMESTAMP:
                return ColumnType.of(SqlType.TIMESTAMP);
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return ColumnType.of(SqlType.TIMESTAMPTZ);
            case UUID:
                return ColumnType.of(SqlType.UUID);
            case NULL:
            case UNKNOWN:
            case ANY:
                return ColumnType.of(SqlType.TEXT);
            case ARRAY: {
                ColumnType element = toColumnType(t.getComponentType());
                SqlType array = element.type().arrayType();
                if (array == null) {
                    throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "arrays of " + element + " are not supported");
                }
                return ColumnType.of(array);
            }
            default:
                if (SqlTypeName.INTERVAL_TYPES.contains(n)) {
                    return ColumnType.of(SqlType.INTERVAL);
                }
                throw new EpochException(ErrorCode.FEATURE_NOT_SUPPORTED, "type " + t.getFullTypeString() + " is not supported");
        }
    }

    /** The Calcite type of a stored column type (nullable unless told otherwise). */
    public static RelDataType toRelType(RelDataTypeFactory f, ColumnType c, boolean nullable) {
        RelDataType base = baseRelType(f, c);
        return f.createTypeWithNullability(base, nullable);
    }

    private static RelDataType baseRelType(RelDataTypeFactory f, ColumnType c) {
        SqlType t = c.type();
        switch (t) {
            case BOOL:
                return f.createSqlType(SqlTypeName.BOOLEAN);
            case INT2:
                return f.createSqlType(SqlTypeName.SMALLINT);
            case INT4:
                return f.createSqlType(SqlTypeName.INTEGER);
            case INT8:
                return f.createSqlType(SqlTypeName.BIGINT);
            case FLOAT4:
                return f.createSqlType(SqlTypeName.REAL);
            case FLOAT8:
                return f.createSqlType(SqlTypeName.DOUBLE);
            case NUMERIC:
                return c.precision() == 0
                    ? f.createSqlType(SqlTypeName.DECIMAL, f.getTypeSystem().getMaxNumericPrecision(), 16)
                    : f.createSqlType(SqlTypeName.DECIMAL, c.precision(), c.scale());
            case TEXT:
                return f.createSqlType(SqlTypeName.VARCHAR);
            case VARCHAR:
                return c.precision() == 0 ? f.createSqlType(SqlTypeName.VARCHAR) : f.createSqlType(SqlTypeName.VARCHAR, c.precision());
            case BPCHAR:
                return c.precision() == 0 ? f.createSqlType(SqlTypeName.VARCHAR) : f.createSqlType(SqlTypeName.CHAR, c.precision());
            case BYTEA:
                return f.createSqlType(SqlTypeName.VARBINARY);
            case DATE:
                return f.createSqlType(SqlTypeName.DATE);
            case TIME:
                return f.createSqlType(SqlTypeName.TIME, 6);
            case TIMESTAMP:
                return f.createSqlType(SqlTypeName.TIMESTAMP, 6);
            case TIMESTAMPTZ:
                return f.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 6);
            case INTERVAL:
                return f.createSqlIntervalType(new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
            case UUID:
                return f.createSqlType(SqlTypeName.UUID);
            case NAME:
                // name stays plain VARCHAR: Calcite re-creates character types with a charset and would drop a
                // VARCHAR-based PgSqlType, so RowDescription reports it as text for now
                return f.createSqlType(SqlTypeName.VARCHAR);
            default:
                if (t.isArray()) {
                    return f.createArrayType(toRelType(f, ColumnType.of(t.element()), true), -1);
                }
                // name, oid, json, jsonb, regclass...: keep the PostgreSQL type visible to RowDescription
                return PgSqlType.of(f, t);
        }
    }
}
