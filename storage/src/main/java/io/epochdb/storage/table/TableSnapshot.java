package io.epochdb.storage.table;

import java.util.List;

import io.epochdb.storage.catalog.TableDef;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A consistent view of one table for one statement, split into parts that can be read independently (and in
 * parallel). Holds no Arrow memory itself, so it needs no closing.
 */
public interface TableSnapshot {
    /** The table definition when the snapshot was taken; {@code columns} positions in {@link #read} refer to it. */
    TableDef def();

    int partCount();

    /**
     * The visible rows of one part: new vectors (allocated from {@code allocator}, owned by the caller) for the
     * requested 0-based column positions, plus their row ids if {@code withRowIds}.
     */
    default ScanPart read(int part, int[] columns, boolean withRowIds, BufferAllocator allocator) {
        return read(part, columns, withRowIds, RowConstraints.NONE, allocator);
    }

    /**
     * Like {@link #read(int, int[], boolean, BufferAllocator)}, leaving out the rows that fail {@code constraints}
     * (column positions as in {@code def()}), so they are never copied. The planner relies on this being exact
     * (it drops the filter conditions the constraints express), except for what {@link RowConstraints} documents
     * as kept.
     */
    ScanPart read(int part, int[] columns, boolean withRowIds, RowConstraints constraints, BufferAllocator allocator);

    /** The hypertable chunk {@code part} belongs to, or -1 for a plain table. */
    default int chunkId(int part) {
        return -1;
    }

    /**
     * Min/max of the column at 0-based position {@code column} over the part's stored rows (a superset of the
     * visible ones), or null when unknown: integer, timestamp and date columns have stats; others do not. Lets a
     * scan skip parts that cannot hold a row matching its predicates without reading them.
     */
    default ColumnStats columnStats(int part, int column) {
        return null;
    }

    /**
     * Every distinct value (UTF-8) of text column {@code column} among the part's rows (possibly more: rows this
     * snapshot does not see), or null when unknown or when some row holds NULL. From the part's dictionary.
     */
    default List<byte[]> distinctTexts(int part, int column) {
        return null;
    }
}
