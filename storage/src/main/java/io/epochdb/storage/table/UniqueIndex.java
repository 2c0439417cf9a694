package io.epochdb.storage.table;

import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.IndexDef;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.arrow.vector.FieldVector;

/**
 * Hash index enforcing one PRIMARY KEY, UNIQUE constraint or unique index: key to the ids of the row versions
 * that carry it. Dead versions are pruned when an insert meets them. Guarded by the table's lock (written under
 * the write lock, read under either).
 *
 * <p>A key of one integer-like column (integers, dates, times, timestamps) lives in a {@link LongRowMap} and is
 * read straight from the vector; any other key is normalized into a Java object (see {@link KeyValues}).
 */
final class UniqueIndex {
    private static final long[] NONE = new long[0];

    volatile IndexDef def;
    /** Columns by attnum, stable across renames. */
    final int[] attnums;
    /** Whether the key is one column whose values are longs (then {@link #longEntries} holds it). */
    final boolean longKeyed;
    private final LongRowMap longEntries;
    /** Values are a Long for the common single version, else long[]. */
    private final Map<Object, Object> entries;

    UniqueIndex(IndexDef def, int[] attnums, SqlType[] types) {
        this.def = Objects.requireNonNull(def, "def");
        this.attnums = attnums.clone();
        this.longKeyed = types.length == 1 && isLongType(types[0]);
        this.longEntries = longKeyed ? new LongRowMap(16) : null;
        this.entries = longKeyed ? null : new HashMap<>();
    }

    /** Types whose key {@link KeyValues#normalize} makes a Long and {@link #readLong} can read. */
    static boolean isLongType(SqlType t) {
        return t.isInteger() || t == SqlType.DATE || t == SqlType.TIME || t == SqlType.TIMESTAMP
            || t == SqlType.TIMESTAMPTZ;
    }

    /** A non-null value of a long-keyed column. */
    static long readLong(FieldVector v, int row) {
        return LongValues.get(v, row);
    }

    // ---- long keys (hot path)

    long[] rows(long key) {
        return longEntries.rows(key);
    }

    void add(long key, long rowId) {
        longEntries.add(key, rowId);
    }

    void retain(long key, long[] kept, int n) {
        longEntries.retain(key, kept, n);
    }

    // ---- any key, normalized by KeyValues

    long[] rows(Object key) {
        if (longKeyed) {
            return rows(((Number) key).longValue());
        }
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
        if (longKeyed) {
            add(((Number) key).longValue(), rowId);
            return;
        }
        Object v = entries.get(key);
        if (v == null) {
            entries.put(key, rowId);
        } else if (v instanceof Long l) {
            entries.put(key, new long[] {l, rowId});
        } else {
            long[] old = (long[]) v;
            long[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = rowId;
            entries.put(key, grown);
        }
    }

    /** Replaces the versions of {@code key} with the {@code n} first of {@code kept}. */
    void retain(Object key, long[] kept, int n) {
        if (longKeyed) {
            retain(((Number) key).longValue(), kept, n);
        } else if (n == 0) {
            entries.remove(key);
        } else if (n == 1) {
            entries.put(key, kept[0]);
        } else {
            entries.put(key, Arrays.copyOf(kept, n));
        }
    }

    void clear() {
        if (longKeyed) {
            longEntries.clear();
        } else {
            entries.clear();
        }
    }
}
