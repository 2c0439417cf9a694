package io.epochdb.exec.agg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.batch.BatchBuilder;
import io.epochdb.exec.operator.SortKey;
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

/** Accumulators driven directly (one batch, explicit group ids), checked against PostgreSQL 15 output. */
class AggregateSemanticsTest {
    private RootAllocator allocator;
    private ExecContext ctx;

    @BeforeEach
    void setUp() {
        allocator = new RootAllocator();
        ctx = ExecContext.simple(allocator);
    }

    @AfterEach
    void tearDown() {
        assertEquals(0, allocator.getAllocatedMemory(), "leaked Arrow memory");
        allocator.close();
    }

    static Interval iv(int months, int days, long seconds) {
        return new Interval(months, days, seconds * 1_000_000L);
    }

    // g, i, n, s, 0.3, {0,0.25,0.5,1}, {0.5,null}
    static final RowType IN = new RowType(List.of(
        new RowType.Field("g", ColumnType.of(SqlType.INT4)),
        new RowType.Field("i", ColumnType.of(SqlType.INTERVAL)),
        new RowType.Field("n", ColumnType.of(SqlType.NUMERIC)),
        new RowType.Field("s", ColumnType.of(SqlType.TEXT)),
        new RowType.Field("p", ColumnType.of(SqlType.FLOAT8)),
        new RowType.Field("pa", ColumnType.of(SqlType.FLOAT8_ARRAY)),
        new RowType.Field("pb", ColumnType.of(SqlType.FLOAT8_ARRAY))));

    static List<Object> row(int g, Interval i, String n, String s) {
        return Arrays.asList(g, i, n == null ? null : new BigDecimal(n), s, 0.3, List.of(0.0, 0.25, 0.5, 1.0),
            Arrays.asList(0.5, null));
    }

    private Batch batch(List<List<Object>> rows) {
        try (BatchBuilder bb = new BatchBuilder(IN, allocator)) {
            for (List<Object> r : rows) {
                for (int c = 0; c < IN.size(); c++) {
                    bb.set(c, r.get(c));
                }
                bb.endRow();
            }
            return bb.build();
        }
    }

    private List<Object> run(AggCall call, Batch b, int[] groups, int groupCount) {
        try (Accumulator acc = Accumulators.create(call, IN, allocator);
             FieldVector out = ArrowTypes.newVector("r", call.resultType(), allocator, groupCount)) {
            acc.ensureGroups(groupCount);
            acc.add(b, groups, 0, 2);
            acc.add(b, groups, 2, b.rowCount());
            List<Object> vals = new ArrayList<>();
            for (int g = 0; g < groupCount; g++) {
                acc.write(g, out, g);
            }
            out.setValueCount(groupCount);
            for (int g = 0; g < groupCount; g++) {
                vals.add(ArrowTypes.get(out, g, call.resultType().type()));
            }
            return vals;
        }
    }

    static AggCall call(String f, SqlType result, int... args) {
        return new AggCall(f, args, false, -1, List.of(), ColumnType.of(result));
    }

    static AggCall ordered(String f, SqlType result, int orderCol, int... args) {
        return new AggCall(f, args, false, -1, List.of(new SortKey(orderCol, false, false)), ColumnType.of(result));
    }

