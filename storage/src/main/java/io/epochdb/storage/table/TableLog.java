package io.epochdb.storage.table;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Where a table reports its writes so they reach the write-ahead log in the order they were applied. Calls happen
 * between {@link #beginWrite()} and {@link #endWrite()}, with the table's lock held, so the log order per table is
 * the order of the row ids. The default does nothing (tables in tests, no durability).
 */
public interface TableLog {
    TableLog NONE = new TableLog() {
    };

    /** Entered before the table's lock is taken for a logged write (a checkpoint waits for writes in flight). */
    default void beginWrite() {
    }

    default void endWrite() {
    }

    /** Rows {@code firstRowId ..} were appended by {@code txid}; {@code columns} are in table column order. */
    default void inserted(long txid, long firstRowId, List<FieldVector> columns, int rowCount) {
    }

    /** {@code txid} marked rows {@code rowIds[0, n)} deleted. */
    default void deleted(long txid, long[] rowIds, int n) {
    }
}
