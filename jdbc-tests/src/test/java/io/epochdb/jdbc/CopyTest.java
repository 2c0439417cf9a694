package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** COPY FROM STDIN / TO STDOUT through pgjdbc's CopyManager, text and CSV. */
class CopyTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    private static CopyManager copy(Connection c) throws SQLException {
        return c.unwrap(PGConnection.class).getCopyAPI();
    }

    @Test
    void textFormatInAndOut() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE ct (ts timestamptz, host text, v double precision, n int)");
            String in = "2024-01-01 00:00:00+00\th1\t1.5\t1\n"
                + "2024-01-01 00:01:00+00\th2\t\\N\t2\n"
                + "2024-01-01 00:02:00+00\twith\\ttab\t-3.25\t\\N\n";
            assertEquals(3, copy(c).copyIn("COPY ct FROM STDIN", new StringReader(in)));
            assertEquals(List.of("h1|1.5|1", "h2|NULL|2", "with\ttab|-3.25|NULL"),
                Sql.rows(c, "SELECT host, v::text, n FROM ct ORDER BY ts"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(3, copy(c).copyOut("COPY (SELECT * FROM ct ORDER BY ts) TO STDOUT", out));
            assertEquals(in, out.toString(StandardCharsets.UTF_8));
            out.reset();
            assertEquals(3, copy(c).copyOut("COPY ct TO STDOUT", out));
            assertEquals(3, out.toString(StandardCharsets.UTF_8).lines().count());
        }
    }

    @Test
    void csvWithHeaderInAndOut() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE cc (id int, name text, note text)");
            String in = "id,name,note\n1,alpha,\"has, comma\"\n2,\"quote \"\"q\"\"\",\n3,gamma,plain\n";
            assertEquals(3, copy(c).copyIn("COPY cc FROM STDIN WITH (FORMAT csv, HEADER true)", new StringReader(in)));
            assertEquals(List.of("1|alpha|has, comma", "2|quote \"q\"|NULL", "3|gamma|plain"),
                Sql.rows(c, "SELECT * FROM cc ORDER BY id"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            copy(c).copyOut("COPY (SELECT * FROM cc ORDER BY id) TO STDOUT WITH (FORMAT csv, HEADER true)", out);
            assertEquals("id,name,note\n1,alpha,\"has, comma\"\n2,\"quote \"\"q\"\"\",\n3,gamma,plain\n",
                out.toString(StandardCharsets.UTF_8));
            // column list and the old-style CSV option spelling
            assertEquals(1, copy(c).copyIn("COPY cc (name, id) FROM STDIN CSV", new StringReader("delta,4\n")));
            assertEquals("delta|NULL", Sql.scalar(c, "SELECT name, note FROM cc WHERE id = 4"));
        }
    }

    @Test
    void badLineFailsNamingTheLineAndLoadsNothing() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE cb (id int, name text)");
            String in = "1\ta\n2\tb\nnot_a_number\tc\n4\td\n";
            SQLException e = assertThrows(SQLException.class, () -> copy(c).copyIn("COPY cb FROM STDIN", new StringReader(in)));
            assertEquals("22P02", e.getSQLState());
            assertTrue(e.getMessage().contains("not_a_number"), e.getMessage());
            String where = ((org.postgresql.util.PSQLException) e).getServerErrorMessage().getWhere();
            assertTrue((where != null && where.contains("line 3")) || e.getMessage().contains("line 3"),
                "the error names line 3: " + e.getMessage() + " / where=" + where);
            assertEquals(0, Sql.count(c, "cb"), "nothing loaded");
            // the connection still works, and a good COPY after it loads
            assertEquals(2, copy(c).copyIn("COPY cb FROM STDIN", new StringReader("1\ta\n2\tb\n")));
            assertEquals(2, Sql.count(c, "cb"));
            SQLException wrongColumns = assertThrows(SQLException.class,
                () -> copy(c).copyIn("COPY cb FROM STDIN", new StringReader("5\te\textra\n")));
            assertEquals("22P04", wrongColumns.getSQLState(), wrongColumns.getMessage());
            assertEquals(2, Sql.count(c, "cb"));
        }
    }

    @Test
    void copyIntoMissingTableFails() throws Exception {
        try (Connection c = server.connect()) {
            SQLException e = assertThrows(SQLException.class,
                () -> copy(c).copyIn("COPY nope FROM STDIN", new StringReader("1\n")));
            assertEquals("42P01", e.getSQLState());
            assertEquals("1", Sql.scalar(c, "SELECT 1"));
        }
    }

    @Test
    void largeCopyIn() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE cl (ts timestamptz, v double precision)");
            StringBuilder in = new StringBuilder();
            for (int i = 0; i < 50_000; i++) {
                in.append("2024-01-01 00:00:00+00\t").append(i).append('\n');
            }
            assertEquals(50_000, copy(c).copyIn("COPY cl FROM STDIN", new StringReader(in.toString())));
            assertEquals("50000|1249975000", Sql.scalar(c, "SELECT count(*), sum(v)::bigint FROM cl"));
        }
    }
}
