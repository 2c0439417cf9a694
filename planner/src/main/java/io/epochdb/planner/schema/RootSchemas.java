package io.epochdb.planner.schema;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.SchemaDef;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Builds the Calcite root schema a statement is planned against: every catalog schema, the system schemas
 * ({@code pg_catalog}, {@code information_schema}, ...) with their virtual tables, PostgreSQL's type names as
 * aliases in {@code pg_catalog}, and the hidden {@code $dml} schemas used to plan UPDATE and DELETE.
 */
public final class RootSchemas {
    public static final String DML_SCHEMA = "$dml";

    private static final Map<String, RelProtoDataType> TYPE_ALIASES = new HashMap<>();

    static {
        alias("int2", SqlType.INT2);
        alias("int4", SqlType.INT4);
        alias("int8", SqlType.INT8);
        alias("int", SqlType.INT4);
        alias("float4", SqlType.FLOAT4);
        alias("float8", SqlType.FLOAT8);
        alias("bool", SqlType.BOOL);
        alias("text", SqlType.TEXT);
        alias("bpchar", SqlType.TEXT);
        alias("timestamptz", SqlType.TIMESTAMPTZ);
        alias("pginterval", SqlType.INTERVAL);
        alias("bytea", SqlType.BYTEA);
        alias("uuid", SqlType.UUID);
        alias("json", SqlType.JSON);
        alias("jsonb", SqlType.JSONB);
        alias("name", SqlType.NAME);
        alias("oid", SqlType.OID);
        alias("regclass", SqlType.REGCLASS);
        alias("regtype", SqlType.REGTYPE);
        alias("regproc", SqlType.REGPROC);
        alias("serial", SqlType.INT4);
        alias("bigserial", SqlType.INT8);
        TYPE_ALIASES.put("numeric", f -> f.createSqlType(SqlTypeName.DECIMAL, f.getTypeSystem().getMaxNumericPrecision(), 16));
    }

    private static void alias(String name, SqlType t) {
        TYPE_ALIASES.put(name, f -> TypeMapping.toRelType(f, ColumnType.of(t), true));
    }

    private RootSchemas() {
    }

    public static Map<String, RelProtoDataType> typeAliases() {
        return TYPE_ALIASES;
    }

    /**
     * @param systemSchemas virtual tables by schema name (pg_catalog, information_schema, ...)
     */
    public static CalciteSchema build(Catalog catalog, Map<String, Map<String, Table>> systemSchemas) {
        CalciteSchema root = withTypes(CalciteSchema.createRootSchema(false, false));
        CalciteSchema dml = root.add(DML_SCHEMA, new AbstractSchema());
        for (SchemaDef s : catalog.schemas()) {
            Map<String, Table> system = systemSchemas.getOrDefault(s.name(), Map.of());
            Map<String, RelProtoDataType> types = s.name().equals("pg_catalog") ? TYPE_ALIASES : Map.of();
            root.add(s.name(), new CatalogSchema(catalog, s.name(), false, system, types));
            dml.add(s.name(), new CatalogSchema(catalog, s.name(), true, Map.of(), Map.of()));
        }
        for (Map.Entry<String, Map<String, Table>> e : systemSchemas.entrySet()) {
            if (root.getSubSchema(e.getKey(), true) == null) {
                Map<String, RelProtoDataType> types = e.getKey().equals("pg_catalog") ? TYPE_ALIASES : Map.of();
                root.add(e.getKey(), new CatalogSchema(catalog, e.getKey(), false, e.getValue(), types));
            }
        }
        return root;
    }

    /** Calcite resolves type names from the root schema, not the search path: register the aliases there. */
    private static CalciteSchema withTypes(CalciteSchema root) {
        for (Map.Entry<String, RelProtoDataType> e : TYPE_ALIASES.entrySet()) {
            root.add(e.getKey(), e.getValue());
        }
        return root;
    }

    /** A root with only the type aliases, for validating stand-alone expressions (column defaults). */
    public static CalciteSchema typesOnly() {
        CalciteSchema root = withTypes(CalciteSchema.createRootSchema(false, false));
        root.add("pg_catalog", new AbstractSchema() {
            @Override
            protected Map<String, RelProtoDataType> getTypeMap() {
                return TYPE_ALIASES;
            }
        });
        return root;
    }
}
