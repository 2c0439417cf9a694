package io.epochdb.storage.txn;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out transaction ids and snapshots and keeps the commit log. Beginning, finishing and snapshotting are
 * serialized on this object's monitor (like PostgreSQL's ProcArrayLock), which is what makes a snapshot
 * consistent; everything else reads the concurrent in-progress map.
 *
 * <p>The commit log needs no entry per committed transaction: an id below the next id that is not in progress
 * has finished, and a finished transaction whose rows are still readable committed (rollbacks clean up their rows
 * before they finish).
 */
public final class TransactionManager {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionManager.class);

    /** Status of a transaction id in the commit log. */
    public enum Status {
        IN_PROGRESS,
        COMMITTED,
        ABORTED
    }

    private final Map<Long, Transaction> inProgress = new ConcurrentHashMap<>();
    /** Rolled-back ids, for {@link #status}; rows never need it. */
    private final Map<Long, Boolean> aborted = new ConcurrentHashMap<>();
    private long nextId = FIRST_ID;
    private volatile CommitLog commitLog = CommitLog.NONE;

    /**
     * Creator id of rows that are committed for everyone: data moved by maintenance (e.g. migrate_data) rather than
     * written by a transaction. Real transactions start above it, at 1.
     */
    public static final long FROZEN = 0;
    static final long FIRST_ID = 1;

    public void setCommitLog(CommitLog log) {
        this.commitLog = java.util.Objects.requireNonNull(log, "log");
    }

    /** After recovery: ids below {@code next} are taken (finished: committed, or rolled back with their rows marked). */
    public synchronized void restoreNextId(long next) {
        if (!inProgress.isEmpty()) {
            throw new IllegalStateException("transactions in progress");
        }
        nextId = Math.max(nextId, next);
    }

    /** What a checkpoint records: the next id and the ids in progress, taken consistently. */
    public record State(long nextId, long[] inProgress) {
    }

    public synchronized State state() {
        long[] ids = inProgress.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        return new State(nextId, ids);
    }

    public synchronized Transaction begin() {
        Transaction tx = new Transaction(nextId++, this);
        inProgress.put(tx.id(), tx);
        tx.setSnapshot(snapshotLocked(tx.id(), 0));
        return tx;
    }

    synchronized Snapshot takeSnapshot(Transaction tx) {
        return snapshotLocked(tx.id(), tx.commandId());
    }

    private Snapshot snapshotLocked(long own, int commandId) {
        long[] ids = new long[inProgress.size()];
        int n = 0;
        for (Long id : inProgress.keySet()) {
            if (id != own && n < ids.length) {
                ids[n++] = id;
            }
        }
        long[] sorted = java.util.Arrays.copyOf(ids, n);
        java.util.Arrays.sort(sorted);
        return new Snapshot(own, commandId, nextId, sorted);
    }

    public void commit(Transaction tx) {
        tx.lockForEnd();
        try {
            if (tx.state() != Transaction.State.ACTIVE) {
                throw new EpochException(ErrorCode.INTERNAL_ERROR, "cannot commit " + tx);
            }
            Runnable markCommitted = () -> {
                synchronized (this) {
                    inProgress.remove(tx.id());
                    tx.setState(Transaction.State.COMMITTED);
                }
            };
            if (tx.wrote()) {
                commitLog.commit(tx, markCommitted);
            } else {
                markCommitted.run();
            }
        } finally {
            tx.unlockForEnd();
        }
        tx.takeUndo();
    }

    /**
     * Undoes the transaction's writes, then ends it. Rolling back a finished transaction does nothing. Safe to call
     * from another thread than the one writing (it waits for a write in flight to finish).
     */
    public void rollback(Transaction tx) {
        tx.lockForEnd();
        try {
            if (tx.state() != Transaction.State.ACTIVE) {
                return;
            }
            // Undo runs outside the monitor (it takes table locks) but before the id leaves the in-progress set.
            for (Runnable action : tx.takeUndo()) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("undo of {} failed", tx, e);
                }
            }
            synchronized (this) {
                inProgress.remove(tx.id());
                aborted.put(tx.id(), Boolean.TRUE);
                tx.setState(Transaction.State.ABORTED);
            }
            if (tx.wrote()) {
                try {
                    commitLog.aborted(tx);
                } catch (RuntimeException e) {
                    LOG.warn("logging the rollback of {} failed", tx, e);
                }
            }
        } finally {
            tx.unlockForEnd();
        }
    }

    /** Whether transaction {@code id} is still in progress. */
    public boolean isInProgress(long id) {
        return inProgress.containsKey(id);
    }

    public Status status(long id) {
        if (inProgress.containsKey(id)) {
            return Status.IN_PROGRESS;
        }
        if (aborted.containsKey(id)) {
            return Status.ABORTED;
        }
        synchronized (this) {
            if (id >= nextId) {
                throw new IllegalArgumentException("transaction id " + id + " not yet assigned");
            }
        }
        return Status.COMMITTED;
    }

    /** Oldest id any running transaction may still need; rows deleted by committed ids below it are garbage. */
    public synchronized long oldestActive() {
        long min = nextId;
        for (Long id : inProgress.keySet()) {
            min = Math.min(min, id);
        }
        return min;
    }

    public int inProgressCount() {
        return inProgress.size();
    }
}
