package io.epochdb.planner.engine;

import io.epochdb.planner.catalog.CatalogFunctionLibrary;
import java.util.Map;
import java.util.function.Function;

/**
 * Catalog-introspection functions clients call (pg_table_is_visible, format_type, pg_get_userbyid, ...),
 * evaluated against the engine's catalog; implemented in the catalog package.
 */
final class CatalogFunctions {
    private CatalogFunctions() {
    }

    static void register(SessionImpl session, Map<String, Function<Object[], Object>> functions) {
        CatalogFunctionLibrary.register(SystemTables.catalogSession(session), SystemTables.CATALOG, functions);
    }
}
