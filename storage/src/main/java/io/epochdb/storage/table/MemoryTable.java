package io.epochdb.storage.table;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.txn.Snapshot;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.txn.TransactionManager;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A table held in memory: append-only {@link Block}s of {@link #BLOCK_ROWS} rows, each row carrying its creator
 * and deleter transaction ids. Row id = block number * BLOCK_ROWS + offset; since every block fills before the
 * next one starts, it is also the row's ordinal, and it never changes.
 *
 * <p>Concurrency: one read-write lock per table. Appends, ALTERs and rollbacks take the write lock for the time it
 * takes to copy one batch; scans take the read lock for one part at a time; deletes take the read lock and
 * compare-and-set each row's deleter, so a write-write conflict is seen at once and reported as 40001 (we never
 * wait for another transaction). A snapshot captures the row count when it is taken, so rows appended later are
 * never part of it, and decides visibility per row.
 *
 * <p>Unique keys: one hash index per PRIMARY KEY / UNIQUE constraint / unique index, checked under the write lock
 * that also appends, so two inserts of the same key can never both succeed. A key held by a row of a transaction
 * still in progress (inserted, or deleted but not committed) conflicts at once with 23505; PostgreSQL would wait
 * for that transaction instead.
 */
public final class MemoryTable implements Table {
    public static final int BLOCK_BITS = 16;
    public static final int BLOCK_ROWS = 1 << BLOCK_BITS;
    /** Per-thread row-position scratch for {@link MemoryTableSnapshot#read}. */
    private static final ThreadLocal<int[]> SELECTION = ThreadLocal.withInitial(() -> new int[0]);
    private static final int OFFSET_MASK = BLOCK_ROWS - 1;

    private final BufferAllocator allocator;
    private final TransactionManager transactions;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile TableDef def;
    /** Guarded by lock. */
    private final List<Block> blocks = new ArrayList<>();
    /** Guarded by lock; volatile for {@link #approximateRowCount()}. */
    private volatile long totalRows;
    private final AtomicLong deletedRows = new AtomicLong();
    private final AtomicLong abortedRows = new AtomicLong();
    /** Index oid to index; guarded by lock. */
    private final Map<Integer, UniqueIndex> uniqueIndexes = new LinkedHashMap<>();
    /** Guarded by lock. */
    private boolean closed;
    private volatile TableLog log = TableLog.NONE;

    /**
     * @param parentAllocator the table allocates a child of it for its data and closes that child on {@link #close()}
     */
    public MemoryTable(TableDef def, TransactionManager transactions, BufferAllocator parentAllocator) {
        this.def = Objects.requireNonNull(def, "def");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.allocator = parentAllocator.newChildAllocator("table-" + def.oid(), 0, Long.MAX_VALUE);
    }

    @Override
    public TableDef def() {
        return def;
    }

