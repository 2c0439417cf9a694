package io.epochdb.storage;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.CatalogImageCodec;
import io.epochdb.storage.catalog.CatalogListener;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.HypertableDef;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.MemoryCatalog;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.persist.DurableLog;
import io.epochdb.storage.table.HypertableTable;
import io.epochdb.storage.table.MemoryTable;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.txn.TransactionManager;
import io.epochdb.storage.vector.ArrowTypes;
import io.epochdb.storage.wal.WalWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database in a data directory: its catalog, transactions and table data, durable through a write-ahead log
 * and checkpoints. Layout: {@code manifest.json} (the last checkpoint), {@code catalog-<n>.json}, {@code
 * tables/<oid>_<chunk>/} (Arrow segment files and MVCC files per block) and {@code wal/<sequence>.wal}.
 *
 * <p>Opening recovers (last checkpoint + WAL replay) and takes a checkpoint; a background task takes another one
 * whenever the WAL has grown by {@link Options#checkpointWalBytes}; closing takes a last one.
 */
public final class Storage implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Storage.class);

    /**
     * Tuning. {@code fsync} false is for tests only: commits are then not durable against power loss. Defaults come
     * from the system properties {@code epochdb.nofsync} and {@code epochdb.checkpointWalBytes} (256 MiB).
     */
    public record Options(boolean fsync, long checkpointWalBytes, long asyncFlushMillis) {
        public static Options defaults() {
            return new Options(!Boolean.getBoolean("epochdb.nofsync"),
                Long.getLong("epochdb.checkpointWalBytes", 256L << 20), 200);
        }
    }

    private final Path dataDirectory;
    private final BufferAllocator allocator;
    private final TransactionManager transactions = new TransactionManager();
    private final Sequences sequences = new Sequences();
    private final TableRegistry registry;
    private final MemoryCatalog catalog;
    private final DurableLog log;
    private final Checkpointer checkpointer;
    private final ScheduledExecutorService background;
    private final Options options;
    private volatile long walAtLastCheckpoint;
    private volatile boolean closed;

    private Storage(Path dataDirectory, BufferAllocator rootAllocator, Options options) throws IOException {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.options = options;
        this.allocator = rootAllocator.newChildAllocator("storage", 0, Long.MAX_VALUE);
        this.registry = new TableRegistry(transactions, allocator, dataDirectory);
        this.catalog = new MemoryCatalog(new TableMaintenance());
        Files.createDirectories(dataDirectory.resolve("wal"));
        Files.createDirectories(dataDirectory.resolve("tables"));
        Recovery.Result r;
        try {
            r = new Recovery(dataDirectory, catalog, registry, sequences, allocator).run();
        } catch (IOException | RuntimeException e) {
            registry.closeAll();
            allocator.close();
            throw e;
        }
        transactions.restoreNextId(r.nextTxid());
        this.log = new DurableLog(new WalWriter(dataDirectory.resolve("wal"), r.nextWalSequence(), options.fsync(),
            options.asyncFlushMillis()));
        registry.startLogging(log);
        sequences.setLog(log::sequence);
        transactions.setCommitLog(log);
        this.checkpointer = new Checkpointer(dataDirectory, catalog, transactions, registry, sequences, allocator,
            r.manifest());
        checkpoint();
        this.background = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread t = new Thread(run, "epochdb-checkpointer");
            t.setDaemon(true);
            return t;
        });
        background.scheduleWithFixedDelay(this::checkpointIfWalLarge, 1, 1, TimeUnit.SECONDS);
        // drop_chunks frees memory at once; a checkpoint right after deletes the chunks' files.
        registry.setAfterChunksDropped(() -> background.execute(this::checkpointInBackground));
    }

    /** Opens (creating if missing, recovering if needed) the database in {@code dataDirectory}. */
    public static Storage open(Path dataDirectory, BufferAllocator rootAllocator) {
        return open(dataDirectory, rootAllocator, Options.defaults());
    }

    public static Storage open(Path dataDirectory, BufferAllocator rootAllocator, Options options) {
        try {
            Files.createDirectories(dataDirectory);
            return new Storage(dataDirectory, Objects.requireNonNull(rootAllocator, "rootAllocator"), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public Catalog catalog() {
        return catalog;
    }

    public TransactionManager transactions() {
        return transactions;
    }

    public Sequences sequences() {
        return sequences;
    }

    /** The data of table {@code tableOid}: 42P01 if there is no such table (or it was dropped), 42809 for a view. */
    public Table table(int tableOid) {
        Table t = registry.get(tableOid);
        if (t == null) {
            TableDef def = catalog.byOid(tableOid).orElse(null);
            if (def != null && def.isView()) {
                throw EpochException.of(ErrorCode.WRONG_OBJECT_TYPE, "\"%s\" is not a table", def.name());
            }
            throw EpochException.of(ErrorCode.UNDEFINED_TABLE, "relation with OID %d does not exist", tableOid);
        }
        return t;
    }

    /** Bytes of the data directory's files (segments, WAL, catalog). */
    public long diskBytes() {
        return DiskUsage.bytes(dataDirectory);
    }

    /** Bytes on disk of one table's segment files (all chunks for a hypertable). */
    public long diskBytes(int tableOid) {
        Table t = registry.get(tableOid);
        if (t instanceof HypertableTable h) {
            return h.chunkList().stream().mapToLong(c -> registry.diskBytes(tableOid, c.id())).sum();
        }
        return registry.diskBytes(tableOid, 0);
    }

    /** Writes a checkpoint now (CHECKPOINT statement, shutdown). */
    public void checkpoint() {
        long at = log.wal().writtenPosition();
        checkpointer.checkpoint(log);
        walAtLastCheckpoint = at;
    }

    private void checkpointInBackground() {
        try {
            if (!closed) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            LOG.error("background checkpoint failed", e);
        }
    }

    private void checkpointIfWalLarge() {
        try {
            if (!closed && log.wal().writtenPosition() - walAtLastCheckpoint > options.checkpointWalBytes()) {
                checkpoint();
            }
        } catch (RuntimeException e) {
            LOG.error("background checkpoint failed", e);
        }
    }

    /** Takes a last checkpoint and frees all table memory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        background.shutdownNow();
        try {
            background.awaitTermination(30, TimeUnit.SECONDS);
            checkpoint();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("final checkpoint failed; the WAL still holds everything", e);
        }
        log.wal().close();
        registry.closeAll();
        allocator.close();
    }

    /**
     * Stops as a crash would, for tests: no checkpoint, nothing flushed beyond what commits already forced; file
     * handles and memory are released so the directory can be opened again in the same JVM.
     */
    void abandon() {
        closed = true;
        background.shutdownNow();
        log.wal().abandon();
        registry.closeAll();
        allocator.close();
    }

    private Table data(TableDef def) {
        Table t = registry.get(def.oid());
        if (t == null) {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, "no data for table " + def.name());
        }
        return t;
    }

    /** Keeps table data in step with the catalog, and logs catalog changes. */
    private final class TableMaintenance implements CatalogListener {
        @Override
        public void tableCreated(TableDef table) {
            if (!table.isView()) {
                registry.create(table, null);
            }
        }

        @Override
        public void tableDropped(TableDef table) {
            registry.drop(table.oid());
        }

        @Override
        public void tableAltered(TableDef table) {
            registry.setDef(table);
        }

        @Override
        public void columnAdded(TableDef table, ColumnDef column, Object fillValue) {
            if (fillValue == null) {
                registry.addColumn(table, column, null);
                return;
            }
            try (FieldVector one = ArrowTypes.newVector(column.name(), column.type(), allocator, 1)) {
                ArrowTypes.set(one, 0, fillValue, column.type().type());
                one.setValueCount(1);
                DurableLog l = registry.log();
                if (l != null) {
                    l.columnFill(table.oid(), column.attnum(), one);
                }
                registry.addColumn(table, column, one);
            }
        }

        @Override
        public void columnDropped(TableDef table, ColumnDef column) {
            registry.dropColumn(table, column);
        }

        @Override
        public void checkNoNulls(TableDef table, ColumnDef column) {
            Table t = data(table);
            if (t instanceof MemoryTable m) {
                m.checkNoNulls(column);
            } else if (t instanceof HypertableTable h) {
                h.checkNoNulls(column);
            }
        }

        @Override
        public boolean hasRows(TableDef table) {
            Table t = data(table);
            return t instanceof MemoryTable m ? m.hasLiveRows() : ((HypertableTable) t).hasLiveRows();
        }

        @Override
        public void uniqueIndexCreated(TableDef table, IndexDef index) {
            Table t = data(table);
            if (t instanceof MemoryTable m) {
                m.addUniqueIndex(table, index);
            } else if (t instanceof HypertableTable h) {
                h.addUniqueIndex(table, index);
            }
        }

        @Override
        public void uniqueIndexDropped(TableDef table, IndexDef index) {
            Table t = data(table);
            if (t instanceof MemoryTable m) {
                m.dropUniqueIndex(index);
            } else if (t instanceof HypertableTable h) {
                h.dropUniqueIndex(index);
            }
        }

        @Override
        public void uniqueIndexRenamed(TableDef table, IndexDef index) {
            Table t = data(table);
            if (t instanceof MemoryTable m) {
                m.renameUniqueIndex(index);
            } else if (t instanceof HypertableTable h) {
                h.renameUniqueIndex(index);
            }
        }

        @Override
        public void hypertableCreated(TableDef table, HypertableDef hypertable, boolean migrateData) {
            registry.convertToHypertable(table, hypertable, start -> registry.allocateChunkId());
            Table t = registry.get(table.oid());
            if (t instanceof HypertableTable h) {
                for (IndexDef ix : catalog.indexes(table.oid())) {
                    if (ix.unique()) {
                        h.addUniqueIndex(table, ix);
                    }
                }
            }
        }

        @Override
        public void hypertableAltered(TableDef table, HypertableDef hypertable) {
            if (registry.get(table.oid()) instanceof HypertableTable h) {
                h.setHypertable(hypertable);
            }
        }

        @Override
        public void catalogChanged() {
            DurableLog l = registry.log();
            if (l != null) {
                l.catalog(CatalogImageCodec.toBytes(catalog.image()));
            }
        }
    }
}
