package io.epochdb.storage.table;

import static io.epochdb.storage.TestData.insert;
import static io.epochdb.storage.TestData.row;
import static io.epochdb.storage.TestData.scan;
import static io.epochdb.storage.TestData.scanWithIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.Storage;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.ConstraintDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.txn.TransactionManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class MemoryTableTest {
    @TempDir
    Path dir;
    private BufferAllocator root;
    private Storage storage;
    private Catalog catalog;
    private TransactionManager txns;

    @BeforeEach
    void open() {
        root = new RootAllocator();
        storage = Storage.open(dir.resolve("data"), root);
        catalog = storage.catalog();
        txns = storage.transactions();
    }

    @AfterEach
    void close() {
        storage.close();
        assertEquals(0, root.getAllocatedMemory(), "leaked Arrow memory");
        root.close();
    }

    private static ColumnDef col(String name, SqlType type) {
        return ColumnDef.of(name, ColumnType.of(type));
    }

    private Table createT() {
        TableDef def = catalog.createTable("public", "t", List.of(col("id", SqlType.INT4), col("name", SqlType.TEXT)),
            List.of(ConstraintDef.primaryKey(List.of("id"))), false);
        return storage.table(def.oid());
    }

    private Transaction begin() {
        Transaction tx = txns.begin();
        tx.beginStatement();
        return tx;
    }

    private List<List<Object>> committedRows(Table t) {
        Transaction tx = begin();
        try {
            return scan(root, t, tx);
        } finally {
            txns.commit(tx);
        }
    }

    private static EpochException assertError(String sqlState, String message, Executable action) {
        EpochException e = assertThrows(EpochException.class, action);
        assertEquals(sqlState, e.sqlState(), e.getMessage());
        assertEquals(message, e.getMessage());
        return e;
    }

    @Test
    void insertAndScanOwnWrites() {
        Table t = createT();
        Transaction tx = begin();
        assertEquals(2, insert(root, t, tx, List.of(row(1, "a"), row(2, null))));
        tx.beginStatement();
        assertEquals(List.of(row(1, "a"), row(2, null)), scan(root, t, tx));
        txns.commit(tx);
        assertEquals(List.of(row(1, "a"), row(2, null)), committedRows(t));
        assertEquals(2, t.approximateRowCount());
        assertTrue(t.sizeBytes() > 0);
    }

    @Test
    void uncommittedRowsAreInvisibleToOthersAndRollbackRemovesThem() {
        Table t = createT();
        Transaction writer = begin();
        insert(root, t, writer, List.of(row(1, "a")));
        Transaction reader = begin();
        assertEquals(List.of(), scan(root, t, reader));
        txns.rollback(writer);
        assertFalse(writer.isActive());
        reader.beginStatement();
        assertEquals(List.of(), scan(root, t, reader));
        txns.commit(reader);
        assertEquals(0, t.approximateRowCount());
        // The key is free again after the rollback.
        Transaction again = begin();
        insert(root, t, again, List.of(row(1, "b")));
        txns.commit(again);
        assertEquals(List.of(row(1, "b")), committedRows(t));
    }

    @Test
    void readCommittedRefreshesPerStatement() {
        Table t = createT();
        Transaction reader = begin();
        Transaction writer = begin();
        insert(root, t, writer, List.of(row(1, "a")));
        txns.commit(writer);
        assertEquals(List.of(), scan(root, t, reader), "the statement's snapshot predates the commit");
        reader.beginStatement();
        assertEquals(List.of(row(1, "a")), scan(root, t, reader), "the next statement sees it");
        txns.commit(reader);
    }

    @Test
    void snapshotStaysConsistentWhileWritersContinue() {
        Table t = createT();
        Transaction tx = begin();
        insert(root, t, tx, List.of(row(1, "a")));
        TableSnapshot snap = t.snapshot(tx);
        insert(root, t, tx, List.of(row(2, "b")));
        try (ScanPart part = snap.read(0, new int[] {0}, false, root)) {
            assertEquals(1, part.rowCount(), "rows appended after the snapshot are not part of it");
            assertEquals(null, part.rowIds());
        }
        txns.commit(tx);
    }

    @Test
    void deleteVisibilityAndRollback() {
        Table t = createT();
        Transaction setup = begin();
        insert(root, t, setup, List.of(row(1, "a"), row(2, "b")));
        txns.commit(setup);

        Transaction deleter = begin();
        List<List<Object>> rows = scanWithIds(root, t, deleter);
        long firstId = (Long) rows.get(0).get(2);
        assertEquals(1, t.delete(deleter, new long[] {firstId}, 1));
        assertEquals(0, t.delete(deleter, new long[] {firstId}, 1), "deleting twice is a no-op");
        deleter.beginStatement();
        assertEquals(List.of(row(2, "b")), scan(root, t, deleter));
        assertEquals(List.of(row(1, "a"), row(2, "b")), committedRows(t), "others still see it");

        Transaction other = begin();
        assertError("40001", "could not serialize access due to concurrent update",
            () -> t.delete(other, new long[] {firstId}, 1));
        txns.rollback(other);

        txns.rollback(deleter);
        assertEquals(List.of(row(1, "a"), row(2, "b")), committedRows(t));

        Transaction deleter2 = begin();
        t.delete(deleter2, new long[] {firstId}, 1);
        Transaction oldReader = begin();
        txns.commit(deleter2);
        assertEquals(List.of(row(1, "a"), row(2, "b")), scan(root, t, oldReader), "deleted after the snapshot");
        oldReader.beginStatement();
        assertEquals(List.of(row(2, "b")), scan(root, t, oldReader));
        assertError("40001", "could not serialize access due to concurrent update",
            () -> t.delete(oldReader, new long[] {firstId}, 1));
        txns.rollback(oldReader);
        assertEquals(1, t.approximateRowCount());
    }

    @Test
    void notNull() {
        Table t = createT();
        Transaction tx = begin();
        EpochException e = assertError("23502", "null value in column \"id\" of relation \"t\" violates not-null constraint",
            () -> insert(root, t, tx, List.of(row(1, "a"), row(null, "b"))));
        assertEquals("Failing row contains (null, b).", e.detail());
        tx.beginStatement();
        assertEquals(List.of(), scan(root, t, tx), "the batch is all or nothing");
        txns.commit(tx);
    }

    @Test
    void uniqueWithinBatchAndAcrossTransactions() {
        Table t = createT();
        Transaction tx = begin();
        EpochException e = assertError("23505", "duplicate key value violates unique constraint \"t_pkey\"",
            () -> insert(root, t, tx, List.of(row(1, "a"), row(1, "b"))));
        assertEquals("Key (id)=(1) already exists.", e.detail());
        insert(root, t, tx, List.of(row(1, "a")));
        assertError("23505", "duplicate key value violates unique constraint \"t_pkey\"",
            () -> insert(root, t, tx, List.of(row(2, "x"), row(1, "b"))));

        Transaction other = begin();
        assertError("23505", "duplicate key value violates unique constraint \"t_pkey\"",
            () -> insert(root, t, other, List.of(row(1, "c"))));
        txns.commit(tx);
        assertError("23505", "duplicate key value violates unique constraint \"t_pkey\"",
            () -> insert(root, t, other, List.of(row(1, "c"))));
        txns.rollback(other);
        assertEquals(List.of(row(1, "a")), committedRows(t));
    }

    @Test
    void updateAsDeletePlusInsertKeepsKey() {
        Table t = createT();
        Transaction setup = begin();
        insert(root, t, setup, List.of(row(1, "a")));
        txns.commit(setup);

        Transaction upd = begin();
        long id = (Long) scanWithIds(root, t, upd).get(0).get(2);
        t.delete(upd, new long[] {id}, 1);
        insert(root, t, upd, List.of(row(1, "a2")));
        Transaction other = begin();
        assertError("23505", "duplicate key value violates unique constraint \"t_pkey\"",
            () -> insert(root, t, other, List.of(row(1, "zz"))));
        txns.rollback(other);
        txns.commit(upd);
        assertEquals(List.of(row(1, "a2")), committedRows(t));

        // After the commit the old version is dead, and the key is held by the new one only.
        Transaction upd2 = begin();
        long id2 = (Long) scanWithIds(root, t, upd2).get(0).get(2);
        t.delete(upd2, new long[] {id2}, 1);
        insert(root, t, upd2, List.of(row(1, "a3")));
        txns.rollback(upd2);
        assertEquals(List.of(row(1, "a2")), committedRows(t), "rollback restores the deleted version");
    }

    @Test
    void uniqueAllowsNullsAndMultiColumnKeys() {
        TableDef def = catalog.createTable("public", "u", List.of(col("a", SqlType.INT8), col("b", SqlType.TEXT)),
            List.of(ConstraintDef.unique(List.of("a", "b"))), false);
        Table u = storage.table(def.oid());
        Transaction tx = begin();
        insert(root, u, tx, List.of(row(1L, null), row(1L, null), row(1L, "x"), row(2L, "x")));
        EpochException e = assertError("23505", "duplicate key value violates unique constraint \"u_a_b_key\"",
            () -> insert(root, u, tx, List.of(row(1L, "x"))));
        assertEquals("Key (a, b)=(1, x) already exists.", e.detail());
        txns.commit(tx);
    }

    @Test
    void findConflictAndFetch() {
        Table t = createT();
        Transaction tx = begin();
        insert(root, t, tx, List.of(row(1, "a"), row(2, "b")));
        txns.commit(tx);
        Transaction tx2 = begin();
        ConstraintDef pk = t.def().primaryKey().orElseThrow();
        OptionalLong hit = t.findConflict(tx2, pk, List.of(2L));
        assertTrue(hit.isPresent());
        assertTrue(t.findConflict(tx2, pk, List.of(3)).isEmpty());
        List<Object> nullKey = new ArrayList<>();
        nullKey.add(null);
        assertTrue(t.findConflict(tx2, pk, nullKey).isEmpty());
        try (ScanPart p = t.fetch(new long[] {hit.getAsLong()}, 1, new int[] {1, 0}, root)) {
            assertEquals(1, p.rowCount());
            assertEquals("b", p.columns().get(0).getObject(0).toString());
            assertEquals(2, p.columns().get(1).getObject(0));
            assertEquals(hit.getAsLong(), p.rowIds().get(0));
        }
        t.delete(tx2, new long[] {hit.getAsLong()}, 1);
        assertTrue(t.findConflict(tx2, pk, List.of(2)).isEmpty(), "deleted by the asking transaction");
        txns.commit(tx2);
    }

    @Test
    void alterTableWithExistingData() {
        Table t = createT();
        Transaction tx = begin();
        insert(root, t, tx, List.of(row(1, "a"), row(2, "b")));
        txns.commit(tx);
        int oid = t.def().oid();

        catalog.addColumn(oid, col("n", SqlType.INT8));
        catalog.addColumn(oid, new ColumnDef("d", ColumnType.of(SqlType.FLOAT8), false, "1.5", 0), 1.5);
        assertEquals(List.of(row(1, "a", null, 1.5), row(2, "b", null, 1.5)), committedRows(t));

        Transaction tx2 = begin();
        insert(root, t, tx2, List.of(row(3, "c", 30L, 2.5)));
        txns.commit(tx2);
        catalog.dropColumn(oid, "name");
        assertEquals(List.of(row(1, null, 1.5), row(2, null, 1.5), row(3, 30L, 2.5)), committedRows(t));
        catalog.renameColumn(oid, "n", "num");
        assertEquals("num", t.def().columns().get(1).name());

        assertError("23502", "column \"x\" of relation \"t\" contains null values",
            () -> catalog.addColumn(oid, new ColumnDef("x", ColumnType.of(SqlType.INT4), true, null, 0), null));
        assertError("23502", "column \"num\" of relation \"t\" contains null values",
            () -> catalog.setColumnNotNull(oid, "num", true));
        assertEquals(3, t.def().columns().size(), "a failed ALTER changes nothing");

        EpochException e = assertError("23505", "could not create unique index \"t_d_idx\"",
            () -> catalog.createIndex("public", null, oid, List.of("d"), true, null, false));
        assertEquals("Key (d)=(1.5) is duplicated.", e.detail());
        catalog.createIndex("public", null, oid, List.of("num"), true, null, false);
        Transaction tx3 = begin();
        assertError("23505", "duplicate key value violates unique constraint \"t_num_idx\"",
            () -> insert(root, t, tx3, List.of(row(4, 30L, 0.0))));
        txns.rollback(tx3);
    }

    @Test
    void blocksFillAndRowIdsAreStable() {
        TableDef def = catalog.createTable("public", "big", List.of(col("v", SqlType.INT8)), List.of(), false);
        Table big = storage.table(def.oid());
        int n = MemoryTable.BLOCK_ROWS + 1000;
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            rows.add(row(i));
        }
        Transaction tx = begin();
        insert(root, big, tx, rows);
        txns.commit(tx);
        Transaction r = begin();
        TableSnapshot s = big.snapshot(r);
        assertEquals(2, s.partCount());
        long sum = 0;
        int count = 0;
        for (int p = 0; p < 2; p++) {
            try (ScanPart part = s.read(p, new int[] {0}, true, root)) {
                for (int i = 0; i < part.rowCount(); i++) {
                    long v = (Long) part.columns().get(0).getObject(i);
                    assertEquals(v, part.rowIds().get(i), "row id = ordinal");
                    sum += v;
                    count++;
                }
            }
        }
        assertEquals(n, count);
        assertEquals((long) n * (n - 1) / 2, sum);
        txns.commit(r);
    }

    @Test
    void droppedTableFailsWith42P01() {
        Table t = createT();
        int oid = t.def().oid();
        Transaction tx = begin();
        insert(root, t, tx, List.of(row(1, "a")));
        TableSnapshot s = t.snapshot(tx);
        catalog.dropRelation(oid);
        assertError("42P01", "relation with OID " + oid + " does not exist", () -> storage.table(oid));
        assertError("42P01", "relation \"t\" does not exist", () -> s.read(0, new int[] {0}, false, root));
        txns.rollback(tx);
    }

    @Test
    void aStatementStillSeesRowsItsOwnTransactionDeletesLater() {
        Table t = createT();
        Transaction setup = begin();
        insert(root, t, setup, List.of(row(1, "a"), row(2, "b")));
        txns.commit(setup);

        Transaction tx = begin();
        TableSnapshot cursor = t.snapshot(tx); // like a cursor declared in statement 1
        List<List<Object>> rows = scanWithIds(root, t, tx);
        assertEquals(1, t.delete(tx, new long[] {(Long) rows.get(0).get(2)}, 1));
        assertEquals(2, scan(root, t, tx).size(), "deleted by the current statement: still visible to it");
        tx.beginStatement();
        assertEquals(List.of(row(2, "b")), scan(root, t, tx), "a later statement sees the delete");
        insert(root, t, tx, List.of(row(3, "c")));
        try (ScanPart part = cursor.read(0, new int[] {0}, false, root)) {
            assertEquals(2, part.rowCount(), "the cursor's snapshot sees neither the delete nor the insert");
        }
        tx.beginStatement();
        assertEquals(List.of(row(2, "b"), row(3, "c")), scan(root, t, tx));
        txns.commit(tx);
    }

    @Test
    void nullVectorsStandForNullColumns() {
        Table t = createT();
        Transaction tx = begin();
        try (org.apache.arrow.vector.IntVector id = new org.apache.arrow.vector.IntVector("id", root);
             org.apache.arrow.vector.NullVector name = new org.apache.arrow.vector.NullVector("name", 2)) {
            id.allocateNew(2);
            id.set(0, 1);
            id.set(1, 2);
            id.setValueCount(2);
            assertEquals(2, t.insert(tx, List.of(id, name), 2));
            assertError("23502", "null value in column \"id\" of relation \"t\" violates not-null constraint",
                () -> t.insert(tx, List.of(new org.apache.arrow.vector.NullVector("id", 1), name), 1));
        }
        tx.beginStatement();
        assertEquals(List.of(row(1, null), row(2, null)), scan(root, t, tx));
        insert(root, t, tx, List.of(row(3, "c")));
        tx.beginStatement();
        assertEquals(List.of(row(1, null), row(2, null), row(3, "c")), scan(root, t, tx));
        txns.commit(tx);
    }

    @Test
    void addPrimaryKeyChecksExistingRowsAndLeavesNoTraceOnFailure() {
        TableDef def = catalog.createTable("public", "k", List.of(col("a", SqlType.INT4), col("b", SqlType.TEXT)),
            List.of(), false);
        Table k = storage.table(def.oid());
        Transaction tx = begin();
        insert(root, k, tx, List.of(row(1, "x"), row(1, "y"), row(null, "z")));
        txns.commit(tx);
        assertError("23502", "column \"a\" of relation \"k\" contains null values",
            () -> catalog.addConstraint(def.oid(), ConstraintDef.primaryKey(List.of("a"))));
        EpochException e = assertError("23505", "could not create unique index \"k_a_key\"",
            () -> catalog.addConstraint(def.oid(), ConstraintDef.unique(List.of("a"))));
        assertEquals("Key (a)=(1) is duplicated.", e.detail());
        assertTrue(catalog.indexes(def.oid()).isEmpty());
        assertTrue(k.def().constraints().isEmpty());
        assertFalse(k.def().columns().get(0).notNull());

        catalog.addConstraint(def.oid(), ConstraintDef.unique(List.of("b")));
        catalog.renameColumn(def.oid(), "b", "label");
        catalog.renameRelation(catalog.lookupIndex("public", "k_b_key").orElseThrow().oid(), "k_label_key");
        Transaction tx2 = begin();
        e = assertError("23505", "duplicate key value violates unique constraint \"k_label_key\"",
            () -> insert(root, k, tx2, List.of(row(5, "x"))));
        assertEquals("Key (label)=(x) already exists.", e.detail());
        txns.rollback(tx2);
    }
}
