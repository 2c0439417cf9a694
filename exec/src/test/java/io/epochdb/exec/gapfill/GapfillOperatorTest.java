package io.epochdb.exec.gapfill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.Interval;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.batch.Batch;
import io.epochdb.exec.expr.Expr;
import io.epochdb.exec.expr.Literal;
import io.epochdb.exec.operator.Operator;
import io.epochdb.exec.operator.ValuesOperator;
import io.epochdb.exec.types.RowType;
import io.epochdb.storage.vector.ArrowTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gapfill state machine on integer buckets (expected values worked out from TimescaleDB's gapfill_exec). */
class GapfillOperatorTest {
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

    private static Expr lit(Object v, SqlType t) {
        return new Literal(v, ColumnType.of(t));
    }

    private static Operator values(RowType type, List<List<Object>> rows) {
        List<List<Expr>> exprs = new ArrayList<>();
        for (List<Object> r : rows) {
            List<Expr> row = new ArrayList<>();
            for (int c = 0; c < r.size(); c++) {
                row.add(lit(r.get(c), type.type(c).type()));
            }
            exprs.add(row);
        }
        return new ValuesOperator(type, exprs);
    }

    private static RowType rowType(SqlType... types) {
        List<RowType.Field> fs = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            fs.add(new RowType.Field("c" + i, ColumnType.of(types[i])));
        }
        return new RowType(fs);
    }

    private static GapfillBoundary bound(String name, Long v) {
        return new GapfillBoundary(name, v == null ? null : lit(v, SqlType.INT8), List.of(), null);
    }

    private List<String> run(Operator op) {
        List<String> out = new ArrayList<>();
        op.open(ctx);
        try {
            for (Batch next = op.next(); next != null; next = op.next()) {
                try (Batch b = next) {
                    for (int r = 0; r < b.rowCount(); r++) {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < b.columnCount(); c++) {
                            Object v = ArrowTypes.get(b.column(c), r, op.rowType().type(c).type());
                            cells.add(v == null ? "" : String.valueOf(v));
                        }
                        out.add(String.join("|", cells));
                    }
                }
            }
        } finally {
            op.close();
        }
        return out;
    }

    /** (bucket int8, group text, agg float8, locf(agg), interpolate(agg)) with the given range. */
    private List<String> filled(List<List<Object>> rows, long width, Long start, Long finish) {
        RowType type = rowType(SqlType.INT8, SqlType.TEXT, SqlType.FLOAT8, SqlType.FLOAT8, SqlType.FLOAT8);
        GapfillSpec spec = new GapfillSpec(0, SqlType.INT8, lit(width, SqlType.INT8), false, null, null,
            bound("start", start), bound("finish", finish), List.of(GapfillColumn.time(), GapfillColumn.group(),
                GapfillColumn.nullInGaps(), GapfillColumn.locf(-1, false), GapfillColumn.interpolate(-1, -1, -1, -1)));
        return run(new GapfillOperator(values(type, rows), spec));
    }

    private static List<Object> row(Object... v) {
        return Arrays.asList(v);
    }

    @Test
    void fillsEachGroupOverTheWholeRangeInGroupThenTimeOrder() {
        List<String> out = filled(List.of(row(30L, "b", 3.0, 3.0, 3.0), row(10L, "a", 1.0, 1.0, 1.0),
            row(40L, "a", 4.0, 4.0, 4.0)), 10, 0L, 50L);
        assertEquals(List.of(
            "0|a|||", "10|a|1.0|1.0|1.0", "20|a||1.0|2.0", "30|a||1.0|3.0", "40|a|4.0|4.0|4.0",
            "0|b|||", "10|b|||", "20|b|||", "30|b|3.0|3.0|3.0", "40|b||3.0|"), out);
    }

    @Test
    void startIsAlignedFinishIsExclusiveAndRowsOutsidePassThrough() {
        // start 15 aligns to 10; rows at 0 (before) and 60 (after finish 45) come through unchanged, and the row at 60
        // (already read) is the next sample for interpolating 30 and 40
        List<String> out = filled(List.of(row(0L, "a", 0.5, 0.5, 0.5), row(20L, "a", 2.0, 2.0, 2.0),
            row(60L, "a", 6.0, 6.0, 6.0)), 10, 15L, 45L);
        assertEquals(List.of("0|a|0.5|0.5|0.5", "10|a||0.5|1.25", "20|a|2.0|2.0|2.0", "30|a||2.0|3.0", "40|a||2.0|4.0",
            "60|a|6.0|6.0|6.0"), out);
    }

    @Test
    void emptyInputGivesTheGridOnlyWithoutOtherGroupColumns() {
        assertEquals(List.of(), filled(List.of(), 10, 0L, 30L));
        RowType type = rowType(SqlType.INT4, SqlType.INT8);
        GapfillSpec spec = new GapfillSpec(0, SqlType.INT4, lit(5, SqlType.INT4), false, null, null,
            new GapfillBoundary("start", lit(1, SqlType.INT4), List.of(), null),
            new GapfillBoundary("finish", null, List.of(new GapfillBound(lit(14, SqlType.INT4), true)), null),
            List.of(GapfillColumn.time(), GapfillColumn.nullInGaps()));
        // start 1 aligns to 0; "<= 14" makes the finish 15
        assertEquals(List.of("0|", "5|", "10|"), run(new GapfillOperator(values(type, List.of()), spec)));
    }

    @Test
    void locfCarriesNullsUnlessTreatedAsMissingAndUsesPrevOnlyAtTheStart() {
        RowType type = rowType(SqlType.INT4, SqlType.INT4, SqlType.INT4, SqlType.INT4, SqlType.INT4);
        List<List<Object>> rows = List.of(row(2, 20, 20, 20, -1), row(3, null, null, null, -1), row(5, 50, 50, 50, -1));
        GapfillSpec spec = new GapfillSpec(0, SqlType.INT4, lit(1, SqlType.INT4), false, null, null,
            new GapfillBoundary("start", lit(0, SqlType.INT4), List.of(), null),
            new GapfillBoundary("finish", lit(7, SqlType.INT4), List.of(), null),
            List.of(GapfillColumn.time(), GapfillColumn.nullInGaps(), GapfillColumn.locf(-1, false),
                GapfillColumn.locf(4, true), GapfillColumn.lookup()));
        assertEquals(List.of("0|||-1|-1", "1|||-1|-1", "2|20|20|20|-1", "3|||20|-1", "4|||20|-1", "5|50|50|50|-1",
            "6||50|50|-1"), run(new GapfillOperator(values(type, rows), spec)));
    }

    @Test
    void emptyInputWithoutGroupsReadsTheLookupsFromTheirOwnSource() {
        // columns: bucket, value, locf(value) with prev in column 3
        RowType type = rowType(SqlType.INT4, SqlType.INT4, SqlType.INT4, SqlType.INT4);
        GapfillSpec spec = new GapfillSpec(0, SqlType.INT4, lit(1, SqlType.INT4), false, null, null,
            new GapfillBoundary("start", lit(0, SqlType.INT4), List.of(), null),
            new GapfillBoundary("finish", lit(3, SqlType.INT4), List.of(), null),
            List.of(GapfillColumn.time(), GapfillColumn.nullInGaps(), GapfillColumn.locf(3, false), GapfillColumn.lookup()));
        Operator lookups = values(type, List.of(row(null, null, null, 9)));
        assertEquals(List.of("0||9|9", "1||9|9", "2||9|9"), run(new GapfillOperator(values(type, List.of()), spec, lookups)));
    }

    @Test
    void interpolatesIntegersWithRoundingAndUsesLookupsAtTheEdges() {
        // columns: bucket, value, interpolate(value), prev time, prev value, next time, next value
        RowType type = rowType(SqlType.INT8, SqlType.INT4, SqlType.INT4, SqlType.INT8, SqlType.INT4, SqlType.INT8, SqlType.INT4);
        List<List<Object>> rows = List.of(row(2L, 1, 1, -2L, 0, 10L, 100), row(5L, 2, 2, -2L, 0, 10L, 100));
        GapfillSpec spec = new GapfillSpec(0, SqlType.INT8, lit(1L, SqlType.INT8), false, null, null,
            bound("start", 1L), bound("finish", 8L),
            List.of(GapfillColumn.time(), GapfillColumn.nullInGaps(), GapfillColumn.interpolate(3, 4, 5, 6),
                GapfillColumn.lookup(), GapfillColumn.lookup(), GapfillColumn.lookup(), GapfillColumn.lookup()));
        List<String> out = run(new GapfillOperator(values(type, rows), spec));
        List<String> filledColumn = out.stream().map(s -> s.split("\\|", -1)).map(a -> a[0] + "=" + a[2]).toList();
        // 1: between (-2,0) and (2,1): 0.75 -> 1; 3: 1 + 1/3 -> 1; 4: 1 + 2/3 -> 2;
        // 6, 7: between (5,2) and (10,100): 2 + 98/5 = 21.6 -> 22, 2 + 196/5 = 41.2 -> 41
        assertEquals(List.of("1=1", "2=1", "3=1", "4=2", "5=2", "6=22", "7=41"), filledColumn);
    }

    @Test
    void timestampGridStepsOnTheZonesWallClock() {
        // 1 day buckets in Europe/Berlin around the 2024-03-31 DST change: the day of the change has 23 hours
        long h = Interval.MICROS_PER_HOUR;
        long mar30 = 1_711_753_200_000_000L; // 2024-03-29 23:00 UTC = 2024-03-30 00:00 CET
        RowType type = rowType(SqlType.TIMESTAMPTZ);
        GapfillSpec spec = new GapfillSpec(0, SqlType.TIMESTAMPTZ, lit(new Interval(0, 1, 0), SqlType.INTERVAL), true,
            lit("Europe/Berlin", SqlType.TEXT), null,
            new GapfillBoundary("start", lit(mar30 + 5 * h, SqlType.TIMESTAMPTZ), List.of(), null),
            new GapfillBoundary("finish", lit(mar30 + 72 * h, SqlType.TIMESTAMPTZ), List.of(), null),
            List.of(GapfillColumn.time()));
        List<String> out = run(new GapfillOperator(values(type, List.of()), spec));
        assertEquals(List.of(String.valueOf(mar30), String.valueOf(mar30 + 24 * h), String.valueOf(mar30 + 47 * h),
            String.valueOf(mar30 + 71 * h)), out);
    }

    @Test
    void rangeErrorsComeFromTheBoundaries() {
        RowType type = rowType(SqlType.INT4);
        GapfillSpec noStart = new GapfillSpec(0, SqlType.INT4, lit(1, SqlType.INT4), false, null, null,
            new GapfillBoundary("start", null, List.of(), null), new GapfillBoundary("finish", lit(3, SqlType.INT4), List.of(), null),
            List.of(GapfillColumn.time()));
        EpochException e = assertThrows(EpochException.class, () -> run(new GapfillOperator(values(type, List.of()), noStart)));
        assertEquals("missing time_bucket_gapfill argument: could not infer start from WHERE clause", e.getMessage());
        GapfillSpec nullFinish = new GapfillSpec(0, SqlType.INT4, lit(1, SqlType.INT4), false, null, null,
            new GapfillBoundary("start", lit(0, SqlType.INT4), List.of(), null),
            new GapfillBoundary("finish", lit(null, SqlType.INT4), List.of(), null), List.of(GapfillColumn.time()));
        e = assertThrows(EpochException.class, () -> run(new GapfillOperator(values(type, List.of()), nullFinish)));
        assertEquals("invalid time_bucket_gapfill argument: finish cannot be NULL", e.getMessage());
        GapfillSpec zeroWidth = new GapfillSpec(0, SqlType.INT4, lit(0, SqlType.INT4), false, null, null,
            new GapfillBoundary("start", lit(0, SqlType.INT4), List.of(), null),
            new GapfillBoundary("finish", lit(3, SqlType.INT4), List.of(), null), List.of(GapfillColumn.time()));
        e = assertThrows(EpochException.class, () -> run(new GapfillOperator(values(type, List.of()), zeroWidth)));
        assertEquals("invalid time_bucket_gapfill argument: bucket_width must be greater than 0", e.getMessage());
    }
}
