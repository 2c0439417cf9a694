package io.epochdb.exec.operator;

import static io.epochdb.exec.operator.TestSupport.row;
import static io.epochdb.exec.operator.TestSupport.rowType;
import static io.epochdb.exec.operator.TestSupport.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.types.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WindowOperatorTest {
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

    // p, t, v, f, 3, 2, -1
    static final RowType IN = rowType(SqlType.TEXT, SqlType.INT4, SqlType.INT4, SqlType.FLOAT8, SqlType.INT4,
        SqlType.INT4, SqlType.INT4);

    static List<Object> in(String p, Integer t, Integer v, Double f) {
        return row(p, t, v, f, 3, 2, -1);
    }

    static List<List<Object>> data() {
        return List.of(in("a", 1, 10, 1.5), in("a", 2, 20, 2.5), in("a", 2, null, 3.25), in("a", 4, 40, null),
            in("a", 7, 70, 0.1), in("b", 1, 5, 1e10), in("b", 3, 6, 1.0), in("b", null, 7, 2.0));
    }

    /** PostgreSQL 15 output of the equivalent query (see the comments on each group). */
    static final String[] PG = {
        "a|1|10|1.5|1|1|1|0|0.2|1|||10|10||10|10.0000000000000000|1|1|10|1.5|10|2|10|4|140||70",
        "a|2|20|2.5|2|2|2|0.25|0.6|1|10|40|10||20|30|15.0000000000000000|3|2|10|3.25|30|2.4166666666666665|30|3|140|0.7071067811865476|70",
        "a|2||3.25|3|2|2|0.25|0.6|2|20|70|10||20|30|15.0000000000000000|3|2|10|3.25|20|2.875|30|3|140|0.8779711460710616|70",
        "a|4|40||4|4|3|0.75|0.8|2||-1|10|40|20|70|23.3333333333333333|4|3|10|3.25|40|1.675|60|2|140|0.5303300858899106|70",
        "a|7|70|0.1|5|5|4|1|1|3|40|-1|10|70|20|140|35.0000000000000000|5|4|10|3.25|110|0.1|70|1|140|2.2273863607376247|70",
        "b|1|5|10000000000|1|1|1|0|0.3333333333333333|1||7|5|5||5|5.0000000000000000|1|1|5|10000000000|5|5000000000.5|5|2|18||7",
        "b|3|6|1|2|2|2|0.5|0.6666666666666666|2|5|-1|5|6|6|11|5.5000000000000000|2|2|5|10000000000|11|3333333334.3333335|11|1|18|7071067811.158368|7",
        "b||7|2|3|3|3|1|1|3|6|-1|5|7|6|18|6.0000000000000000|3|3|5|10000000000|13|1.5|7|1|18|5773502691.030232|7",
    };

    static WindowCall wc(String f, SqlType t, int... args) {
        return new WindowCall(f, args, false, ColumnType.of(t));
    }

    static final List<SortKey> BY_T = List.of(new SortKey(1, false, false));
    static final int[] BY_P = {0};

    @Test
    void matchesPostgres() {
        List<WindowGroup> groups = new ArrayList<>();
        // window w as (partition by p order by t): default RANGE UNBOUNDED PRECEDING .. CURRENT ROW
        groups.add(new WindowGroup(BY_P, BY_T, false, FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(
            wc("row_number", SqlType.INT8), wc("rank", SqlType.INT8), wc("dense_rank", SqlType.INT8),
            wc("percent_rank", SqlType.FLOAT8), wc("cume_dist", SqlType.FLOAT8), wc("ntile", SqlType.INT4, 4),
            wc("lag", SqlType.INT4, 2), wc("lead", SqlType.INT4, 2, 5, 6), wc("first_value", SqlType.INT4, 2),
            wc("last_value", SqlType.INT4, 2), wc("nth_value", SqlType.INT4, 2, 5), wc("sum", SqlType.INT8, 2),
            wc("avg", SqlType.NUMERIC, 2), wc("count", SqlType.INT8), wc("count", SqlType.INT8, 2),
            wc("min", SqlType.INT4, 2), wc("max", SqlType.FLOAT8, 3))));
        groups.add(new WindowGroup(BY_P, BY_T, true, FrameBound.preceding(1L), FrameBound.currentRow(),
            List.of(wc("sum", SqlType.INT8, 2))));
        groups.add(new WindowGroup(BY_P, BY_T, true, FrameBound.preceding(1L), FrameBound.following(1L),
            List.of(wc("avg", SqlType.FLOAT8, 3))));
        groups.add(new WindowGroup(BY_P, BY_T, false, FrameBound.preceding(2), FrameBound.currentRow(),
            List.of(wc("sum", SqlType.INT8, 2))));
        groups.add(new WindowGroup(BY_P, BY_T, false, FrameBound.currentRow(), FrameBound.following(3),
            List.of(wc("count", SqlType.INT8))));
        groups.add(new WindowGroup(BY_P, List.of(), false, FrameBound.unboundedPreceding(), FrameBound.currentRow(),
            List.of(wc("sum", SqlType.INT8, 2))));
        groups.add(new WindowGroup(BY_P, BY_T, true, FrameBound.preceding(2L), FrameBound.currentRow(),
            List.of(wc("stddev", SqlType.FLOAT8, 3))));
        groups.add(new WindowGroup(BY_P, BY_T, true, FrameBound.currentRow(), FrameBound.unboundedFollowing(),
            List.of(wc("last_value", SqlType.INT4, 2))));
        List<RowType.Field> fs = new ArrayList<>(IN.fields());
        for (WindowGroup g : groups) {
            for (WindowCall c : g.calls()) {
                fs.add(new RowType.Field(c.function(), c.resultType()));
            }
        }
        RowType out = new RowType(fs);
        for (int batch : new int[] {1, 3, 100}) {
            List<List<Object>> rows = Operators.drain(new WindowOperator(source(IN, data(), batch), groups, out), ctx);
            assertEquals(PG.length, rows.size());
            for (int r = 0; r < PG.length; r++) {
                String[] exp = PG[r].split("\\|", -1);
                List<Object> got = rows.get(r);
                // input columns p, t, v, f then the calls (skip the constant helper columns 4..6)
                List<Object> vals = new ArrayList<>(got.subList(0, 4));
                vals.addAll(got.subList(7, got.size()));
                List<SqlType> types = new ArrayList<>();
                for (int c = 0; c < out.size(); c++) {
                    if (c < 4 || c >= 7) {
                        types.add(out.type(c).type());
                    }
                }
                assertEquals(exp.length, vals.size(), "columns");
                for (int c = 0; c < exp.length; c++) {
                    HashAggregateOperatorTest.assertPg(exp[c], vals.get(c), types.get(c), "row " + r + " col " + c);
                }
            }
        }
    }

    @Test
    void movingAverageOverManyRowsIsLinearAndExact() {
        RowType in = rowType(SqlType.INT8, SqlType.INT8, SqlType.FLOAT8);
        List<List<Object>> rows = new ArrayList<>();
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            rows.add(row((long) (i % 2), (long) i, (double) (i % 1000)));
        }
        List<WindowGroup> groups = List.of(new WindowGroup(new int[] {0}, List.of(new SortKey(1, false, false)), true,
            FrameBound.preceding(99L), FrameBound.currentRow(),
            List.of(wc("sum", SqlType.INT8, 1), wc("avg", SqlType.FLOAT8, 2), wc("count", SqlType.INT8))));
        List<RowType.Field> fs = new ArrayList<>(in.fields());
        fs.add(new RowType.Field("sum", ColumnType.of(SqlType.INT8)));
        fs.add(new RowType.Field("avg", ColumnType.of(SqlType.FLOAT8)));
        fs.add(new RowType.Field("count", ColumnType.of(SqlType.INT8)));
        long start = System.nanoTime();
        List<List<Object>> out = Operators.drain(new WindowOperator(source(in, rows, 4096), groups, new RowType(fs)), ctx);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(n, out.size());
        // partition 0 (even i) comes first; check row k of it: sum of the last <= 100 even numbers
        for (int k : new int[] {0, 5, 99, 100, 5000, n / 2 - 1}) {
            List<Object> r = out.get(k);
            long lo = Math.max(0, k - 99);
            long expectedSum = 0;
            double expectedAvg = 0;
            for (long j = lo; j <= k; j++) {
                expectedSum += 2 * j;
                expectedAvg += (2 * j) % 1000;
            }
            assertEquals(expectedSum, r.get(3));
            assertEquals(k - lo + 1, r.get(5));
            assertEquals(expectedAvg / (k - lo + 1), (Double) r.get(4), 1e-9);
        }
        assertEquals(true, ms < 20_000, "took " + ms + " ms");
    }

    @Test
    void emptyInputAndRangeOverTimestamps() {
        RowType in = rowType(SqlType.TIMESTAMP, SqlType.INT4);
        List<WindowGroup> groups = List.of(new WindowGroup(new int[0], List.of(new SortKey(0, false, false)), false,
            FrameBound.preceding(new io.epochdb.common.types.Interval(0, 0, 60_000_000L)), FrameBound.currentRow(),
            List.of(wc("count", SqlType.INT8), wc("sum", SqlType.INT8, 1))));
        List<RowType.Field> fs = new ArrayList<>(in.fields());
        fs.add(new RowType.Field("count", ColumnType.of(SqlType.INT8)));
        fs.add(new RowType.Field("sum", ColumnType.of(SqlType.INT8)));
        RowType out = new RowType(fs);
        assertEquals(List.of(), Operators.drain(new WindowOperator(source(in, List.of()), groups, out), ctx));
        long m = 60_000_000L;
        List<List<Object>> rows = List.of(row(0L, 1), row(30 * 1_000_000L, 2), row(m, 3), row(3 * m, 4), row(null, 5));
        List<List<Object>> res = Operators.drain(new WindowOperator(source(in, rows), groups, out), ctx);
        // range '1 minute' preceding: [t - 1min, t]; NULL times are peers only of each other
        assertEquals(row(0L, 1, 1L, 1L), res.get(0));
        assertEquals(row(30 * 1_000_000L, 2, 2L, 3L), res.get(1));
        assertEquals(row(m, 3, 3L, 6L), res.get(2));
        assertEquals(row(3 * m, 4, 1L, 4L), res.get(3));
        assertEquals(row(null, 5, 1L, 5L), res.get(4));
    }

    @Test
    void rangeFramesDescendingFloatOffsetsAndFollowingRows() {
        RowType in = rowType(SqlType.INT4, SqlType.FLOAT8, SqlType.INT4, SqlType.TEXT, SqlType.TEXT);
        List<List<Object>> rows = new ArrayList<>();
        Object[][] vals = {{1, 1.0, 10}, {1, 1.5, 20}, {1, 2.5, 30}, {1, 4.0, 40}, {1, null, 50}, {2, 0.5, 60}};
        for (Object[] v : vals) {
            rows.add(row(v[0], v[1], v[2], v[2].toString(), ","));
        }
        List<SortKey> desc = List.of(new SortKey(1, true, true));
        List<SortKey> asc = List.of(new SortKey(1, false, false));
        int[] byP = {0};
        List<WindowGroup> groups = List.of(
            new WindowGroup(byP, desc, false, FrameBound.preceding(1), FrameBound.following(0.5),
                List.of(wc("sum", SqlType.INT8, 2))),
            new WindowGroup(byP, desc, false, FrameBound.unboundedPreceding(), FrameBound.following(1),
                List.of(wc("count", SqlType.INT8))),
            new WindowGroup(byP, asc, true, FrameBound.following(1L), FrameBound.following(2L),
                List.of(wc("min", SqlType.INT4, 2))),
            new WindowGroup(byP, asc, true, FrameBound.preceding(2L), FrameBound.preceding(1L),
                List.of(wc("max", SqlType.INT4, 2))),
            new WindowGroup(byP, asc, false, FrameBound.following(1), FrameBound.unboundedFollowing(),
                List.of(wc("first_value", SqlType.INT4, 2))),
            new WindowGroup(byP, asc, true, FrameBound.currentRow(), FrameBound.following(1L),
                List.of(wc("string_agg", SqlType.TEXT, 3, 4))));
        List<RowType.Field> fs = new ArrayList<>(in.fields());
        for (WindowGroup g : groups) {
            fs.add(new RowType.Field("w", g.calls().get(0).resultType()));
        }
        List<List<Object>> out = Operators.drain(new WindowOperator(source(in, rows, 2), groups, new RowType(fs)), ctx);
        List<String> got = new ArrayList<>();
        for (List<Object> r : out) {
            StringBuilder sb = new StringBuilder();
            for (int c : new int[] {0, 1, 2, 5, 6, 7, 8, 9, 10}) {
                Object v = r.get(c);
                sb.append(c > 0 ? "|" : "").append(v == null ? "" : v instanceof Double d && d == Math.rint(d)
                    ? String.valueOf(d.longValue()) : v);
            }
            got.add(sb.toString());
        }
        got.sort(null);
        // PostgreSQL 15
        List<String> expected = new ArrayList<>(List.of(
            "1||50|50|1||40|50|50",
            "1|4|40|40|2|50|30|50|40,50",
            "1|2.5|30|30|4|40|20|40|30,40",
            "1|1.5|20|60|5|30|10|30|20,30",
            "1|1|10|30|5|20||30|10,20",
            "2|0.5|60|60|1||||60"));
        expected.sort(null);
        assertEquals(expected, got);
    }

    @Test
    void errorsUsePostgresCodes() {
        RowType in = rowType(SqlType.INT4, SqlType.INT4);
        List<RowType.Field> fs = new ArrayList<>(in.fields());
        fs.add(new RowType.Field("n", ColumnType.of(SqlType.INT4)));
        RowType out = new RowType(fs);
        var ntile = new WindowOperator(source(in, List.of(row(1, 0))), List.of(new WindowGroup(new int[0], List.of(),
            false, FrameBound.unboundedPreceding(), FrameBound.currentRow(), List.of(wc("ntile", SqlType.INT4, 1)))), out);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.epochdb.common.EpochException.class,
            () -> Operators.drain(ntile, ctx));
        assertEquals("22014", e.sqlState());
        assertEquals("argument of ntile must be greater than zero", e.getMessage());
        var neg = new WindowOperator(source(in, List.of(row(1, 0))), List.of(new WindowGroup(new int[0], List.of(),
            true, FrameBound.preceding(-1L), FrameBound.currentRow(), List.of(wc("sum", SqlType.INT4, 1)))), out);
        e = org.junit.jupiter.api.Assertions.assertThrows(io.epochdb.common.EpochException.class,
            () -> Operators.drain(neg, ctx));
        assertEquals("22013", e.sqlState());
        assertEquals("frame starting offset must not be negative", e.getMessage());
    }

    @Test
    void slidingMinMaxMatchesRecomputation() {
        RowType in = rowType(SqlType.INT4, SqlType.INT8, SqlType.FLOAT8, SqlType.TEXT);
        java.util.Random rnd = new java.util.Random(3);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            rows.add(row(i % 3, rnd.nextInt(10) == 0 ? null : (long) rnd.nextInt(100),
                rnd.nextInt(10) == 0 ? null : rnd.nextGaussian(), "s" + rnd.nextInt(100)));
        }
        List<SortKey> order = List.of(new SortKey(3, false, false));
        FrameBound[][] frames = {{FrameBound.preceding(5L), FrameBound.currentRow()},
            {FrameBound.preceding(3L), FrameBound.following(2L)}, {FrameBound.following(1L), FrameBound.following(4L)},
            {FrameBound.currentRow(), FrameBound.unboundedFollowing()}};
        for (FrameBound[] fr : frames) {
            List<WindowGroup> groups = List.of(new WindowGroup(new int[] {0}, order, true, fr[0], fr[1], List.of(
                wc("min", SqlType.INT8, 1), wc("max", SqlType.INT8, 1), wc("min", SqlType.FLOAT8, 2),
                wc("max", SqlType.FLOAT8, 2), wc("max", SqlType.TEXT, 3))));
            List<RowType.Field> fs = new ArrayList<>(in.fields());
            fs.add(new RowType.Field("a", ColumnType.of(SqlType.INT8)));
            fs.add(new RowType.Field("b", ColumnType.of(SqlType.INT8)));
            fs.add(new RowType.Field("c", ColumnType.of(SqlType.FLOAT8)));
            fs.add(new RowType.Field("d", ColumnType.of(SqlType.FLOAT8)));
            fs.add(new RowType.Field("e", ColumnType.of(SqlType.TEXT)));
            List<List<Object>> out = Operators.drain(new WindowOperator(source(in, rows, 500), groups,
                new RowType(fs)), ctx);
            // brute force over the output order (partition, then s)
            for (int i = 0; i < out.size(); i++) {
                int ps = i;
                while (ps > 0 && out.get(ps - 1).get(0).equals(out.get(i).get(0))) {
                    ps--;
                }
                int pe = i;
                while (pe < out.size() && out.get(pe).get(0).equals(out.get(i).get(0))) {
                    pe++;
                }
                long lo = fr[0].kind() == FrameBound.Kind.CURRENT_ROW ? i
                    : fr[0].kind() == FrameBound.Kind.PRECEDING ? i - (Long) fr[0].offset() : i + (Long) fr[0].offset();
                long hi = fr[1].kind() == FrameBound.Kind.UNBOUNDED_FOLLOWING ? pe - 1
                    : fr[1].kind() == FrameBound.Kind.CURRENT_ROW ? i : i + (Long) fr[1].offset();
                Long mn = null;
                Long mx = null;
                Double dmn = null;
                Double dmx = null;
                for (long j = Math.max(lo, ps); j <= Math.min(hi, pe - 1); j++) {
                    Long x = (Long) out.get((int) j).get(1);
                    Double d = (Double) out.get((int) j).get(2);
                    if (x != null) {
                        mn = mn == null ? x : Math.min(mn, x);
                        mx = mx == null ? x : Math.max(mx, x);
                    }
                    if (d != null) {
                        dmn = dmn == null ? d : Math.min(dmn, d);
                        dmx = dmx == null ? d : Math.max(dmx, d);
                    }
                }
                assertEquals(mn, out.get(i).get(4), "min row " + i);
                assertEquals(mx, out.get(i).get(5), "max row " + i);
                assertEquals(dmn, out.get(i).get(6), "fmin row " + i);
                assertEquals(dmx, out.get(i).get(7), "fmax row " + i);
            }
        }
    }
}
