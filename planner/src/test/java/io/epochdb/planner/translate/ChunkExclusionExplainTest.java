package io.epochdb.planner.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.planner.SqlRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EXPLAIN and results of scans whose filters skip table blocks (65,536 rows each), through a real Engine. */
class ChunkExclusionExplainTest {
    @TempDir
    static Path dir;
    static SqlRunner sql;

    @BeforeAll
    static void load() {
        sql = new SqlRunner(dir);
        sql.run("create table t(time timestamptz, ts timestamp, d date, i int, b bigint, s smallint, v double precision, name text)");
        // 300,000 rows one minute apart: blocks 0..4, the last one partial
        sql.run("insert into t select '2024-01-01'::timestamptz + g * interval '1 minute', '2024-01-01'::timestamp + g * interval '1 minute',"
            + " date '2024-01-01' + (g / 1440)::int, g, g, (g % 1000)::smallint, g * 0.5, 'n' || (g % 10) from generate_series(0, 299999) g");
    }

    @AfterAll
    static void close() {
        sql.close();
    }

    private static String explain(String query) {
        return String.join("\n", sql.run("explain " + query));
    }

    @Test
    void timeRangeKeepsOneBlock() {
        String plan = explain("select count(*) from t where time >= '2024-01-10' and time < '2024-01-11'");
        assertTrue(plan.contains("Segments: kept 1 of 5"), plan);
        assertEquals(List.of("1440"), sql.run("select count(*) from t where time >= '2024-01-10' and time < '2024-01-11'"));
    }

    /** The rest of the EXPLAIN line starting with {@code label} for a count over {@code where}, or null. */
    private static String planLine(String label, String where) {
        String plan = explain("select count(*) from t where " + where);
        for (String line : plan.split("\n")) {
            if (line.trim().startsWith(label)) {
                return line.trim().substring(label.length());
            }
        }
        return null;
    }

    private static String bounds(String where) {
        return planLine("Scan Bounds: ", where);
    }

    private static String segments(String where) {
        return planLine("Segments: ", where);
    }

    @Test
    void usableComparisons() {
        assertEquals("i >= 3 AND i <= 70000", bounds("i between 3 and 70000"));
        assertEquals("kept 2 of 5", segments("i between 3 and 70000"));
        assertEquals("(i = 5 OR i = 299000)", bounds("i in (5, 299000)"));
        assertEquals("kept 2 of 5", segments("i in (5, 299000)"));
        assertEquals("b > 100000", bounds("100000 < b"));
        assertEquals("kept 4 of 5", segments("100000 < b"));
        assertEquals("s::integer < 3", bounds("s < 3"));
        assertEquals("i::numeric > 5.5", bounds("i > 5.5"));
        assertEquals("kept 1 of 5", segments("i > 299998.5"));
        assertEquals("time::date = '2024-01-10'::date", bounds("time::date = '2024-01-10'"));
        assertEquals("kept 1 of 5", segments("time::date = '2024-01-10'"));
        assertEquals("kept 1 of 5", segments("d = '2024-01-10'"));
        assertEquals("kept 1 of 5", segments("ts >= date '2024-01-10' and ts < date '2024-01-11'"));
        assertEquals("kept 1 of 5", segments("time < timestamp '2024-01-02'"));
        assertEquals("kept 1 of 5", segments("time_bucket('1 hour', time) = '2024-01-10 10:00:00+00'"));
        assertEquals("kept 1 of 5", segments("time_bucket('1 day', ts) < '2024-01-02'"));
        assertEquals("kept 0 of 5", segments("time > '2025-01-01'"));
        assertEquals("kept 0 of 5", segments("i > null"));
        assertEquals(List.of("0"), sql.run("select count(*) from t where i > null"));
        assertTrue(bounds("time > now() - interval '1 hour'").startsWith("time > (now() - "), bounds("time > now() - interval '1 hour'"));
        assertEquals("kept 0 of 5", segments("time > now() - interval '1 hour'"));
    }

    @Test
    void unusableComparisonsAreLeftToTheFilter() {
        // float8 comparisons and text equality narrow the rows read, but have no statistics to skip segments by
        assertEquals("v > 5::double precision", bounds("v > 5"));
        assertEquals("kept 5 of 5", segments("v > 5"));
        assertEquals("name = 'n1'", bounds("name = 'n1'"));
        assertEquals("kept 5 of 5", segments("name = 'n1'"));
        assertNull(bounds("i + 1 > 5"));
        assertNull(bounds("i > b"));
        assertNull(bounds("i > random() * 10"));
        assertNull(bounds("time_bucket('1 day', time, 'Europe/Berlin') > '2024-01-02'"));
        assertNull(bounds("i = 5 or b = 6"));
        assertNull(bounds("i is not null"));
        assertEquals("i > 5", bounds("i > 5 and (v > 1 or name = 'x')"));
    }

    /** The "Filter:" line under the scan: what is still checked above it row by row (null when nothing is). */
    private static String filterAbove(String where) {
        return planLine("Filter: ", where);
    }