    /** Where inserts and deletes are logged from now on. */
    public void setLog(TableLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    static int blockOf(long rowId) {
        return (int) (rowId >>> BLOCK_BITS);
    }

    static int offsetOf(long rowId) {
        return (int) (rowId & OFFSET_MASK);
    }

    private void ensureOpen() {
        if (closed) {
            throw EpochException.of(ErrorCode.UNDEFINED_TABLE, "relation \"%s\" does not exist", def.name());
        }
    }

    // ---------------------------------------------------------------- reading

    @Override
    public TableSnapshot snapshot(Transaction tx) {
        Snapshot s = Objects.requireNonNull(tx.snapshot(), "snapshot");
        lock.readLock().lock();
        try {
            ensureOpen();
            return new MemoryTableSnapshot(def, s, totalRows);
        } finally {
            lock.readLock().unlock();
        }
    }

    private final class MemoryTableSnapshot implements TableSnapshot {
        private final TableDef snapDef;
        private final Snapshot snapshot;
        private final long watermark;

        MemoryTableSnapshot(TableDef snapDef, Snapshot snapshot, long watermark) {
            this.snapDef = snapDef;
            this.snapshot = snapshot;
            this.watermark = watermark;
        }

        @Override
        public TableDef def() {
            return snapDef;
        }

        @Override
        public int partCount() {
            return (int) ((watermark + BLOCK_ROWS - 1) / BLOCK_ROWS);
        }

        @Override
        public ScanPart read(int part, int[] columns, boolean withRowIds, RowConstraints constraints,
                             BufferAllocator out) {
            if (part < 0 || part >= partCount()) {
                throw new IndexOutOfBoundsException("part " + part + " of " + partCount());
            }
            lock.readLock().lock();
            try {
                ensureOpen();
                Block b = blocks.get(part);
                int limit = (int) Math.min(b.rowCount, watermark - (long) part * BLOCK_ROWS);
                boolean allVisible = b.allVisibleBelow(snapshot.xmin());
                if (allVisible && constraints.isEmpty()) {
                    return copyRows(b, snapDef, columns, null, limit, withRowIds, out);
                }
                int[] selected = selectionScratch(limit);
                int n = 0;
                if (allVisible) {
                    n = limit; // the constraints list rows 0..limit-1 themselves, or take them from postings
                } else {
                    long own = snapshot.txid();
                    for (int r = 0; r < limit; r++) {
                        long deleter = b.deleter(r);
                        if (snapshot.isVisible(b.creator(r), deleter, deleter == own ? b.deleteCommandId(r) : 0)) {
                            selected[n++] = r;
                        }
                    }
                }
                if (!constraints.isEmpty() && n > 0) {
                    n = constraints.apply(blockView(b, limit), selected, n, n == limit);
                }
                return copyRows(b, snapDef, columns, n == limit ? null : selected, n, withRowIds, out);
            } finally {
                lock.readLock().unlock();
            }
        }

        @Override
        public List<byte[]> distinctTexts(int part, int column) {
            lock.readLock().lock();
            try {
                if (closed || part < 0 || part >= partCount()) {
                    return null;
                }
                Block b = blocks.get(part);
                int limit = (int) Math.min(b.rowCount, watermark - (long) part * BLOCK_ROWS);
                TextDictionary d = b.dictionary(snapDef.columns().get(column).attnum());
                if (d == null || d.rows() < limit || d.anyNull()) {
                    return null;
                }
                List<byte[]> values = new ArrayList<>(d.distinctCount());
                for (int c = 0; c < d.distinctCount(); c++) {
                    values.add(d.value(c));
                }
                return values;
            } finally {
                lock.readLock().unlock();
            }
        }

        /**
         * A row-position array of at least {@code rows} entries for one read on this thread (reads run on query
         * and read-ahead threads; none keeps the array): a fresh 256 KiB array per block read cost its zeroing and
         * most of a small query's garbage.
         */
        private static int[] selectionScratch(int rows) {
            int[] a = SELECTION.get();
            if (a.length < rows) {
                a = new int[Math.max(rows, BLOCK_ROWS)];
                SELECTION.set(a);
            }
            return a;
        }

        /** Block {@code b} as this snapshot's column positions see it (read lock held during use). */
        private PartView blockView(Block b, int limit) {
            return new PartView() {
                @Override
                public FieldVector column(int position) {
                    return b.vectors.get(snapDef.columns().get(position).attnum());
                }

                @Override
                public TextDictionary dictionary(int position) {
                    return b.dictionary(snapDef.columns().get(position).attnum());
                }

                @Override
                public int rowCount() {
                    return limit;
                }
            };
        }

        @Override
        public ColumnStats columnStats(int part, int column) {
            lock.readLock().lock();
            try {
                if (closed || part < 0 || part >= blocks.size()) {
                    return null;
                }
                return blocks.get(part).columnStats(snapDef.columns().get(column).attnum());
            } finally {
                lock.readLock().unlock();
            }
        }
    }

    /** Copies rows {@code selected[0..n)} (or with {@code selected} null rows 0..n-1) of block {@code b} (read lock held). */
    private ScanPart copyRows(Block b, TableDef d, int[] columns, int[] selected, int n, boolean withRowIds,
                              BufferAllocator out) {
        List<FieldVector> vectors = new ArrayList<>(columns.length);
        BigIntVector ids = null;
        try {
            for (int c : columns) {
                ColumnDef col = d.columns().get(c);
                FieldVector dst = ArrowTypes.newVector(col.name(), col.type(), out, n);
                vectors.add(dst);
                FieldVector src = b.vectors.get(col.attnum());
                if (src != null && selected == null) {
                    VectorCopy.copyRange(src, 0, dst, 0, n);
                } else if (src != null) {
                    VectorCopy.gather(src, selected, n, dst);
                }
                // A column dropped after the snapshot was taken reads as NULLs (freshly allocated vectors are).
                dst.setValueCount(n);
            }
            if (withRowIds) {
                ids = new BigIntVector("$rowid", out);
                ids.allocateNew(Math.max(n, 1));
                long base = (long) b.number << BLOCK_BITS;
                for (int i = 0; i < n; i++) {
                    ids.set(i, base + (selected == null ? i : selected[i]));
                }
                ids.setValueCount(n);
            }
            return new ScanPart(vectors, ids, n);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            if (ids != null) {
                ids.close();
            }
            throw e;
        }
    }

    @Override
    public ScanPart fetch(long[] rowIds, int count, int[] columns, BufferAllocator out) {
        TableDef d = def;
        List<FieldVector> vectors = new ArrayList<>(columns.length);
        BigIntVector ids = new BigIntVector("$rowid", out);
        lock.readLock().lock();
        try {
            ensureOpen();
            for (int c : columns) {
                ColumnDef col = d.columns().get(c);
                vectors.add(ArrowTypes.newVector(col.name(), col.type(), out, count));
            }
            ids.allocateNew(Math.max(count, 1));
            for (int i = 0; i < count; i++) {
                long rid = checkRowId(rowIds[i]);
                Block b = blocks.get(blockOf(rid));
                int off = offsetOf(rid);
                for (int k = 0; k < columns.length; k++) {
                    FieldVector src = b.vectors.get(d.columns().get(columns[k]).attnum());
                    if (src != null) {
                        vectors.get(k).copyFromSafe(off, i, src);
                    } else {
                        ArrowTypes.setNull(vectors.get(k), i);
                    }
                }
                ids.set(i, rid);
            }
            for (FieldVector v : vectors) {
                v.setValueCount(count);
            }
            ids.setValueCount(count);
            return new ScanPart(vectors, ids, count);
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            ids.close();
            throw e;
        } finally {
            lock.readLock().unlock();
        }
    }

    private long checkRowId(long rid) {
        if (rid < 0 || rid >= totalRows) {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, "row id " + rid + " out of range for " + def.name());
        }
        return rid;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public long insert(Transaction tx, List<FieldVector> columns, int rowCount) {
        if (rowCount == 0) {
            tx.requireActive();
            return 0;
        }
        tx.beginWrite();
        TableLog l = log;
        l.beginWrite();
        try {
            tx.markWritten();
            return insertRows(tx, columns, rowCount, l);
        } finally {
            l.endWrite();
            tx.endWrite();
        }
    }

    private long insertRows(Transaction tx, List<FieldVector> columns, int rowCount, TableLog l) {
        long first;
        lock.writeLock().lock();
        try {
            ensureOpen();
            TableDef d = def;
            checkShape(d, columns, rowCount);
            checkNotNull(d, columns, rowCount);
            BatchKeys[] keys = checkUnique(tx.id(), d, columns, rowCount);
            first = totalRows;
            try {
                append(tx.id(), d, columns, rowCount);
                l.inserted(tx.id(), first, columns, rowCount);
            } catch (RuntimeException e) {
                discardPartialAppend(d, first);
                if (e instanceof OutOfMemoryException) {
                    throw new EpochException(ErrorCode.OUT_OF_MEMORY, "out of memory",
                        "Failed on request to store " + rowCount + " rows in table \"" + d.name() + "\".", null, 0, e);
                }
                throw e;
            }
            indexKeys(keys, first, rowCount);
        } finally {
            lock.writeLock().unlock();
        }
        long txid = tx.id();
        tx.addUndo(() -> abortRows(txid, first, rowCount));
        return rowCount;
    }

    private static void checkShape(TableDef d, List<FieldVector> columns, int rowCount) {
        if (columns.size() != d.columns().size()) {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, "insert into \"" + d.name() + "\" got " + columns.size()
                + " columns, table has " + d.columns().size());
        }
        for (int i = 0; i < columns.size(); i++) {
            FieldVector v = columns.get(i);
            ColumnDef col = d.columns().get(i);
            ArrowType expected = ArrowTypes.arrowType(col.type().type());
            if (!compatible(v.getField().getType(), expected) || v.getValueCount() < rowCount) {
                throw new EpochException(ErrorCode.INTERNAL_ERROR, "insert into \"" + d.name() + "\": column \""
                    + col.name() + "\" expects " + expected + " with " + rowCount + " values, got "
                    + v.getField().getType() + " with " + v.getValueCount());
            }
        }
    }

