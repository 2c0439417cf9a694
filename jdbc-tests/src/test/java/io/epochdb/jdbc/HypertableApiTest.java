package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TimescaleDB's hypertable API through pgjdbc, in the simple and the extended protocol: create_hypertable (both
 * signatures, named arguments, notices), CREATE TABLE ... WITH (tsdb.hypertable), show_chunks / drop_chunks,
 * sizes, and the timescaledb_information views. Each test uses its own tables.
 */
class HypertableApiTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    private static List<String> notices(Statement st) throws Exception {
        List<String> out = new ArrayList<>();
        for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
            out.add(w.getMessage());
        }
        return out;
    }

    @Test
    void createHypertableReturnsTheRecordAndNotices() throws Exception {
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE ch_a (time timestamptz, device int, temp float8)");
            try (ResultSet rs = st.executeQuery("SELECT create_hypertable('ch_a', 'time')")) {
                assertTrue(rs.next());
                assertEquals("create_hypertable", rs.getMetaData().getColumnLabel(1));
                assertEquals("record", rs.getMetaData().getColumnTypeName(1));
                assertTrue(rs.getString(1).matches("\\(\\d+,public,ch_a,t\\)"), rs.getString(1));
            }
            assertEquals(List.of("adding not-null constraint to column \"time\""), notices(st));
            try (ResultSet rs = st.executeQuery("SELECT * FROM create_hypertable('ch_a', 'time', if_not_exists => TRUE)")) {
                ResultSetMetaData md = rs.getMetaData();
                assertEquals(4, md.getColumnCount());
                assertEquals("hypertable_id", md.getColumnLabel(1));
                assertEquals("created", md.getColumnLabel(4));
                assertTrue(rs.next());
                assertEquals("ch_a", rs.getString("table_name"));
                assertFalse(rs.getBoolean("created"));
            }
            assertEquals(List.of("table \"ch_a\" is already a hypertable, skipping"), notices(st));
            Sql.assertSqlState("TS110", c, "SELECT create_hypertable('ch_a', 'time')");
        }
    }

    @Test
    void byRangeAndPreparedStatements() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE ch_b (ts timestamptz NOT NULL, v int)");
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM create_hypertable(?, by_range('ts', INTERVAL '1 day'))")) {
                ps.setString(1, "ch_b");
                ResultSetMetaData md = ps.getMetaData();
                assertEquals(2, md.getColumnCount());
                assertEquals(Types.INTEGER, md.getColumnType(1));
                assertEquals(Types.BIT, md.getColumnType(2));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertTrue(rs.getInt(1) > 0);
                    assertTrue(rs.getBoolean(2));
                }
            }
            assertEquals("1 day", Sql.scalar(c, "SELECT time_interval FROM timescaledb_information.dimensions "
                + "WHERE hypertable_name = 'ch_b'"));
            try (PreparedStatement ps = c.prepareStatement("SELECT set_chunk_time_interval('ch_b', ?::interval)")) {
                ps.setString(1, "2 hours");
                ps.execute();
            }
            assertEquals("02:00:00", Sql.scalar(c, "SELECT time_interval FROM timescaledb_information.dimensions "
                + "WHERE hypertable_name = 'ch_b'"));
        }
    }

    @Test
    void createTableWithTsdbOptions() throws Exception {
        try (Connection c = server.connect("preferQueryMode=simple")) {
            Sql.exec(c, "CREATE TABLE ch_c (time timestamptz NOT NULL, v float8) WITH (tsdb.hypertable, "
                + "tsdb.partition_column = 'time', tsdb.chunk_interval = '1 day')");
            assertEquals(List.of("public|ch_c|1|time|timestamp with time zone"), Sql.rows(c, "SELECT hypertable_schema, "
                + "hypertable_name, num_dimensions, primary_dimension, primary_dimension_type "
                + "FROM timescaledb_information.hypertables WHERE hypertable_name = 'ch_c'"));
        }
    }

    @Test
    void chunksThroughBothProtocols() throws Exception {
        for (String mode : List.of("preferQueryMode=simple", "preferQueryMode=extended")) {
            String t = mode.endsWith("simple") ? "ch_d1" : "ch_d2";
            try (Connection c = server.connect(mode)) {
                Sql.exec(c, "CREATE TABLE " + t + " (time timestamptz NOT NULL, v int)",
                    "SELECT create_hypertable('" + t + "', 'time', chunk_time_interval => INTERVAL '1 day')",
                    "INSERT INTO " + t + " VALUES ('2024-01-01 10:00+00', 1), ('2024-01-02 10:00+00', 2), "
                        + "('2024-01-03 10:00+00', 3)");
                List<String> chunks = Sql.rows(c, "SELECT show_chunks('" + t + "')");
                assertEquals(3, chunks.size());
                assertTrue(chunks.get(0).startsWith("_timescaledb_internal._hyper_"), chunks.get(0));
                assertEquals(chunks, Sql.rows(c, "SELECT * FROM show_chunks('" + t + "')"));
                assertEquals("3", Sql.scalar(c, "SELECT count(*) FROM timescaledb_information.chunks "
                    + "WHERE hypertable_name = '" + t + "'"));
                try (PreparedStatement ps = c.prepareStatement("SELECT drop_chunks(?, older_than => ?::timestamptz)")) {
                    ps.setString(1, t);
                    ps.setString(2, "2024-01-02 00:00:00+00");
                    try (ResultSet rs = ps.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(chunks.get(0), rs.getString(1));
                        assertFalse(rs.next());
                    }
                }
                assertEquals("2", Sql.scalar(c, "SELECT count(*) FROM " + t));
                assertEquals("2", Sql.scalar(c, "SELECT count(*) FROM show_chunks('" + t + "')"));
                assertEquals("2", Sql.scalar(c, "SELECT approximate_row_count('" + t + "')"));
                assertNotNull(Sql.scalar(c, "SELECT pg_size_pretty(hypertable_size('" + t + "'))"));
                assertEquals("2", Sql.scalar(c, "SELECT count(*) FROM chunks_detailed_size('" + t + "')"));
                assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM hypertable_detailed_size('" + t + "')"));
            }
        }
    }

    @Test
    void errorsForPlainTables() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE ch_plain (time timestamptz, x int)");
            Sql.assertSqlState("TS001", c, "SELECT show_chunks('ch_plain')");
            Sql.assertSqlState("TS001", c, "SELECT drop_chunks('ch_plain', older_than => INTERVAL '1 day')");
            Sql.assertSqlState("TS001", c, "SELECT set_chunk_time_interval('ch_plain', INTERVAL '1 day')");
            Sql.assertSqlState("42P01", c, "SELECT show_chunks('ch_missing')");
            assertEquals("NULL", Sql.scalar(c, "SELECT hypertable_size('ch_plain')"));
            assertEquals("0", Sql.scalar(c, "SELECT count(*) FROM hypertable_detailed_size('ch_plain')"));
        }
    }

    @Test
    void extensionAndSchemas() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE EXTENSION IF NOT EXISTS timescaledb");
            assertEquals(List.of("_timescaledb_internal", "timescaledb_information"), Sql.rows(c, "SELECT nspname FROM "
                + "pg_namespace WHERE nspname IN ('_timescaledb_internal', 'timescaledb_information') ORDER BY 1"));
            List<String> schemas = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getSchemas()) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            assertTrue(schemas.contains("timescaledb_information"), schemas.toString());
        }
    }
}
