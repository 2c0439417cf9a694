package io.epochdb.storage.table;

import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.txn.Transaction;
import java.util.List;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A table's rows, versioned for MVCC. Thread-safe: many sessions read and write one table at once. Rows are
 * addressed by a stable row id (a position; see the implementation for its layout).
 */
public interface Table {
    /** The current definition (columns, constraints). */
    TableDef def();

    /**
     * The rows visible to {@code tx}'s current statement snapshot. The view stays consistent while writers
     * continue: rows appended later are never part of it.
     */
    TableSnapshot snapshot(Transaction tx);

    /**
     * Appends {@code rowCount} rows created by {@code tx}, all or nothing. {@code columns} are in table column
     * order with the Arrow types {@code ArrowTypes} maps the column types to; the vectors stay the caller's.
     * Fails with 23502 (NOT NULL) or 23505 (PRIMARY KEY / UNIQUE, checked against stored rows and the batch).
     *
     * @return the number of rows inserted
     */
    long insert(Transaction tx, List<FieldVector> columns, int rowCount);

    /**
     * Marks rows deleted by {@code tx} (UPDATE is delete plus insert). Rows already deleted by {@code tx} are
     * skipped. A row deleted or created by another transaction that is in progress, or deleted by one that
     * committed after the statement's snapshot, fails with 40001 {@code could not serialize access due to
     * concurrent update}: we never wait for another transaction.
     *
     * @return the number of rows this call deleted
     */
    long delete(Transaction tx, long[] rowIds, int count);

    /**
     * For ON CONFLICT: the id of a live row (committed, or written by {@code tx}) whose key under the PRIMARY KEY
     * or UNIQUE {@code constraint} equals {@code keyValues} (Java values per {@code SqlType}'s convention, in the
     * constraint's column order). Empty if none, or if any key value is NULL.
     */
    OptionalLong findConflict(Transaction tx, ConstraintDef constraint, List<Object> keyValues);

    /**
     * Reads the given rows (whatever their visibility) in the given order: ON CONFLICT DO UPDATE reads the row
     * {@link #findConflict} found with it. {@code columns} are 0-based positions in {@link #def()}.
     */
    ScanPart fetch(long[] rowIds, int count, int[] columns, BufferAllocator allocator);

    /** Rows stored minus rows deleted: cheap, not exact under concurrent writes. */
    long approximateRowCount();

    /** Bytes of memory the table's data takes. */
    long sizeBytes();
}
