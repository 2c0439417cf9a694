package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batched inserts (plain and rewritten into multi-row VALUES) and getGeneratedKeys (pgjdbc appends RETURNING). */
class BatchAndGeneratedKeysTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reWriteBatchedInserts=false", "reWriteBatchedInserts=true",
        "reWriteBatchedInserts=true&binaryTransfer=true&prepareThreshold=1"})
    void preparedBatchInsertsEveryRow(String mode) throws Exception {
        String table = "b_" + Math.abs(mode.hashCode());
        try (Connection c = server.connect(mode)) {
            Sql.exec(c, "CREATE TABLE " + table + " (ts timestamptz, host text, v double precision, n bigint)");
            int total = 0;
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " (ts, host, v, n) VALUES (?, ?, ?, ?)")) {
                for (int batch = 0; batch < 3; batch++) {
                    for (int k = 0; k < 333; k++) {
                        int row = batch * 333 + k;
                        p.setTimestamp(1, Timestamp.from(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(row)));
                        p.setString(2, "host" + (row % 7));
                        p.setDouble(3, row * 0.5);
                        p.setLong(4, row);
                        p.addBatch();
                    }
                    int[] counts = p.executeBatch();
                    for (int n : counts) {
                        assertTrue(n == 1 || n == Statement.SUCCESS_NO_INFO || n > 1, "update count " + n);
                    }
                    total += 333;
                }
            }
            assertEquals(total, Sql.count(c, table));
            assertEquals("998|0|498501|2024-01-01 00:16:38+00",
                Sql.scalar(c, "SELECT max(n), min(n), sum(n), max(ts)::text FROM " + table));
            assertEquals(List.of("host0|143", "host6|142"),
                Sql.rows(c, "SELECT host, count(*) FROM " + table + " WHERE host IN ('host0', 'host6') GROUP BY host ORDER BY host"));
        }
    }

    @Test
    void statementBatchOfMixedDml() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE sb (k int PRIMARY KEY, v text)");
            s.addBatch("INSERT INTO sb VALUES (1, 'a'), (2, 'b')");
            s.addBatch("INSERT INTO sb VALUES (3, 'c')");
            s.addBatch("UPDATE sb SET v = upper(v) WHERE k < 3");
            s.addBatch("DELETE FROM sb WHERE k = 3");
            assertEquals(List.of(2, 1, 2, 1), toList(s.executeBatch()));
            assertEquals(List.of("1|A", "2|B"), Sql.rows(c, "SELECT * FROM sb ORDER BY k"));
        }
    }

    @Test
    void generatedKeysForSerialColumn() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE gk (id serial PRIMARY KEY, name text, created date DEFAULT '2024-01-01')");
            try (Statement s = c.createStatement()) {
                assertEquals(2, s.executeUpdate("INSERT INTO gk (name) VALUES ('a'), ('b')", Statement.RETURN_GENERATED_KEYS));
                try (ResultSet keys = s.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    assertEquals(1, keys.getInt("id"));
                    assertEquals("a", keys.getString("name"));
                    assertEquals("2024-01-01", keys.getString("created"));
                    assertTrue(keys.next());
                    assertEquals(2, keys.getInt("id"));
                    assertFalse(keys.next());
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gk (name) VALUES (?)", new String[] {"id"})) {
                for (int k = 0; k < 7; k++) {
                    p.setString(1, "p" + k);
                    assertEquals(1, p.executeUpdate());
                    try (ResultSet keys = p.getGeneratedKeys()) {
                        assertTrue(keys.next());
                        assertEquals(3 + k, keys.getInt(1));
                        assertEquals(1, keys.getMetaData().getColumnCount());
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO gk (name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
                for (int k = 0; k < 3; k++) {
                    p.setString(1, "batch" + k);
                    p.addBatch();
                }
                p.executeBatch();
                List<Integer> ids = new ArrayList<>();
                try (ResultSet keys = p.getGeneratedKeys()) {
                    while (keys.next()) {
                        ids.add(keys.getInt("id"));
                    }
                }
                assertEquals(List.of(10, 11, 12), ids);
            }
            assertEquals(12, Sql.count(c, "gk"));
        }
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int x : a) {
            out.add(x);
        }
        return out;
    }
}
