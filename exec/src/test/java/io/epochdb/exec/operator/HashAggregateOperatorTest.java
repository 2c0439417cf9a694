package io.epochdb.exec.operator;

import static io.epochdb.exec.operator.TestSupport.row;
import static io.epochdb.exec.operator.TestSupport.rowType;
import static io.epochdb.exec.operator.TestSupport.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import io.epochdb.common.types.ColumnType;
import io.epochdb.common.types.SqlType;
import io.epochdb.exec.ExecContext;
import io.epochdb.exec.agg.AggCall;
import io.epochdb.exec.types.RowType;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HashAggregateOperatorTest {
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

    static AggCall call(String f, SqlType result, int... args) {
        return new AggCall(f, args, false, -1, List.of(), ColumnType.of(result));
    }

    static RowType outType(int keys, List<AggCall> calls) {
        List<RowType.Field> fs = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            fs.add(new RowType.Field("k" + i, ColumnType.of(SqlType.TEXT)));
        }
        for (AggCall c : calls) {
            fs.add(new RowType.Field(c.function(), c.resultType()));
        }
        return new RowType(fs);
    }

    static RowType outType(RowType in, int[] keys, List<AggCall> calls) {
        List<RowType.Field> fs = new ArrayList<>();
        for (int k : keys) {
            fs.add(in.field(k));
        }
        for (AggCall c : calls) {
            fs.add(new RowType.Field(c.function(), c.resultType()));
        }
        return new RowType(fs);
    }

    static long ts(String s) {
        return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli() * 1000;
    }

    // g, x, y, z, ts, b, x>1, x::text, ',', 0.5
    static final RowType IN = rowType(SqlType.TEXT, SqlType.INT4, SqlType.FLOAT8, SqlType.NUMERIC, SqlType.TIMESTAMP,
        SqlType.BOOL, SqlType.BOOL, SqlType.TEXT, SqlType.TEXT, SqlType.FLOAT8);

    static List<Object> in(String g, Integer x, Double y, String z, String t, Boolean b) {
        return row(g, x, y, z == null ? null : new BigDecimal(z), t == null ? null : ts(t), b,
            x == null ? null : x > 1, x == null ? null : x.toString(), ",", 0.5);
    }

    static List<List<Object>> data() {
        return List.of(
            in("a", 1, 1.5, "1.10", "2024-01-01 00:00", true),
            in("a", 2, 2.25, "2.205", "2024-01-01 00:05", true),
            in("a", null, null, null, "2024-01-01 00:10", null),
            in("b", 10, -3.0, "5", "2024-01-02 00:00", false),
            in("b", 20, 7.125, "6.5", "2024-01-01 23:00", true),
            in("b", 20, 1e10, "-7.25", null, true),
            in(null, 7, 0.1, "0.3", "2024-01-03 00:00", false));
    }

    /** Expected text from PostgreSQL 15 for the same rows (see the query in the test body). */
    static final String[] PG = {
        "a|3|2|3|1.5000000000000000|3.75|1.875|3.305|1.6525000000000000|1|2.25|a|2024-01-01 00:10:00|0.70710678118654752440|0.50000000000000000000|0.50000000000000000000|0.25000000000000000000|0.5303300858899106|0.28125|0.78135299321113501446|0.30525625000000000000|t|t|0|3|2|3|2,1|{1,2,NULL}|1|0.1875|0.375|0.75|0.75|2|1|1.875|1.5|1|1",
        "b|3|3|50|16.6666666666666667|10000000004.125|3333333334.7083335|4.25|1.4166666666666667|10|10000000000|b|2024-01-02 00:00:00|5.7735026918962576|33.3333333333333333|4.7140452079103168|22.2222222222222222|5773502690.705473|3.3333333319583334e+19|7.5429326745857498|37.9305555555555556|f|t|0|30|2|30|20,20,10|{10,20,20}|0.500000000759375|11111111125.694445|16666666688.541666|500000000.65625006|-5000000009.5625|3|0.250000000759375|7.125|7.125|20|3",
        "|1|1|7|7.0000000000000000|0.1|0.1|0.3|0.30000000000000000000|7|0.1||2024-01-03 00:00:00|||0|0||||0|f|f|7|7|1|7|7|{7}||0||||1||0.1|0.1|7|1",
    };

    static List<AggCall> pgCalls() {
        List<AggCall> c = new ArrayList<>();
        c.add(call("count", SqlType.INT8));
        c.add(call("count", SqlType.INT8, 1));
        c.add(call("sum", SqlType.INT8, 1));
        c.add(call("avg", SqlType.NUMERIC, 1));
        c.add(call("sum", SqlType.FLOAT8, 2));
        c.add(call("avg", SqlType.FLOAT8, 2));
        c.add(call("sum", SqlType.NUMERIC, 3));
        c.add(call("avg", SqlType.NUMERIC, 3));
        c.add(call("min", SqlType.INT4, 1));
        c.add(call("max", SqlType.FLOAT8, 2));
        c.add(call("min", SqlType.TEXT, 0));
        c.add(call("max", SqlType.TIMESTAMP, 4));
        c.add(call("stddev", SqlType.NUMERIC, 1));
        c.add(call("variance", SqlType.NUMERIC, 1));
        c.add(call("stddev_pop", SqlType.NUMERIC, 1));
        c.add(call("var_pop", SqlType.NUMERIC, 1));
        c.add(call("stddev", SqlType.FLOAT8, 2));
        c.add(call("var_samp", SqlType.FLOAT8, 2));
        c.add(call("stddev", SqlType.NUMERIC, 3));
        c.add(call("var_pop", SqlType.NUMERIC, 3));
        c.add(call("bool_and", SqlType.BOOL, 5));
        c.add(call("bool_or", SqlType.BOOL, 5));
        c.add(call("bit_and", SqlType.INT4, 1));
        c.add(call("bit_or", SqlType.INT4, 1));
        c.add(new AggCall("count", new int[] {1}, true, -1, List.of(), ColumnType.of(SqlType.INT8)));
        c.add(new AggCall("sum", new int[] {1}, true, -1, List.of(), ColumnType.of(SqlType.INT8)));
        c.add(new AggCall("string_agg", new int[] {7, 8}, false, -1, List.of(new SortKey(1, true, true)),
            ColumnType.of(SqlType.TEXT)));
        c.add(new AggCall("array_agg", new int[] {1}, false, -1, List.of(new SortKey(1, false, false)),
            ColumnType.of(SqlType.INT4_ARRAY)));
        c.add(call("corr", SqlType.FLOAT8, 2, 1));
        c.add(call("covar_pop", SqlType.FLOAT8, 2, 1));
        c.add(call("covar_samp", SqlType.FLOAT8, 2, 1));
        c.add(call("regr_slope", SqlType.FLOAT8, 2, 1));
        c.add(call("regr_intercept", SqlType.FLOAT8, 2, 1));
        c.add(call("regr_count", SqlType.INT8, 2, 1));
        c.add(call("regr_r2", SqlType.FLOAT8, 2, 1));
        c.add(new AggCall("percentile_cont", new int[] {9}, false, -1, List.of(new SortKey(2, false, false)),
            ColumnType.of(SqlType.FLOAT8)));
        c.add(new AggCall("percentile_disc", new int[] {9}, false, -1, List.of(new SortKey(2, false, false)),
            ColumnType.of(SqlType.FLOAT8)));
        c.add(new AggCall("mode", new int[0], false, -1, List.of(new SortKey(1, false, false)),
            ColumnType.of(SqlType.INT4)));
        c.add(new AggCall("count", new int[0], false, 6, List.of(), ColumnType.of(SqlType.INT8)));
        return c;
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("{");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i > 0 ? "," : "").append(l.get(i) == null ? "NULL" : text(l.get(i)));
            }
            return sb.append('}').toString();
        }
        return v.toString();
    }

    /** Compares one output value with PostgreSQL's text: doubles by value, timestamps by micros, rest as text. */
    static void assertPg(String expected, Object actual, SqlType type, String what) {
        if (expected.isEmpty()) {
            assertEquals(null, actual, what);
        } else if (type == SqlType.FLOAT8) {
            assertEquals(Double.parseDouble(expected), (Double) actual, 0.0, what);
        } else if (type == SqlType.TIMESTAMP) {
            assertEquals(ts(expected.substring(0, 16)), actual, what);
        } else {
            assertEquals(expected, text(actual), what);
        }
    }

    @Test
    void matchesPostgresForManyAggregates() {
        List<AggCall> calls = pgCalls();
        for (int batchSize : new int[] {1, 3, 100}) {
            var op = new HashAggregateOperator(source(IN, data(), batchSize), new int[] {0}, null, calls,
                outType(1, calls));
            List<List<Object>> rows = Operators.drain(op, ctx);
            assertEquals(3, rows.size());
            for (int r = 0; r < 3; r++) {
                String[] exp = PG[r].split("\\|", -1);
                List<Object> got = rows.get(r);
                assertEquals(exp.length, got.size(), "columns");
                assertPg(exp[0], got.get(0), SqlType.TEXT, "key");
                for (int c = 0; c < calls.size(); c++) {
                    assertPg(exp[c + 1], got.get(c + 1), calls.get(c).resultType().type(),
                        "row " + r + " " + calls.get(c).function() + " #" + c);
                }
            }
        }
    }

    @Test
    void noKeysEmptyInputGivesOneRow() {
        List<AggCall> calls = List.of(call("count", SqlType.INT8), call("sum", SqlType.INT8, 1),
            call("max", SqlType.TEXT, 0), call("avg", SqlType.NUMERIC, 1));
        var op = new HashAggregateOperator(source(IN, List.of()), new int[0], null, calls, outType(0, calls));
        assertEquals(List.of(row(0L, null, null, null)), Operators.drain(op, ctx));
        var keyed = new HashAggregateOperator(source(IN, List.of()), new int[] {0}, null, calls, outType(1, calls));
        assertEquals(List.of(), Operators.drain(keyed, ctx));
    }

    @Test
    void groupingSetsRollup() {
        // group by rollup(g, b): sets {g, b}, {g}, {}
        List<AggCall> calls = List.of(call("count", SqlType.INT8), call("sum", SqlType.INT8, 1),
            call("grouping", SqlType.INT4, 0, 5));
        List<RowType.Field> fs = new ArrayList<>();
        fs.add(new RowType.Field("g", ColumnType.of(SqlType.TEXT)));
        fs.add(new RowType.Field("b", ColumnType.of(SqlType.BOOL)));
        for (AggCall c : calls) {
            fs.add(new RowType.Field(c.function(), c.resultType()));
        }
        var op = new HashAggregateOperator(source(IN, data()), new int[] {0, 5},
            List.of(new int[] {0, 5}, new int[] {0}, new int[0]), calls, new RowType(fs));
        List<List<Object>> rows = Operators.drain(op, ctx);
        List<String> got = new ArrayList<>();
        for (List<Object> r : rows) {
            got.add(text(r.get(0)) + "|" + text(r.get(1)) + "|" + r.get(2) + "|" + text(r.get(3)) + "|" + r.get(4));
        }
        // PostgreSQL: select g, b, count(*), sum(x), grouping(g, b) from t group by rollup(g, b)
        assertEquals(List.of("a|t|2|3|0", "a||1||0", "b|f|1|10|0", "b|t|2|40|0", "|f|1|7|0",
            "a||3|3|1", "b||3|50|1", "||1|7|1", "||7|60|3"), got.stream().sorted(
                (p, q) -> order(p).compareTo(order(q))).toList());
        // empty input: only the empty grouping set yields a row
        var empty = new HashAggregateOperator(source(IN, List.of()), new int[] {0, 5},
            List.of(new int[] {0, 5}, new int[] {0}, new int[0]), calls, new RowType(fs));
        assertEquals(List.of(row(null, null, 0L, null, 3)), Operators.drain(empty, ctx));
    }

    private static String order(String line) {
        String[] p = line.split("\\|", -1);
        int level = Integer.parseInt(p[4]);
        return level + (p[0].isEmpty() ? "~" : p[0]) + (p[1].isEmpty() ? "~" : p[1]);
    }

    @Test
    void sumOfBigintOverflowsIntoNumeric() {
        RowType in = rowType(SqlType.INT8);
        List<List<Object>> rows = List.of(row(Long.MAX_VALUE), row(Long.MAX_VALUE), row(10L));
        List<AggCall> calls = List.of(call("sum", SqlType.NUMERIC, 0), call("avg", SqlType.NUMERIC, 0));
        var op = new HashAggregateOperator(source(in, rows), new int[0], null, calls, outType(0, calls));
        List<Object> r = Operators.drain(op, ctx).get(0);
        assertEquals("18446744073709551624", text(r.get(0)));
        assertEquals("6148914691236517208", text(r.get(1)));

        List<AggCall> int8sum = List.of(call("sum", SqlType.INT8, 0));
        var bad = new HashAggregateOperator(source(rowType(SqlType.INT8), rows), new int[0], null, int8sum,
            outType(0, int8sum));
        EpochException e = assertThrows(EpochException.class, () -> Operators.drain(bad, ctx));
        assertEquals("22003", e.sqlState());
    }

    @Test
    void firstLastAndHistogram() {
        RowType in = rowType(SqlType.TEXT, SqlType.FLOAT8, SqlType.TIMESTAMPTZ, SqlType.FLOAT8, SqlType.FLOAT8,
            SqlType.INT4);
        List<List<Object>> rows = List.of(
            row("h1", 5.0, 20L, 0.0, 10.0, 5),
            row("h1", null, 10L, 0.0, 10.0, 5),
            row("h1", 7.0, 10L, 0.0, 10.0, 5),
            row("h1", 10.0, 30L, 0.0, 10.0, 5),
            row("h1", -1.0, null, 0.0, 10.0, 5),
            row("h1", 1.99, 30L, 0.0, 10.0, 5),
            row("h2", null, null, 0.0, 10.0, 5));
        List<AggCall> calls = List.of(call("first", SqlType.FLOAT8, 1, 2), call("last", SqlType.FLOAT8, 1, 2),
            new AggCall("histogram", new int[] {1, 3, 4, 5}, false, -1, List.of(), ColumnType.of(SqlType.INT4_ARRAY)));
        var op = new HashAggregateOperator(source(in, rows), new int[] {0}, null, calls, outType(1, calls));
        List<List<Object>> out = Operators.drain(op, ctx);
        // first: time 10 met first with NULL value; last: time 30 met first with 10.0
        assertEquals(java.util.Arrays.asList("h1", null, 10.0, List.of(1, 1, 0, 1, 1, 0, 1)), out.get(0));
        assertEquals(java.util.Arrays.asList("h2", null, null, null), out.get(1));
    }

    @Test
    void singleValueRejectsSecondRow() {
        RowType in = rowType(SqlType.INT4);
        List<AggCall> calls = List.of(call("single_value", SqlType.INT4, 0));
        var ok = new HashAggregateOperator(source(in, List.of(row(4))), new int[0], null, calls, outType(0, calls));
        assertEquals(List.of(row(4)), Operators.drain(ok, ctx));
        var bad = new HashAggregateOperator(source(in, List.of(row(4), row(5))), new int[0], null, calls,
            outType(0, calls));
        EpochException e = assertThrows(EpochException.class, () -> Operators.drain(bad, ctx));
        assertEquals("21000", e.sqlState());
        assertEquals("more than one row returned by a subquery used as an expression", e.getMessage());
    }

    @Test
    void manyGroupsWithLongAndTwoKeys() {
        RowType in = rowType(SqlType.INT8, SqlType.TEXT, SqlType.FLOAT8);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            rows.add(row((long) (i % 997), "k" + (i % 3), (double) i));
        }
        List<AggCall> calls = List.of(call("count", SqlType.INT8), call("sum", SqlType.FLOAT8, 2));
        var one = new HashAggregateOperator(source(in, rows, 4096), new int[] {0}, null, calls, outType(in, new int[] {0}, calls));
        List<List<Object>> out = Operators.drain(one, ctx);
        assertEquals(997, out.size());
        long total = 0;
        for (List<Object> r : out) {
            total += (Long) r.get(1);
        }
        assertEquals(20_000, total);
        var two = new HashAggregateOperator(source(in, rows, 4096), new int[] {0, 1}, null, calls, outType(in, new int[] {0, 1}, calls));
        assertEquals(997 * 3, Operators.drain(two, ctx).size());
        var text = new HashAggregateOperator(source(in, rows, 4096), new int[] {1}, null, calls, outType(1, calls));
        assertEquals(3, Operators.drain(text, ctx).size());
    }

    @Test
    void backgroundAggregationSameResultAndErrorsPropagate() {
        RowType in = rowType(SqlType.INT8, SqlType.TEXT, SqlType.FLOAT8);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            rows.add(row((long) (i % 7), "k" + (i % 3), i % 11 == 0 ? null : (double) i));
        }
        List<AggCall> calls = List.of(call("count", SqlType.INT8), call("sum", SqlType.FLOAT8, 2),
            call("max", SqlType.TEXT, 1));
        // 50 batches of 100 rows: the first 8 are aggregated inline, the rest on the background thread
        var op = new HashAggregateOperator(source(in, rows, 100), new int[] {0}, null, calls,
            outType(in, new int[] {0}, calls));
        List<List<Object>> out = Operators.drain(op, ctx);
        assertEquals(7, out.size());
        double total = 0;
        long count = 0;
        for (List<Object> r : out) {
            count += (Long) r.get(1);
            total += (Double) r.get(2);
        }
        double expected = 0;
        for (int i = 0; i < 5000; i++) {
            expected += i % 11 == 0 ? 0 : i;
        }
        assertEquals(5000, count);
        assertEquals(expected, total, 0.0);

        // the only duplicate key arrives in the last batch, i.e. on the background thread
        List<List<Object>> unique = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            unique.add(row(i == 4999 ? 17L : (long) i, "k", 1.0));
        }
        List<AggCall> single = List.of(call("single_value", SqlType.INT8, 0));
        var bad = new HashAggregateOperator(source(in, unique, 100), new int[] {0}, null, single,
            outType(in, new int[] {0}, single));
        EpochException e = assertThrows(EpochException.class, () -> Operators.drain(bad, ctx));
        assertEquals("21000", e.sqlState());
    }
}
