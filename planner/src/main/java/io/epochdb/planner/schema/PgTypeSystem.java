package io.epochdb.planner.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's type system with PostgreSQL's aggregate result types: {@code sum(int)} is bigint, {@code sum(bigint)}
 * and {@code avg} of integers are numeric, timestamps carry microseconds.
 */
public final class PgTypeSystem extends RelDataTypeSystemImpl {
    public static final PgTypeSystem INSTANCE = new PgTypeSystem();

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argumentType) {
        SqlTypeName t = argumentType.getSqlTypeName();
        RelDataType result = switch (t) {
            case TINYINT, SMALLINT, INTEGER -> f.createSqlType(SqlTypeName.BIGINT);
            case BIGINT, DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, getMaxNumericPrecision(), 0);
            case REAL -> f.createSqlType(SqlTypeName.REAL);
            case FLOAT, DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
            default -> argumentType;
        };
        return f.createTypeWithNullability(result, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argumentType) {
        SqlTypeName t = argumentType.getSqlTypeName();
        RelDataType result = switch (t) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL -> f.createSqlType(SqlTypeName.DECIMAL, getMaxNumericPrecision(), 0);
            case REAL, FLOAT, DOUBLE -> f.createSqlType(SqlTypeName.DOUBLE);
            default -> argumentType;
        };
        return f.createTypeWithNullability(result, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveCovarType(RelDataTypeFactory f, RelDataType arg0Type, RelDataType arg1Type) {
        return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), true);
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME, TIME_WITH_LOCAL_TIME_ZONE -> 6;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME, TIME_WITH_LOCAL_TIME_ZONE -> 6;
            case DECIMAL -> 1000;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 1000 : super.getMaxScale(typeName);
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
