package io.epochdb.storage;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.HypertableDef;
import io.epochdb.storage.catalog.MemoryCatalog;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.persist.DurableLog;
import io.epochdb.storage.table.ChunkEvents;
import io.epochdb.storage.table.HypertableTable;
import io.epochdb.storage.table.MemoryTable;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.table.TableLog;
import io.epochdb.storage.txn.TransactionManager;
import io.epochdb.storage.vector.ArrowTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongUnaryOperator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The data of every table: a {@link MemoryTable} per plain table, a {@link HypertableTable} per hypertable. Keeps
 * them in step with the catalog, live (through the catalog listener) and during WAL replay (from catalog images).
 */
final class TableRegistry implements ChunkEvents {
    private final Map<Integer, Table> tables = new ConcurrentHashMap<>();
    private final TransactionManager transactions;
    private final BufferAllocator allocator;
    private final Path dataDirectory;
    private final AtomicInteger nextChunkId = new AtomicInteger(1);
    /** Null while recovering: nothing is logged then. */
    private volatile DurableLog log;
    /** Run after chunks were dropped, so their files go soon rather than at the next periodic checkpoint. */
    private volatile Runnable afterChunksDropped = () -> { };

    void setAfterChunksDropped(Runnable action) {
        this.afterChunksDropped = action;
    }

    TableRegistry(TransactionManager transactions, BufferAllocator allocator, Path dataDirectory) {
        this.transactions = transactions;
        this.allocator = allocator;
        this.dataDirectory = dataDirectory;
    }

    /** Starts logging every table's writes (after recovery). */
    void startLogging(DurableLog durableLog) {
        this.log = durableLog;
        for (Table t : tables.values()) {
            if (t instanceof MemoryTable m) {
                m.setLog(durableLog.tableLog(t.def().oid(), 0));
            } else if (t instanceof HypertableTable h) {
                for (HypertableTable.Chunk c : h.chunkList()) {
                    c.data().setLog(durableLog.tableLog(h.def().oid(), c.id()));
                }
            }
        }
    }

    DurableLog log() {
        return log;
    }

    Table get(int oid) {
        return tables.get(oid);
    }

    Map<Integer, Table> all() {
        return tables;
    }

    int nextChunkId() {
        return nextChunkId.get();
    }

    void bumpChunkId(int atLeast) {
        nextChunkId.accumulateAndGet(atLeast, Math::max);
    }

    Table create(TableDef def, HypertableDef hypertable) {
        Table t;
        if (hypertable != null) {
            t = new HypertableTable(def, hypertable, transactions, allocator, this);
        } else {
            MemoryTable m = new MemoryTable(def, transactions, allocator);
            DurableLog l = log;
            if (l != null) {
                m.setLog(l.tableLog(def.oid(), 0));
            }
            t = m;
        }
        tables.put(def.oid(), t);
        return t;
    }

    void drop(int oid) {
        Table t = tables.remove(oid);
        close(t);
    }

    static void close(Table t) {
        if (t instanceof MemoryTable m) {
            m.close();
        } else if (t instanceof HypertableTable h) {
            h.close();
        }
    }

    /**
     * Turns a plain table into a hypertable, moving its rows into chunks ({@code chunkIds} names each new chunk by
     * its start).
     */
    void convertToHypertable(TableDef def, HypertableDef hypertable, LongUnaryOperator chunkIds) {
        Table old = tables.get(def.oid());
        HypertableTable h = new HypertableTable(def, hypertable, transactions, allocator, this);
        if (old instanceof MemoryTable m) {
            h.migrateFrom(m, chunkIds);
        }
        tables.put(def.oid(), h);
        close(old);
    }

    /** Adds a column to stored rows, filled with {@code fill} (a one-row vector) or NULL. */
    void addColumn(TableDef def, ColumnDef column, FieldVector fill) {
        Object value = fill == null ? null : ArrowTypes.get(fill, 0, column.type().type());
        Table t = tables.get(def.oid());
        if (t instanceof MemoryTable m) {
            m.addColumn(def, column, value);
        } else if (t instanceof HypertableTable h) {
            h.addColumn(def, column, value);
        }
    }

    void dropColumn(TableDef def, ColumnDef column) {
        Table t = tables.get(def.oid());
        if (t instanceof MemoryTable m) {
            m.dropColumn(def, column);
        } else if (t instanceof HypertableTable h) {
            h.dropColumn(def, column);
        }
    }

