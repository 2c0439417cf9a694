package io.epochdb.storage.persist;

import io.epochdb.storage.table.TableLog;
import io.epochdb.storage.txn.CommitLog;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.wal.BatchCodec;
import io.epochdb.storage.wal.WalWriter;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.arrow.vector.FieldVector;

/**
 * The WAL as the rest of storage sees it: table writes, commits, catalog images, chunk changes, sequences.
 *
 * <p>The checkpoint barrier: every write that puts a record in the log and changes memory holds the barrier's read
 * side across both; a checkpoint holds the write side while it switches to a new WAL file and captures what it
 * will write. So a record is in the old file exactly when its effect is in the checkpoint.
 */
public final class DurableLog implements CommitLog {
    private final WalWriter wal;
    private final ReentrantReadWriteLock barrier = new ReentrantReadWriteLock();

    public DurableLog(WalWriter wal) {
        this.wal = Objects.requireNonNull(wal, "wal");
    }

    public WalWriter wal() {
        return wal;
    }

    public void enter() {
        barrier.readLock().lock();
    }

    public void exit() {
        barrier.readLock().unlock();
    }

    /** Runs {@code capture} with all logged writes held off (the checkpoint's critical section). */
    public <T> T exclusive(Supplier<T> capture) {
        barrier.writeLock().lock();
        try {
            return capture.get();
        } finally {
            barrier.writeLock().unlock();
        }
    }

    /** The log of one table (chunk id 0) or hypertable chunk. */
    public TableLog tableLog(int tableOid, int chunkId) {
        return new TableLog() {
            @Override
            public void beginWrite() {
                enter();
            }

            @Override
            public void endWrite() {
                exit();
            }

            @Override
            public void inserted(long txid, long firstRowId, List<FieldVector> columns, int rowCount) {
                LogRecords.Body body = new LogRecords.Body(256 + rowCount * 16);
                body.putLong(txid).putInt(tableOid).putInt(chunkId).putLong(firstRowId).putInt(rowCount);
                BatchCodec.write(columns, rowCount, body);
                wal.append(LogRecords.INSERT, body.buffer(), 0, body.size());
            }

            @Override
            public void deleted(long txid, long[] rowIds, int n) {
                wal.append(LogRecords.DELETE, LogRecords.delete(txid, tableOid, chunkId, rowIds, n));
            }
        };
    }

    @Override
    public void commit(Transaction tx, Runnable markCommitted) {
        enter();
        try {
            long pos = wal.append(LogRecords.COMMIT, LogRecords.txid(tx.id()));
            if (tx.synchronousCommit()) {
                wal.awaitDurable(pos);
            }
            markCommitted.run();
        } finally {
            exit();
        }
    }

    @Override
    public void aborted(Transaction tx) {
        wal.append(LogRecords.ABORT, LogRecords.txid(tx.id()));
    }

    /** Logs a catalog image and waits until it is durable (DDL always commits synchronously). */
    public void catalog(byte[] image) {
        enter();
        try {
            wal.awaitDurable(wal.append(LogRecords.CATALOG, image));
        } finally {
            exit();
        }
    }

    public void chunkCreated(int tableOid, int chunkId, long start, long end) {
        wal.append(LogRecords.CHUNK_CREATE, LogRecords.chunkCreate(tableOid, chunkId, start, end));
    }

    public void chunksDropped(int tableOid, int[] ids) {
        wal.awaitDurable(wal.append(LogRecords.CHUNK_DROP, LogRecords.chunkDrop(tableOid, ids)));
    }

    public void columnFill(int tableOid, int attnum, FieldVector oneValue) {
        LogRecords.Body body = new LogRecords.Body(256);
        body.putInt(tableOid).putInt(attnum);
        BatchCodec.write(List.of(oneValue), 1, body);
        wal.append(LogRecords.COLUMN_FILL, body.buffer(), 0, body.size());
    }

    public void sequence(String name, long value) {
        wal.append(LogRecords.SEQUENCE, LogRecords.sequence(name, value));
    }

    /** Starts a new WAL file (inside {@link #exclusive}); returns its sequence number. */
    public long rotate() throws IOException {
        return wal.rotate();
    }
}
