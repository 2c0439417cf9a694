package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting with pgjdbc, what the server reports about itself, and result set metadata. */
class ConnectAndMetadataTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @Test
    void connectsAndReportsPostgres15() throws Exception {
        try (Connection c = server.connect()) {
            assertTrue(c.isValid(2));
            DatabaseMetaData md = c.getMetaData();
            assertEquals("PostgreSQL", md.getDatabaseProductName());
            assertTrue(md.getDatabaseProductVersion().startsWith("15"), md.getDatabaseProductVersion());
            assertEquals(15, md.getDatabaseMajorVersion());
            assertEquals("postgres", md.getUserName());
            assertTrue(Sql.scalar(c, "SHOW server_version").startsWith("15"));
            assertEquals("UTF8", Sql.scalar(c, "SHOW server_encoding"));
            assertEquals("UTF8", Sql.scalar(c, "SHOW client_encoding"));
            assertEquals("on", Sql.scalar(c, "SHOW standard_conforming_strings"));
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    @Test
    void severalConnectionsAreIndependentSessions() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            Sql.exec(a, "SET application_name = 'first'");
            Sql.exec(b, "SET application_name = 'second'");
            assertEquals("first", Sql.scalar(a, "SHOW application_name"));
            assertEquals("second", Sql.scalar(b, "SHOW application_name"));
            assertTrue(server.sessionCount() >= 2);
        }
    }

    @Test
    void resultSetMetadataNamesAndTypes() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 AS i, 2::bigint AS b, 2.5::float8 AS d, 'x'::text AS t, true AS f,"
                 + " 1.50::numeric AS n, TIMESTAMPTZ '2024-01-01 00:00:00+00' AS ts, DATE '2024-01-02' AS dt, 3 + 4")) {
            ResultSetMetaData md = rs.getMetaData();
            assertEquals(9, md.getColumnCount());
            assertEquals(List.of("i", "b", "d", "t", "f", "n", "ts", "dt", "?column?"),
                List.of(md.getColumnLabel(1), md.getColumnLabel(2), md.getColumnLabel(3), md.getColumnLabel(4),
                    md.getColumnLabel(5), md.getColumnLabel(6), md.getColumnLabel(7), md.getColumnLabel(8),
                    md.getColumnLabel(9)));
            assertEquals(List.of("int4", "int8", "float8", "text", "bool", "numeric", "timestamptz", "date", "int4"),
                List.of(md.getColumnTypeName(1), md.getColumnTypeName(2), md.getColumnTypeName(3),
                    md.getColumnTypeName(4), md.getColumnTypeName(5), md.getColumnTypeName(6),
                    md.getColumnTypeName(7), md.getColumnTypeName(8), md.getColumnTypeName(9)));
            assertEquals(Types.INTEGER, md.getColumnType(1));
            assertEquals(Types.BIGINT, md.getColumnType(2));
            assertEquals(Types.DOUBLE, md.getColumnType(3));
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertEquals(2L, rs.getLong(2));
            assertEquals(2.5, rs.getDouble(3));
            assertEquals("x", rs.getString(4));
            assertTrue(rs.getBoolean(5));
            assertEquals(new java.math.BigDecimal("1.50"), rs.getBigDecimal(6));
            assertEquals(java.time.OffsetDateTime.parse("2024-01-01T00:00:00Z"),
                rs.getObject(7, java.time.OffsetDateTime.class));
            assertEquals(java.time.LocalDate.parse("2024-01-02"), rs.getObject(8, java.time.LocalDate.class));
            assertEquals(7, rs.getInt(9));
            assertFalse(rs.next());
        }
    }

    @Test
    void closedConnectionsLeaveNoSession() throws Exception {
        // Connections of earlier tests in this class close asynchronously on the server's workers;
        // start from none so a late close cannot make the count drop below a snapshot taken too early.
        server.awaitNoSessions();
        for (int i = 0; i < 5; i++) {
            try (Connection c = server.connect()) {
                assertEquals("1", Sql.scalar(c, "SELECT 1"));
            }
        }
        server.awaitNoSessions();
    }
}
