package io.epochdb.planner.engine;

import java.util.HashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;

/** The virtual tables of pg_catalog, information_schema and timescaledb_information, by schema and name. */
final class SystemTables {
    private static final Map<String, Map<String, Table>> SCHEMAS = new HashMap<>();

    static {
        SCHEMAS.put("pg_catalog", new HashMap<>());
        SCHEMAS.put("information_schema", new HashMap<>());
    }

    private SystemTables() {
    }

    static Map<String, Map<String, Table>> forSession() {
        return SCHEMAS;
    }
}
