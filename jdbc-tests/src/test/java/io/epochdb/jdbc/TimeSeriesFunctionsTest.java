package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** time_bucket, first/last, date_trunc, generate_series, window functions, and TimeZone handling. */
class TimeSeriesFunctionsTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    /** cpu: one row a minute for 20 minutes on two hosts; h1 value = minute, h2 value = 100 + minute. */
    @BeforeAll
    static void load() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE cpu (time timestamptz NOT NULL, host text, value double precision)");
            StringBuilder sql = new StringBuilder("INSERT INTO cpu VALUES ");
            for (int m = 0; m < 20; m++) {
                String ts = String.format("'2024-01-01 00:%02d:00+00'", m);
                sql.append(m > 0 ? ", " : "").append('(').append(ts).append(", 'h1', ").append(m).append("), (")
                    .append(ts).append(", 'h2', ").append(100 + m).append(')');
            }
            Sql.exec(c, sql.toString());
        }
    }

    @Test
    void timeBucketWithStringAndIntervalWidths() throws Exception {
        try (Connection c = server.connect()) {
            List<String> expected = List.of("2024-01-01 00:00:00+00|h1|2|5", "2024-01-01 00:05:00+00|h1|7|5",
                "2024-01-01 00:10:00+00|h1|12|5", "2024-01-01 00:15:00+00|h1|17|5");
            assertEquals(expected, Sql.rows(c, "SELECT time_bucket('5 minutes', time) AS bucket, host, avg(value), count(*)"
                + " FROM cpu WHERE host = 'h1' GROUP BY bucket, host ORDER BY bucket"));
            assertEquals(expected, Sql.rows(c, "SELECT time_bucket(INTERVAL '5 minutes', time) AS bucket, host, avg(value),"
                + " count(*) FROM cpu WHERE host = 'h1' GROUP BY 1, 2 ORDER BY 1"));
            assertEquals(List.of("2024-01-01 00:00:00+00|2", "2024-01-01 00:10:00+00|2"),
                Sql.rows(c, "SELECT time_bucket('10 minutes', time), count(DISTINCT host) FROM cpu GROUP BY 1 ORDER BY 1"));
        }
    }

    @Test
    void timeBucketWithParameterWidthPreparedRepeatedly() throws Exception {
        try (Connection c = server.connect("prepareThreshold=1");
             PreparedStatement p = c.prepareStatement("SELECT time_bucket(?::interval, time) AS b, max(value) FROM cpu"
                 + " WHERE host = ? AND time >= ? GROUP BY b ORDER BY b")) {
            for (int k = 0; k < 6; k++) {
                p.setString(1, "10 minutes");
                p.setString(2, "h2");
                p.setObject(3, OffsetDateTime.parse("2024-01-01T00:00:00Z"));
                List<String> got = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        got.add(rs.getObject(1, OffsetDateTime.class) + "|" + rs.getDouble(2));
                    }
                }
                assertEquals(List.of("2024-01-01T00:00Z|109.0", "2024-01-01T00:10Z|119.0"), got);
            }
        }
    }

    @Test
    void firstAndLast() throws Exception {
        try (Connection c = server.connect()) {
            assertEquals(List.of("h1|0|19", "h2|100|119"),
                Sql.rows(c, "SELECT host, first(value, time), last(value, time) FROM cpu GROUP BY host ORDER BY host"));
            assertEquals(List.of("2024-01-01 00:00:00+00|0|4", "2024-01-01 00:05:00+00|5|9"),
                Sql.rows(c, "SELECT time_bucket('5 minutes', time) AS b, first(value, time), last(value, time) FROM cpu"
                    + " WHERE host = 'h1' AND time < '2024-01-01 00:10:00+00' GROUP BY b ORDER BY b"));
        }
    }

    @Test
    void dateTruncAndGenerateSeries() throws Exception {
        try (Connection c = server.connect()) {
            assertEquals(List.of("2024-01-01 00:00:00+00|40"),
                Sql.rows(c, "SELECT date_trunc('hour', time) AS h, count(*) FROM cpu GROUP BY h ORDER BY h"));
            assertEquals(List.of("2024-01-01 00:00:00+00", "2024-01-01 00:07:00+00", "2024-01-01 00:14:00+00"),
                Sql.rows(c, "SELECT g FROM generate_series(TIMESTAMPTZ '2024-01-01 00:00:00+00',"
                    + " TIMESTAMPTZ '2024-01-01 00:20:00+00', INTERVAL '7 minutes') AS g ORDER BY g"));
            assertEquals(List.of("1", "2", "3"), Sql.rows(c, "SELECT * FROM generate_series(1, 3)"));
            // gap filling by hand: a series left-joined to the data
            assertEquals(List.of("2024-01-01 00:00:00+00|5", "2024-01-01 00:05:00+00|5", "2024-01-01 00:10:00+00|5",
                    "2024-01-01 00:15:00+00|5", "2024-01-01 00:20:00+00|0", "2024-01-01 00:25:00+00|0"),
                Sql.rows(c, "SELECT s.b, count(cpu.value) FROM generate_series(TIMESTAMPTZ '2024-01-01 00:00:00+00',"
                    + " TIMESTAMPTZ '2024-01-01 00:25:00+00', INTERVAL '5 minutes') AS s(b)"
                    + " LEFT JOIN cpu ON time_bucket('5 minutes', time) = s.b AND cpu.host = 'h1'"
                    + " GROUP BY s.b ORDER BY s.b"));
        }
    }

    @Test
    void qualifiedTimeColumn() throws Exception {
        try (Connection c = server.connect()) {
            assertEquals("2024-01-01 00:19:00+00", Sql.scalar(c, "SELECT max(cpu.time) FROM cpu"));
            assertEquals("40", Sql.scalar(c, "SELECT count(*) FROM cpu AS x WHERE x.time >= '2024-01-01'"));
        }
    }

    @Test
    void windowLagAndMovingAverage() throws Exception {
        try (Connection c = server.connect()) {
            assertEquals(List.of("2024-01-01 00:00:00+00|0|NULL|0", "2024-01-01 00:01:00+00|1|0|0.5",
                    "2024-01-01 00:02:00+00|2|1|1", "2024-01-01 00:03:00+00|3|2|2"),
                Sql.rows(c, "SELECT time, value, lag(value) OVER (ORDER BY time),"
                    + " avg(value) OVER (ORDER BY time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)"
                    + " FROM cpu WHERE host = 'h1' AND time < '2024-01-01 00:04:00+00' ORDER BY time"));
            assertEquals(List.of("h1|19|1", "h2|119|1"),
                Sql.rows(c, "SELECT host, value, value - lag(value) OVER (PARTITION BY host ORDER BY time) FROM cpu"
                    + " WHERE time = '2024-01-01 00:19:00+00' OR time = '2024-01-01 00:18:00+00'"
                    + " ORDER BY host, time DESC LIMIT 3").stream().filter(r -> !r.endsWith("NULL")).toList());
        }
    }

    @Test
    void timeZoneSettingChangesTimestamptzText() throws Exception {
        try (Connection c = server.connect("preferQueryMode=simple")) {
            assertEquals("UTC", Sql.scalar(c, "SHOW TimeZone"));
            assertEquals("2024-07-01 12:00:00+00", Sql.scalar(c, "SELECT TIMESTAMPTZ '2024-07-01 12:00:00+00'"));
            Sql.exec(c, "SET TimeZone = 'Europe/Berlin'");
            assertEquals("Europe/Berlin", Sql.scalar(c, "SHOW TimeZone"));
            assertEquals("2024-07-01 14:00:00+02", Sql.scalar(c, "SELECT TIMESTAMPTZ '2024-07-01 12:00:00+00'"));
            assertEquals("2024-01-01 13:00:00+01", Sql.scalar(c, "SELECT TIMESTAMPTZ '2024-01-01 12:00:00+00'"));
            assertEquals("2024-07-01 12:00:00+02", Sql.scalar(c, "SELECT TIMESTAMPTZ '2024-07-01 12:00:00'"),
                "input without an offset is read in the session time zone");
            Sql.exec(c, "SET TIME ZONE 'America/New_York'");
            assertEquals("2024-01-01 07:00:00-05", Sql.scalar(c, "SELECT TIMESTAMPTZ '2024-01-01 12:00:00+00'"));
            Sql.exec(c, "SET TimeZone = '+05:30'");
            Sql.exec(c, "SET TimeZone = 'UTC'");
            assertEquals("2024-01-01 12:00:00+00", Sql.scalar(c, "SELECT TIMESTAMPTZ '2024-01-01 12:00:00+00'"));
            Sql.assertSqlState("22023", c, "SET TimeZone = 'Mars/Olympus'");
        }
    }

    @Test
    void timeZoneReachesTheDriverAsParameterStatus() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "SET TimeZone = 'Asia/Tokyo'");
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00'")) {
                rs.next();
                assertEquals(OffsetDateTime.parse("2024-01-01T00:00:00Z").toInstant(),
                    rs.getObject(1, OffsetDateTime.class).toInstant());
            }
            assertEquals("Asia/Tokyo", c.unwrap(org.postgresql.PGConnection.class).getParameterStatus("TimeZone"));
        }
    }

    /** h1's values are 0..19: percentiles, statistics and histogram through pgjdbc, with the types it maps. */
    @Test
    void percentileArraysAndStatisticTypesThroughTheDriver() throws Exception {
        for (String mode : List.of("preferQueryMode=simple", "prepareThreshold=-1")) {
            try (Connection c = server.connect(mode); var s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT percentile_cont(ARRAY[0, 0.25, 0.5, 1]) WITHIN GROUP (ORDER BY value),"
                     + " percentile_disc(ARRAY[0.5, NULL]) WITHIN GROUP (ORDER BY time),"
                     + " percentile_cont(0.5) WITHIN GROUP (ORDER BY value), percentile_disc(0.5) WITHIN GROUP (ORDER BY value::int),"
                     + " mode() WITHIN GROUP (ORDER BY value::int % 3), histogram(value, 0, 20, 4),"
                     + " stddev(value::int), corr(value, value), regr_count(value, value), first(value, time)"
                     + " FROM cpu WHERE host = 'h1'")) {
                rs.next();
                assertEquals("_float8", rs.getMetaData().getColumnTypeName(1), mode);
                assertEquals(List.of(0.0, 4.75, 9.5, 19.0), List.of((Object[]) rs.getArray(1).getArray()), mode);
                assertEquals("_timestamptz", rs.getMetaData().getColumnTypeName(2), mode);
                Object[] times = (Object[]) rs.getArray(2).getArray();
                assertEquals(2, times.length, mode);
                assertEquals(OffsetDateTime.parse("2024-01-01T00:09:00Z").toInstant(),
                    ((java.sql.Timestamp) times[0]).toInstant(), mode);
                assertEquals(null, times[1], mode);
                assertEquals(9.5, rs.getObject(3), mode);
                assertEquals(9, rs.getObject(4), mode);
                assertEquals(0, rs.getObject(5), mode);
                assertEquals("_int4", rs.getMetaData().getColumnTypeName(6), mode);
                assertEquals(List.of(0, 5, 5, 5, 5, 0), List.of((Object[]) rs.getArray(6).getArray()), mode);
                assertEquals(new java.math.BigDecimal("5.9160797830996160"), rs.getObject(7), mode);
                assertEquals(1.0, rs.getObject(8), mode);
                assertEquals(20L, rs.getObject(9), mode);
                assertEquals(0.0, rs.getObject(10), mode);
            }
        }
    }

    @Test
    void timeBucketNamedArgumentsAndIntegerTypes() throws Exception {
        try (Connection c = server.connect();
             PreparedStatement p = c.prepareStatement("SELECT time_bucket('10 minutes', time, origin => ?::timestamptz) AS b,"
                 + " count(*) FROM cpu WHERE host = 'h1' GROUP BY b ORDER BY b")) {
            p.setObject(1, OffsetDateTime.parse("2024-01-01T00:05:00Z"));
            assertEquals(List.of("2023-12-31 23:55:00+00|5", "2024-01-01 00:05:00+00|10", "2024-01-01 00:15:00+00|5"),
                Sql.rows(p.executeQuery()));
            try (var s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT time_bucket(5, 7), time_bucket(5::bigint, 7::bigint), time_bucket(5::smallint, 7::smallint),"
                    + " time_bucket('1 day', date '2024-01-10', \"offset\" => INTERVAL '2 days')")) {
                rs.next();
                assertEquals(5, rs.getObject(1));
                assertEquals(5L, rs.getObject(2));
                assertEquals(5, rs.getObject(3), "smallint arrives as Integer in pgjdbc");
                assertEquals("int2", rs.getMetaData().getColumnTypeName(3));
                assertEquals(java.sql.Date.valueOf("2024-01-10"), rs.getObject(4));
            }
        }
    }

    @Test
    void percentileFractionAsParameter() throws Exception {
        try (Connection c = server.connect("prepareThreshold=1");
             PreparedStatement p = c.prepareStatement("SELECT host, percentile_cont(?) WITHIN GROUP (ORDER BY value),"
                 + " percentile_disc(?) WITHIN GROUP (ORDER BY value) FROM cpu GROUP BY host ORDER BY host")) {
            for (int k = 0; k < 3; k++) {
                p.setDouble(1, 0.25);
                p.setBigDecimal(2, new java.math.BigDecimal("0.5"));
                List<String> got = new ArrayList<>();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        got.add(rs.getString(1) + "|" + rs.getDouble(2) + "|" + rs.getDouble(3));
                    }
                }
                assertEquals(List.of("h1|4.75|9.0", "h2|104.75|109.0"), got);
            }
        }
    }
}
