package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Statement.cancel() (a CancelRequest on a second socket), setQueryTimeout and SET statement_timeout: 57014. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CancelAndTimeoutTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @Test
    void cancelFromAnotherThread() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(500);
                    s.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            long start = System.nanoTime();
            SQLException e = Sql.assertSqlState("57014", () -> s.executeQuery("SELECT pg_sleep(10)"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            canceller.get(5, TimeUnit.SECONDS);
            assertTrue(millis < 2_500, "cancelled after " + millis + " ms: " + e.getMessage());
            assertEquals("1", Sql.scalar(c, "SELECT 1"), "the connection works after a cancel");
        }
    }

    @Test
    void cancelInsideTransactionAbortsIt() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(300);
                    s.cancel();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Sql.assertSqlState("57014", () -> s.executeQuery("SELECT pg_sleep(10)"));
            canceller.get(5, TimeUnit.SECONDS);
            Sql.assertSqlState("25P02", c, "SELECT 1");
            c.rollback();
            c.setAutoCommit(true);
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    @Test
    void queryTimeout() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            Sql.assertSqlState("57014", () -> s.executeQuery("SELECT pg_sleep(10)"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis >= 900 && millis < 3_500, "timed out after " + millis + " ms");
            s.setQueryTimeout(0);
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    @Test
    void statementTimeoutSetting() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "SET statement_timeout = '300ms'");
            assertEquals("300ms", Sql.scalar(c, "SHOW statement_timeout"));
            long start = System.nanoTime();
            org.postgresql.util.PSQLException e = (org.postgresql.util.PSQLException)
                Sql.assertSqlState("57014", c, "SELECT pg_sleep(5)");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2_500, "timed out after " + millis + " ms");
            assertEquals("canceling statement due to statement timeout", e.getServerErrorMessage().getMessage());
            Sql.exec(c, "SELECT pg_sleep(0.05)");
            Sql.exec(c, "SET statement_timeout = 0");
            assertEquals("0", Sql.scalar(c, "SHOW statement_timeout"));
            Sql.exec(c, "SELECT pg_sleep(0.5)");
        }
    }

    @Test
    void cancelWhenIdleIsHarmless() throws Exception {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.cancel();
            Thread.sleep(100);
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }
}
