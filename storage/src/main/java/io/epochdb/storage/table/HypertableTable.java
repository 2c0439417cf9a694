package io.epochdb.storage.table;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.HypertableDef;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.txn.TransactionManager;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A hypertable's data: one {@link MemoryTable} per time chunk. Rows route to the chunk whose {@code [start, end)}
 * holds their time, creating it on first use (aligned to the epoch; clipped to its neighbours after the chunk
 * interval changed), so late and out-of-order rows are stored like any others. Unique constraints include the time
 * column (the catalog enforces it), so checking them per chunk is enough, as in TimescaleDB.
 *
 * <p>Row id = chunk id {@code << 40} | the row's id inside the chunk.
 */
public final class HypertableTable implements ChunkedTable, AutoCloseable {
    static final int CHUNK_SHIFT = 40;
    private static final long LOCAL_MASK = (1L << CHUNK_SHIFT) - 1;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    /** One chunk: its range and rows. */
    public record Chunk(int id, long start, long end, MemoryTable data) {
    }

    private final TransactionManager transactions;
    private final BufferAllocator allocator;
    private final ChunkEvents events;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile TableDef def;
    private volatile HypertableDef hypertable;
    /** Guarded by lock. */
    private final TreeMap<Long, Chunk> byStart = new TreeMap<>();
    private final Map<Integer, Chunk> byId = new HashMap<>();
    /** Unique indexes every chunk gets, by index oid (guarded by lock). */
    private final Map<Integer, IndexDef> uniqueIndexes = new LinkedHashMap<>();
    private boolean closed;

