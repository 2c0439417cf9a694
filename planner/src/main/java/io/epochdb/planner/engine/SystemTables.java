package io.epochdb.planner.engine;

import io.epochdb.planner.catalog.CatalogSession;
import io.epochdb.planner.catalog.SystemCatalog;
import io.epochdb.planner.schema.SystemContext;
import java.util.List;
import java.util.Map;
import org.apache.calcite.schema.Table;

/** The virtual tables of pg_catalog and information_schema, by schema and name (see the catalog package). */
final class SystemTables {
    static final SystemCatalog CATALOG = new SystemCatalog(SystemTables::catalogSession);

    private SystemTables() {
    }

    static Map<String, Map<String, Table>> forSession() {
        return CATALOG.schemas();
    }

    /** The catalog's view of a session; a context that is not a session sees defaults. */
    static CatalogSession catalogSession(SystemContext ctx) {
        SessionImpl s = ctx instanceof SessionImpl si ? si : null;
        return new CatalogSession() {
            @Override
            public SystemContext context() {
                return ctx;
            }

            @Override
            public List<String> searchPath() {
                return s != null ? s.schemaSearchList() : List.of("public");
            }

            @Override
            public Map<String, String> settings() {
                return s != null ? s.settings.all() : Map.of();
            }

            @Override
            public int processId() {
                return s != null ? s.processId() : 0;
            }

            @Override
            public long serverStartMicros() {
                return s != null ? s.engine.startMicros() : 0L;
            }
        };
    }
}
