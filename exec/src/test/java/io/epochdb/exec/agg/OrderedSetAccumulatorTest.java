package io.epochdb.exec.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.operator.SortKey;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * percentile_cont / percentile_disc / mode over primitive keys; expected values are PostgreSQL 15's for the same
 * rows (expected/timeseries_pg.out: readings.v and readings.n).
 */
class OrderedSetAccumulatorTest {
    // fraction, fraction array, v (float8), n (int4), ts (timestamptz)
    static final RowType IN = new RowType(List.of(
        new RowType.Field("p", ColumnType.of(SqlType.FLOAT8)),
        new RowType.Field("pa", ColumnType.of(SqlType.FLOAT8_ARRAY)),
        new RowType.Field("v", ColumnType.of(SqlType.FLOAT8)),
        new RowType.Field("n", ColumnType.of(SqlType.INT4)),
        new RowType.Field("t", ColumnType.of(SqlType.TIMESTAMPTZ))));
    static final double[] V = {10.5, 12.0, Double.NaN, 11.0, 15.25, 14.0, 20.0, 18.0, 18.0, 25.5, 5.0};
    static final Integer[] N = {10, 12, null, 11, 15, 14, 20, 18, 18, 25, 5};

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

    private Batch batch(Double fraction) {
        try (BatchBuilder bb = new BatchBuilder(IN, allocator)) {
            for (int i = 0; i < V.length; i++) {
                bb.set(0, fraction);
                bb.set(1, Arrays.asList(0.0, 0.25, 0.5, null, 1.0));
                bb.set(2, Double.isNaN(V[i]) ? null : V[i]);
                bb.set(3, N[i]);
                bb.set(4, N[i] == null ? null : 1_700_000_000_000_000L + N[i] * 60_000_000L);
                bb.endRow();
            }
            return bb.build();
        }
    }

    private List<Object> run(String f, int[] args, SortKey key, SqlType result, Double fraction, int[] groups, int n) {
        AggCall call = new AggCall(f, args, false, -1, List.of(key), ColumnType.of(result));
        try (Batch b = batch(fraction);
             Accumulator acc = Accumulators.create(call, IN, allocator);
             FieldVector out = ArrowTypes.newVector("r", call.resultType(), allocator, n)) {
            acc.ensureGroups(n);
            acc.add(b, groups, 0, 3);
            acc.add(b, groups, 3, b.rowCount());
            List<Object> vals = new ArrayList<>();
            for (int g = 0; g < n; g++) {
                acc.write(g, out, g);
            }
            out.setValueCount(n);
            for (int g = 0; g < n; g++) {
                vals.add(ArrowTypes.get(out, g, result));
            }
            return vals;
        }
    }

    private static SortKey asc(int col) {
        return new SortKey(col, false, false);
    }

    @Test
    void percentilesOverFloatsMatchPostgres() {
        try (Accumulator a = Accumulators.create(new AggCall("percentile_cont", new int[] {0}, false, -1,
            List.of(asc(2)), ColumnType.of(SqlType.FLOAT8)), IN, allocator)) {
            assertInstanceOf(OrderedSetAccumulator.class, a, "primitive keys are not boxed per row");
        }
        assertEquals(List.of(14.625), run("percentile_cont", new int[] {0}, asc(2), SqlType.FLOAT8, 0.5, null, 1));
        assertEquals(List.of(14.0), run("percentile_disc", new int[] {0}, asc(2), SqlType.FLOAT8, 0.5, null, 1));
        assertEquals(List.of(20.549999999999997), run("percentile_cont", new int[] {0}, asc(2), SqlType.FLOAT8, 0.9, null, 1));
        assertEquals(List.of(18.0), run("percentile_cont", new int[] {0}, new SortKey(2, true, false), SqlType.FLOAT8,
            0.25, null, 1));
        assertEquals(List.of(Arrays.asList(5.0, 11.25, 14.625, null, 25.5)),
            run("percentile_cont", new int[] {1}, asc(2), SqlType.FLOAT8_ARRAY, null, null, 1));
        assertEquals(Arrays.asList((Object) null), run("percentile_cont", new int[] {0}, asc(2), SqlType.FLOAT8, null, null, 1));
    }

    @Test
    void percentilesPerGroupOverIntegersAndTimes() {
        int[] groups = {0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2};
        // PostgreSQL: percentile_cont over an integer key is float8; percentile_disc keeps the key's type
        assertEquals(List.of(12.0, 19.0, 5.0), run("percentile_cont", new int[] {0}, asc(3), SqlType.FLOAT8, 0.5, groups, 3));
        assertEquals(List.of(12, 18, 5), run("percentile_disc", new int[] {0}, asc(3), SqlType.INT4, 0.5, groups, 3));
        assertEquals(List.of(1_700_000_000_000_000L + 12 * 60_000_000L, 1_700_000_000_000_000L + 18 * 60_000_000L,
                1_700_000_000_000_000L + 5 * 60_000_000L),
            run("percentile_disc", new int[] {0}, asc(4), SqlType.TIMESTAMPTZ, 0.5, groups, 3));
        assertEquals(List.of(10, 18, 5), run("mode", new int[0], asc(3), SqlType.INT4, null, groups, 3));
        assertEquals(List.of(15, 18, 5), run("mode", new int[0], new SortKey(3, true, false), SqlType.INT4, null, groups, 3));
        assertEquals(Arrays.asList(18.0, null, null), run("mode", new int[0], asc(2), SqlType.FLOAT8, null, new int[] {
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 3));
    }

    @Test
    void fractionOutsideZeroToOneIsAnError() {
        EpochException e = assertThrows(EpochException.class,
            () -> run("percentile_cont", new int[] {0}, asc(2), SqlType.FLOAT8, 1.5, null, 1));
        assertEquals("percentile value 1.5 is not between 0 and 1", e.getMessage());
        assertEquals("22003", e.sqlState());
    }
}
