package io.epochdb.storage;

import static io.epochdb.storage.TestData.insert;
import static io.epochdb.storage.TestData.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.txn.Transaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {
    @TempDir
    Path dir;

    @Test
    void opensTwiceOnOneDirectoryAndFreesAllMemory() {
        Path data = dir.resolve("a/b");
        try (RootAllocator root = new RootAllocator()) {
            for (int round = 0; round < 2; round++) {
                try (Storage s = Storage.open(data, root)) {
                    assertTrue(Files.isDirectory(data));
                    TableDef def = s.catalog().createTable("public", "t",
                        List.of(ColumnDef.of("x", ColumnType.of(SqlType.TEXT))), List.of(), true);
                    Table t = s.table(def.oid());
                    Transaction tx = s.transactions().begin();
                    insert(root, t, tx, List.of(row("hello"), row("world")));
                    // Left uncommitted on purpose: close must still free everything.
                    assertTrue(root.getAllocatedMemory() > 0);
                }
                assertEquals(0, root.getAllocatedMemory());
            }
        }
    }

    @Test
    void tableOfViewOrMissingOid() {
        try (RootAllocator root = new RootAllocator(); Storage s = Storage.open(dir, root)) {
            TableDef v = s.catalog().createView("public", "v", "select 1",
                List.of(ColumnDef.of("x", ColumnType.of(SqlType.INT4))), false);
            EpochException e = assertThrows(EpochException.class, () -> s.table(v.oid()));
            assertEquals("42809", e.sqlState());
            e = assertThrows(EpochException.class, () -> s.table(123456));
            assertEquals("42P01", e.sqlState());
        }
    }

    @Test
    void outOfMemoryLeavesTheTableConsistent() {
        try (RootAllocator root = new RootAllocator(4L << 20)) {
            try (RootAllocator callers = new RootAllocator(); Storage s = Storage.open(dir, root)) {
                TableDef def = s.catalog().createTable("public", "t",
                    List.of(ColumnDef.of("x", ColumnType.of(SqlType.TEXT))), List.of(), false);
                Table t = s.table(def.oid());
                List<List<Object>> batch = new java.util.ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    batch.add(row("x".repeat(100) + i));
                }
                long stored = 0;
                EpochException oom = null;
                while (oom == null) {
                    Transaction tx = s.transactions().begin();
                    try {
                        stored += insert(callers, t, tx, batch);
                        s.transactions().commit(tx);
                    } catch (EpochException e) {
                        oom = e;
                        s.transactions().rollback(tx);
                    }
                }
                assertEquals("53200", oom.sqlState());
                assertTrue(stored > 0);
                Transaction reader = s.transactions().begin();
                List<List<Object>> rows = TestData.scan(callers, t, reader);
                assertEquals(stored, rows.size());
                assertEquals("x".repeat(100) + 999, rows.get(rows.size() - 1).get(0));
                s.transactions().commit(reader);
            }
            assertEquals(0, root.getAllocatedMemory());
        }
    }
}
