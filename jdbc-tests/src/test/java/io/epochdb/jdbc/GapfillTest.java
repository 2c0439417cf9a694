package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * time_bucket_gapfill, locf and interpolate through pgjdbc: bounds from parameters (as Grafana sends them) in
 * server-prepared statements executed repeatedly with different values, and relative bounds from now().
 */
class GapfillTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    /** metrics: device 1 at 00:10 (1.0), 03:20 (4.0); device 2 at 01:30 (20.0), all on 2024-01-01. */
    @BeforeAll
    static void load() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE metrics (time timestamptz NOT NULL, device int, value float8)",
                "INSERT INTO metrics VALUES ('2024-01-01 00:10:00+00', 1, 1.0), ('2024-01-01 03:20:00+00', 1, 4.0),"
                    + " ('2024-01-01 01:30:00+00', 2, 20.0)");
        }
    }

    private static OffsetDateTime at(String iso) {
        return OffsetDateTime.parse(iso);
    }

    /** Rows as Sql.rows gives them, with whole float8 values as integers (pgjdbc prints 1.0 once binary). */
    private static List<String> rows(PreparedStatement p) throws SQLException {
        try (ResultSet rs = p.executeQuery()) {
            return Sql.rows(rs).stream().map(r -> String.join("|", java.util.Arrays.stream(r.split("\\|", -1))
                .map(v -> v.endsWith(".0") ? v.substring(0, v.length() - 2) : v).toList())).toList();
        }
    }

    @Test
    void startAndFinishAsParametersOfAPreparedStatement() throws Exception {
        try (Connection c = server.connect("prepareThreshold=1");
             PreparedStatement p = c.prepareStatement("SELECT time_bucket_gapfill('1 hour', time, ?, ?) AS hour,"
                 + " avg(value), locf(avg(value)), interpolate(avg(value)) FROM metrics WHERE device = 1"
                 + " GROUP BY hour ORDER BY hour")) {
            for (int k = 0; k < 3; k++) {
                p.setObject(1, at("2024-01-01T00:00:00Z"));
                p.setObject(2, at("2024-01-01T05:00:00Z"));
                assertEquals(List.of("2024-01-01 00:00:00+00|1|1|1", "2024-01-01 01:00:00+00|NULL|1|2",
                    "2024-01-01 02:00:00+00|NULL|1|3", "2024-01-01 03:00:00+00|4|4|4",
                    "2024-01-01 04:00:00+00|NULL|4|NULL"), rows(p));
                // the same (cached) plan with another range: the start is aligned to the hour, the row before it passes
                // through and is the previous sample for interpolation
                p.setObject(1, at("2024-01-01T02:30:00Z"));
                p.setObject(2, at("2024-01-01T04:00:00Z"));
                assertEquals(List.of("2024-01-01 00:00:00+00|1|1|1", "2024-01-01 02:00:00+00|NULL|1|3",
                    "2024-01-01 03:00:00+00|4|4|4"), rows(p));
            }
        }
    }

    @Test
    void boundsFromParametersInTheWhereClause() throws Exception {
        try (Connection c = server.connect("prepareThreshold=1");
             PreparedStatement p = c.prepareStatement("SELECT time_bucket_gapfill('1 hour', time) AS hour, device,"
                 + " count(*) FROM metrics WHERE time >= ? AND time < ? GROUP BY hour, device ORDER BY device, hour")) {
            for (int k = 0; k < 3; k++) {
                p.setObject(1, at("2024-01-01T01:00:00Z"));
                p.setObject(2, at("2024-01-01T03:00:00Z"));
                assertEquals(List.of("2024-01-01 01:00:00+00|2|1", "2024-01-01 02:00:00+00|2|NULL"), rows(p));
                p.setObject(1, at("2024-01-01T00:00:00Z"));
                p.setObject(2, at("2024-01-01T02:00:00Z"));
                assertEquals(List.of("2024-01-01 00:00:00+00|1|1", "2024-01-01 01:00:00+00|1|NULL",
                    "2024-01-01 00:00:00+00|2|NULL", "2024-01-01 01:00:00+00|2|1"), rows(p));
            }
        }
    }

    @Test
    void namedArgumentsWithParametersAndTreatNullAsMissing() throws Exception {
        try (Connection c = server.connect("prepareThreshold=1");
             PreparedStatement p = c.prepareStatement("SELECT time_bucket_gapfill('90 minutes', time,"
                 + " start => ?::timestamptz, finish => ?::timestamptz) AS t, max(value),"
                 + " locf(max(value), treat_null_as_missing => true) FROM metrics GROUP BY t ORDER BY t")) {
            p.setObject(1, at("2024-01-01T00:00:00Z"));
            p.setObject(2, at("2024-01-01T06:00:00Z"));
            assertEquals(List.of("2024-01-01 00:00:00+00|1|1", "2024-01-01 01:30:00+00|20|20",
                "2024-01-01 03:00:00+00|4|4", "2024-01-01 04:30:00+00|NULL|4"), rows(p));
        }
    }

    @Test
    void relativeBoundsFromNow() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE recent (time timestamptz NOT NULL, value int)",
                "INSERT INTO recent VALUES (now() - interval '1 hour', 7)");
            // start = now() - 3h + 1us aligned down, finish = now() + 1us: four hourly buckets, one of them real
            List<String> got = Sql.rows(c, "SELECT count(*) AS buckets, count(v) AS filled, max(v) FROM ("
                + "SELECT time_bucket_gapfill('1 hour', time) AS hour, max(value) AS v FROM recent"
                + " WHERE time > now() - interval '3 hours' AND time <= now() GROUP BY hour) s");
            assertEquals(List.of("4|1|7"), got);
            assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM (SELECT time_bucket_gapfill('1 hour', time) AS hour,"
                + " max(value) AS v FROM recent WHERE time > now() - interval '3 hours' AND time <= now() GROUP BY hour) s"
                + " WHERE v IS NOT NULL"));
        }
    }

    @Test
    void errorsKeepTimescaleSqlStates() throws Exception {
        try (Connection c = server.connect()) {
            SQLException e = Sql.assertSqlState("22023", c,
                "SELECT time_bucket_gapfill('1 hour', time) AS h, count(*) FROM metrics GROUP BY h");
            assertTrue(e.getMessage().contains("could not infer start from WHERE clause"), e.getMessage());
            Sql.assertSqlState("0A000", c, "SELECT time_bucket_gapfill('1 hour', time) AS a,"
                + " time_bucket_gapfill('2 hours', time) AS b FROM metrics WHERE time >= '2024-01-01'"
                + " AND time < '2024-01-02' GROUP BY a, b");
            // the connection is still usable, and a NULL parameter as finish is reported at execution
            try (PreparedStatement p = c.prepareStatement("SELECT time_bucket_gapfill('1 hour', time, ?::timestamptz,"
                + " ?::timestamptz) AS h, count(*) FROM metrics GROUP BY h")) {
                p.setObject(1, at("2024-01-01T00:00:00Z"));
                p.setObject(2, null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                e = Sql.assertSqlState("22023", () -> rows(p));
                assertTrue(e.getMessage().contains("finish cannot be NULL"), e.getMessage());
            }
        }
    }
}
