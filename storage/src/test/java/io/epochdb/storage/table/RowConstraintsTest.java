package io.epochdb.storage.table;

import static io.epochdb.storage.TestData.insert;
import static io.epochdb.storage.TestData.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.Storage;
import io.epochdb.storage.catalog.Catalog;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.txn.TransactionManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads with pushed row constraints return exactly the visible rows that satisfy them, whether a block answers a
 * text equality from its dictionary (full blocks) or by comparing bytes (the open block), with NULLs, deleted rows
 * and values that are absent from a block.
 */
class RowConstraintsTest {
    @TempDir
    Path dir;
    private BufferAllocator root;
    private Storage storage;
    private Catalog catalog;
    private TransactionManager txns;
    private Table table;
    private final List<List<Object>> stored = new ArrayList<>();

    @BeforeEach
    void open() {
        root = new RootAllocator();
        storage = Storage.open(dir.resolve("data"), root);
        catalog = storage.catalog();
        txns = storage.transactions();
        TableDef def = catalog.createTable("public", "m", List.of(ColumnDef.of("id", ColumnType.of(SqlType.INT8)),
            ColumnDef.of("host", ColumnType.of(SqlType.TEXT)), ColumnDef.of("d", ColumnType.of(SqlType.INT4))),
            List.of(), false);
        table = storage.table(def.oid());
        int n = MemoryTable.BLOCK_ROWS * 2 + 5000; // two full blocks (dictionaries) and an open one
        List<List<Object>> rows = new ArrayList<>();
        for (long i = 0; i < n; i++) {
            String host = i % 97 == 0 ? null : "host_" + (i % 13);
            Integer d = i % 89 == 0 ? null : (int) (i % 1000) - 500;
            rows.add(row(i, host, d));
        }
        stored.addAll(rows);
        Transaction tx = txns.begin();
        tx.beginStatement();
        insert(root, table, tx, rows);
        txns.commit(tx);
    }

    @AfterEach
    void close() {
        storage.close();
        assertEquals(0, root.getAllocatedMemory(), "leaked Arrow memory");
        root.close();
    }

    private TreeSet<Long> read(RowConstraints c) {
        Transaction tx = txns.begin();
        tx.beginStatement();
        TreeSet<Long> ids = new TreeSet<>();
        try {
            TableSnapshot s = table.snapshot(tx);
            for (int p = 0; p < s.partCount(); p++) {
                try (ScanPart part = s.read(p, new int[] {0, 1}, false, c, root)) {
                    for (int i = 0; i < part.rowCount(); i++) {
                        ids.add((Long) part.columns().get(0).getObject(i));
                    }
                }
            }
        } finally {
            txns.commit(tx);
        }
        return ids;
    }

    private TreeSet<Long> expected(Predicate<List<Object>> p) {
        TreeSet<Long> ids = new TreeSet<>();
        for (List<Object> r : stored) {
            if (p.test(r)) {
                ids.add((Long) r.get(0));
            }
        }
        return ids;
    }

    private static RowConstraints hosts(String... values) {
        return new RowConstraints(List.of(), List.of(new RowConstraints.TextIn(1, List.of(values))));
    }

    @Test
    void textEqualityFromDictionaryAndFromBytes() {
        assertEquals(expected(r -> "host_3".equals(r.get(1))), read(hosts("host_3")));
        assertEquals(expected(r -> "host_3".equals(r.get(1)) || "host_11".equals(r.get(1))),
            read(hosts("host_11", "host_3")));
        assertEquals(List.of(), List.copyOf(read(hosts("host_99", "host_"))));
    }

