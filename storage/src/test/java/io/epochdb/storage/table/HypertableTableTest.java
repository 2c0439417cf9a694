package io.epochdb.storage.table;

import static io.epochdb.storage.TestData.insert;
import static io.epochdb.storage.TestData.row;
import static io.epochdb.storage.TestData.scan;
import static io.epochdb.storage.TestData.scanWithIds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.HypertableDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.txn.Transaction;
import io.epochdb.storage.txn.TransactionManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;

/** Routing of one batch into several chunks, and deletes spanning chunks, without the durable storage around it. */
class HypertableTableTest {
    private static final long HOUR = 3_600_000_000L;

    @Test
    void interleavedBatchRoutesToChunksAndDeletesSpanThem() {
        try (RootAllocator root = new RootAllocator()) {
            TransactionManager txns = new TransactionManager();
            TableDef def = new TableDef(16384, "public", "m", TableDef.Kind.TABLE,
                List.of(new ColumnDef("time", ColumnType.of(SqlType.TIMESTAMPTZ), true, null, 1),
                    new ColumnDef("id", ColumnType.of(SqlType.INT8), false, null, 2)), List.of(), null, "postgres");
            HypertableDef h = new HypertableDef(def.oid(), 1, "time", SqlType.TIMESTAMPTZ, HOUR);
            try (HypertableTable t = new HypertableTable(def, h, txns, root, ChunkEvents.inMemory())) {
                Transaction tx = txns.begin();
                List<List<Object>> rows = new ArrayList<>();
                for (long i = 0; i < 12; i++) {
                    long hour = (i * 5) % 3; // rows alternate between three chunks
                    rows.add(row(hour * HOUR + i, i));
                }
                insert(root, t, tx, rows);
                assertEquals(3, t.chunks().size());
                assertEquals(List.of(4L, 4L, 4L), t.chunks().stream().map(ChunkInfo::rowCount).toList());
                tx.beginStatement();
                List<List<Object>> withIds = scanWithIds(root, t, tx);
                long[] toDelete = withIds.stream().filter(r -> (Long) r.get(1) % 2 == 0)
                    .mapToLong(r -> (Long) r.get(2)).toArray();
                assertEquals(6, t.delete(tx, toDelete, toDelete.length));
                txns.commit(tx);
                Transaction reader = txns.begin();
                List<Long> left = scan(root, t, reader).stream().map(r -> (Long) r.get(1))
                    .sorted(Comparator.naturalOrder()).toList();
                assertEquals(List.of(1L, 3L, 5L, 7L, 9L, 11L), left);
                txns.commit(reader);
            }
            assertEquals(0, root.getAllocatedMemory());
        }
    }
}