    /**
     * Same vector class: timestamps with another zone name are fine (values are UTC microseconds either way), and
     * an Arrow Null vector stands for a column of NULLs. Lists must match exactly (their element vectors differ).
     */
    private static boolean compatible(ArrowType actual, ArrowType expected) {
        if (actual.equals(expected) || actual.getTypeID() == ArrowType.ArrowTypeID.Null) {
            return true;
        }
        return actual instanceof ArrowType.Timestamp a && expected instanceof ArrowType.Timestamp e
            && a.getUnit() == e.getUnit() && (a.getTimezone() == null) == (e.getTimezone() == null);
    }

    private static void checkNotNull(TableDef d, List<FieldVector> columns, int rowCount) {
        for (int i = 0; i < columns.size(); i++) {
            ColumnDef col = d.columns().get(i);
            FieldVector v = columns.get(i);
            if (!col.notNull() || v.getNullCount() == 0) {
                continue;
            }
            for (int r = 0; r < rowCount; r++) {
                if (v.isNull(r)) {
                    throw new EpochException(ErrorCode.NOT_NULL_VIOLATION, "null value in column \"" + col.name()
                        + "\" of relation \"" + d.name() + "\" violates not-null constraint",
                        "Failing row contains (" + rowText(d, columns, r) + ").", null, 0, null);
                }
            }
        }
    }

