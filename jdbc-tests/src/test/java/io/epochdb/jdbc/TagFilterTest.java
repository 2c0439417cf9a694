package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Equality filters on text tags are pushed into the table read (answered from the dictionaries of full blocks, or
 * by comparing bytes in the open block): every form returns the same rows as a filter that cannot be pushed
 * ({@code tag || '' = ...}), including IN lists of values of different lengths, varchar and char(n) columns,
 * trailing spaces, NULL tags and parameters.
 */
class TagFilterTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @BeforeAll
    static void load() throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tf (time timestamptz NOT NULL, host text, vhost varchar(20), chost char(8), v int, f float8)");
            st.execute("SELECT create_hypertable('tf', 'time', chunk_time_interval => interval '100 days')");
            // 150,000 rows in one chunk: two full blocks with dictionaries and an open block
            st.execute("INSERT INTO tf SELECT '2024-01-01'::timestamptz + g * interval '1 second',"
                + " CASE WHEN g % 101 = 0 THEN NULL WHEN g % 7 = 0 THEN 'host ' ELSE 'host_' || (g % 11) END,"
                + " 'v' || (g % 5), 'c' || (g % 3), g, CASE WHEN g % 97 = 0 THEN 'NaN'::float8 WHEN g % 89 = 0 THEN NULL"
                + " WHEN g % 83 = 0 THEN '-0'::float8 ELSE (g % 1000) / 10.0 END FROM generate_series(0, 149999) g");
        }
    }

    private static void sameAsUnpushed(Connection c, String pushed, String unpushed) throws Exception {
        String q = "SELECT count(*), sum(v) FROM tf WHERE ";
        List<String> expected = Sql.rows(c, q + unpushed);
        assertEquals(expected, Sql.rows(c, q + pushed), pushed);
        assertTrue(!expected.get(0).startsWith("0|"), "the filter matches some rows: " + pushed);
    }

    @Test
    void textEqualityAndInLists() throws Exception {
        try (Connection c = server.connect()) {
            sameAsUnpushed(c, "host = 'host_3'", "host || '' = 'host_3'");
            sameAsUnpushed(c, "'host_3' = host", "host || '' = 'host_3'");
            sameAsUnpushed(c, "host IN ('host_1', 'host_10')", "host || '' IN ('host_1', 'host_10')");
            sameAsUnpushed(c, "(host = 'host_2' OR host = 'host_10' OR host = 'host_9')",
                "host || '' IN ('host_2', 'host_10', 'host_9')");
            sameAsUnpushed(c, "host = 'host ' AND v < 100000", "host || '' = 'host ' AND v < 100000");
            sameAsUnpushed(c, "host IN ('host', 'host ', 'host_4')", "host || '' IN ('host', 'host ', 'host_4')");
            sameAsUnpushed(c, "vhost = 'v3'", "vhost || '' = 'v3'");
            sameAsUnpushed(c, "vhost IN ('v3', 'v1')", "vhost || '' IN ('v3', 'v1')");
            sameAsUnpushed(c, "chost = 'c1'", "chost::text = 'c1'");
            sameAsUnpushed(c, "time >= '2024-01-02' AND host = 'host_5'",
                "time >= '2024-01-02' AND host || '' = 'host_5'");
            assertEquals(List.of("0"), Sql.rows(c, "SELECT count(*) FROM tf WHERE host = 'nope'"));
            assertEquals(List.of("0"), Sql.rows(c, "SELECT count(*) FROM tf WHERE host = NULL"));
        }
    }

    @Test
    void floatComparisons() throws Exception {
        try (Connection c = server.connect()) {
            sameAsUnpushed(c, "f > 90.0", "f + 0 > 90.0");
            sameAsUnpushed(c, "90 < f", "f + 0 > 90");
            sameAsUnpushed(c, "f >= 99.9", "f + 0 >= 99.9");
            sameAsUnpushed(c, "f <= 0", "f + 0 <= 0");
            sameAsUnpushed(c, "f = 0", "f + 0 = 0");
            sameAsUnpushed(c, "f < 12.5::numeric AND host = 'host_2'", "f + 0 < 12.5 AND host || '' = 'host_2'");
            sameAsUnpushed(c, "f > 'NaN'::float8 OR f = 'NaN'", "f + 0 >= 'NaN'");
            sameAsUnpushed(c, "f > 50 AND f < 50.5", "f + 0 > 50 AND f + 0 < 50.5");
        }
    }

    @Test
    void parametersArePushedPerExecution() throws Exception {
        try (Connection c = server.connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM tf WHERE host = ? OR host = ?")) {
            for (String[] hosts : new String[][] {{"host_1", "host_2"}, {"host_7", "nope"}, {"host ", "host_0"}}) {
                ps.setString(1, hosts[0]);
                ps.setString(2, hosts[1]);
                long expected = Long.parseLong(Sql.rows(c, "SELECT count(*) FROM tf WHERE host || '' IN ('"
                    + hosts[0] + "', '" + hosts[1] + "')").get(0));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(expected, rs.getLong(1), String.join(",", hosts));
                }
            }
            List<String> plan = Sql.rows(c, "EXPLAIN SELECT * FROM tf WHERE host IN ('host_1', 'host_2')");
            assertTrue(plan.stream().anyMatch(l -> l.contains("Scan Bounds:") && l.contains("host = 'host_1'")),
                String.join("\n", plan));
        }
    }
}
