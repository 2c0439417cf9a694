package io.epochdb.planner.engine;

import java.util.Map;
import java.util.function.Function;

/**
 * Catalog-introspection functions clients call (pg_table_is_visible, format_type, pg_get_userbyid, ...),
 * evaluated against the engine's catalog.
 */
final class CatalogFunctions {
    private CatalogFunctions() {
    }

    static void register(SessionImpl session, Map<String, Function<Object[], Object>> functions) {
        // filled in by the catalog work (pg_catalog views)
    }
}
