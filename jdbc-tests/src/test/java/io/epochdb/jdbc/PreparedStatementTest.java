package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Parameters of every type, executed more than five times: pgjdbc switches to named server-side statements at
 * prepareThreshold (5 by default) and may then ask for binary results. Each mode gets its own table.
 */
class PreparedStatementTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    private static final int EXECUTIONS = 12;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"prepareThreshold=5", "prepareThreshold=1", "binaryTransfer=true&prepareThreshold=1",
        "prepareThreshold=0", "preferQueryMode=extendedForPrepared"})
    void everyParameterTypeRoundTrips(String mode) throws Exception {
        String table = "p_" + Math.abs(mode.hashCode());
        try (Connection c = server.connect(mode)) {
            Sql.exec(c, "CREATE TABLE " + table + " (i int, b bigint, d double precision, t text, ts timestamptz,"
                + " n numeric(12, 4), f boolean, bt bytea, u uuid, dt date)");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int k = 0; k < EXECUTIONS; k++) {
                    ins.setInt(1, k);
                    ins.setLong(2, 10_000_000_000L + k);
                    ins.setDouble(3, k + 0.5);
                    ins.setString(4, "row " + k + " é'\"");
                    if (k % 2 == 0) {
                        ins.setTimestamp(5, Timestamp.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * k)));
                    } else {
                        ins.setObject(5, OffsetDateTime.of(2024, 1, 1, 0, k, 0, 0, ZoneOffset.UTC));
                    }
                    ins.setBigDecimal(6, new BigDecimal("1234.5678").add(BigDecimal.valueOf(k)));
                    ins.setBoolean(7, k % 3 == 0);
                    ins.setBytes(8, new byte[] {(byte) k, (byte) 0xff, 0});
                    ins.setObject(9, new UUID(0, k));
                    ins.setObject(10, LocalDate.of(2024, 1, 1).plusDays(k));
                    assertEquals(1, ins.executeUpdate());
                }
                ins.setInt(1, 100);
                ins.setNull(2, Types.BIGINT);
                ins.setNull(3, Types.DOUBLE);
                ins.setNull(4, Types.VARCHAR);
                ins.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
                ins.setNull(6, Types.NUMERIC);
                ins.setNull(7, Types.BOOLEAN);
                ins.setNull(8, Types.BINARY);
                ins.setNull(9, Types.OTHER);
                ins.setNull(10, Types.DATE);
                assertEquals(1, ins.executeUpdate());
            }
            try (PreparedStatement q = c.prepareStatement("SELECT * FROM " + table + " WHERE i = ?")) {
                for (int k = 0; k < EXECUTIONS; k++) {
                    q.setInt(1, k);
                    try (ResultSet rs = q.executeQuery()) {
                        assertTrue(rs.next(), "row " + k);
                        assertEquals(k, rs.getInt("i"));
                        assertEquals(10_000_000_000L + k, rs.getLong("b"));
                        assertEquals(k + 0.5, rs.getDouble("d"));
                        assertEquals("row " + k + " é'\"", rs.getString("t"));
                        assertEquals(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * k),
                            rs.getObject("ts", OffsetDateTime.class).toInstant());
                        assertEquals(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * k),
                            rs.getTimestamp("ts").toInstant());
                        assertEquals(0, new BigDecimal("1234.5678").add(BigDecimal.valueOf(k)).compareTo(rs.getBigDecimal("n")));
                        assertEquals(k % 3 == 0, rs.getBoolean("f"));
                        assertArrayEquals(new byte[] {(byte) k, (byte) 0xff, 0}, rs.getBytes("bt"));
                        assertEquals(new UUID(0, k), rs.getObject("u"));
                        assertEquals(LocalDate.of(2024, 1, 1).plusDays(k), rs.getObject("dt", LocalDate.class));
                        assertFalse(rs.next());
                    }
                }
                q.setInt(1, 100);
                try (ResultSet rs = q.executeQuery()) {
                    assertTrue(rs.next());
                    for (String col : new String[] {"b", "d", "t", "ts", "n", "f", "bt", "u", "dt"}) {
                        assertNull(rs.getObject(col), col);
                        assertTrue(rs.wasNull());
                    }
                }
            }
            // parameters in WHERE with comparisons on each type, executed past the threshold
            try (PreparedStatement q = c.prepareStatement("SELECT count(*) FROM " + table
                + " WHERE b >= ? AND d < ? AND t LIKE ? AND ts >= ? AND n > ? AND f = ?")) {
                for (int k = 0; k < EXECUTIONS; k++) {
                    q.setLong(1, 10_000_000_000L);
                    q.setDouble(2, 6.0);
                    q.setString(3, "row %");
                    q.setObject(4, OffsetDateTime.parse("2024-01-01T00:00:00Z"));
                    q.setBigDecimal(5, new BigDecimal("1000"));
                    q.setBoolean(6, true);
                    try (ResultSet rs = q.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(2, rs.getLong(1)); // k in 0..5 and k % 3 == 0: 0 and 3
                    }
                }
            }
        }
    }

    @Test
    void parameterTypesInferredFromContext() throws Exception {
        try (Connection c = server.connect("prepareThreshold=1");
             PreparedStatement p = c.prepareStatement("SELECT ? + 1, ?::text || 'x', ? * 2.5")) {
            for (int k = 0; k < 7; k++) {
                p.setInt(1, k);
                p.setString(2, "v" + k);
                p.setDouble(3, k);
                try (ResultSet rs = p.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(k + 1, rs.getInt(1));
                    assertEquals("v" + k + "x", rs.getString(2));
                    assertEquals(k * 2.5, rs.getDouble(3), 1e-9);
                }
            }
        }
    }

    @Test
    void sameStatementTextOnManyPreparedStatements() throws Exception {
        try (Connection c = server.connect("prepareThreshold=1")) {
            for (int k = 0; k < 20; k++) {
                try (PreparedStatement p = c.prepareStatement("SELECT ?::int * 2")) {
                    p.setInt(1, k);
                    try (ResultSet rs = p.executeQuery()) {
                        assertTrue(rs.next());
                        assertEquals(2 * k, rs.getInt(1));
                    }
                }
            }
        }
    }
}
