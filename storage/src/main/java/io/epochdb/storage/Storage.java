package io.epochdb.storage;

import io.epochdb.common.EpochException;
import io.epochdb.common.ErrorCode;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.CatalogListener;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.IndexDef;
import io.epochdb.storage.catalog.MemoryCatalog;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.MemoryTable;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.txn.TransactionManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One database: its catalog, transactions and table data. For now everything lives in memory (the data directory
 * is created but not written); durable storage will come behind the same interfaces.
 */
public final class Storage implements AutoCloseable {
    private final Path dataDirectory;
    private final BufferAllocator allocator;
    private final TransactionManager transactions = new TransactionManager();
    private final Map<Integer, MemoryTable> tables = new ConcurrentHashMap<>();
    private final MemoryCatalog catalog;
    private volatile boolean closed;

    private Storage(Path dataDirectory, BufferAllocator rootAllocator) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.allocator = rootAllocator.newChildAllocator("storage", 0, Long.MAX_VALUE);
        this.catalog = new MemoryCatalog(new TableMaintenance());
    }

    /** Opens (creating if missing) the database in {@code dataDirectory}; table data is allocated under {@code rootAllocator}. */
    public static Storage open(Path dataDirectory, BufferAllocator rootAllocator) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dataDirectory, e);
        }
        return new Storage(dataDirectory, Objects.requireNonNull(rootAllocator, "rootAllocator"));
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

    /** The data of table {@code tableOid}: 42P01 if there is no such table (or it was dropped), 42809 for a view. */
    public Table table(int tableOid) {
        MemoryTable t = tables.get(tableOid);
        if (t == null) {
            TableDef def = catalog.byOid(tableOid).orElse(null);
            if (def != null && def.isView()) {
                throw EpochException.of(ErrorCode.WRONG_OBJECT_TYPE, "\"%s\" is not a table", def.name());
            }
            throw EpochException.of(ErrorCode.UNDEFINED_TABLE, "relation with OID %d does not exist", tableOid);
        }
        return t;
    }

    /** Frees all table memory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (MemoryTable t : tables.values()) {
            t.close();
        }
        tables.clear();
        allocator.close();
    }

    private MemoryTable data(TableDef def) {
        MemoryTable t = tables.get(def.oid());
        if (t == null) {
            throw new EpochException(ErrorCode.INTERNAL_ERROR, "no data for table " + def.name());
        }
        return t;
    }

    /** Keeps table data in step with the catalog. */
    private final class TableMaintenance implements CatalogListener {
        @Override
        public void tableCreated(TableDef table) {
            if (!table.isView()) {
                tables.put(table.oid(), new MemoryTable(table, transactions, allocator));
            }
        }

        @Override
        public void tableDropped(TableDef table) {
            MemoryTable t = tables.remove(table.oid());
            if (t != null) {
                t.close();
            }
        }

        @Override
        public void tableAltered(TableDef table) {
            MemoryTable t = tables.get(table.oid());
            if (t != null) {
                t.setDef(table);
            }
        }

        @Override
        public void columnAdded(TableDef table, ColumnDef column, Object fillValue) {
            data(table).addColumn(table, column, fillValue);
        }

        @Override
        public void columnDropped(TableDef table, ColumnDef column) {
            data(table).dropColumn(table, column);
        }

        @Override
        public void checkNoNulls(TableDef table, ColumnDef column) {
            data(table).checkNoNulls(column);
        }

        @Override
        public boolean hasRows(TableDef table) {
            return data(table).hasLiveRows();
        }

        @Override
        public void uniqueIndexCreated(TableDef table, IndexDef index) {
            data(table).addUniqueIndex(table, index);
        }

        @Override
        public void uniqueIndexDropped(TableDef table, IndexDef index) {
            data(table).dropUniqueIndex(index);
        }

        @Override
        public void uniqueIndexRenamed(TableDef table, IndexDef index) {
            data(table).renameUniqueIndex(index);
        }
    }
}
