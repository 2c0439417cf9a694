package io.epochdb.jdbc.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.jdbc.Sql;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a restart must keep besides rows: tables with their columns and constraints, a hypertable with its chunks,
 * a role whose password still logs in with SCRAM, and sequences (serial and standalone) that continue without
 * handing out a value twice. Checked after a SIGKILL and again after a clean shutdown.
 */
class RestartPersistenceTest {
    private static final String COLUMNS = "SELECT table_name, column_name, data_type, is_nullable, column_default"
        + " FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position";
    private static final String CHUNKS = "SELECT chunk_name, range_start, range_end"
        + " FROM timescaledb_information.chunks WHERE hypertable_name = 'hyper_t' ORDER BY range_start";
    private static final String PASSWORD = "Secr3t pass";

    @Test
    void restartKeepsCatalogRolesAndSequences() throws Exception {
        Path data = CrashTables.newDataDir("catalog");
        Path log = CrashTables.newLogFile("catalog");
        ServerProcess server = null;
        boolean passed = false;
        try {
            server = ServerProcess.start(data, log);
            List<String> columns;
            List<String> chunks;
            List<String> plainRows;
            List<String> hyperRows;
            boolean hypertable;
            long lastSerial;
            long lastSequence;
            try (Connection c = server.connect()) {
                Sql.exec(c,
                    "CREATE TABLE plain_t (id int PRIMARY KEY, name text NOT NULL, v double precision DEFAULT 1.5)",
                    "INSERT INTO plain_t (id, name) VALUES (1, 'one'), (2, 'two')",
                    "INSERT INTO plain_t VALUES (3, 'three', -2.25)",
                    "CREATE TABLE hyper_t (time timestamptz NOT NULL, device text, value double precision)");
                hypertable = CrashTables.tryCreateHypertable(c, "hyper_t", "1 hour");
                Sql.exec(c, "INSERT INTO hyper_t SELECT '2024-01-01 00:00:00+00'::timestamptz + x * interval '7 minutes',"
                        + " 'd' || (x % 3), x * 0.5 FROM generate_series(0, 60) AS g(x)",
                    "INSERT INTO hyper_t VALUES ('2023-06-01 12:00:00+00', 'late', 99)",
                    "CREATE ROLE crash_user LOGIN PASSWORD '" + PASSWORD + "'",
                    "CREATE TABLE serial_t (id serial PRIMARY KEY, note text)",
                    "CREATE SEQUENCE crash_seq");
                for (int i = 0; i < 5; i++) {
                    Sql.exec(c, "INSERT INTO serial_t (note) VALUES ('before " + i + "')");
                }
                lastSerial = Long.parseLong(Sql.scalar(c, "SELECT max(id) FROM serial_t"));
                lastSequence = 0;
                for (int i = 0; i < 3; i++) {
                    lastSequence = Long.parseLong(Sql.scalar(c, "SELECT nextval('crash_seq')"));
                }
                columns = Sql.rows(c, COLUMNS);
                chunks = hypertable ? chunksOrNull(c) : null;
                plainRows = Sql.rows(c, "SELECT * FROM plain_t ORDER BY id");
                hyperRows = Sql.rows(c, "SELECT * FROM hyper_t ORDER BY time");
                assertScramLogin(server);
            }
            System.out.println("[crash] catalog test: hypertable " + hypertable + ", chunks "
                + (chunks == null ? "not listed (no timescaledb_information.chunks)" : chunks.size()));

            server.kill9();
            server = ServerProcess.start(data, log);
            long[] last = checkAfterRestart(server, "after SIGKILL", columns, chunks, plainRows, hyperRows,
                lastSerial, lastSequence);

            server.stop();
            server = ServerProcess.start(data, log);
            checkAfterRestart(server, "after a clean restart", columns, chunks, plainRows, hyperRows, last[0], last[1]);
            passed = true;
        } catch (Throwable t) {
            CrashTables.reportFailure(log, data);
            throw t;
        } finally {
            if (server != null) {
                server.close();
            }
            if (passed) {
                CrashTables.deleteRecursively(data);
            }
        }
    }

    /**
     * Everything as before the restart; then new serial ids and sequence values above every value handed out
     * before. Returns the new {last serial id, last sequence value}. Rows inserted here go to serial_t only.
     */
    private static long[] checkAfterRestart(ServerProcess server, String when, List<String> columns, List<String> chunks,
                                            List<String> plainRows, List<String> hyperRows, long lastSerial,
                                            long lastSequence) throws SQLException {
        try (Connection c = server.connect()) {
            assertEquals(columns, Sql.rows(c, COLUMNS), when + ": columns");
            assertEquals(plainRows, Sql.rows(c, "SELECT * FROM plain_t ORDER BY id"), when + ": plain_t rows");
            assertEquals(hyperRows, Sql.rows(c, "SELECT * FROM hyper_t ORDER BY time"), when + ": hyper_t rows");
            if (chunks != null) {
                assertEquals(chunks, Sql.rows(c, CHUNKS), when + ": chunks of hyper_t");
            }
            Sql.assertSqlState("23505", c, "INSERT INTO plain_t VALUES (1, 'again', 0)");
            Sql.assertSqlState("23502", c, "INSERT INTO plain_t (id) VALUES (4)");
            List<Long> serials = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                serials.add(Long.parseLong(
                    Sql.scalar(c, "INSERT INTO serial_t (note) VALUES ('" + when + "') RETURNING id")));
            }
            for (long id : serials) {
                assertTrue(id > lastSerial,
                    when + ": serial id " + id + " reuses a value (last before: " + lastSerial + ")");
            }
            long sequence = Long.parseLong(Sql.scalar(c, "SELECT nextval('crash_seq')"));
            assertTrue(sequence > lastSequence,
                when + ": nextval " + sequence + " reuses a value (last before: " + lastSequence + ")");
            assertEquals(Sql.scalar(c, "SELECT count(*) FROM serial_t"),
                Sql.scalar(c, "SELECT count(DISTINCT id) FROM serial_t"), when + ": duplicate serial ids");
            assertScramLogin(server);
            return new long[] {serials.get(serials.size() - 1), sequence};
        }
    }

    private static void assertScramLogin(ServerProcess server) throws SQLException {
        String base = "jdbc:postgresql://127.0.0.1:" + server.port() + "/postgres";
        String password = PASSWORD.replace(" ", "%20");
        try (Connection u = DriverManager.getConnection(base + "?user=crash_user&password=" + password)) {
            assertEquals("crash_user", Sql.scalar(u, "SELECT current_user"));
        }
        SQLException wrong = assertThrows(SQLException.class,
            () -> DriverManager.getConnection(base + "?user=crash_user&password=wrong").close());
        assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
    }

    private static List<String> chunksOrNull(Connection c) {
        try {
            return Sql.rows(c, CHUNKS);
        } catch (SQLException e) {
            System.out.println("[crash] timescaledb_information.chunks not available (" + e.getMessage() + ")");
            return null;
        }
    }
}
