package io.epochdb.storage.table;

import io.epochdb.storage.catalog.IndexDef;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Hash index enforcing one PRIMARY KEY, UNIQUE constraint or unique index: normalized key (see
 * {@link KeyValues}) to the ids of the row versions that carry it. Dead versions are pruned when a lookup meets
 * them. Guarded by the table's lock (written under the write lock, read under either).
 */
final class UniqueIndex {
    private static final long[] NONE = new long[0];

    volatile IndexDef def;
    /** Columns by attnum, stable across renames. */
    final int[] attnums;
    /** Values are a Long for the common single version, else long[]. */
    private final Map<Object, Object> entries = new HashMap<>();

    UniqueIndex(IndexDef def, int[] attnums) {
        this.def = Objects.requireNonNull(def, "def");
        this.attnums = attnums.clone();
    }

    long[] rows(Object key) {
        Object v = entries.get(key);
        if (v == null) {
            return NONE;
        }
        if (v instanceof Long l) {
            return new long[] {l};
        }
        return (long[]) v;
    }

    void add(Object key, long rowId) {
        Object v = entries.get(key);
        if (v == null) {
            entries.put(key, rowId);
        } else if (v instanceof Long l) {
            entries.put(key, new long[] {l, rowId});
        } else {
            long[] old = (long[]) v;
            long[] grown = java.util.Arrays.copyOf(old, old.length + 1);
            grown[old.length] = rowId;
            entries.put(key, grown);
        }
    }

    /** Replaces the versions of {@code key} with the {@code n} first of {@code kept}. */
    void retain(Object key, long[] kept, int n) {
        if (n == 0) {
            entries.remove(key);
        } else if (n == 1) {
            entries.put(key, kept[0]);
        } else {
            entries.put(key, java.util.Arrays.copyOf(kept, n));
        }
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