    public HypertableTable(TableDef def, HypertableDef hypertable, TransactionManager transactions,
                           BufferAllocator allocator, ChunkEvents events) {
        this.def = Objects.requireNonNull(def, "def");
        this.hypertable = Objects.requireNonNull(hypertable, "hypertable");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.allocator = Objects.requireNonNull(allocator, "allocator");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public TableDef def() {
        return def;
    }

    public HypertableDef hypertable() {
        return hypertable;
    }

    public void setHypertable(HypertableDef h) {
        hypertable = Objects.requireNonNull(h, "h");
    }

    static int chunkOf(long rowId) {
        return (int) (rowId >>> CHUNK_SHIFT);
    }

    static long localOf(long rowId) {
        return rowId & LOCAL_MASK;
    }

    static long globalId(int chunkId, long local) {
        return ((long) chunkId << CHUNK_SHIFT) | local;
    }

    // ---------------------------------------------------------------- chunks

    /** The chunks ordered by start. */
    public List<Chunk> chunkList() {
        lock.readLock().lock();
        try {
            return List.copyOf(byStart.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    public Chunk chunk(int id) {
        lock.readLock().lock();
        try {
            Chunk c = byId.get(id);
            if (c == null) {
                throw new EpochException(ErrorCode.DATA_CORRUPTED, "chunk " + id + " of \"" + def.name() + "\" is missing");
            }
            return c;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<ChunkInfo> chunks() {
        List<ChunkInfo> out = new ArrayList<>();
        int htId = hypertable.id();
        for (Chunk c : chunkList()) {
            out.add(new ChunkInfo(c.id(), ChunkInfo.CHUNK_SCHEMA, ChunkInfo.chunkName(htId, c.id()), c.start(), c.end(),
                c.data().approximateRowCount(), events.diskBytes(def.oid(), c.id()), c.data().sizeBytes()));
        }
        return out;
    }

    /** Adds a chunk with a known id (recovery, and replay of a logged chunk creation). */
    public Chunk addChunk(int id, long start, long end) {
        lock.writeLock().lock();
        try {
            Chunk existing = byId.get(id);
            if (existing != null) {
                return existing;
            }
            return putChunk(id, start, end);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private Chunk putChunk(int id, long start, long end) {
        MemoryTable data = new MemoryTable(def, transactions, allocator);
        for (IndexDef ix : uniqueIndexes.values()) {
            data.addUniqueIndex(def, ix);
        }
        data.setLog(events.logFor(def.oid(), id));
        Chunk c = new Chunk(id, start, end, data);
        byStart.put(start, c);
        byId.put(id, c);
        return c;
    }

    /** The chunk holding time {@code t}, created (and logged) if missing. */
    private Chunk chunkFor(long t) {
        lock.readLock().lock();
        try {
            Chunk c = find(t);
            if (c != null) {
                return c;
            }
        } finally {
            lock.readLock().unlock();
        }
        Chunk[] made = new Chunk[1];
        events.logged(() -> {
            lock.writeLock().lock();
            try {
                ensureOpen();
                Chunk c = find(t);
                if (c == null) {
                    long[] range = newRange(t);
                    int id = events.allocateChunkId();
                    events.chunkCreated(def.oid(), id, range[0], range[1]);
                    c = putChunk(id, range[0], range[1]);
                }
                made[0] = c;
            } finally {
                lock.writeLock().unlock();
            }
        });
        return made[0];
    }

    private Chunk find(long t) {
        Map.Entry<Long, Chunk> e = byStart.floorEntry(t);
        return e != null && t < e.getValue().end() ? e.getValue() : null;
    }

    /** The aligned range for {@code t}, cut where it would overlap existing chunks (lock held). */
    private long[] newRange(long t) {
        long width = hypertable.chunkInterval();
        long start = Math.floorDiv(t, width) * width;
        long end = start > Long.MAX_VALUE - width ? Long.MAX_VALUE : start + width;
        Map.Entry<Long, Chunk> before = byStart.floorEntry(t);
        if (before != null && before.getValue().end() > start) {
            start = before.getValue().end();
        }
        Map.Entry<Long, Chunk> after = byStart.higherEntry(t);
        if (after != null && after.getKey() < end) {
            end = after.getKey();
        }
        return new long[] {start, end};
    }

    private void ensureOpen() {
        if (closed) {
            throw EpochException.of(ErrorCode.UNDEFINED_TABLE, "relation \"%s\" does not exist", def.name());
        }
    }

    @Override
    public List<ChunkInfo> dropChunks(Long olderThan, Long newerThan) {
        List<Chunk> dropped = new ArrayList<>();
        events.logged(() -> {
            lock.writeLock().lock();
            try {
                for (Chunk c : byStart.values()) {
                    boolean older = olderThan == null || c.end() <= olderThan;
                    boolean newer = newerThan == null || c.start() >= newerThan;
                    if (older && newer) {
                        dropped.add(c);
                    }
                }
                if (dropped.isEmpty()) {
                    return;
                }
                events.chunksDropped(def.oid(), dropped.stream().mapToInt(Chunk::id).toArray());
                for (Chunk c : dropped) {
                    byStart.remove(c.start());
                    byId.remove(c.id());
                }
            } finally {
                lock.writeLock().unlock();
            }
        });
        List<ChunkInfo> out = new ArrayList<>();
        for (Chunk c : dropped) {
            out.add(new ChunkInfo(c.id(), ChunkInfo.CHUNK_SCHEMA, ChunkInfo.chunkName(hypertable.id(), c.id()),
                c.start(), c.end(), c.data().approximateRowCount(), 0, 0));
            c.data().close();
        }
        return out;
    }

    /** Replays a logged chunk drop. */
    public void replayDropChunks(int[] ids) {
        lock.writeLock().lock();
        try {
            for (int id : ids) {
                Chunk c = byId.remove(id);
                if (c != null) {
                    byStart.remove(c.start());
                    c.data().close();
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    // ---------------------------------------------------------------- reading

    @Override
    public TableSnapshot snapshot(Transaction tx) {
        List<Chunk> chunks = chunkList();
        TableDef d = def;
        List<TableSnapshot> snaps = new ArrayList<>(chunks.size());
        for (Chunk c : chunks) {
            snaps.add(c.data().snapshot(tx));
        }
        return new ChunksSnapshot(d, chunks, snaps);
    }

    /** The parts of all chunks, one after the other. */
    private static final class ChunksSnapshot implements TableSnapshot {
        private final TableDef def;
        private final List<Chunk> chunks;
        private final List<TableSnapshot> snapshots;
        private final int[] firstPart;
        private final int parts;

        ChunksSnapshot(TableDef def, List<Chunk> chunks, List<TableSnapshot> snapshots) {
            this.def = def;
            this.chunks = chunks;
            this.snapshots = snapshots;
            this.firstPart = new int[snapshots.size()];
            int n = 0;
            for (int i = 0; i < snapshots.size(); i++) {
                firstPart[i] = n;
                n += snapshots.get(i).partCount();
            }
            this.parts = n;
        }

        @Override
        public TableDef def() {
            return def;
        }

        @Override
        public int partCount() {
            return parts;
        }

        private int chunkIndex(int part) {
            if (part < 0 || part >= parts) {
                throw new IndexOutOfBoundsException("part " + part + " of " + parts);
            }
            int i = java.util.Arrays.binarySearch(firstPart, part);
            if (i < 0) {
                return -i - 2;
            }
            // several empty chunks may share a first part: take the last one starting here
            while (i + 1 < firstPart.length && firstPart[i + 1] == part) {
                i++;
            }
            return i;
        }

        @Override
        public ScanPart read(int part, int[] columns, boolean withRowIds, RowConstraints constraints,
                             BufferAllocator out) {
            int c = chunkIndex(part);
            ScanPart p = snapshots.get(c).read(part - firstPart[c], columns, withRowIds, constraints, out);
            if (p.rowIds() != null) {
                BigIntVector ids = p.rowIds();
                long base = globalId(chunks.get(c).id(), 0);
                for (int i = 0; i < p.rowCount(); i++) {
                    ids.set(i, base | ids.get(i));
                }
            }
            return p;
        }

        @Override
        public int chunkId(int part) {
            return chunks.get(chunkIndex(part)).id();
        }

        @Override
        public ColumnStats columnStats(int part, int column) {
            int c = chunkIndex(part);
            return snapshots.get(c).columnStats(part - firstPart[c], column);
        }

        @Override
        public List<byte[]> distinctTexts(int part, int column) {
            int c = chunkIndex(part);
            return snapshots.get(c).distinctTexts(part - firstPart[c], column);
        }
    }

    @Override
    public ScanPart fetch(long[] rowIds, int count, int[] columns, BufferAllocator out) {
        if (count == 0) {
            return chunkListOrEmptyFetch(columns, out);
        }
        int first = chunkOf(rowIds[0]);
        boolean one = true;
        for (int i = 1; i < count && one; i++) {
            one = chunkOf(rowIds[i]) == first;
        }
        if (one) {
            return fetchFromChunk(first, rowIds, 0, count, columns, out);
        }
        // Rows from several chunks (rare: ON CONFLICT): one at a time, in the order asked.
        TableDef d = def;
        List<FieldVector> vectors = new ArrayList<>();
        BigIntVector ids = new BigIntVector("$rowid", out);
        try {
            for (int c : columns) {
                ColumnDef col = d.columns().get(c);
                vectors.add(ArrowTypes.newVector(col.name(), col.type(), out, count));
            }
            ids.allocateNew(count);
            for (int i = 0; i < count; i++) {
                try (ScanPart one1 = fetchFromChunk(chunkOf(rowIds[i]), rowIds, i, 1, columns, out)) {
                    for (int k = 0; k < columns.length; k++) {
                        vectors.get(k).copyFromSafe(0, i, one1.columns().get(k));
                    }
                    ids.set(i, rowIds[i]);
                }
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
        }
    }

    private ScanPart chunkListOrEmptyFetch(int[] columns, BufferAllocator out) {
        TableDef d = def;
        List<FieldVector> vectors = new ArrayList<>();
        for (int c : columns) {
            ColumnDef col = d.columns().get(c);
            FieldVector v = ArrowTypes.newVector(col.name(), col.type(), out, 0);
            v.setValueCount(0);
            vectors.add(v);
        }
        BigIntVector ids = new BigIntVector("$rowid", out);
        ids.allocateNew(1);
        ids.setValueCount(0);
        return new ScanPart(vectors, ids, 0);
    }

    private ScanPart fetchFromChunk(int chunkId, long[] rowIds, int from, int count, int[] columns,
                                    BufferAllocator out) {
        long[] local = new long[count];
        for (int i = 0; i < count; i++) {
            local[i] = localOf(rowIds[from + i]);
        }
        ScanPart p = chunk(chunkId).data().fetch(local, count, columns, out);
        if (p.rowIds() != null) {
            for (int i = 0; i < count; i++) {
                p.rowIds().set(i, rowIds[from + i]);
            }
        }
        return p;
    }

    // ---------------------------------------------------------------- writing

    @Override
    public long insert(Transaction tx, List<FieldVector> columns, int rowCount) {
        if (rowCount == 0) {
            tx.requireActive();
            return 0;
        }
        TableDef d = def;
        int timePos = d.columnIndex(hypertable.timeColumn());
        if (timePos < 0) {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, "time column missing in " + d.name());
        }
        FieldVector time = columns.get(timePos);
        long scale = hypertable.timeType() == SqlType.DATE ? MICROS_PER_DAY : 1;
        // Route: look a chunk up only when the time leaves the previous row's chunk; most batches hit one chunk.
        List<Chunk> touched = new ArrayList<>(2);
        int[] groupOfRow = new int[rowCount];
        Chunk last = null;
        int lastGroup = -1;
        for (int r = 0; r < rowCount; r++) {
            if (time.isNull(r)) {
                throw EpochException.of(ErrorCode.NOT_NULL_VIOLATION,
                    "null value in column \"%s\" of relation \"%s\" violates not-null constraint",
                    hypertable.timeColumn(), d.name());
            }
            long t = LongValues.get(time, r) * scale;
            if (last == null || t < last.start() || t >= last.end()) {
                last = chunkFor(t);
                lastGroup = touched.indexOf(last);
                if (lastGroup < 0) {
                    lastGroup = touched.size();
                    touched.add(last);
                }
            }
            groupOfRow[r] = lastGroup;
        }
        if (touched.size() == 1) {
            return last.data().insert(tx, columns, rowCount);
        }
        int[][] rowsByGroup = rowsByGroup(groupOfRow, touched.size());
        long n = 0;
        for (int g = 0; g < touched.size(); g++) {
            int[] selected = rowsByGroup[g];
            int count = selected.length;
            List<FieldVector> part = new ArrayList<>(columns.size());
            try {
                for (FieldVector src : columns) {
                    FieldVector dst = src.getField().createVector(src.getAllocator());
                    part.add(dst);
                    dst.setInitialCapacity(count);
                    dst.allocateNew();
                    VectorCopy.gather(src, selected, count, dst);
                    dst.setValueCount(count);
                }
                n += touched.get(g).data().insert(tx, part, count);
            } finally {
                part.forEach(FieldVector::close);
            }
        }
        return n;
    }

    @Override
    public long delete(Transaction tx, long[] rowIds, int count) {
        List<Integer> chunkIds = new ArrayList<>(2);
        int[] groupOfRow = new int[count];
        int lastChunk = -1;
        int lastGroup = -1;
        for (int i = 0; i < count; i++) {
            int c = chunkOf(rowIds[i]);
            if (c != lastChunk) {
                lastChunk = c;
                lastGroup = chunkIds.indexOf(c);
                if (lastGroup < 0) {
                    lastGroup = chunkIds.size();
                    chunkIds.add(c);
                }
            }
            groupOfRow[i] = lastGroup;
        }
        int[][] rowsByGroup = rowsByGroup(groupOfRow, chunkIds.size());
        long n = 0;
        for (int g = 0; g < chunkIds.size(); g++) {
            int[] rows = rowsByGroup[g];
            long[] local = new long[rows.length];
            for (int k = 0; k < rows.length; k++) {
                local[k] = localOf(rowIds[rows[k]]);
            }
            n += chunk(chunkIds.get(g)).data().delete(tx, local, local.length);
        }
        return n;
    }

    /** The row numbers of each group, in row order (a counting sort of {@code groupOfRow}). */
    private static int[][] rowsByGroup(int[] groupOfRow, int groups) {
        int[] counts = new int[groups];
        for (int g : groupOfRow) {
            counts[g]++;
        }
        int[][] out = new int[groups][];
        for (int g = 0; g < groups; g++) {
            out[g] = new int[counts[g]];
        }
        int[] filled = new int[groups];
        for (int r = 0; r < groupOfRow.length; r++) {
            int g = groupOfRow[r];
            out[g][filled[g]++] = r;
        }
        return out;
    }

    @Override
    public OptionalLong findConflict(Transaction tx, ConstraintDef constraint, List<Object> keyValues) {
        int k = constraint.columns().indexOf(hypertable.timeColumn());
        if (k < 0 || keyValues.get(k) == null) {
            return OptionalLong.empty();
        }
        long t = ((Number) keyValues.get(k)).longValue();
        if (hypertable.timeType() == SqlType.DATE) {
            t *= MICROS_PER_DAY;
        }
        Chunk c;
        lock.readLock().lock();
        try {
            c = find(t);
        } finally {
            lock.readLock().unlock();
        }
        if (c == null) {
            return OptionalLong.empty();
        }
        OptionalLong local = c.data().findConflict(tx, constraint, keyValues);
        return local.isPresent() ? OptionalLong.of(globalId(c.id(), local.getAsLong())) : local;
    }

    @Override
    public long approximateRowCount() {
        long n = 0;
        for (Chunk c : chunkList()) {
            n += c.data().approximateRowCount();
        }
        return n;
    }

    @Override
    public long sizeBytes() {
        long n = 0;
        for (Chunk c : chunkList()) {
            n += c.data().sizeBytes();
        }
        return n;
    }

    // ---------------------------------------------------------------- DDL: applies to every chunk

    public void setDef(TableDef newDef) {
        lock.writeLock().lock();
        try {
            def = newDef;
            byStart.values().forEach(c -> c.data().setDef(newDef));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void addColumn(TableDef newDef, ColumnDef column, Object fillValue) {
        lock.writeLock().lock();
        try {
            def = newDef;
            byStart.values().forEach(c -> c.data().addColumn(newDef, column, fillValue));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void dropColumn(TableDef newDef, ColumnDef column) {
        lock.writeLock().lock();
        try {
            def = newDef;
            byStart.values().forEach(c -> c.data().dropColumn(newDef, column));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public boolean hasLiveRows() {
        return chunkList().stream().anyMatch(c -> c.data().hasLiveRows());
    }

    public void checkNoNulls(ColumnDef column) {
        chunkList().forEach(c -> c.data().checkNoNulls(column));
    }

    public void addUniqueIndex(TableDef tableDef, IndexDef index) {
        lock.writeLock().lock();
        try {
            for (Chunk c : byStart.values()) {
                c.data().addUniqueIndex(tableDef, index);
            }
            uniqueIndexes.put(index.oid(), index);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void dropUniqueIndex(IndexDef index) {
        lock.writeLock().lock();
        try {
            uniqueIndexes.remove(index.oid());
            byStart.values().forEach(c -> c.data().dropUniqueIndex(index));
        } finally {
            lock.writeLock().unlock();
        }
    }

    public void renameUniqueIndex(IndexDef index) {
        lock.writeLock().lock();
        try {
            uniqueIndexes.computeIfPresent(index.oid(), (k, v) -> index);
            byStart.values().forEach(c -> c.data().renameUniqueIndex(index));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * migrate_data: moves the committed live rows of {@code source} (the table's data before it became a
     * hypertable) into chunks, as rows committed for everyone. {@code chunkIds} names each chunk created.
     */
    public void migrateFrom(MemoryTable source, java.util.function.LongUnaryOperator chunkIdForStart) {
        TableDef d = def;
        int timePos = d.columnIndex(hypertable.timeColumn());
        int timeAttnum = d.columns().get(timePos).attnum();
        long scale = hypertable.timeType() == SqlType.DATE ? MICROS_PER_DAY : 1;
        source.forEachCommittedLiveRun((vectors, rows) -> {
            FieldVector time = vectors.get(timeAttnum);
            for (int r : rows) {
                long t = LongValues.get(time, r) * scale;
                Chunk c;
                lock.writeLock().lock();
                try {
                    c = find(t);
                    if (c == null) {
                        long[] range = newRange(t);
                        c = putChunk((int) chunkIdForStart.applyAsLong(range[0]), range[0], range[1]);
                        events.chunkCreated(d.oid(), c.id(), range[0], range[1]);
                    }
                } finally {
                    lock.writeLock().unlock();
                }
                List<FieldVector> one = new ArrayList<>(d.columns().size());
                try {
                    for (ColumnDef col : d.columns()) {
                        FieldVector dst = ArrowTypes.newVector(col.name(), col.type(), allocator, 1);
                        one.add(dst);
                        FieldVector src = vectors.get(col.attnum());
                        if (src != null) {
                            dst.copyFromSafe(r, 0, src);
                        }
                        dst.setValueCount(1);
                    }
                    MemoryTable target = c.data();
                    long first = target.storedRowCount();
                    target.replayInsert(TransactionManager.FROZEN, first, one, 1);
                } finally {
                    one.forEach(FieldVector::close);
                }
            }
        });
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            closed = true;
            byStart.values().forEach(c -> c.data().close());
            byStart.clear();
            byId.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
