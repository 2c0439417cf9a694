package io.epochdb.storage.table;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;

/**
 * Up to {@link MemoryTable#BLOCK_ROWS} rows of one table, append-only: one Arrow vector per column keyed by the
 * column's attnum (so ADD/DROP COLUMN never renumber stored data), plus each row's creator and deleter
 * transaction ids.
 *
 * <p>Locking is the table's: vectors, creators and {@link #rowCount} change only under the table's write lock and
 * are read under its read lock. Deleters change under the read lock too, by compare-and-set, so concurrent
 * deletes of different rows do not serialize; arrays are only replaced (grown) under the write lock.
 */
final class Block {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int INITIAL_CAPACITY = 1024;

    final int number;
    final Map<Integer, FieldVector> vectors = new HashMap<>();
    /**
     * Per attnum of an integer, timestamp or date column: {min, max, nonNullCount} over all stored rows, so scans
     * can skip the block (write lock to change, read lock to read).
     */
    final Map<Integer, long[]> stats = new HashMap<>();
    private long[] creators = new long[INITIAL_CAPACITY];
    private long[] deleters = new long[INITIAL_CAPACITY];
    /** Statement (command id) of the deleting transaction that deleted each row; read only by that transaction. */
    private int[] deleteCommandIds = new int[INITIAL_CAPACITY];
    int rowCount;
    /** Largest creator id stored (write lock). */
    long maxCreator;
    /** Set once any row was ever deleted or rolled back; never cleared, so it errs toward the slow path. */
    volatile boolean anyDeadOrDeleted;

    /** Dictionaries of text columns by attnum, built on first use once the block is full (see TextDictionary). */
    private final Map<Integer, TextDictionary> dictionaries = new HashMap<>();
    /** Attnums whose column has too many distinct values for a dictionary. */
    private final java.util.Set<Integer> noDictionary = new java.util.HashSet<>();

    Block(int number) {
        this.number = number;
    }

    /** Makes room for {@code rows} rows of ids (write lock held). */
    void ensureCapacity(int rows) {
        if (rows > creators.length) {
            int cap = Math.min(MemoryTable.BLOCK_ROWS, Math.max(rows, creators.length * 2));
            creators = Arrays.copyOf(creators, cap);
            deleters = Arrays.copyOf(deleters, cap);
            deleteCommandIds = Arrays.copyOf(deleteCommandIds, cap);
        }
    }

    long creator(int row) {
        return creators[row];
    }

    void setCreator(int row, long txid) {
        LONGS.setVolatile(creators, row, txid);
    }

    /**
     * Whether every one of the block's rows is visible to a snapshot with this {@code xmin}: all were created by
     * transactions that finished before it (so committed: rolled-back rows would have set the flag) and none was
     * ever deleted. Lets scans skip per-row checks on settled data.
     */
    boolean allVisibleBelow(long xmin) {
        return !anyDeadOrDeleted && maxCreator < xmin;
    }

    long deleter(int row) {
        return (long) LONGS.getAcquire(deleters, row);
    }

    void setDeleter(int row, long txid) {
        LONGS.setVolatile(deleters, row, txid);
    }

    boolean casDeleter(int row, long expected, long txid) {
        return LONGS.compareAndSet(deleters, row, expected, txid);
    }

    int deleteCommandId(int row) {
        return deleteCommandIds[row];
    }

    void setDeleteCommandId(int row, int commandId) {
        deleteCommandIds[row] = commandId;
    }

    /** Widens the stats of column {@code attnum} by its rows {@code [from, to)} (write lock held). */
    void updateStats(int attnum, int from, int to) {
        FieldVector v = vectors.get(attnum);
        if (v != null && LongValues.supported(v)) {
            LongValues.accumulate(v, from, to, stats.computeIfAbsent(attnum, a -> new long[3]));
        }
    }

    /** Stats of column {@code attnum}, or null when not kept for its type (read lock held). */
    ColumnStats columnStats(int attnum) {
        long[] s = stats.get(attnum);
        if (s == null) {
            FieldVector v = vectors.get(attnum);
            return v != null && LongValues.supported(v) ? new ColumnStats(0, 0, 0) : null;
        }
        return new ColumnStats(s[0], s[1], s[2]);
    }

    /** Rows a dictionary is built over at least; below that, comparing bytes is as cheap. */
    private static final int MIN_DICTIONARY_ROWS = 4096;
    /** A dictionary of a growing block is rebuilt once this many rows were appended after it. */
    private static final int REBUILD_AFTER_ROWS = 8192;

    /**
     * The dictionary of text column {@code attnum} over the block's first rows (all of them once the block is full;
     * rows appended after it was built are not covered), built on demand; null for non-text columns, small blocks
     * and columns with too many values (read lock held; builders of one block serialize).
     */
    synchronized TextDictionary dictionary(int attnum) {
        FieldVector v = vectors.get(attnum);
        if (!(v instanceof org.apache.arrow.vector.VarCharVector text) || rowCount < MIN_DICTIONARY_ROWS) {
            return null;
        }
        TextDictionary d = dictionaries.get(attnum);
        if (d != null && d.covers(v) && rowCount - d.rows() < REBUILD_AFTER_ROWS) {
            return d;
        }
        if (noDictionary.contains(attnum)) {
            return null;
        }
        d = TextDictionary.build(text, rowCount);
        if (d == null) {
            noDictionary.add(attnum);
        } else {
            dictionaries.put(attnum, d);
        }
        return d;
    }

    long bytes() {
        long n = (long) creators.length * 20;
        for (FieldVector v : vectors.values()) {
            n += v.getBufferSize();
        }
        return n;
    }

    void close() {
        for (FieldVector v : vectors.values()) {
            v.close();
        }
        vectors.clear();
        stats.clear();
        synchronized (this) {
            dictionaries.clear();
        }
    }
}
