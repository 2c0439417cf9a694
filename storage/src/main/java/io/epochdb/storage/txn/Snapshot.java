package io.epochdb.storage.txn;

import java.util.Arrays;

/**
 * What one statement of one transaction may see, taken as PostgreSQL takes it: every transaction id below
 * {@code xmax} that was not in progress when the snapshot was taken has finished. Rolled-back transactions
 * leave no trace in stored rows by the time they finish (their rows' creator is set to {@link #ABORTED} and
 * their deletions are undone first), so "finished" here means committed.
 */
public final class Snapshot {
    /** Creator id written over the rows of a rolled-back transaction: never visible, never conflicting. */
    public static final long ABORTED = Long.MAX_VALUE;
    /** Deleter id of a live row. */
    public static final long LIVE = 0;

    private final long txid;
    private final int commandId;
    private final long xmin;
    private final long xmax;
    private final long[] inProgress;

    /**
     * @param txid the owning transaction
     * @param commandId the owning transaction's statement number (PostgreSQL's command id)
     * @param xmax first transaction id not yet assigned when the snapshot was taken
     * @param inProgress sorted ids of other transactions in progress then
     */
    Snapshot(long txid, int commandId, long xmax, long[] inProgress) {
        this.txid = txid;
        this.commandId = commandId;
        this.xmax = xmax;
        this.inProgress = inProgress;
        this.xmin = inProgress.length == 0 ? xmax : Math.min(inProgress[0], xmax);
    }

    public long txid() {
        return txid;
    }

    /** The statement this snapshot belongs to: rows its own transaction deletes in this or later statements stay visible. */
    public int commandId() {
        return commandId;
    }

    public long xmin() {
        return xmin;
    }

    public long xmax() {
        return xmax;
    }

    /** Whether transaction {@code id} (not this snapshot's own) had committed when the snapshot was taken. */
    public boolean committedBefore(long id) {
        if (id < xmin) {
            return true;
        }
        if (id >= xmax) {
            return false;
        }
        return Arrays.binarySearch(inProgress, id) < 0;
    }

    /**
     * MVCC visibility of a row version created by {@code creator} and deleted by {@code deleter} (0 if live) in
     * statement {@code deleteCommandId} of the deleting transaction (only consulted when that is this snapshot's
     * own transaction). As in PostgreSQL, a statement still sees the rows its own transaction deletes during or
     * after it (a cursor, a self-referencing UPDATE), but not those deleted by earlier statements.
     */
    public boolean isVisible(long creator, long deleter, int deleteCommandId) {
        if (creator != txid && !committedBefore(creator)) {
            return false;
        }
        if (deleter == LIVE) {
            return true;
        }
        if (deleter == txid) {
            return deleteCommandId >= commandId;
        }
        return !committedBefore(deleter);
    }

    /** {@link #isVisible(long, long, int)} for a deletion by an earlier statement. */
    public boolean isVisible(long creator, long deleter) {
        return isVisible(creator, deleter, Integer.MIN_VALUE);
    }

    @Override
    public String toString() {
        return "Snapshot[tx=" + txid + ", xmin=" + xmin + ", xmax=" + xmax + ", inProgress=" + Arrays.toString(inProgress) + "]";
    }
}
