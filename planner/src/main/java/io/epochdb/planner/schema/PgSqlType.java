package io.epochdb.planner.schema;

import io.epochdb.common.types.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A PostgreSQL type Calcite has no name for (json, jsonb, name, oid, regclass): it behaves as the Calcite type it
 * is stored like (VARCHAR or INTEGER) but remembers the PostgreSQL type, so results are described with the right
 * OID.
 */
public final class PgSqlType extends BasicSqlType {
    private final SqlType pgType;

    private PgSqlType(SqlType pgType, SqlTypeName base, boolean nullable) {
        super(PgTypeSystem.INSTANCE, base, nullable);
        this.pgType = pgType;
        computeDigest();
    }

    public static RelDataType of(RelDataTypeFactory f, SqlType t) {
        SqlTypeName base = switch (t) {
            case OID, REGCLASS, REGTYPE, REGPROC -> SqlTypeName.INTEGER;
            // json/jsonb are not character types to Calcite (which would rebuild them with a charset and lose the
            // PostgreSQL type): they travel as ANY and only casts and exec's functions give them meaning
            case JSON, JSONB -> SqlTypeName.ANY;
            default -> SqlTypeName.VARCHAR;
        };
        return new PgSqlType(t, base, false);
    }

    public SqlType pgType() {
        return pgType;
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        // (catalog work) BasicSqlType's constructor computes the digest before pgType is assigned; the
        // constructor here recomputes it once pgType is set
        sb.append(pgType == null ? getSqlTypeName().getName() : pgType.typname().toUpperCase());
    }

    @Override
    public BasicSqlType createWithNullability(boolean nullable) {
        return nullable == isNullable ? this : new PgSqlType(pgType, getSqlTypeName(), nullable);
    }
}
