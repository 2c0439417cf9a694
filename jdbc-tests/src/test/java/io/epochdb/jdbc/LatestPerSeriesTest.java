package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Last point per series" ({@code DISTINCT ON (host) ... ORDER BY host, time DESC}) reads parts newest first and
 * skips parts whose hosts all have a newer winner already. It must return what the plain DISTINCT ON returns
 * ({@code time + interval '0'} is a sort key the planner cannot skip on) for hosts that stop reporting early,
 * a host whose newest row arrives late into an old chunk's neighbour, NULL hosts, ties on the newest time
 * broken by a further sort key, and a filter under the DISTINCT ON.
 */
class LatestPerSeriesTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @BeforeAll
    static void load() throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE lp (time timestamptz NOT NULL, host text, v int)");
            st.execute("SELECT create_hypertable('lp', 'time', chunk_time_interval => interval '1 day')");
            // 60 hosts every 5 minutes for 10 days: one block per daily chunk, each with a tag dictionary
            st.execute("INSERT INTO lp SELECT '2024-01-01'::timestamptz + (g / 60) * interval '5 minutes',"
                + " 'h' || (g % 60), g FROM generate_series(0, 60 * 288 * 10 - 1) g");
            // hosts that only report on the first day
            st.execute("INSERT INTO lp SELECT '2024-01-01'::timestamptz + (g / 10) * interval '5 minutes',"
                + " 'old' || (g % 10), g FROM generate_series(0, 10 * 288 - 1) g");
            // NULL hosts on the third day only
            st.execute("INSERT INTO lp SELECT '2024-01-03'::timestamptz + g * interval '1 minute', NULL, g"
                + " FROM generate_series(0, 99) g");
            // ties on the newest time, written by separate statements so they land in different blocks
            st.execute("INSERT INTO lp VALUES ('2024-01-10 23:59:00+00', 'tie', 9)");
            st.execute("INSERT INTO lp VALUES ('2024-01-04 12:00:00+00', 'tie', 100)");
            st.execute("INSERT INTO lp VALUES ('2024-01-10 23:59:00+00', 'tie', 3)");
            st.execute("INSERT INTO lp VALUES ('2024-01-10 23:59:00+00', 'tie', 5)");
            // a host that reported long ago and once more, late, on the last day
            st.execute("INSERT INTO lp VALUES ('2024-01-02 00:00:00+00', 'late', 1)");
            st.execute("INSERT INTO lp VALUES ('2024-01-09 00:00:00+00', 'late', 2)");
        }
    }

    private static void same(Connection c, String select, String where, String order) throws Exception {
        String fast = select + where + " ORDER BY " + order;
        Sql.assertSameRows(c, fast, select + where + " ORDER BY " + order.replace("time", "(time + interval '0')"));
    }

    @Test
    void lastPointPerHostMatchesAPlainDistinctOn() throws Exception {
        try (Connection c = server.connect()) {
            same(c, "SELECT DISTINCT ON (host) host, time, v FROM lp", "", "host, time DESC, v");
            same(c, "SELECT DISTINCT ON (host) host, time, v FROM lp", "", "host, time DESC, v DESC");
            same(c, "SELECT DISTINCT ON (host) host, time, v FROM lp", " WHERE v % 7 = 0", "host, time DESC, v");
            same(c, "SELECT DISTINCT ON (host) host, time, v FROM lp", " WHERE host LIKE 'old%'", "host, time DESC");
            same(c, "SELECT DISTINCT ON (host) * FROM lp", " WHERE time < '2024-01-05'", "host DESC, time DESC, v");
        }
    }

    @Test
    void answersAreTheOnesExpected() throws Exception {
        try (Connection c = server.connect()) {
            String q = "SELECT DISTINCT ON (host) host, time, v FROM lp WHERE host IN ('tie', 'late', 'old3', 'h7')"
                + " OR host IS NULL ORDER BY host, time DESC, v";
            assertEquals(List.of(
                    "h7|2024-01-10 23:55:00+00|172747",
                    "late|2024-01-09 00:00:00+00|2",
                    "old3|2024-01-01 23:55:00+00|2873",
                    "tie|2024-01-10 23:59:00+00|3",
                    "NULL|2024-01-03 01:39:00+00|99"),
                Sql.rows(c, q));
        }
    }
}