    @Test
    void growingBlockDictionaryCoversOnlyItsFirstRows() {
        assertEquals(expected(r -> "host_4".equals(r.get(1))), read(hosts("host_4"))); // builds the open block's
        List<List<Object>> more = new ArrayList<>();
        for (long i = 0; i < 3000; i++) {
            more.add(row(1_000_000 + i, i % 2 == 0 ? "host_4" : "new_host", 0)); // fewer than a rebuild needs
        }
        stored.addAll(more);
        Transaction tx = txns.begin();
        tx.beginStatement();
        insert(root, table, tx, more);
        txns.commit(tx);
        assertEquals(expected(r -> "host_4".equals(r.get(1))), read(hosts("host_4")));
        assertEquals(expected(r -> "new_host".equals(r.get(1))), read(hosts("new_host")));
        RowConstraints rangeAndText = new RowConstraints(
            List.of(new RowConstraints.Range(2, new long[] {-5}, new long[] {5})),
            List.of(new RowConstraints.TextIn(1, List.of("new_host", "host_4"))));
        assertEquals(expected(r -> ("host_4".equals(r.get(1)) || "new_host".equals(r.get(1))) && r.get(2) != null
            && Math.abs((Integer) r.get(2)) <= 5), read(rangeAndText));
    }

    @Test
    void conditionOnAColumnOfAnotherKindIsAnErrorNotAllRows() {
        // the planner drops the filter these conditions express: keeping every row here would be a wrong answer
        RowConstraints rangeOnText = new RowConstraints(List.of(new RowConstraints.Range(1, new long[] {0}, new long[] {5})),
            List.of());
        assertThrows(IllegalStateException.class, () -> read(rangeOnText));
        RowConstraints textOnInt = new RowConstraints(List.of(), List.of(new RowConstraints.TextIn(2, List.of("5"))));
        assertThrows(IllegalStateException.class, () -> read(textOnInt));
    }

    @Test
    void rangesAndTextTogetherSkipNulls() {
        RowConstraints c = new RowConstraints(
            List.of(new RowConstraints.Range(2, new long[] {-10, 100}, new long[] {10, 120})),
            List.of(new RowConstraints.TextIn(1, List.of("host_5", "host_7"))));
        assertEquals(expected(r -> ("host_5".equals(r.get(1)) || "host_7".equals(r.get(1))) && r.get(2) != null
            && ((Integer) r.get(2) >= -10 && (Integer) r.get(2) <= 10
                || (Integer) r.get(2) >= 100 && (Integer) r.get(2) <= 120)), read(c));
    }

    @Test
    void deletedRowsStayInvisible() {
        Transaction tx = txns.begin();
        tx.beginStatement();
        TableSnapshot s = table.snapshot(tx);
        List<Long> victims = new ArrayList<>();
        for (int p = 0; p < s.partCount(); p++) {
            try (ScanPart part = s.read(p, new int[] {1}, true, root)) {
                for (int i = 0; i < part.rowCount(); i++) {
                    if ("host_3".equals(String.valueOf(part.columns().get(0).getObject(i))) && i % 2 == 0) {
                        victims.add(part.rowIds().get(i));
                    }
                }
            }
        }
        table.delete(tx, victims.stream().mapToLong(Long::longValue).toArray(), victims.size());
        txns.commit(tx);
        TreeSet<Long> all = expected(r -> "host_3".equals(r.get(1)));
        TreeSet<Long> got = read(hosts("host_3"));
        assertEquals(all.size() - victims.size(), got.size());
        assertEquals(true, all.containsAll(got));
    }

    @Test
    void dictionaryOnlyForFullBlocksAndFewValues() {
        Block b = new Block(0);
        try (org.apache.arrow.vector.VarCharVector v = new org.apache.arrow.vector.VarCharVector("s", root)) {
            v.allocateNew();
            for (int i = 0; i < 10; i++) {
                v.setSafe(i, ("v" + i % 3).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            v.setNull(10);
            v.setValueCount(11);
            TextDictionary d = TextDictionary.build(v, 11);
            assertNotNull(d);
            assertEquals(3, d.distinctCount());
            assertEquals(TextDictionary.NULL_CODE, d.codes()[10]);
            assertEquals(4, d.rowCount(d.codeOf("v0".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertEquals(-1, d.codeOf("v3".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertNull(b.dictionary(0), "an empty (open) block has none");
        }
    }
}
