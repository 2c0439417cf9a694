package io.epochdb.storage.txn;

/**
 * How transaction ends reach the write-ahead log. The default does nothing (no durability).
 */
public interface CommitLog {
    CommitLog NONE = new CommitLog() {
    };

    /**
     * Logs the commit of {@code tx} (which wrote rows), waits until it is durable if {@code tx} commits
     * synchronously, then runs {@code markCommitted}, which makes the rows visible. Implementations keep a
     * checkpoint from starting between the log record and {@code markCommitted}.
     */
    default void commit(Transaction tx, Runnable markCommitted) {
        markCommitted.run();
    }

    /** {@code tx}, which wrote rows, rolled back (its undo already ran). */
    default void aborted(Transaction tx) {
    }
}
