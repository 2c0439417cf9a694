package io.epochdb.storage.table;

import static io.epochdb.storage.TestData.insert;
import static io.epochdb.storage.TestData.scan;
import static io.epochdb.storage.TestData.scanWithIds;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.storage.Storage;
import io.epochdb.storage.catalog.ColumnDef;
import io.epochdb.storage.catalog.TableDef;
import io.epochdb.storage.txn.Transaction;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every column type survives insert and scan, through both the bulk and the value-by-value copy paths. */
class AllTypesTest {
    private static final SqlType[] TYPES = {SqlType.BOOL, SqlType.INT2, SqlType.INT4, SqlType.INT8, SqlType.FLOAT4,
        SqlType.FLOAT8, SqlType.NUMERIC, SqlType.TEXT, SqlType.VARCHAR, SqlType.BYTEA, SqlType.UUID, SqlType.DATE,
        SqlType.TIME, SqlType.TIMESTAMP, SqlType.TIMESTAMPTZ, SqlType.INTERVAL, SqlType.JSONB, SqlType.INT4_ARRAY,
        SqlType.TEXT_ARRAY};

    @TempDir
    Path dir;

    private static Object value(SqlType t, int i) {
        if (i % 4 == 3) {
            return null;
        }
        return switch (t) {
            case BOOL -> i % 2 == 0;
            case INT2 -> (short) i;
            case INT4 -> i * 7;
            case INT8 -> i * 1_000_000_007L;
            case FLOAT4 -> i / 4.0f;
            case FLOAT8 -> i / 8.0;
            case NUMERIC -> new BigDecimal(i + ".25");
            case TEXT -> "text " + "x".repeat(i % 13);
            case VARCHAR -> "v" + i;
            case BYTEA -> new byte[] {(byte) i, 2, 3};
            case UUID -> new UUID(i, -i);
            case DATE -> 19000 + i;
            case TIME -> i * 1_000_000L;
            case TIMESTAMP, TIMESTAMPTZ -> 1_700_000_000_000_000L + i;
            case INTERVAL -> new Interval(i, 2, 3_000_000L);
            case JSONB -> "{\"k\": " + i + "}";
            case INT4_ARRAY -> Arrays.asList(i, null, i + 1);
            case TEXT_ARRAY -> List.of("a" + i);
            default -> throw new IllegalArgumentException(t.toString());
        };
    }

    private static List<Object> row(int i) {
        List<Object> r = new ArrayList<>();
        for (SqlType t : TYPES) {
            r.add(value(t, i));
        }
        return r;
    }

    private static void assertRowsEqual(List<List<Object>> expected, List<List<Object>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < TYPES.length; c++) {
                Object e = expected.get(r).get(c);
                Object a = actual.get(r).get(c);
                if (e instanceof byte[] eb) {
                    assertArrayEquals(eb, (byte[]) a, "row " + r + " " + TYPES[c]);
                } else {
                    assertEquals(e, a, "row " + r + " " + TYPES[c]);
                }
            }
        }
    }

    @Test
    void roundTrip() {
        try (RootAllocator root = new RootAllocator(); Storage storage = Storage.open(dir, root)) {
            List<ColumnDef> cols = new ArrayList<>();
            for (SqlType t : TYPES) {
                cols.add(ColumnDef.of("c_" + t.typname(), ColumnType.of(t)));
            }
            TableDef def = storage.catalog().createTable("public", "all_types", cols, List.of(), false);
            Table table = storage.table(def.oid());
            Transaction tx = storage.transactions().begin();
            List<List<Object>> expected = new ArrayList<>();
            int next = 0;
            for (int batch : new int[] {3, 5, 7, 1, 16, 9}) { // unaligned starts exercise bit-by-bit validity copies
                List<List<Object>> rows = new ArrayList<>();
                for (int i = 0; i < batch; i++) {
                    rows.add(row(next++));
                }
                insert(root, table, tx, rows);
                expected.addAll(rows);
            }
            storage.transactions().commit(tx);

            Transaction reader = storage.transactions().begin();
            assertRowsEqual(expected, scan(root, table, reader));

            // Delete every third row so scans take the value-by-value path.
            List<List<Object>> withIds = scanWithIds(root, table, reader);
            long[] ids = new long[withIds.size()];
            int n = 0;
            List<List<Object>> remaining = new ArrayList<>();
            for (int i = 0; i < withIds.size(); i++) {
                if (i % 3 == 1) {
                    ids[n++] = (Long) withIds.get(i).get(TYPES.length);
                } else {
                    remaining.add(expected.get(i));
                }
            }
            table.delete(reader, ids, n);
            reader.beginStatement();
            assertRowsEqual(remaining, scan(root, table, reader));
            storage.transactions().commit(reader);
        }
    }
}
