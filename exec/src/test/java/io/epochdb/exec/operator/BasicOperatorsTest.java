package io.epochdb.exec.operator;

import static io.epochdb.exec.operator.TestSupport.cond;
import static io.epochdb.exec.operator.TestSupport.constant;
import static io.epochdb.exec.operator.TestSupport.row;
import static io.epochdb.exec.operator.TestSupport.rowExpr;
import static io.epochdb.exec.operator.TestSupport.rowType;
import static io.epochdb.exec.operator.TestSupport.source;
import static io.epochdb.exec.operator.TestSupport.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.types.RowType;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BasicOperatorsTest {
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

    private static final RowType IT = rowType(SqlType.INT4, SqlType.TEXT);

    private static List<List<Object>> sample() {
        return List.of(row(3, "c"), row(1, "a"), row(null, "n"), row(2, null), row(5, "e"), row(4, "d"));
    }

    @Test
    void valuesEvaluatesConstants() {
        RowType rt = rowType(SqlType.INT8, SqlType.TEXT);
        var op = new ValuesOperator(rt, List.of(
            List.of(constant(1L, SqlType.INT8), constant("x", SqlType.TEXT)),
            List.of(constant(null, SqlType.INT8), constant("y", SqlType.TEXT))));
        assertEquals(List.of(row(1L, "x"), row(null, "y")), Operators.drain(op, ctx));
        assertEquals(List.of(), Operators.drain(new ValuesOperator(rt, List.of()), ctx));
    }

    @Test
    void filterKeepsOnlyTrue() {
        var op = new FilterOperator(source(IT, sample()), cond(r -> r.get(0) == null ? null : (Integer) r.get(0) > 2));
        assertEquals(List.of(row(3, "c"), row(5, "e"), row(4, "d")), Operators.drain(op, ctx));
        var none = new FilterOperator(source(IT, sample()), cond(r -> false));
        assertEquals(List.of(), Operators.drain(none, ctx));
    }

    @Test
    void projectComputes() {
        RowType out = rowType(SqlType.INT8);
        var op = new ProjectOperator(source(IT, sample()),
            List.of(rowExpr(t(SqlType.INT8), r -> r.get(0) == null ? null : ((Integer) r.get(0)) * 10L)), out);
        List<List<Object>> rows = Operators.drain(op, ctx);
        assertEquals(6, rows.size());
        assertEquals(row(30L), rows.get(0));
        assertEquals(row((Object) null), rows.get(2));
    }

    @Test
    void limitOffsetAcrossBatches() {
        assertEquals(List.of(row(2, null), row(5, "e")), Operators.drain(new LimitOperator(source(IT, sample()), 3, 2), ctx));
        assertEquals(List.of(row(4, "d")), Operators.drain(new LimitOperator(source(IT, sample()), 5, -1), ctx));
        assertEquals(List.of(), Operators.drain(new LimitOperator(source(IT, sample()), 0, 0), ctx));
        assertEquals(List.of(), Operators.drain(new LimitOperator(source(IT, sample()), 10, 5), ctx));
    }

    @Test
    void unionAllConcatenates() {
        var op = new UnionAllOperator(List.of(source(IT, sample()), source(IT, List.of()), source(IT, List.of(row(9, "z")))), IT);
        List<List<Object>> rows = Operators.drain(op, ctx);
        assertEquals(7, rows.size());
        assertEquals(row(9, "z"), rows.get(6));
    }

    @Test
    void sortWithNullsAndDirections() {
        var asc = new SortOperator(source(IT, sample()), List.of(new SortKey(0, false, false)), 0, -1);
        List<List<Object>> rows = Operators.drain(asc, ctx);
        List<Object> firsts = new ArrayList<>();
        rows.forEach(r -> firsts.add(r.get(0)));
        assertEquals(java.util.Arrays.asList(1, 2, 3, 4, 5, null), firsts);

        var desc = new SortOperator(source(IT, sample()), List.of(new SortKey(1, true, true)), 0, -1);
        List<Object> seconds = new ArrayList<>();
        Operators.drain(desc, ctx).forEach(r -> seconds.add(r.get(1)));
        assertEquals(java.util.Arrays.asList(null, "n", "e", "d", "c", "a"), seconds);
    }

    @Test
    void sortTextByCodePoint() {
        RowType rt = rowType(SqlType.TEXT);
        // U+FF5E (fullwidth tilde) < U+1F600 (emoji) in code point order, but not in UTF-16 order
        var op = new SortOperator(source(rt, List.of(row("\uD83D\uDE00"), row("\uFF5E"), row("B"), row("a"), row("ab"))),
            List.of(new SortKey(0, false, false)), 0, -1);
        List<Object> vals = new ArrayList<>();
        Operators.drain(op, ctx).forEach(r -> vals.add(r.get(0)));
        assertEquals(List.of("B", "a", "ab", "\uFF5E", "\uD83D\uDE00"), vals);
    }

    @Test
    void topNMatchesFullSort() {
        RowType rt = rowType(SqlType.INT8, SqlType.FLOAT8);
        List<List<Object>> rows = new ArrayList<>();
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < 50_000; i++) {
            rows.add(row((long) rnd.nextInt(1000), rnd.nextBoolean() ? null : rnd.nextDouble()));
        }
        List<SortKey> keys = List.of(new SortKey(0, true, false), new SortKey(1, false, true));
        List<List<Object>> full = Operators.drain(new SortOperator(source(rt, rows, 4096), keys, 0, -1), ctx);
        List<List<Object>> top = Operators.drain(new SortOperator(source(rt, rows, 4096), keys, 10, 25), ctx);
        assertEquals(25, top.size());
        for (int i = 0; i < 25; i++) {
            assertEquals(full.get(10 + i).get(0), top.get(i).get(0));
            assertEquals(full.get(10 + i).get(1) == null, top.get(i).get(1) == null);
        }
        assertEquals(50_000, full.size());
    }

    @Test
    void generateSeriesIntegers() {
        RowType rt = rowType(SqlType.INT4);
        List<List<Object>> rows = Operators.drain(new GenerateSeriesOperator(constant(1, SqlType.INT4),
            constant(10, SqlType.INT4), constant(3, SqlType.INT4), rt), ctx);
        assertEquals(List.of(row(1), row(4), row(7), row(10)), rows);
        rows = Operators.drain(new GenerateSeriesOperator(constant(5, SqlType.INT4), constant(1, SqlType.INT4),
            constant(-2, SqlType.INT4), rt), ctx);
        assertEquals(List.of(row(5), row(3), row(1)), rows);
        assertEquals(List.of(), Operators.drain(new GenerateSeriesOperator(constant(5, SqlType.INT4),
            constant(1, SqlType.INT4), null, rt), ctx));
        assertEquals(List.of(), Operators.drain(new GenerateSeriesOperator(constant(null, SqlType.INT4),
            constant(1, SqlType.INT4), null, rt), ctx));
        assertEquals(List.of(row(2147483646), row(2147483647)), Operators.drain(new GenerateSeriesOperator(
            constant(2147483646, SqlType.INT4), constant(2147483647, SqlType.INT4), null, rt), ctx));
        EpochException e = assertThrows(EpochException.class, () -> Operators.drain(new GenerateSeriesOperator(
            constant(1, SqlType.INT4), constant(2, SqlType.INT4), constant(0, SqlType.INT4), rt), ctx));
        assertEquals("22023", e.sqlState());
        assertEquals("step size cannot equal zero", e.getMessage());
        assertEquals(10_000L, Operators.rowCount(new GenerateSeriesOperator(constant(1L, SqlType.INT8),
            constant(10_000L, SqlType.INT8), null, rowType(SqlType.INT8)), ctx));
    }

    private static long micros(LocalDateTime t, ZoneId zone) {
        return t.atZone(zone).toInstant().toEpochMilli() * 1000;
    }

    @Test
    void generateSeriesTimestamptzStepsInSessionZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ExecContext bctx = new ExecContext(allocator, List.of(), berlin, 0, 0, new AtomicBoolean(), 0);
        RowType rt = rowType(SqlType.TIMESTAMPTZ);
        long start = micros(LocalDateTime.of(2024, 3, 30, 0, 0), berlin);
        long stop = micros(LocalDateTime.of(2024, 4, 1, 0, 0), berlin);
        List<List<Object>> rows = Operators.drain(new GenerateSeriesOperator(constant(start, SqlType.TIMESTAMPTZ),
            constant(stop, SqlType.TIMESTAMPTZ), constant(new Interval(0, 1, 0), SqlType.INTERVAL), rt), bctx);
        assertEquals(3, rows.size());
        // across the DST change the day step keeps local midnight: 23 hours between the 2nd and 3rd value
        assertEquals(micros(LocalDateTime.of(2024, 3, 31, 0, 0), berlin), rows.get(1).get(0));
        assertEquals(stop, rows.get(2).get(0));

        RowType ts = rowType(SqlType.TIMESTAMP);
        long jan31 = micros(LocalDateTime.of(2024, 1, 31, 0, 0), ZoneOffset.UTC);
        rows = Operators.drain(new GenerateSeriesOperator(constant(jan31, SqlType.TIMESTAMP),
            constant(micros(LocalDateTime.of(2024, 4, 30, 0, 0), ZoneOffset.UTC), SqlType.TIMESTAMP),
            constant(new Interval(1, 0, 0), SqlType.INTERVAL), ts), ctx);
        // PostgreSQL adds the step to the previous value: Jan 31, Feb 29, Mar 29, Apr 29
        assertEquals(4, rows.size());
        assertEquals(micros(LocalDateTime.of(2024, 2, 29, 0, 0), ZoneOffset.UTC), rows.get(1).get(0));
        assertEquals(micros(LocalDateTime.of(2024, 3, 29, 0, 0), ZoneOffset.UTC), rows.get(2).get(0));
        assertTrue(rows.size() == 4);
    }

    @Test
    void cancellationStopsEveryBlockingOperatorWithoutLeaks() {
        AtomicBoolean cancel = new AtomicBoolean();
        ExecContext cctx = new ExecContext(allocator, List.of(), ZoneOffset.UTC, 0, 0, cancel, 0);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            rows.add(row(i % 10, "v" + i));
        }
        List<java.util.function.Supplier<Operator>> ops = List.of(
            () -> new SortOperator(source(IT, rows, 10), List.of(new SortKey(0, false, false)), 0, -1),
            () -> new HashAggregateOperator(source(IT, rows, 10), new int[] {0}, null, List.of(),
                rowType(SqlType.INT4)),
            () -> new HashJoinOperator(source(IT, rows, 10), source(IT, rows, 10), new int[] {0}, new int[] {0},
                JoinKind.INNER, null, TestSupport.concat(IT, IT)),
            () -> new WindowOperator(source(IT, rows, 10), List.of(), IT));
        for (var make : ops) {
            cancel.set(false);
            Operator op = make.get();
            op.open(cctx);
            cancel.set(true);
            EpochException e = assertThrows(EpochException.class, () -> {
                io.epochdb.exec.batch.Batch b;
                while ((b = op.next()) != null) {
                    b.close();
                }
            });
            assertEquals("57014", e.sqlState());
            op.close();
        }
    }
}
