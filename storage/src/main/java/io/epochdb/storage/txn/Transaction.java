package io.epochdb.storage.txn;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One transaction. READ COMMITTED, as PostgreSQL's default: {@link #beginStatement()} takes a fresh snapshot, so
 * each statement sees what was committed before it started plus the transaction's own earlier writes.
 *
 * <p>Writers register undo actions; a rollback runs them (newest first) before the transaction stops being in
 * progress, so no snapshot ever sees a rolled-back row as committed.
 */
public final class Transaction {
    enum State {
        ACTIVE,
        COMMITTED,
        ABORTED
    }

    private final long id;
    private final TransactionManager manager;
    private volatile Snapshot snapshot;
    /** Statement counter (PostgreSQL's command id); the first statement is 0. */
    private volatile int commandId;
    private volatile State state = State.ACTIVE;
    /** Whether the transaction inserted or deleted rows (only then its commit is logged). */
    private volatile boolean wrote;
    /** PostgreSQL's synchronous_commit: whether commit waits for the WAL fsync. */
    private volatile boolean synchronousCommit = true;
    private final List<Runnable> undo = new ArrayList<>();
    /**
     * Writes hold the read side while they run; commit and rollback take the write side, so a transaction never
     * ends (say, rolled back by a closing connection's thread) while one of its writes is half done and its undo
     * not yet registered.
     */
    private final ReentrantReadWriteLock writeGuard = new ReentrantReadWriteLock();

    Transaction(long id, TransactionManager manager) {
        this.id = id;
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    public long id() {
        return id;
    }

    /** Takes the snapshot the next statement reads with. */
    public void beginStatement() {
        requireActive();
        commandId++;
        snapshot = manager.takeSnapshot(this);
    }

    /** The current statement's number within the transaction. */
    public int commandId() {
        return commandId;
    }

    /** The current statement's snapshot (the transaction's first one until {@link #beginStatement()} is called). */
    public Snapshot snapshot() {
        return snapshot;
    }

    void setSnapshot(Snapshot s) {
        snapshot = s;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    public boolean isCommitted() {
        return state == State.COMMITTED;
    }

    State state() {
        return state;
    }

    void setState(State newState) {
        state = newState;
    }

    /** Fails unless the transaction can still read and write. */
    public void requireActive() {
        if (state != State.ACTIVE) {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, "transaction " + id + " is not in progress");
        }
    }

    /**
     * Starts one write (insert, delete): fails unless the transaction is in progress, and keeps it from ending
     * until {@link #endWrite()}.
     */
    public void beginWrite() {
        writeGuard.readLock().lock();
        if (state != State.ACTIVE) {
            writeGuard.readLock().unlock();
            requireActive();
        }
    }

    public void endWrite() {
        writeGuard.readLock().unlock();
    }

    void lockForEnd() {
        writeGuard.writeLock().lock();
    }

    void unlockForEnd() {
        writeGuard.writeLock().unlock();
    }

    public void markWritten() {
        wrote = true;
    }

    public boolean wrote() {
        return wrote;
    }

    public void setSynchronousCommit(boolean on) {
        synchronousCommit = on;
    }

    public boolean synchronousCommit() {
        return synchronousCommit;
    }

    /** Registers work that undoes one of this transaction's writes if it rolls back. */
    public void addUndo(Runnable action) {
        Objects.requireNonNull(action, "action");
        synchronized (undo) {
            undo.add(action);
        }
    }

    /** The undo actions, newest first, and forgets them. */
    List<Runnable> takeUndo() {
        synchronized (undo) {
            List<Runnable> out = new ArrayList<>(undo.size());
            for (int i = undo.size() - 1; i >= 0; i--) {
                out.add(undo.get(i));
            }
            undo.clear();
            return out;
        }
    }

    @Override
    public String toString() {
        return "Transaction[" + id + ", " + state + "]";
    }
}