    @Test
    void exactConditionsNeedNoFilterAboveTheScan() {
        // the read applies these exactly: tag equality with text, ranges on plain integer/timestamp columns, IN lists
        assertNull(filterAbove("time >= '2024-01-10' and time < '2024-01-11' and name = 'n1'"));
        assertNull(filterAbove("i in (5, 70000) and name in ('n1', 'n2')"));
        assertNull(filterAbove("(i > 5 and i < 10) or i = 200000"));
        assertNull(filterAbove("b between 3 and 7000 and d = '2024-01-10'"));
        // the rest stays in the filter: float comparisons (the read keeps NaN), widened bounds (casts, time_bucket),
        // ORs over several columns, and anything else
        assertEquals("(v > 5::double precision)", filterAbove("v > 5 and i < 1000"));
        assertEquals("(s::integer < 3)", filterAbove("s < 3"));
        assertEquals("(i::numeric > 5.5)", filterAbove("i > 5.5 and name = 'n1'"));
        assertEquals("(time::date = '2024-01-10'::date)", filterAbove("time::date = '2024-01-10'"));
        assertNotNull(filterAbove("time_bucket('1 hour', time) = '2024-01-10 10:00:00+00'"));
        assertNotNull(filterAbove("i = 5 or b = 6"));
        assertNotNull(filterAbove("ts::timestamp(0) < '2024-01-01 00:00:01'")); // a typmod cast may round
        assertNotNull(filterAbove("(i = 5 and name = 'n5') or i = 6"));
        assertNotNull(filterAbove("i > 5 and (v > 1 or name = 'x')"));
        assertEquals("(extract(EPOCH, time) >= 1704067740.000000)", filterAbove("extract(epoch from time) >= 1704067740"));
        assertEquals(List.of("1"), sql.run("select count(*) from t where (i = 5 and name = 'n5') or (i = 6 and name = 'n5')"));
        assertEquals(List.of("2"), sql.run("select count(*) from t where (i = 5 and name = 'n5') or i = 6"));
    }

    @Test
    void resultsEqualScansWithoutExclusion() {
        String[][] pairs = {
            {"time >= '2024-01-10' and time < '2024-03-11'", "t.time + interval '0 second' >= '2024-01-10' and t.time + interval '0 second' < '2024-03-11'"},
            {"i in (5, 70000, 299999)", "i + 0 in (5, 70000, 299999)"},
            {"time::date = '2024-02-10'", "cast(t.time + interval '0 second' as date) = '2024-02-10'"},
            {"time_bucket('1 hour', time) < '2024-02-01 10:00:00+00'", "time_bucket('1 hour', t.time + interval '0 second') < '2024-02-01 10:00:00+00'"},
            {"ts > timestamptz '2024-03-01 00:00:00+00' and d <= '2024-04-01'", "ts + interval '0 second' > timestamptz '2024-03-01 00:00:00+00' and d + 0 <= '2024-04-01'"},
            {"name = 'n3' and i >= 1000 and i < 200000", "name || '' = 'n3' and i + 0 >= 1000 and i + 0 < 200000"},
            {"name in ('n3', 'n4', 'nx') and b in (3, 4, 13, 299999)", "name || '' in ('n3', 'n4', 'nx') and b + 0 in (3, 4, 13, 299999)"},
            {"(i < 10 or i > 299990) and time > '2024-01-01 00:05:00'", "(i + 0 < 10 or i + 0 > 299990) and t.time + interval '0 second' > '2024-01-01 00:05:00'"},
        };
        for (String[] p : pairs) {
            String q = "select count(*), sum(i), min(b), max(b) from t where ";
            assertEquals(sql.run(q + p[1]), sql.run(q + p[0]), p[0]);
        }
    }

    @Test
    void zoneAwareComparisons() {
        sql.run("set timezone = 'America/New_York'");
        try {
            String q = "select count(*), min(i), max(i) from t where ";
            assertEquals(sql.run(q + "cast(t.time + interval '0 second' as date) = '2024-03-10'"), sql.run(q + "time::date = '2024-03-10'"));
            assertEquals(sql.run(q + "ts + interval '0 second' >= timestamptz '2024-03-10 06:30:00+00'"),
                sql.run(q + "ts >= timestamptz '2024-03-10 06:30:00+00'"));
            assertEquals(sql.run(q + "t.time + interval '0 second' < timestamp '2024-03-10 03:00'"), sql.run(q + "time < timestamp '2024-03-10 03:00'"));
        } finally {
            sql.run("set timezone = 'UTC'");
        }
    }

    @Test
    void explainAnalyzeCountsWhatTheExecutionKept() {
        List<String> plan = sql.run("explain analyze select i from t where i >= 140000 and i < 140010");
        assertTrue(plan.contains("      Segments: kept 1 of 5") || plan.stream().anyMatch(l -> l.trim().equals("Segments: kept 1 of 5")),
            String.join("\n", plan));
        assertEquals(10, sql.run("select i from t where i >= 140000 and i < 140010").size());
    }

    @Test
    void narrowedScansKeepColumnOrderAndFilters() {
        assertEquals(List.of("n5|5|5"), sql.run("select name, i, b from t where i = 5"));
        assertEquals(List.of("300000"), sql.run("select count(*) from t"));
        assertEquals(List.of("10|n3"), sql.run("select count(*), min(name) from t where i < 100 and name = 'n3' group by name"));
        assertEquals(List.of("n2|2"), sql.run("select name, count(*) filter (where b < 20) from t where i < 30 and name = 'n2' group by name"));
        assertEquals(List.of("n1,n2"), sql.run("select string_agg(name, ',' order by i) from t where i between 1 and 2"));
    }
}