    @Test
    void intervalsNumericsTextAndPercentilesMatchPostgres() {
        List<List<Object>> rows = List.of(
            row(1, iv(0, 1, 7200), "1.50", "b"),
            row(1, iv(1, 0, 0), "1.5", "a"),
            row(1, iv(0, 0, 11820), "-2", "b"),
            row(1, null, null, null),
            row(2, iv(0, -5, 0), "10", "\u00e4"),
            row(2, iv(14, 0, 0), "0.001", "z"));
        int[] groups = {0, 0, 0, 0, 1, 1};
        try (Batch b = batch(rows)) {
            assertEquals(List.of(iv(1, 1, 19020), iv(14, -5, 0)), run(call("sum", SqlType.INTERVAL, 1), b, groups, 2));
            assertEquals(List.of(iv(0, 10, 35140), iv(7, -2, -43200)), run(call("avg", SqlType.INTERVAL, 1), b, groups, 2));
            assertEquals(List.of(iv(0, 0, 11820), iv(0, -5, 0)), run(call("min", SqlType.INTERVAL, 1), b, groups, 2));
            assertEquals(List.of(iv(1, 0, 0), iv(14, 0, 0)), run(call("max", SqlType.INTERVAL, 1), b, groups, 2));
            assertEquals(List.of(new BigDecimal("-2"), new BigDecimal("0.001")), run(call("min", SqlType.NUMERIC, 2), b, groups, 2));
            // PostgreSQL returns the later of equal values: 1.5, not 1.50
            assertEquals("1.5", ((BigDecimal) run(call("max", SqlType.NUMERIC, 2), b, groups, 2).get(0)).toPlainString());
            assertEquals(List.of(2L, 2L), run(new AggCall("count", new int[] {3}, true, -1, List.of(),
                ColumnType.of(SqlType.INT8)), b, groups, 2));
            assertEquals(List.of("a", "z"), run(call("min", SqlType.TEXT, 3), b, groups, 2));
            assertEquals(List.of("b", "\u00e4"), run(call("max", SqlType.TEXT, 3), b, groups, 2));
            assertEquals(List.of(iv(0, 0, 60888), iv(4, 2, 43200)),
                run(ordered("percentile_cont", SqlType.INTERVAL, 1, 4), b, groups, 2));
            assertEquals(List.of(iv(0, 0, 11820), iv(0, -5, 0)),
                run(ordered("percentile_disc", SqlType.INTERVAL, 1, 4), b, groups, 2));
            assertEquals(List.of(List.of(-2.0, -0.25, 1.5, 1.5), List.of(0.001, 2.50075, 5.000500000000001, 10.0)),
                run(ordered("percentile_cont", SqlType.FLOAT8_ARRAY, 2, 5), b, groups, 2));
            assertEquals(List.of(Arrays.asList("b", null), Arrays.asList("z", null)),
                run(ordered("percentile_disc", SqlType.TEXT_ARRAY, 3, 6), b, groups, 2));
            assertEquals(List.of("2.0207259421636902", "7.0703607050842887"),
                text(run(call("stddev", SqlType.NUMERIC, 2), b, groups, 2)));
            assertEquals(List.of("4.0833333333333333", "49.9900005000000000"),
                text(run(call("variance", SqlType.NUMERIC, 2), b, groups, 2)));
            assertEquals(List.of("2.7222222222222222", "24.9950002500000000"),
                text(run(call("var_pop", SqlType.NUMERIC, 2), b, groups, 2)));
        }
    }

    private static List<String> text(List<Object> vals) {
        List<String> out = new ArrayList<>();
        for (Object v : vals) {
            out.add(((BigDecimal) v).toPlainString());
        }
        return out;
    }

    @Test
    void calciteSpellings() {
        List<List<Object>> rows = List.of(row(1, null, null, "x"), row(1, null, null, "y"), row(1, null, null, "y"),
            row(2, null, "3", "q"));
        int[] groups = {0, 0, 0, 1};
        try (Batch b = batch(rows)) {
            // $SUM0: 0 instead of NULL for a group without values
            assertEquals(List.of(new BigDecimal("0"), new BigDecimal("3")), run(call("sum0", SqlType.NUMERIC, 2), b, groups, 2));
            assertEquals(Arrays.asList(null, new BigDecimal("3")), run(call("sum", SqlType.NUMERIC, 2), b, groups, 2));
            // mode(x) without WITHIN GROUP
            assertEquals(List.of("y", "q"), run(call("mode", SqlType.TEXT, 3), b, groups, 2));
        }
    }

    @Test
    void pgNumericScales() {
        assertEquals("2.5000000000000000", PgNumeric.divide(BigDecimal.valueOf(10), BigDecimal.valueOf(4)).toPlainString());
        assertEquals("1.00000000000000000000", PgNumeric.divide(BigDecimal.ONE, BigDecimal.ONE).toPlainString());
        assertEquals("0.00000000000000000000", PgNumeric.divide(BigDecimal.ZERO, BigDecimal.valueOf(2)).toPlainString());
        assertEquals("16.6666666666666667", PgNumeric.divide(BigDecimal.valueOf(50), BigDecimal.valueOf(3)).toPlainString());
        assertEquals("-0.33333333333333333333", PgNumeric.divide(BigDecimal.valueOf(-1), BigDecimal.valueOf(3)).toPlainString());
    }
}
