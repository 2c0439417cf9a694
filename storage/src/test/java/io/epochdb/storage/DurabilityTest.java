package io.epochdb.storage;

import static io.epochdb.storage.TestData.insert;
import static io.epochdb.storage.TestData.row;
import static io.epochdb.storage.TestData.scan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.table.ChunkInfo;
import io.epochdb.storage.table.ChunkedTable;
import io.epochdb.storage.table.Table;
import io.epochdb.storage.txn.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restart and crash recovery: what was committed is there, exactly once; nothing else is. */
class DurabilityTest {
    private static final long HOUR = 3_600_000_000L;

    @TempDir
    Path dir;
    private final RootAllocator root = new RootAllocator();

    @AfterEach
    void noLeaks() {
        assertEquals(0, root.getAllocatedMemory());
        root.close();
    }

    private static TableDef createMetrics(Storage s) {
        return s.catalog().createTable("public", "m", List.of(ColumnDef.of("time", ColumnType.of(SqlType.TIMESTAMPTZ)),
            ColumnDef.of("id", ColumnType.of(SqlType.INT8)), ColumnDef.of("v", ColumnType.of(SqlType.TEXT))),
            List.of(), false);
    }

    private List<List<Object>> rows(Storage s, String table) {
        TableDef def = s.catalog().lookup("public", table).orElseThrow();
        Transaction tx = s.transactions().begin();
        try {
            List<List<Object>> out = new ArrayList<>(scan(root, s.table(def.oid()), tx));
            out.sort(Comparator.comparing(r -> (Long) r.get(1)));
            return out;
        } finally {
            s.transactions().commit(tx);
        }
    }

    private void commitRows(Storage s, TableDef def, long from, long to) {
        Transaction tx = s.transactions().begin();
        List<List<Object>> rs = new ArrayList<>();
        for (long i = from; i < to; i++) {
            rs.add(row(i * HOUR, i, "r" + i));
        }
        insert(root, s.table(def.oid()), tx, rs);
        s.transactions().commit(tx);
    }

    @Test
    void committedRowsSurviveACrashAndUncommittedOnesDoNot() {
        Storage s = Storage.open(dir, root);
        TableDef def = createMetrics(s);
        commitRows(s, def, 0, 10);
        Transaction open = s.transactions().begin();
        insert(root, s.table(def.oid()), open, List.of(row(99 * HOUR, 99L, "never committed")));
        Transaction rolledBack = s.transactions().begin();
        insert(root, s.table(def.oid()), rolledBack, List.of(row(98 * HOUR, 98L, "rolled back")));
        s.transactions().rollback(rolledBack);
        Transaction deleter = s.transactions().begin();
        deleter.beginStatement();
        s.table(def.oid()).delete(deleter, new long[] {0}, 1);
        s.abandon();

        try (Storage again = Storage.open(dir, root)) {
            List<List<Object>> rows = rows(again, "m");
            assertEquals(10, rows.size(), rows.toString());
            assertEquals(0L, rows.get(0).get(1));
            // New transactions work and get fresh ids.
            commitRows(again, again.catalog().lookup("public", "m").orElseThrow(), 10, 12);
            assertEquals(12, rows(again, "m").size());
        }
        try (Storage third = Storage.open(dir, root)) {
            assertEquals(12, rows(third, "m").size());
        }
    }

    @Test
    void checkpointThenMoreWritesThenCrash() {
        Storage s = Storage.open(dir, root);
        TableDef def = createMetrics(s);
        commitRows(s, def, 0, 70_000); // more than one block
        s.checkpoint();
        commitRows(s, def, 70_000, 70_100);
        Transaction tx = s.transactions().begin();
        tx.beginStatement();
        s.table(def.oid()).delete(tx, new long[] {5, 6}, 2);
        s.transactions().commit(tx);
        s.abandon();
        try (Storage again = Storage.open(dir, root)) {
            assertEquals(70_098, rows(again, "m").size());
        }
    }

    @Test
    void tornWalTailIsIgnored() throws IOException {
        Storage s = Storage.open(dir, root);
        TableDef def = createMetrics(s);
        commitRows(s, def, 0, 5);
        s.abandon();
        Path wal = lastWal();
        Files.write(wal, new byte[] {40, 0, 0, 0, 1, 2, 3, 4, 2, 9, 9}, StandardOpenOption.APPEND);
        try (Storage again = Storage.open(dir, root)) {
            assertEquals(5, rows(again, "m").size());
        }
    }

