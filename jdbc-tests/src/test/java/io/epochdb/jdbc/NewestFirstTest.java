package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ORDER BY time [DESC] LIMIT n} over a table scan reads parts newest (or oldest) first and stops early; it
 * must return what a full sort returns ({@code time + interval '0'} is a key the planner cannot stop on), also with
 * out-of-order inserts spread over chunks, filters, OFFSET, ties broken by a second key, and NULL times in a plain
 * table (NULLS FIRST stays a full sort).
 */
class NewestFirstTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @BeforeAll
    static void load() throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE nf (time timestamptz NOT NULL, host text, v int)");
            st.execute("SELECT create_hypertable('nf', 'time', chunk_time_interval => interval '1 day')");
            // 200,000 rows over 10 days, inserted in an order that mixes old and new rows in every block
            st.execute("INSERT INTO nf SELECT '2024-01-01'::timestamptz + ((g * 7919) % 200000) * interval '4 seconds',"
                + " 'h' || (g % 7), g FROM generate_series(0, 199999) g");
            st.execute("INSERT INTO nf SELECT '2024-01-05'::timestamptz, 'tie', g FROM generate_series(1, 30) g");
            st.execute("CREATE TABLE nf_plain (time timestamptz, v int)");
            st.execute("INSERT INTO nf_plain SELECT CASE WHEN g % 1000 = 0 THEN NULL ELSE '2024-01-01'::timestamptz"
                + " + g * interval '1 minute' END, g FROM generate_series(0, 149999) g");
        }
    }

    private static void same(Connection c, String select, String where, String order, String limit) throws Exception {
        String fast = select + where + " ORDER BY " + order + limit;
        Sql.assertSameRows(c, fast, select + where + " ORDER BY " + order.replace("time", "(time + interval '0')") + limit);
    }

    @Test
    void topNReadsNewestFirstAndMatchesAFullSort() throws Exception {
        try (Connection c = server.connect()) {
            same(c, "SELECT time, host, v FROM nf", "", "time DESC, v", " LIMIT 10");
            same(c, "SELECT time, v FROM nf", "", "time, v", " LIMIT 7");
            same(c, "SELECT time, v FROM nf", " WHERE host = 'h3'", "time DESC, v", " LIMIT 5 OFFSET 3");
            same(c, "SELECT time, v FROM nf", " WHERE time < '2024-01-05 00:00:01'", "time DESC, v", " LIMIT 40");
            same(c, "SELECT v, time AS t FROM nf", " WHERE v % 3 = 0", "time DESC, v DESC", " LIMIT 100");
            same(c, "SELECT time, v FROM nf_plain", "", "time DESC NULLS LAST, v", " LIMIT 5");
            same(c, "SELECT time, v FROM nf_plain", "", "time DESC, v", " LIMIT 5");
            same(c, "SELECT time, v FROM nf_plain", "", "time, v", " LIMIT 5");
            assertEquals(List.of(), Sql.rows(c, "SELECT * FROM nf ORDER BY time DESC LIMIT 0"));
        }
    }

    /** The grouped query and the same with a sort key the planner cannot stop on ({@code b + interval '0'}). */
    private static void sameGroups(Connection c, String bucket, String table, String where, String extraKeys,
                                   String order, String limit) throws Exception {
        String select = "SELECT " + bucket + " AS b" + extraKeys + ", count(*), sum(v), max(v) FROM " + table + where
            + " GROUP BY b" + extraKeys + " ORDER BY ";
        String fast = select + order + limit;
        Sql.assertSameRows(c, fast, select + order.replace("b DESC", "b + interval '0' DESC") + limit);
    }

    @Test
    void newestGroupsReadNewestFirstAndMatchAFullAggregation() throws Exception {
        try (Connection c = server.connect()) {
            sameGroups(c, "time_bucket('1 minute', time)", "nf", "", "", "b DESC", " LIMIT 5");
            sameGroups(c, "time_bucket('1 hour', time)", "nf", " WHERE time < '2024-01-05 00:00:01'", "", "b DESC", " LIMIT 3");
            sameGroups(c, "time_bucket('15 minutes', time, 'Europe/Berlin')", "nf", " WHERE host = 'h2'", "", "b DESC",
                " LIMIT 4 OFFSET 2");
            sameGroups(c, "date_trunc('hour', time)", "nf", "", ", host", "b DESC, host", " LIMIT 9");
            sameGroups(c, "time", "nf", "", "", "b DESC", " LIMIT 3");
            sameGroups(c, "date_bin('10 minutes', time, '2024-01-01 00:03:00+00')", "nf", "", "", "b DESC", " LIMIT 6");
            sameGroups(c, "time_bucket('1 minute', time)", "nf_plain", "", "", "b DESC NULLS LAST", " LIMIT 5");
            sameGroups(c, "time_bucket('1 minute', time)", "nf_plain", "", "", "b DESC", " LIMIT 5");
            // the newest minute bucket is complete after the newest segments: the rest is not read
            List<String> plan = Sql.rows(c, "EXPLAIN ANALYZE SELECT time_bucket('1 minute', time) AS b, count(*) FROM nf"
                + " GROUP BY b ORDER BY b DESC LIMIT 5");
            assertTrue(plan.stream().anyMatch(l -> l.trim().startsWith("Segments reached: ")), String.join("\n", plan));
        }
    }
}
