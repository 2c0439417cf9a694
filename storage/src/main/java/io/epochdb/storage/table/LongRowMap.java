package io.epochdb.storage.table;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Open-addressing hash map from a {@code long} key to the ids of the rows holding it, without an object per key.
 * Nearly every key has one row, stored inline; keys with several versions (an updated row until the old version
 * is pruned) keep them in a small overflow map. Not thread-safe: the owning table's lock guards it.
 */
final class LongRowMap {
    private static final long EMPTY = Long.MIN_VALUE;
    private static final long REMOVED = Long.MIN_VALUE + 1;
    /** The key's versions are in {@link #overflow}. */
    private static final long MULTI = Long.MIN_VALUE + 2;
    private static final long[] NONE = new long[0];

    /** Slot i holds its key at [2i] and its value at [2i + 1]: one cache line per probe. */
    private long[] slots;
    private int mask;
    /** Slots not EMPTY (live or REMOVED). */
    private int used;
    private int size;
    private final Map<Long, long[]> overflow = new HashMap<>();

    LongRowMap(int expected) {
        allocate(Integer.highestOneBit(Math.max(8, expected)) << 2);
    }

    private void allocate(int cap) {
        slots = new long[cap * 2];
        for (int i = 1; i < slots.length; i += 2) {
            slots[i] = EMPTY;
        }
        mask = cap - 1;
        used = 0;
        size = 0;
    }

    private static int hash(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        return (int) key;
    }

    /** Slot holding {@code key}, or -1. */
    private int find(long key) {
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long v = slots[2 * i + 1];
            if (v == EMPTY) {
                return -1;
            }
            if (v != REMOVED && slots[2 * i] == key) {
                return i;
            }
        }
    }

    /** Slot for a new entry of {@code key} (not present), growing first if needed; load stays at most 1/2. */
    private int insertSlot(long key) {
        if ((used + 1) * 2 > mask + 1) {
            rehash(size * 4 > mask + 1 ? (mask + 1) * 2 : mask + 1);
        }
        for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
            long v = slots[2 * i + 1];
            if (v == EMPTY) {
                used++;
                return i;
            }
            if (v == REMOVED) {
                return i;
            }
        }
    }

    private void rehash(int cap) {
        long[] old = slots;
        allocate(cap);
        for (int i = 0; i < old.length; i += 2) {
            long v = old[i + 1];
            if (v != EMPTY && v != REMOVED) {
                set(insertSlot(old[i]), old[i], v);
                size++;
            }
        }
    }

    private void set(int slot, long key, long value) {
        slots[2 * slot] = key;
        slots[2 * slot + 1] = value;
    }

    private long value(int slot) {
        return slots[2 * slot + 1];
    }

    private void setValue(int slot, long value) {
        slots[2 * slot + 1] = value;
    }

    int size() {
        return size;
    }

    /** The rows holding {@code key} (a shared empty array if none). */
    long[] rows(long key) {
        int slot = find(key);
        if (slot < 0) {
            return NONE;
        }
        long v = value(slot);
        return v == MULTI ? overflow.get(key) : new long[] {v};
    }

    boolean contains(long key) {
        return find(key) >= 0;
    }

    /** Adds {@code key -> row} unless the key is present; returns whether it was added. */
    boolean putIfAbsent(long key, long row) {
        if (find(key) >= 0) {
            return false;
        }
        set(insertSlot(key), key, row);
        size++;
        return true;
    }

    void add(long key, long row) {
        int slot = find(key);
        if (slot < 0) {
            putIfAbsent(key, row);
            return;
        }
        long v = value(slot);
        if (v == MULTI) {
            long[] old = overflow.get(key);
            long[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = row;
            overflow.put(key, grown);
        } else {
            overflow.put(key, new long[] {v, row});
            setValue(slot, MULTI);
        }
    }

    /** Replaces the rows of {@code key} with the {@code n} first of {@code kept}. */
    void retain(long key, long[] kept, int n) {
        int slot = find(key);
        if (slot < 0) {
            return;
        }
        if (n == 0) {
            setValue(slot, REMOVED);
            size--;
            overflow.remove(key);
        } else if (n == 1) {
            setValue(slot, kept[0]);
            overflow.remove(key);
        } else {
            overflow.put(key, Arrays.copyOf(kept, n));
            setValue(slot, MULTI);
        }
    }

    void clear() {
        allocate(16);
        overflow.clear();
    }
}