    @Test
    void recoveryCutsATornTailSoALaterCrashCanRecoverAgain() throws IOException {
        // a crash after recovery started a new WAL file but before its checkpoint ended left the torn file behind,
        // no longer the last one: the next start failed with "WAL file ... is corrupt ... truncated record"
        Storage s = Storage.open(dir, root);
        commitRows(s, createMetrics(s), 0, 5);
        s.abandon();
        Path wal = lastWal();
        long whole = Files.size(wal);
        Files.write(wal, new byte[] {40, 0, 0, 0, 1, 2, 3, 4, 2, 9, 9}, StandardOpenOption.APPEND);
        TableRegistry registry = new TableRegistry(new io.epochdb.storage.txn.TransactionManager(), root, dir);
        try {
            new Recovery(dir, new io.epochdb.storage.catalog.MemoryCatalog(), registry, new Sequences(), root).run();
        } finally {
            registry.closeAll();
        }
        assertEquals(whole, Files.size(wal));
        // the server then writes to a newer WAL file and is killed before its checkpoint
        List<Long> walFiles = io.epochdb.storage.wal.WalFiles.sequences(dir.resolve("wal"));
        new io.epochdb.storage.wal.WalWriter(dir.resolve("wal"), walFiles.get(walFiles.size() - 1) + 1, true, 200).close();
        try (Storage again = Storage.open(dir, root)) {
            assertEquals(5, rows(again, "m").size());
        }
    }

    @Test
    void corruptSegmentFailsNamingTheFile() throws IOException {
        try (Storage s = Storage.open(dir, root)) {
            commitRows(s, createMetrics(s), 0, 100);
        }
        Path segment;
        try (Stream<Path> files = Files.walk(dir.resolve("tables"))) {
            segment = files.filter(p -> p.toString().endsWith(".arrow")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(segment, bytes);
        EpochException e = assertThrows(EpochException.class, () -> Storage.open(dir, root));
        assertEquals("XX001", e.sqlState());
        assertTrue(e.getMessage().contains(segment.toString()), e.getMessage());
    }

    @Test
    void hypertableChunksSurviveRestartAndDrops() {
        List<ChunkInfo> before;
        try (Storage s = Storage.open(dir, root)) {
            TableDef def = createMetrics(s);
            s.catalog().createHypertable(def.oid(), "time", 24 * HOUR, false, false);
            commitRows(s, def, 0, 24 * 5); // five days of hourly rows
            commitRows(s, def, 1000, 1001); // late/out-of-order: far in the future then back
            commitRows(s, def, 3, 3); // nothing
            ChunkedTable t = (ChunkedTable) s.table(def.oid());
            before = t.chunks();
            assertEquals(6, before.size());
            s.checkpoint();
            Path firstChunkDir = Checkpointer.tableDir(dir, def.oid(), before.get(0).id());
            assertTrue(Files.isDirectory(firstChunkDir));
            List<ChunkInfo> dropped = t.dropChunks(48 * HOUR, null);
            assertEquals(2, dropped.size());
            for (int i = 0; i < 100 && Files.exists(firstChunkDir); i++) {
                sleep(50); // the checkpoint that deletes the files runs in the background
            }
            assertTrue(Files.notExists(firstChunkDir), "dropped chunk's files are deleted");
            assertEquals(24 * 3 + 1, rows(s, "m").size());
            s.checkpoint();
            commitRows(s, def, 24 * 5, 24 * 6); // a new chunk after the checkpoint
        }
        try (Storage again = Storage.open(dir, root)) {
            TableDef def = again.catalog().lookup("public", "m").orElseThrow();
            Table t = again.table(def.oid());
            List<ChunkInfo> chunks = ((ChunkedTable) t).chunks();
            assertEquals(5, chunks.size());
            assertEquals(before.get(2).name(), chunks.get(0).name());
            assertEquals(24 * 4 + 1, rows(again, "m").size());
        }
    }

    @Test
    void uniqueKeysAndSequencesContinueAfterRestart() {
        long last;
        try (Storage s = Storage.open(dir, root)) {
            TableDef def = s.catalog().createTable("public", "k", List.of(ColumnDef.of("id", ColumnType.of(SqlType.INT8)),
                ColumnDef.of("time", ColumnType.of(SqlType.TIMESTAMPTZ)), ColumnDef.of("v", ColumnType.of(SqlType.TEXT))),
                List.of(ConstraintDef.primaryKey(List.of("id"))), false);
            Transaction tx = s.transactions().begin();
            insert(root, s.table(def.oid()), tx, List.of(row(1L, 0L, "a")));
            s.transactions().commit(tx);
            s.sequences().get("k_id_seq").incrementAndGet();
            last = s.sequences().get("k_id_seq").incrementAndGet();
            s.abandon();
        }
        try (Storage again = Storage.open(dir, root)) {
            TableDef def = again.catalog().lookup("public", "k").orElseThrow();
            Transaction tx = again.transactions().begin();
            EpochException e = assertThrows(EpochException.class,
                () -> insert(root, again.table(def.oid()), tx, List.of(row(1L, 0L, "dup"))));
            assertEquals("23505", e.sqlState());
            again.transactions().rollback(tx);
            assertTrue(again.sequences().get("k_id_seq").incrementAndGet() > last);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path lastWal() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("wal"))) {
            return files.sorted().reduce((a, b) -> b).orElseThrow();
        }
    }
}