    void setDef(TableDef def) {
        Table t = tables.get(def.oid());
        if (t instanceof MemoryTable m) {
            m.setDef(def);
        } else if (t instanceof HypertableTable h) {
            h.setDef(def);
        }
    }

    /**
     * WAL replay of a catalog image (already restored into {@code catalog}): creates, converts, alters and drops
     * table data to match it.
     */
    void reconcile(MemoryCatalog catalog, Map<Long, FieldVector> pendingFills,
                   Map<Integer, Map<Long, Integer>> pendingChunks) {
        Set<Integer> seen = new HashSet<>();
        for (TableDef def : catalog.relations()) {
            if (def.isView()) {
                continue;
            }
            seen.add(def.oid());
            HypertableDef hd = catalog.hypertable(def.oid()).orElse(null);
            Table t = tables.get(def.oid());
            if (t == null) {
                Table made = create(def, hd);
                addPendingChunks(made, pendingChunks.remove(def.oid()));
                continue;
            }
            TableDef old = t.def();
            for (ColumnDef c : def.columns()) {
                if (old.columns().stream().noneMatch(o -> o.attnum() == c.attnum())) {
                    addColumn(def, c, pendingFills.remove(fillKey(def.oid(), c.attnum())));
                }
            }
            for (ColumnDef o : old.columns()) {
                if (def.columns().stream().noneMatch(c -> c.attnum() == o.attnum())) {
                    dropColumn(def, o);
                }
            }
            setDef(def);
            if (hd != null && t instanceof MemoryTable) {
                Map<Long, Integer> ids = pendingChunks.getOrDefault(def.oid(), Map.of());
                convertToHypertable(def, hd, start -> {
                    Integer id = ids.get(start);
                    if (id == null) {
                        throw new EpochException(ErrorCode.DATA_CORRUPTED,
                            "WAL replay: no logged chunk for migrated data of \"" + def.name() + "\" at " + start);
                    }
                    return id;
                });
                pendingChunks.remove(def.oid());
            } else if (hd != null && t instanceof HypertableTable h) {
                h.setHypertable(hd);
            }
        }
        for (Integer oid : new ArrayList<>(tables.keySet())) {
            if (!seen.contains(oid)) {
                drop(oid);
            }
        }
    }

    private static void addPendingChunks(Table t, Map<Long, Integer> chunks) {
        if (chunks != null && t instanceof HypertableTable h) {
            for (Map.Entry<Long, Integer> e : chunks.entrySet()) {
                throw new EpochException(ErrorCode.DATA_CORRUPTED,
                    "WAL replay: chunk " + e.getValue() + " logged before its hypertable \"" + h.def().name() + "\"");
            }
        }
    }

    static long fillKey(int oid, int attnum) {
        return ((long) oid << 32) | attnum;
    }

    /** Every plain table and chunk: what recovery finishes and a checkpoint writes. */
    List<MemoryTable> memoryTables() {
        List<MemoryTable> out = new ArrayList<>();
        for (Table t : tables.values()) {
            if (t instanceof MemoryTable m) {
                out.add(m);
            } else if (t instanceof HypertableTable h) {
                h.chunkList().forEach(c -> out.add(c.data()));
            }
        }
        return out;
    }

    void closeAll() {
        tables.values().forEach(TableRegistry::close);
        tables.clear();
    }

    // ---------------------------------------------------------------- ChunkEvents

    @Override
    public int allocateChunkId() {
        return nextChunkId.getAndIncrement();
    }

    @Override
    public void logged(Runnable action) {
        DurableLog l = log;
        if (l == null) {
            action.run();
            return;
        }
        l.enter();
        try {
            action.run();
        } finally {
            l.exit();
        }
    }

    @Override
    public void chunkCreated(int tableOid, int chunkId, long start, long end) {
        DurableLog l = log;
        if (l != null) {
            l.chunkCreated(tableOid, chunkId, start, end);
        }
    }

    @Override
    public void chunksDropped(int tableOid, int[] chunkIds) {
        DurableLog l = log;
        if (l != null) {
            l.chunksDropped(tableOid, chunkIds);
            afterChunksDropped.run();
        }
    }

    @Override
    public TableLog logFor(int tableOid, int chunkId) {
        DurableLog l = log;
        return l == null ? TableLog.NONE : l.tableLog(tableOid, chunkId);
    }

    @Override
    public long diskBytes(int tableOid, int chunkId) {
        return DiskUsage.bytes(Checkpointer.tableDir(dataDirectory, tableOid, chunkId));
    }
}
