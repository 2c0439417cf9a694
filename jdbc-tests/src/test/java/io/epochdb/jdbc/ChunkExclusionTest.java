package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chunk exclusion and segment skipping through pgjdbc: EXPLAIN shows what a scan kept, results equal those of
 * queries the planner cannot prune, and a prepared statement prunes by the values of each execution.
 */
class ChunkExclusionTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    private static final OffsetDateTime START = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @BeforeAll
    static void load() throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            // a plain table of 300,000 rows: five blocks of 65,536
            st.execute("CREATE TABLE ce_plain (time timestamptz, i int, v float8)");
            st.execute("INSERT INTO ce_plain SELECT '2024-01-01'::timestamptz + g * interval '1 minute', g, g * 0.5"
                + " FROM generate_series(0, 299999) g");
            // a hypertable with one-day chunks over 60 days
            st.execute("CREATE TABLE ce_hyper (time timestamptz NOT NULL, device int, temp float8)");
            st.execute("SELECT create_hypertable('ce_hyper', 'time', chunk_time_interval => interval '1 day')");
            st.execute("INSERT INTO ce_hyper SELECT '2024-01-01'::timestamptz + g * interval '1 minute', g % 10, g % 100"
                + " FROM generate_series(0, 86399) g");
        }
    }

    private static List<String> explain(Connection c, String query) throws Exception {
        return Sql.rows(c, "EXPLAIN " + query);
    }

    private static String line(List<String> plan, String prefix) {
        for (String l : plan) {
            if (l.trim().startsWith(prefix)) {
                return l.trim();
            }
        }
        return null;
    }

    @Test
    void plainTableSkipsBlocks() throws Exception {
        try (Connection c = server.connect()) {
            String where = "time >= '2024-02-01' AND time < '2024-02-02'";
            List<String> plan = explain(c, "SELECT count(*), avg(v) FROM ce_plain WHERE " + where);
            assertEquals("Segments: kept 1 of 5", line(plan, "Segments:"), String.join("\n", plan));
            assertEquals(Sql.rows(c, "SELECT count(*), avg(v) FROM ce_plain WHERE time + interval '0 s' >= '2024-02-01'"
                    + " AND time + interval '0 s' < '2024-02-02'"),
                Sql.rows(c, "SELECT count(*), avg(v) FROM ce_plain WHERE " + where));
            assertEquals(List.of("1440"), Sql.rows(c, "SELECT count(*) FROM ce_plain WHERE " + where));
        }
    }

    @Test
    void hypertableExcludesChunks() throws Exception {
        try (Connection c = server.connect()) {
            String where = "time >= '2024-01-10 12:00:00+00' AND time < '2024-01-12'";
            List<String> plan = explain(c, "SELECT device, max(temp) FROM ce_hyper WHERE " + where + " GROUP BY device");
            assertEquals("Chunks: kept 2 of 60", line(plan, "Chunks:"), String.join("\n", plan));
            assertTrue(line(plan, "Scan Bounds:").contains("time >= '2024-01-10 12:00:00+00'"), String.join("\n", plan));
            String q = "SELECT device, count(*), max(temp) FROM ce_hyper WHERE %s GROUP BY device ORDER BY device";
            List<String> pruned = Sql.rows(c, String.format(q, where));
            List<String> unpruned = Sql.rows(c, String.format(q,
                "time + interval '0 s' >= '2024-01-10 12:00:00+00' AND time + interval '0 s' < '2024-01-12'"));
            assertEquals(unpruned, pruned);
            assertEquals(10, pruned.size());
            // time_bucket on the column and IN lists prune too
            plan = explain(c, "SELECT count(*) FROM ce_hyper WHERE time_bucket('1 hour', time) = '2024-01-05 23:00:00+00'");
            assertEquals("Chunks: kept 1 of 60", line(plan, "Chunks:"), String.join("\n", plan));
            plan = explain(c, "SELECT count(*) FROM ce_hyper WHERE time IN ('2024-01-03 01:00:00+00', '2024-02-20 05:00:00+00')");
            assertEquals("Chunks: kept 2 of 60", line(plan, "Chunks:"), String.join("\n", plan));
            assertEquals(List.of("2"), Sql.rows(c,
                "SELECT count(*) FROM ce_hyper WHERE time IN ('2024-01-03 01:00:00+00', '2024-02-20 05:00:00+00')"));
        }
    }

    @Test
    void nowRelativeBoundsAreEvaluatedAtExecution() throws Exception {
        try (Connection c = server.connect()) {
            List<String> plan = Sql.rows(c, "EXPLAIN ANALYZE SELECT count(*) FROM ce_hyper WHERE time > now() - interval '1 hour'");
            assertEquals("Chunks: kept 0 of 60", line(plan, "Chunks:"), String.join("\n", plan));
            plan = Sql.rows(c, "EXPLAIN ANALYZE SELECT count(*) FROM ce_hyper WHERE time > now() - interval '10 years'");
            assertEquals("Chunks: kept 60 of 60", line(plan, "Chunks:"), String.join("\n", plan));
        }
    }

    @Test
    void preparedStatementPrunesByEachExecutionsValues() throws Exception {
        try (Connection c = server.connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*), min(time) FROM ce_hyper WHERE time >= ? AND time < ?");
             PreparedStatement explain = c.prepareStatement("EXPLAIN ANALYZE SELECT count(*) FROM ce_hyper WHERE time >= ? AND time < ?")) {
            // more executions than pgjdbc's prepareThreshold, so the server-side statement (and cached plan) is reused
            for (int day = 0; day < 8; day++) {
                OffsetDateTime from = START.plusDays(day * 7L);
                ps.setObject(1, from);
                ps.setObject(2, from.plusHours(36));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(36 * 60, rs.getLong(1), "day " + day);
                    assertEquals(from.toInstant(), rs.getObject(2, OffsetDateTime.class).toInstant());
                }
                explain.setObject(1, from);
                explain.setObject(2, from.plusDays(day + 1L));
                List<String> plan = new ArrayList<>();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        plan.add(rs.getString(1));
                    }
                }
                assertEquals("Chunks: kept " + (day + 1) + " of 60", line(plan, "Chunks:"), String.join("\n", plan));
            }
            // a NULL bound matches nothing: no chunk is read
            explain.setNull(1, Types.TIMESTAMP_WITH_TIMEZONE);
            explain.setObject(2, START.plusDays(3));
            List<String> plan = new ArrayList<>();
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    plan.add(rs.getString(1));
                }
            }
            assertEquals("Chunks: kept 0 of 60", line(plan, "Chunks:"), String.join("\n", plan));
        }
    }
}