    private static String rowText(TableDef d, List<FieldVector> columns, int row) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            SqlType t = d.columns().get(i).type().type();
            sb.append(ValueText.format(ArrowTypes.get(columns.get(i), row, t), t));
        }
        return sb.toString();
    }

    /** One unique index's keys for the rows of a batch: {@code longs} for long-keyed indexes, else {@code objects}. */
    private record BatchKeys(long[] longs, boolean[] present, Object[] objects) {
    }

    /** Keys per unique index per row (absent for keys with a NULL part); throws 23505 on any duplicate. */
    private BatchKeys[] checkUnique(long txid, TableDef d, List<FieldVector> columns, int rowCount) {
        BatchKeys[] keys = new BatchKeys[uniqueIndexes.size()];
        int i = 0;
        for (UniqueIndex ix : uniqueIndexes.values()) {
            int[] positions = positions(d, ix);
            FieldVector[] keyColumns = new FieldVector[positions.length];
            SqlType[] types = new SqlType[positions.length];
            for (int k = 0; k < positions.length; k++) {
                keyColumns[k] = columns.get(positions[k]);
                types[k] = d.columns().get(positions[k]).type().type();
            }
            keys[i++] = ix.longKeyed ? checkLongKeys(txid, ix, d, keyColumns, types, rowCount)
                : checkObjectKeys(txid, ix, d, keyColumns, types, rowCount);
        }
        return keys;
    }

    private BatchKeys checkLongKeys(long txid, UniqueIndex ix, TableDef d, FieldVector[] keyColumns, SqlType[] types,
                                    int rowCount) {
        FieldVector v = keyColumns[0];
        long[] longs = new long[rowCount];
        boolean[] present = new boolean[rowCount];
        LongRowMap inBatch = new LongRowMap(rowCount);
        for (int r = 0; r < rowCount; r++) {
            if (v.isNull(r)) {
                continue;
            }
            long key = UniqueIndex.readLong(v, r);
            if (!inBatch.putIfAbsent(key, r)) {
                throw duplicateKey(ix, d, keyColumns, types, r);
            }
            long[] existing = ix.rows(key);
            if (existing.length > 0 && pruneAndFindLive(existing, txid, (kept, n) -> ix.retain(key, kept, n)) >= 0) {
                throw duplicateKey(ix, d, keyColumns, types, r);
            }
            longs[r] = key;
            present[r] = true;
        }
        return new BatchKeys(longs, present, null);
    }

    private BatchKeys checkObjectKeys(long txid, UniqueIndex ix, TableDef d, FieldVector[] keyColumns, SqlType[] types,
                                      int rowCount) {
        Object[] objects = new Object[rowCount];
        Map<Object, Integer> inBatch = new HashMap<>();
        for (int r = 0; r < rowCount; r++) {
            Object key = KeyValues.fromRow(keyColumns, types, r);
            if (key == null) {
                continue;
            }
            if (inBatch.putIfAbsent(key, r) != null) {
                throw duplicateKey(ix, d, keyColumns, types, r);
            }
            long[] existing = ix.rows(key);
            if (existing.length > 0 && pruneAndFindLive(existing, txid, (kept, n) -> ix.retain(key, kept, n)) >= 0) {
                throw duplicateKey(ix, d, keyColumns, types, r);
            }
            objects[r] = key;
        }
        return new BatchKeys(null, null, objects);
    }

    /** Records a batch's keys (row ids from {@code first}) once its rows are stored. */
    private void indexKeys(BatchKeys[] keys, long first, int rowCount) {
        int i = 0;
        for (UniqueIndex ix : uniqueIndexes.values()) {
            BatchKeys k = keys[i++];
            for (int r = 0; r < rowCount; r++) {
                if (k.longs() != null) {
                    if (k.present()[r]) {
                        ix.add(k.longs()[r], first + r);
                    }
                } else if (k.objects()[r] != null) {
                    ix.add(k.objects()[r], first + r);
                }
            }
        }
    }

    private static int[] positions(TableDef d, UniqueIndex ix) {
        int[] positions = new int[ix.attnums.length];
        for (int k = 0; k < positions.length; k++) {
            positions[k] = position(d, ix.attnums[k]);
        }
        return positions;
    }

    private static int position(TableDef d, int attnum) {
        for (int p = 0; p < d.columns().size(); p++) {
            if (d.columns().get(p).attnum() == attnum) {
                return p;
            }
        }
        throw new EpochException(ErrorCode.INTERNAL_ERROR, "attnum " + attnum + " not in " + d.name());
    }

    private static EpochException duplicateKey(UniqueIndex ix, TableDef d, FieldVector[] keyColumns, SqlType[] types,
                                               int row) {
        return new EpochException(ErrorCode.UNIQUE_VIOLATION,
            "duplicate key value violates unique constraint \"" + ix.def.name() + "\"",
            "Key " + keyText(ix, d, keyColumns, types, row) + " already exists.", null, 0, null);
    }

    /** {@code (a, b)=(1, x)} as PostgreSQL prints a key. */
    private static String keyText(UniqueIndex ix, TableDef d, FieldVector[] keyColumns, SqlType[] types, int row) {
        StringBuilder names = new StringBuilder("(");
        StringBuilder values = new StringBuilder("(");
        for (int k = 0; k < keyColumns.length; k++) {
            if (k > 0) {
                names.append(", ");
                values.append(", ");
            }
            names.append(d.columns().get(position(d, ix.attnums[k])).name());
            values.append(ValueText.format(ArrowTypes.get(keyColumns[k], row, types[k]), types[k]));
        }
        return names.append(")=").append(values).append(')').toString();
    }

    /** Replaces a key's row versions with the {@code n} first of {@code kept}. */
    private interface Retainer {
        void retain(long[] kept, int n);
    }

    /**
     * The first of a key's versions {@code rows} that still holds the key against a writer {@code txid}: not rolled
     * back, and not deleted by a committed transaction or by {@code txid} itself; -1 if none. Versions that no longer
     * matter to anyone are dropped through {@code retainer} (write lock held).
     */
    private long pruneAndFindLive(long[] rows, long txid, Retainer retainer) {
        long live = -1;
        long[] kept = new long[rows.length];
        int n = 0;
        for (long rid : rows) {
            Liveness l = liveness(rid, txid);
            if (l == Liveness.DEAD) {
                continue;
            }
            kept[n++] = rid;
            if (l == Liveness.LIVE && live < 0) {
                live = rid;
            }
        }
        if (n != rows.length) {
            retainer.retain(kept, n);
        }
        return live;
    }

    private enum Liveness {
        /** Holds its key. */
        LIVE,
        /** Deleted by the asking transaction: does not hold its key, but comes back if that one rolls back. */
        DELETED_BY_ME,
        /** Rolled back, or deleted by a committed transaction. */
        DEAD
    }

    private Liveness liveness(long rid, long txid) {
        Block b = blocks.get(blockOf(rid));
        int off = offsetOf(rid);
        if (b.creator(off) == Snapshot.ABORTED) {
            return Liveness.DEAD;
        }
        long deleter = b.deleter(off);
        while (true) {
            if (deleter == Snapshot.LIVE) {
                return Liveness.LIVE;
            }
            if (deleter == txid) {
                return Liveness.DELETED_BY_ME;
            }
            if (transactions.isInProgress(deleter)) {
                return Liveness.LIVE;
            }
            // The deleter finished between our two reads. A rollback resets the deleter before the transaction
            // leaves the in-progress set (under the read lock we also hold), so read it again: still the same id
            // means the deletion committed; anything else means it was undone meanwhile.
            long again = b.deleter(off);
            if (again == deleter) {
                return Liveness.DEAD;
            }
            deleter = again;
        }
    }

    /**
     * Appends rows created by {@code txid} (write lock held). {@link #totalRows} and each block's row count advance
     * only after a block's share is fully copied, so a failure leaves whole rows behind, never partial ones.
     */
    private void append(long txid, TableDef d, List<FieldVector> columns, int rowCount) {
        int done = 0;
        while (done < rowCount) {
            Block b = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
            if (b == null || b.rowCount == BLOCK_ROWS) {
                b = newBlock(d, Math.min(rowCount - done, BLOCK_ROWS));
            }
            int n = Math.min(rowCount - done, BLOCK_ROWS - b.rowCount);
            int start = b.rowCount;
            b.ensureCapacity(start + n);
            for (int i = 0; i < columns.size(); i++) {
                FieldVector dst = b.vectors.get(d.columns().get(i).attnum());
                VectorCopy.copyRange(columns.get(i), done, dst, start, n);
                dst.setValueCount(start + n);
                b.updateStats(d.columns().get(i).attnum(), start, start + n);
            }
            for (int r = start; r < start + n; r++) {
                b.setCreator(r, txid);
            }
            b.maxCreator = Math.max(b.maxCreator, txid);
            b.rowCount = start + n;
            totalRows += n;
            done += n;
        }
    }

    /**
     * After a failed append: rows already stored from {@code first} on are marked rolled back, and the last block's
     * vectors are cut back to its row count so the next append starts clean.
     */
    private void discardPartialAppend(TableDef d, long first) {
        for (long rid = first; rid < totalRows; rid++) {
            Block b = blocks.get(blockOf(rid));
            b.anyDeadOrDeleted = true;
            b.setCreator(offsetOf(rid), Snapshot.ABORTED);
        }
        abortedRows.addAndGet(totalRows - first);
        if (!blocks.isEmpty()) {
            Block last = blocks.get(blocks.size() - 1);
            for (FieldVector v : last.vectors.values()) {
                v.setValueCount(last.rowCount);
            }
        }
    }

    private Block newBlock(TableDef d, int expectedRows) {
        Block b = new Block(blocks.size());
        try {
            for (ColumnDef col : d.columns()) {
                b.vectors.put(col.attnum(), ArrowTypes.newVector(col.name(), col.type(), allocator, expectedRows));
            }
        } catch (RuntimeException e) {
            b.close();
            throw e;
        }
        blocks.add(b);
        return b;
    }

    /** Rollback of an insert: the rows become invisible to everyone and hold no keys. */
    private void abortRows(long txid, long first, int count) {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            for (long rid = first; rid < first + count; rid++) {
                Block b = blocks.get(blockOf(rid));
                if (b.creator(offsetOf(rid)) == txid) {
                    b.anyDeadOrDeleted = true;
                    b.setCreator(offsetOf(rid), Snapshot.ABORTED);
                }
            }
            abortedRows.addAndGet(count);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public long delete(Transaction tx, long[] rowIds, int count) {
        tx.beginWrite();
        TableLog l = log;
        l.beginWrite();
        try {
            tx.markWritten();
            return deleteRows(tx, rowIds, count, l);
        } finally {
            l.endWrite();
            tx.endWrite();
        }
    }

    private long deleteRows(Transaction tx, long[] rowIds, int count, TableLog l) {
        long txid = tx.id();
        int commandId = tx.commandId();
        long[] mine = new long[count];
        int n = 0;
        lock.readLock().lock();
        try {
            ensureOpen();
            for (int i = 0; i < count; i++) {
                long rid = checkRowId(rowIds[i]);
                Block b = blocks.get(blockOf(rid));
                int off = offsetOf(rid);
                long creator = b.creator(off);
                if (creator == Snapshot.ABORTED) {
                    continue;
                }
                if (creator != txid && transactions.isInProgress(creator)) {
                    throw concurrentUpdate();
                }
                long deleter = b.deleter(off);
                if (deleter == txid) {
                    continue;
                }
                b.anyDeadOrDeleted = true; // before the deleter is set, so no scan can miss both
                if (deleter != Snapshot.LIVE || !b.casDeleter(off, Snapshot.LIVE, txid)) {
                    throw concurrentUpdate();
                }
                b.setDeleteCommandId(off, commandId);
                mine[n++] = rid;
            }
            if (n > 0) {
                l.deleted(txid, mine, n);
            }
        } finally {
            lock.readLock().unlock();
            if (n > 0) {
                long[] undone = Arrays.copyOf(mine, n);
                deletedRows.addAndGet(n);
                tx.addUndo(() -> undoDeletes(txid, undone));
            }
        }
        return n;
    }

    private static EpochException concurrentUpdate() {
        return new EpochException(ErrorCode.SERIALIZATION_FAILURE, "could not serialize access due to concurrent update");
    }

    private void undoDeletes(long txid, long[] rowIds) {
        lock.readLock().lock();
        try {
            if (closed) {
                return;
            }
            int n = 0;
            for (long rid : rowIds) {
                if (blocks.get(blockOf(rid)).casDeleter(offsetOf(rid), txid, Snapshot.LIVE)) {
                    n++;
                }
            }
            deletedRows.addAndGet(-n);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public OptionalLong findConflict(Transaction tx, ConstraintDef constraint, List<Object> keyValues) {
        lock.readLock().lock();
        try {
            ensureOpen();
            TableDef d = def;
            UniqueIndex ix = indexFor(constraint);
            int[] positions = positions(d, ix);
            SqlType[] types = new SqlType[positions.length];
            for (int k = 0; k < positions.length; k++) {
                types[k] = d.columns().get(positions[k]).type().type();
            }
            Object key = KeyValues.fromValues(keyValues, types);
            if (key == null) {
                return OptionalLong.empty();
            }
            for (long rid : ix.rows(key)) {
                if (liveness(rid, tx.id()) == Liveness.LIVE) {
                    return OptionalLong.of(rid);
                }
            }
            return OptionalLong.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    private UniqueIndex indexFor(ConstraintDef constraint) {
        for (UniqueIndex ix : uniqueIndexes.values()) {
            if (ix.def.name().equals(constraint.name())) {
                return ix;
            }
        }
        for (UniqueIndex ix : uniqueIndexes.values()) {
            if (ix.def.columns().equals(constraint.columns())) {
                return ix;
            }
        }
        throw new EpochException(ErrorCode.INTERNAL_ERROR,
            "no unique index for constraint \"" + constraint.name() + "\" on \"" + def.name() + "\"");
    }

    @Override
    public long approximateRowCount() {
        return Math.max(0, totalRows - deletedRows.get() - abortedRows.get());
    }

    @Override
    public long sizeBytes() {
        lock.readLock().lock();
        try {
            long n = 0;
            for (Block b : blocks) {
                n += b.bytes();
            }
            return n;
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---------------------------------------------------------------- DDL, called by the catalog's listener

    /** The definition changed without touching stored data. */
    public void setDef(TableDef newDef) {
        lock.writeLock().lock();
        try {
            def = newDef;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** ADD COLUMN: existing rows get {@code fillValue} (or NULL). */
    public void addColumn(TableDef newDef, ColumnDef column, Object fillValue) {
        lock.writeLock().lock();
        try {
            ensureOpen();
            SqlType t = column.type().type();
            List<FieldVector> made = new ArrayList<>();
            try {
                for (Block b : blocks) {
                    FieldVector v = ArrowTypes.newVector(column.name(), column.type(), allocator, b.rowCount);
                    made.add(v);
                    if (fillValue != null) {
                        for (int r = 0; r < b.rowCount; r++) {
                            ArrowTypes.set(v, r, fillValue, t);
                        }
                    }
                    v.setValueCount(b.rowCount);
                }
            } catch (RuntimeException e) {
                made.forEach(FieldVector::close);
                throw e;
            }
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                b.vectors.put(column.attnum(), made.get(i));
                b.updateStats(column.attnum(), 0, b.rowCount);
            }
            def = newDef;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** DROP COLUMN: frees the column's data. */
    public void dropColumn(TableDef newDef, ColumnDef column) {
        lock.writeLock().lock();
        try {
            for (Block b : blocks) {
                FieldVector v = b.vectors.remove(column.attnum());
                b.stats.remove(column.attnum());
                if (v != null) {
                    v.close();
                }
            }
            uniqueIndexes.values().removeIf(ix -> Arrays.stream(ix.attnums).anyMatch(a -> a == column.attnum()));
            def = newDef;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether any row is or may become visible (not rolled back, not deleted by a committed transaction). */
    public boolean hasLiveRows() {
        lock.readLock().lock();
        try {
            for (Block b : blocks) {
                for (int r = 0; r < b.rowCount; r++) {
                    if (isLiveForDdl(b, r)) {
                        return true;
                    }
                }
            }
            return false;
        } finally {
            lock.readLock().unlock();
        }
    }

    private boolean isLiveForDdl(Block b, int r) {
        if (b.creator(r) == Snapshot.ABORTED) {
            return false;
        }
        long deleter = b.deleter(r);
        // As in liveness(): a deleter that finished may have been undone just before; re-read before calling it dead.
        return deleter == Snapshot.LIVE || transactions.isInProgress(deleter) || b.deleter(r) != deleter;
    }

    /** SET NOT NULL / ADD PRIMARY KEY: 23502 if a live row holds NULL in the column. */
    public void checkNoNulls(ColumnDef column) {
        lock.readLock().lock();
        try {
            for (Block b : blocks) {
                FieldVector v = b.vectors.get(column.attnum());
                for (int r = 0; r < b.rowCount; r++) {
                    if ((v == null || v.isNull(r)) && isLiveForDdl(b, r)) {
                        throw EpochException.of(ErrorCode.NOT_NULL_VIOLATION,
                            "column \"%s\" of relation \"%s\" contains null values", column.name(), def.name());
                    }
                }
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A unique index appeared: builds it over the live rows; 23505 if they hold a key twice. */
    public void addUniqueIndex(TableDef tableDef, IndexDef index) {
        int[] attnums = new int[index.columns().size()];
        SqlType[] types = new SqlType[attnums.length];
        for (int k = 0; k < attnums.length; k++) {
            ColumnDef col = tableDef.column(index.columns().get(k)).orElseThrow();
            attnums[k] = col.attnum();
            types[k] = col.type().type();
        }
        UniqueIndex ix = new UniqueIndex(index, attnums, types);
        lock.writeLock().lock();
        try {
            ensureOpen();
            for (Block b : blocks) {
                FieldVector[] keyColumns = new FieldVector[attnums.length];
                for (int k = 0; k < attnums.length; k++) {
                    keyColumns[k] = b.vectors.get(attnums[k]);
                }
                for (int r = 0; r < b.rowCount; r++) {
                    if (!isLiveForDdl(b, r)) {
                        continue;
                    }
                    Object key = KeyValues.fromRow(keyColumns, types, r);
                    if (key == null) {
                        continue;
                    }
                    if (ix.rows(key).length > 0) {
                        throw new EpochException(ErrorCode.UNIQUE_VIOLATION,
                            "could not create unique index \"" + index.name() + "\"",
                            "Key " + keyText(ix, tableDef, keyColumns, types, r) + " is duplicated.", null, 0, null);
                    }
                    ix.add(key, ((long) b.number << BLOCK_BITS) + r);
                }
            }
            uniqueIndexes.put(index.oid(), ix);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void dropUniqueIndex(IndexDef index) {
        lock.writeLock().lock();
        try {
            uniqueIndexes.remove(index.oid());
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void renameUniqueIndex(IndexDef index) {
        lock.writeLock().lock();
        try {
            UniqueIndex ix = uniqueIndexes.get(index.oid());
            if (ix != null) {
                ix.def = index;
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- recovery and checkpoints

    /**
     * Replays a logged insert: appends the rows as logged, without constraint checks (they passed when the rows
     * were first written) and without indexing keys ({@link #rebuildUniqueIndexes} runs at the end of recovery).
     * Row ids come out as logged because the log holds each table's appends in row id order.
     */
    public void replayInsert(long txid, long firstRowId, List<FieldVector> columns, int rowCount) {
        lock.writeLock().lock();
        try {
            TableDef d = def;
            if (firstRowId != totalRows) {
                throw new EpochException(ErrorCode.DATA_CORRUPTED, "WAL replay of \"" + d.name() + "\": insert at row "
                    + firstRowId + " but the table has " + totalRows + " rows");
            }
            if (columns.size() != d.columns().size()) {
                throw new EpochException(ErrorCode.DATA_CORRUPTED, "WAL replay of \"" + d.name() + "\": "
                    + columns.size() + " columns logged, table has " + d.columns().size());
            }
            append(txid, d, columns, rowCount);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Replays a logged delete. */
    public void replayDelete(long txid, long[] rowIds, int n) {
        lock.writeLock().lock();
        try {
            for (int i = 0; i < n; i++) {
                long rid = checkRowId(rowIds[i]);
                Block b = blocks.get(blockOf(rid));
                b.anyDeadOrDeleted = true;
                b.setDeleter(offsetOf(rid), txid);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Ends recovery: rows created by transactions that did not commit become rolled back, deletions by them are
     * undone, counters are recomputed; then the unique indexes are built over the live rows.
     */
    public void finishRecovery(java.util.function.LongPredicate committed, List<IndexDef> uniqueIndexDefs) {
        lock.writeLock().lock();
        try {
            long aborted = 0;
            long deleted = 0;
            for (Block b : blocks) {
                long maxCreator = 0;
                for (int r = 0; r < b.rowCount; r++) {
                    long c = b.creator(r);
                    if (c != Snapshot.ABORTED && !committed.test(c)) {
                        c = Snapshot.ABORTED;
                        b.setCreator(r, c);
                    }
                    if (c == Snapshot.ABORTED) {
                        aborted++;
                        b.anyDeadOrDeleted = true;
                    } else {
                        maxCreator = Math.max(maxCreator, c);
                    }
                    long del = b.deleter(r);
                    if (del != Snapshot.LIVE && !committed.test(del)) {
                        b.setDeleter(r, Snapshot.LIVE);
                    } else if (del != Snapshot.LIVE) {
                        b.anyDeadOrDeleted = true;
                        if (c != Snapshot.ABORTED) {
                            deleted++;
                        }
                    }
                }
                b.maxCreator = maxCreator;
            }
            abortedRows.set(aborted);
            deletedRows.set(deleted);
            uniqueIndexes.clear();
        } finally {
            lock.writeLock().unlock();
        }
        for (IndexDef ix : uniqueIndexDefs) {
            addUniqueIndex(def, ix);
        }
    }

    /** Row counts of the blocks now (what a checkpoint writes; rows appended later are in the log after it). */
    public int[] blockRowCounts() {
        lock.readLock().lock();
        try {
            int[] counts = new int[blocks.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = blocks.get(i).rowCount;
            }
            return counts;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The attnums block {@code number} holds data for, ascending. */
    public int[] blockAttnums(int number) {
        lock.readLock().lock();
        try {
            return blocks.get(number).vectors.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code writer} over the first {@code rowCount} rows of block {@code number}'s vectors by attnum. */
    public void withBlock(int number, java.util.function.Consumer<Map<Integer, FieldVector>> writer) {
        lock.readLock().lock();
        try {
            ensureOpen();
            writer.accept(java.util.Collections.unmodifiableMap(blocks.get(number).vectors));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Creator and deleter ids of the first {@code rowCount} rows of block {@code number}, copied. */
    public long[][] blockMvcc(int number, int rowCount) {
        lock.readLock().lock();
        try {
            Block b = blocks.get(number);
            long[] creators = new long[rowCount];
            long[] deleters = new long[rowCount];
            for (int r = 0; r < rowCount; r++) {
                creators[r] = b.creator(r);
                deleters[r] = b.deleter(r);
            }
            return new long[][] {creators, deleters};
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Loads the next block from a checkpoint: takes the vectors over (transferring them to the table's allocator;
     * the caller closes its own copies) and the rows' creator and deleter ids.
     */
    public void loadBlock(Map<Integer, FieldVector> vectorsByAttnum, int rowCount, long[] creators, long[] deleters) {
        lock.writeLock().lock();
        try {
            Block b = new Block(blocks.size());
            b.ensureCapacity(rowCount);
            for (Map.Entry<Integer, FieldVector> e : vectorsByAttnum.entrySet()) {
                org.apache.arrow.vector.util.TransferPair tp = e.getValue().getTransferPair(allocator);
                tp.transfer();
                FieldVector v = (FieldVector) tp.getTo();
                b.vectors.put(e.getKey(), v);
            }
            for (ColumnDef col : def.columns()) {
                if (!b.vectors.containsKey(col.attnum())) {
                    FieldVector v = ArrowTypes.newVector(col.name(), col.type(), allocator, rowCount);
                    v.setValueCount(rowCount);
                    b.vectors.put(col.attnum(), v);
                }
            }
            for (int r = 0; r < rowCount; r++) {
                b.setCreator(r, creators[r]);
                b.setDeleter(r, deleters[r]);
                if (deleters[r] != Snapshot.LIVE || creators[r] == Snapshot.ABORTED) {
                    b.anyDeadOrDeleted = true;
                } else {
                    b.maxCreator = Math.max(b.maxCreator, creators[r]);
                }
            }
            b.rowCount = rowCount;
            for (Integer attnum : b.vectors.keySet()) {
                b.updateStats(attnum, 0, rowCount);
            }
            blocks.add(b);
            totalRows = (long) b.number * BLOCK_ROWS + rowCount;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Live rows as of now for everyone (for migrate_data): creator and deleter checks as DDL does. */
    public void forEachCommittedLiveRun(java.util.function.BiConsumer<Map<Integer, FieldVector>, int[]> sink) {
        lock.readLock().lock();
        try {
            for (Block b : blocks) {
                int[] rows = new int[b.rowCount];
                int n = 0;
                for (int r = 0; r < b.rowCount; r++) {
                    long c = b.creator(r);
                    if (c != Snapshot.ABORTED && !transactions.isInProgress(c) && b.deleter(r) == Snapshot.LIVE) {
                        rows[n++] = r;
                    }
                }
                sink.accept(java.util.Collections.unmodifiableMap(b.vectors), Arrays.copyOf(rows, n));
            }
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Rows stored, live or not: the id the next appended row gets. */
    public long storedRowCount() {
        return totalRows;
    }

    /** Whether the table was closed (dropped). */
    public boolean isClosed() {
        return closed;
    }

    /** Frees all data; later reads fail with 42P01. */
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Block b : blocks) {
                b.close();
            }
            blocks.clear();
            uniqueIndexes.values().forEach(UniqueIndex::clear);
            allocator.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
