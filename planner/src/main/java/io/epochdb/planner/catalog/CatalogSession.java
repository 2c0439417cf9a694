package io.epochdb.planner.catalog;

import io.epochdb.planner.schema.SystemContext;
import java.util.List;
import java.util.Map;

/** What the catalog views and functions read from the asking session, beyond {@link SystemContext}. */
public interface CatalogSession {
    SystemContext context();

    /** The existing schemas of search_path, in order, without the implicit pg_catalog. */
    List<String> searchPath();

    /** Every setting with its current value (for pg_settings). */
    Map<String, String> settings();

    int processId();

    /** Microseconds since the epoch at which the server started. */
    long serverStartMicros();
}
