package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Transactions through the JDBC API: commit, rollback, failed transactions (25P02), isolation between sessions. */
class TransactionTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @Test
    void commitMakesRowsVisibleAndRollbackDiscardsThem() throws Exception {
        try (Connection c = server.connect(); Connection other = server.connect()) {
            Sql.exec(c, "CREATE TABLE tx1 (id int PRIMARY KEY, v text)");
            c.setAutoCommit(false);
            Sql.exec(c, "INSERT INTO tx1 VALUES (1, 'a'), (2, 'b')");
            assertEquals(2, Sql.count(c, "tx1"), "a transaction sees its own writes");
            assertEquals(0, Sql.count(other, "tx1"), "other sessions do not see uncommitted rows");
            c.commit();
            assertEquals(2, Sql.count(other, "tx1"));

            Sql.exec(c, "INSERT INTO tx1 VALUES (3, 'c')");
            Sql.exec(c, "UPDATE tx1 SET v = 'changed' WHERE id = 1");
            Sql.exec(c, "DELETE FROM tx1 WHERE id = 2");
            assertEquals("changed", Sql.scalar(c, "SELECT v FROM tx1 WHERE id = 1"));
            assertEquals(2, Sql.count(c, "tx1"));
            assertEquals("a", Sql.scalar(other, "SELECT v FROM tx1 WHERE id = 1"), "uncommitted update is invisible");
            assertEquals(2, Sql.count(other, "tx1"));
            c.rollback();
            assertEquals("a", Sql.scalar(c, "SELECT v FROM tx1 WHERE id = 1"));
            assertEquals("1|a,2|b", String.join(",", Sql.rows(c, "SELECT * FROM tx1 ORDER BY id")));
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    void errorAbortsTransactionUntilRollback() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE tx2 (id int PRIMARY KEY)");
            c.setAutoCommit(false);
            Sql.exec(c, "INSERT INTO tx2 VALUES (1)");
            Sql.assertSqlState("23505", c, "INSERT INTO tx2 VALUES (1)");
            Sql.assertSqlState("25P02", c, "SELECT 1");
            Sql.assertSqlState("25P02", c, "INSERT INTO tx2 VALUES (2)");
            try (PreparedStatement p = c.prepareStatement("SELECT ?::int")) {
                p.setInt(1, 1);
                Sql.assertSqlState("25P02", p::executeQuery);
            }
            c.rollback();
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
            assertEquals(0, Sql.count(c, "tx2"), "the whole transaction was rolled back");
            c.commit();
            c.setAutoCommit(true);
        }
    }

    @Test
    void commitOfFailedTransactionRollsBack() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE tx3 (id int)");
            Sql.exec(c, "BEGIN", "INSERT INTO tx3 VALUES (1)");
            Sql.assertSqlState("22012", c, "SELECT 1 / 0");
            Sql.exec(c, "COMMIT"); // PostgreSQL answers ROLLBACK
            assertEquals(0, Sql.count(c, "tx3"));
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    @Test
    void simpleQueryTransactionBlocks() throws Exception {
        try (Connection c = server.connect("preferQueryMode=simple"); Connection other = server.connect()) {
            Sql.exec(c, "CREATE TABLE tx4 (id int)");
            Sql.exec(c, "BEGIN");
            Sql.exec(c, "INSERT INTO tx4 VALUES (1)");
            assertEquals(1, Sql.count(c, "tx4"));
            assertEquals(0, Sql.count(other, "tx4"));
            Sql.exec(c, "COMMIT");
            assertEquals(1, Sql.count(other, "tx4"));
            Sql.exec(c, "BEGIN; INSERT INTO tx4 VALUES (2); ROLLBACK");
            assertEquals(1, Sql.count(other, "tx4"));
        }
    }

    @Test
    void autocommitStatementsAreVisibleImmediately() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            Sql.exec(a, "CREATE TABLE tx5 (v int)");
            for (int i = 1; i <= 5; i++) {
                Sql.exec(a, "INSERT INTO tx5 VALUES (" + i + ")");
                assertEquals(i, Sql.count(b, "tx5"));
            }
        }
    }

    @Test
    void transactionIsolationOfConcurrentWriters() throws Exception {
        try (Connection a = server.connect(); Connection b = server.connect()) {
            Sql.exec(a, "CREATE TABLE tx6 (k text, v int)");
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            Sql.exec(a, "INSERT INTO tx6 VALUES ('a', 1)");
            Sql.exec(b, "INSERT INTO tx6 VALUES ('b', 2)");
            assertEquals("a|a|1", Sql.scalar(a, "SELECT min(k), max(k), count(*) FROM tx6"));
            assertEquals(1, Sql.count(b, "tx6"));
            a.commit();
            b.rollback();
            try (Statement s = b.createStatement(); ResultSet rs = s.executeQuery("SELECT k FROM tx6")) {
                assertTrue(rs.next());
                assertEquals("a", rs.getString(1));
            }
            b.commit();
            a.setAutoCommit(true);
            b.setAutoCommit(true);
        }
    }
}
