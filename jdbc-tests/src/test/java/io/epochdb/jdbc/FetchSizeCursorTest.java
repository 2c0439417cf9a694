package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With autocommit off and a fetch size, pgjdbc reads a result in portions (Execute with a row limit, then
 * PortalSuspended and Execute again): every row must arrive, in order.
 */
class FetchSizeCursorTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @Test
    void allRowsArriveInPortionsOfTen() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE series (n int, ts timestamptz)");
            StringBuilder values = new StringBuilder("INSERT INTO series VALUES ");
            for (int n = 1; n <= 1000; n++) {
                values.append(n > 1 ? ", " : "").append('(').append(n).append(", TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL '")
                    .append(n).append(" seconds')");
            }
            Sql.exec(c, values.toString());
            assertEquals(1000, Sql.count(c, "series"));
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(10);
                long sum = 0;
                int rows = 0;
                int previous = 0;
                try (ResultSet rs = s.executeQuery("SELECT n FROM series ORDER BY n")) {
                    while (rs.next()) {
                        int n = rs.getInt(1);
                        assertEquals(previous + 1, n, "rows in order without gaps");
                        previous = n;
                        sum += n;
                        rows++;
                    }
                }
                assertEquals(1000, rows);
                assertEquals(500_500L, sum);
            }
            // a prepared statement with a fetch size, run past the server-prepare threshold
            try (PreparedStatement p = c.prepareStatement("SELECT n FROM series WHERE n > ? ORDER BY n")) {
                p.setFetchSize(7);
                for (int k = 0; k < 6; k++) {
                    p.setInt(1, k * 100);
                    int rows = 0;
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    assertEquals(1000 - k * 100, rows);
                }
            }
            // two open cursors interleaved on one connection
            try (Statement s1 = c.createStatement(); Statement s2 = c.createStatement()) {
                s1.setFetchSize(10);
                s2.setFetchSize(10);
                try (ResultSet r1 = s1.executeQuery("SELECT n FROM series ORDER BY n");
                     ResultSet r2 = s2.executeQuery("SELECT n FROM series ORDER BY n DESC")) {
                    int rows = 0;
                    while (r1.next() && r2.next()) {
                        assertEquals(1001, r1.getInt(1) + r2.getInt(1));
                        rows++;
                    }
                    assertEquals(1000, rows);
                }
            }
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    void abandonedCursorDoesNotBlockTheConnection() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE series2 (n int)");
            Sql.exec(c, "INSERT INTO series2 SELECT g FROM generate_series(1, 500) AS t(g)");
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(5);
                try (ResultSet rs = s.executeQuery("SELECT n FROM series2")) {
                    rs.next();
                    rs.next();
                }
            }
            c.commit();
            c.setAutoCommit(true);
            assertEquals(500, Sql.count(c, "series2"));
        }
    }
}
