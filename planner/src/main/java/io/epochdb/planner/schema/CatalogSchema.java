package io.epochdb.planner.schema;

import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.TableDef;
import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * One catalog schema as a Calcite schema. Tables are looked up in the live catalog each time, so DDL from other
 * sessions is visible to the next statement planned. {@code dml} schemas expose tables with the {@code ctid}
 * row-id column for UPDATE and DELETE.
 */
public final class CatalogSchema extends AbstractSchema {
    private final Catalog catalog;
    private final String schemaName;
    private final boolean dml;
    private final Map<String, Table> systemTables;
    private final Map<String, RelProtoDataType> types;

    public CatalogSchema(Catalog catalog, String schemaName, boolean dml, Map<String, Table> systemTables,
                         Map<String, RelProtoDataType> types) {
        this.catalog = catalog;
        this.schemaName = schemaName;
        this.dml = dml;
        this.systemTables = systemTables;
        this.types = types;
    }

    @Override
    protected Map<String, Table> getTableMap() {
        Map<String, Table> map = new HashMap<>(systemTables);
        for (TableDef def : catalog.relations()) {
            if (!def.schema().equals(schemaName)) {
                continue;
            }
            if (def.kind() == TableDef.Kind.VIEW) {
                if (!dml) {
                    map.put(def.name(), new ViewTable(def));
                }
            } else {
                map.put(def.name(), new EpochTable(def, dml));
            }
        }
        return map;
    }

    @Override
    protected Map<String, RelProtoDataType> getTypeMap() {
        return types;
    }
}
