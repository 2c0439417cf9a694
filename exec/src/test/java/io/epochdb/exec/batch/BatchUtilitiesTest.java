package io.epochdb.exec.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchUtilitiesTest {
    private RootAllocator allocator;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    static final SqlType[] TYPES = {SqlType.BOOL, SqlType.INT2, SqlType.INT4, SqlType.INT8, SqlType.FLOAT8,
        SqlType.TEXT, SqlType.NUMERIC, SqlType.TIMESTAMPTZ, SqlType.INTERVAL, SqlType.UUID, SqlType.BYTEA,
        SqlType.INT4_ARRAY, SqlType.TEXT_ARRAY};

    static RowType rowType() {
        List<RowType.Field> fs = new ArrayList<>();
        for (SqlType t : TYPES) {
            fs.add(new RowType.Field(t.typname(), ColumnType.of(t)));
        }
        return new RowType(fs);
    }

    static List<Object> value(int i) {
        if (i % 5 == 4) {
            return Arrays.asList(new Object[TYPES.length]);
        }
        return Arrays.asList(i % 2 == 0, (short) i, i * 3, i * 1_000_000_000_000L, i / 7.0, "t\u00e9xt" + i,
            new BigDecimal(i + ".25"), (long) i * 1000, new Interval(i, -i, i * 7L),
            new java.util.UUID(i, -i), new byte[] {(byte) i, 0, (byte) -i}, Arrays.asList(i, null, -i),
            i % 3 == 0 ? List.of() : List.of("a" + i));
    }

    private Batch build(RowType rt, int from, int to) {
        try (BatchBuilder bb = new BatchBuilder(rt, allocator, 1000)) {
            for (int i = from; i < to; i++) {
                List<Object> v = value(i);
                for (int c = 0; c < rt.size(); c++) {
                    bb.set(c, v.get(c));
                }
                bb.endRow();
            }
            return bb.build();
        }
    }

    static void assertRow(List<Object> expected, Batch b, int row) {
        for (int c = 0; c < TYPES.length; c++) {
            Object got = ArrowTypes.get(b.column(c), row, TYPES[c]);
            Object exp = expected.get(c);
            if (exp instanceof byte[] e) {
                assertEquals(Arrays.toString(e), Arrays.toString((byte[]) got));
            } else {
                assertEquals(exp, got, TYPES[c] + " row " + row);
            }
        }
    }

    @Test
    void gatherFromSeveralBatchesKeepsEveryTypeAndNull() {
        RowType rt = rowType();
        try (RowStore store = new RowStore()) {
            store.add(build(rt, 0, 7));
            store.add(build(rt, 7, 8));
            store.add(build(rt, 8, 30));
            assertEquals(30, store.rowCount());
            int[] rows = {29, 0, 4, 7, 8, 13, 13, 2, 19, 24};
            int[] batchOf = new int[rows.length];
            int[] local = new int[rows.length];
            store.locate(rows, 0, rows.length, batchOf, local);
            try (Batch g = store.gather(batchOf, local, 0, rows.length, allocator)) {
                assertEquals(rows.length, g.rowCount());
                for (int i = 0; i < rows.length; i++) {
                    assertRow(value(rows[i]), g, i);
                }
            }
            try (Batch part = store.gather(batchOf, local, 3, 6, allocator)) {
                assertEquals(3, part.rowCount());
                assertRow(value(7), part, 0);
                assertRow(value(13), part, 2);
            }
        }
    }

    @Test
    void selectSliceAndBuilderCopies() {
        RowType rt = rowType();
        try (Batch b = build(rt, 0, 20)) {
            try (Batch s = Vectors.select(b, new int[] {19, 3, 4}, 3, allocator)) {
                assertRow(value(19), s, 0);
                assertRow(value(4), s, 2);
            }
            try (Batch s = Vectors.slice(b, 5, 4, allocator)) {
                assertEquals(4, s.rowCount());
                assertRow(value(8), s, 3);
            }
            try (BatchBuilder bb = new BatchBuilder(rt, allocator, 2)) {
                bb.appendRow(b, 9);
                bb.copyRow(b, 4, 0);
                bb.endRow();
                assertEquals(true, bb.isFull());
                try (Batch out = bb.build()) {
                    assertRow(value(9), out, 0);
                    assertRow(value(4), out, 1);
                }
                bb.setNulls(0, rt.size());
                bb.endRow();
            }
        }
    }

    @Test
    void emptyGatherAndConstants() {
        try (FieldVector v = Vectors.constant("c", ColumnType.of(SqlType.TEXT), "x", allocator, 3);
             FieldVector g = Gather.select(v, new int[0], 0, allocator);
             FieldVector n = Vectors.nulls("n", ColumnType.of(SqlType.INT8), allocator, 2)) {
            assertEquals(0, g.getValueCount());
            assertEquals("x", ArrowTypes.get(v, 2, SqlType.TEXT));
            assertEquals(true, n.isNull(1));
        }
    }

    @Test
    void keyTypeOrdersTextByCodePointAndFloatsLikePostgres() {
        assertEquals(true, KeyType.compareStrings("\uFF5E", "\uD83D\uDE00") < 0);
        assertEquals(true, KeyType.compareDouble(Double.NaN, Double.POSITIVE_INFINITY) > 0);
        assertEquals(0, KeyType.compareDouble(-0.0, 0.0));
        assertEquals(0, KeyType.compareValues(new BigDecimal("1.0"), new BigDecimal("1.00")));
        assertEquals(KeyType.hashValue(new BigDecimal("1.0")), KeyType.hashValue(new BigDecimal("1.00")));
    }
}
