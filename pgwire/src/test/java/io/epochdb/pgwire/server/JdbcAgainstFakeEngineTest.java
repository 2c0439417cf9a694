package io.epochdb.pgwire.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.pgwire.testing.FakeEngine;
import io.epochdb.storage.catalog.ScramVerifier;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** pgjdbc against the real server and the fake engine: extended protocol, binary transfer, SCRAM, COPY, cancel. */
class JdbcAgainstFakeEngineTest {
    static FakeEngine engine;
    static PgServer server;

    @BeforeAll
    static void start() {
        engine = new FakeEngine().role("alice", ScramVerifier.create("s3cret").encode());
        server = PgServer.start(engine, "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        assertEquals(0, engine.allocator.getAllocatedMemory());
        engine.close();
    }

    private static Connection connect(String user, String password, String... extra) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        if (password != null) {
            p.setProperty("password", password);
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            p.setProperty(extra[i], extra[i + 1]);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/db", p);
    }

    @Test
    void simpleAndExtendedSelect() throws SQLException {
        try (Connection c = connect("epoch", null); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1));
                assertEquals("int4", rs.getMetaData().getColumnTypeName(1));
                assertFalse(rs.next());
            }
            try (ResultSet rs = s.executeQuery("GEN 10000")) {
                long sum = 0;
                while (rs.next()) {
                    sum += rs.getLong(1);
                }
                assertEquals(10000L * 10001 / 2, sum);
            }
        }
    }

    @Test
    void preparedStatementSwitchesToNamedAndBinary() throws SQLException {
        try (Connection c = connect("epoch", null, "prepareThreshold", "2");
             PreparedStatement ps = c.prepareStatement("ECHO int8 ?")) {
            for (long i = 0; i < 12; i++) {
                ps.setLong(1, i * 1_000_000_007L);
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i * 1_000_000_007L, rs.getLong(1));
                }
            }
        }
        try (Connection c = connect("epoch", null, "prepareThreshold", "1", "binaryTransferEnable", "numeric,float8,timestamptz,uuid,bytea");
             PreparedStatement ps = c.prepareStatement("ECHO numeric ?")) {
            for (String v : new String[] {"0", "1.50", "-123456789.000123", "0.00001", "100000000"}) {
                ps.setBigDecimal(1, new BigDecimal(v));
                try (ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(new BigDecimal(v), rs.getBigDecimal(1));
                }
            }
        }
    }

    @Test
    void fetchSizeUsesPortalSuspension() throws SQLException {
        try (Connection c = connect("epoch", null)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("GEN 5000")) {
                ps.setFetchSize(700);
                int n = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        n++;
                        assertEquals(n, rs.getLong(1));
                    }
                }
                assertEquals(5000, n);
            }
            c.commit();
        }
    }

    @Test
    void errorsCarrySqlStateAndConnectionSurvives() throws SQLException {
        try (Connection c = connect("epoch", null); Statement s = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("ERROR 42P01 relation \"x\" does not exist"));
            assertEquals("42P01", e.getSQLState());
            e = assertThrows(SQLException.class, () -> s.executeQuery("BOOM"));
            assertEquals("XX000", e.getSQLState());
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void scramPasswordAuthentication() throws SQLException {
        try (Connection c = connect("alice", "s3cret"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            assertTrue(rs.next());
        }
        SQLException e = assertThrows(SQLException.class, () -> connect("alice", "wrong"));
        assertEquals("28P01", e.getSQLState());
        assertTrue(e.getMessage().contains("password authentication failed for user \"alice\""), e.getMessage());
        e = assertThrows(SQLException.class, () -> connect("bob", "x"));
        assertEquals("28000", e.getSQLState());
    }

    @Test
    void copyInAndOut() throws Exception {
        try (Connection c = connect("epoch", null)) {
            CopyManager cm = c.unwrap(BaseConnection.class).getCopyAPI();
            long n = cm.copyIn("COPY IN", new ByteArrayInputStream("1\tx\n2\ty\n3\tz\n".getBytes(StandardCharsets.UTF_8)));
            assertEquals(3, n);
            StringWriter w = new StringWriter();
            assertEquals(3, cm.copyOut("COPY OUT", w));
            assertEquals("1\ta\n2\tb\n3\t\\N\n", w.toString());
        }
    }

    @Test
    void cancelStopsARunningStatement() throws Exception {
        try (Connection c = connect("epoch", null); Statement s = c.createStatement()) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (Exception ignored) {
                    // test fails below if cancel did not arrive
                }
            });
            t.start();
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> s.execute("SLEEP 10000"));
            assertEquals("57014", e.getSQLState());
            assertTrue(System.nanoTime() - start < 5_000_000_000L);
            t.join();
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
        }
    }

    @Test
    void bytesAndTypesRoundTrip() throws SQLException {
        try (Connection c = connect("epoch", null, "prepareThreshold", "-1");
             PreparedStatement ps = c.prepareStatement("ECHO bytea ?")) {
            byte[] data = {0, 1, 2, (byte) 0xff, 10};
            ps.setBytes(1, data);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertArrayEquals(data, rs.getBytes(1));
            }
        }
    }
}
