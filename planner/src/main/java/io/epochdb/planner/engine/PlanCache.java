package io.epochdb.planner.engine;

import io.epochdb.common.types.SqlType;
import io.epochdb.planner.plan.PlannedQuery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Plans of queries by statement text, declared parameter types, search_path, user and catalog version, shared by
 * all sessions: dashboards send the same SQL over and over through the simple protocol. Plans are immutable
 * Calcite trees; operators are built fresh for every execution. Any DDL changes the catalog version, so stale
 * plans are never found again; the map is simply cleared when it grows past its bound.
 */
final class PlanCache {
    record Key(String sql, List<SqlType> declared, String searchPath, String user, long catalogVersion) {
    }

    private final int maxEntries;
    private final Map<Key, PlannedQuery> plans = new ConcurrentHashMap<>();

    PlanCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    PlannedQuery get(Key key, Supplier<PlannedQuery> planner) {
        PlannedQuery q = plans.get(key);
        if (q != null) {
            return q;
        }
        q = planner.get();
        if (plans.size() >= maxEntries) {
            plans.clear();
        }
        plans.put(key, q);
        return q;
    }
}
