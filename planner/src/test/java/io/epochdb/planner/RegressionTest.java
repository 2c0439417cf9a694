package io.epochdb.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bugs found while bringing clients up; each failed before its fix. */
class RegressionTest {
    @TempDir
    Path dir;

    @Test
    void arrayConstructorCast() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("{1,2}"), r.run("SELECT array[1,2]::int4[]"));
        }
    }

    @Test
    void createViewInsideAMultiStatementString() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("1"), r.run("CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; INSERT INTO t VALUES (1); SELECT a FROM v"));
        }
    }

    @Test
    void jsonColumnsStoreAndReturnText() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE j (id int, doc jsonb)");
            r.run("INSERT INTO j VALUES (1, '{\"a\": 1}')");
            assertEquals(List.of("{\"a\": 1}"), r.run("SELECT doc FROM j WHERE id = 1"));
        }
    }

    @Test
    void extractKeepsFractionsAsNumeric() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("1704067200.000000|12.250000"),
                r.run("SELECT extract(epoch FROM TIMESTAMPTZ '2024-01-01 00:00:00+00'), extract(second FROM TIMESTAMP '2024-05-17 13:47:12.25')"));
        }
    }

    @Test
    void atTimeZoneAfterATypedLiteral() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("2024-01-01 07:00:00"), r.run("SELECT TIMESTAMPTZ '2024-01-01 12:00:00+00' AT TIME ZONE 'America/New_York'"));
        }
    }

    @Test
    void pgTypeofNamesTheType() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("integer|bigint|text"), r.run("SELECT pg_typeof(1), pg_typeof(count(*)), pg_typeof('a'::text)"));
        }
    }

    @Test
    void anyAllAndNotInSubqueries() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE e (d int, n int); INSERT INTO e VALUES (10, 1), (10, 3), (12, 5), (NULL, 1)");
            r.run("CREATE TABLE b (id int); INSERT INTO b VALUES (10), (11)");
            assertEquals(List.of("NULL|t|t"), r.run("SELECT 11 = ANY (SELECT d FROM e), 10 = ANY (SELECT d FROM e WHERE n >= 3), "
                + "13 > ALL (SELECT d FROM e WHERE d IS NOT NULL)"));
            assertEquals(List.of(), r.run("SELECT id FROM b WHERE id NOT IN (SELECT d FROM e)"));
            assertEquals(List.of("10|t", "11|NULL"), r.run("SELECT id, id IN (SELECT d FROM e) FROM b ORDER BY 1"));
        }
    }

    @Test
    void exponentOperator() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("1024|64|19|0.25"), r.run("SELECT 2 ^ 10, 2 ^ 3 ^ 2, 1 + 2 * 3 ^ 2, 4 ^ -1"));
        }
    }

    @Test
    void errorCodesOfCommonMistakes() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE t (id int, name text NOT NULL)");
            assertEquals("42P10", state(r, "SELECT * FROM t ORDER BY 5"));
            assertEquals("42804", state(r, "SELECT id FROM t WHERE name"));
            assertEquals("42809", state(r, "SELECT rank() FROM t"));
            assertEquals("23502", state(r, "INSERT INTO t (id) VALUES (3)"));
            assertEquals(List.of("NULL|c", "1|a", "2|NULL"),
                r.run("SELECT * FROM (VALUES (1, 'a'), (2, NULL), (NULL, 'c')) AS v(n, s) ORDER BY n NULLS FIRST"));
        }
    }

    @Test
    void failedCursorClosedByRollbackLeavesSessionUsable() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("BEGIN");
            r.run("DECLARE c CURSOR FOR SELECT 1 / (x - 2) FROM (VALUES (1), (2)) AS v(x)");
            assertEquals("22012", state(r, "FETCH ALL FROM c"));
            assertEquals(List.of("ROLLBACK"), r.run("ROLLBACK"));
            assertEquals('I', r.session().transactionStatus());
            assertEquals(List.of("1"), r.run("SELECT 1"));
        }
    }

    @Test
    void failedHoldCursorClosedAfterCommitLeavesSessionUsable() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("BEGIN");
            r.run("DECLARE c CURSOR WITH HOLD FOR SELECT 1 / (x - 2) FROM (VALUES (1), (2)) AS v(x)");
            r.run("COMMIT");
            assertEquals("22012", state(r, "FETCH ALL FROM c"));
            assertEquals(List.of("CLOSE CURSOR"), r.run("CLOSE c"));
            assertEquals(List.of("1"), r.run("SELECT 1"));
        }
    }

    @Test
    void onConflictUpdateCountIsPerExecution() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE kv (k int PRIMARY KEY, v int)");
            r.run("INSERT INTO kv VALUES (1, 0)");
            Session s = r.session();
            Prepared p = s.prepare(s.parse("INSERT INTO kv VALUES (1, 5) ON CONFLICT (k) DO UPDATE SET v = kv.v + 1").get(0), List.of());
            for (int i = 0; i < 3; i++) {
                try (QueryResult res = s.execute(p, List.of())) {
                    assertEquals("INSERT 0 1", res.commandTag());
                }
            }
            assertEquals(List.of("1|3"), r.run("SELECT k, v FROM kv"));
        }
    }

    @Test
    void failedCopyInsideABlockFailsTheBlock() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE c (a int)");
            r.run("BEGIN");
            Session s = r.session();
            Prepared p = s.prepare(s.parse("COPY c FROM STDIN").get(0), List.of());
            try (QueryResult res = s.execute(p, List.of())) {
                CopyIn in = res.copyIn();
                byte[] data = "1\nx\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                org.junit.jupiter.api.Assertions.assertThrows(io.epochdb.common.EpochException.class, () -> {
                    in.write(data, 0, data.length);
                    in.finish();
                });
            }
            assertEquals('E', s.transactionStatus());
            assertEquals("25P02", state(r, "SELECT 1"));
            assertEquals(List.of("ROLLBACK"), r.run("COMMIT"));
            assertEquals(List.of("0"), r.run("SELECT count(*) FROM c"));
        }
    }

    @Test
    void failedCreateTableAsLeavesNoTable() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals("22012", state(r, "CREATE TABLE ctas AS SELECT 1 / (x - 2) AS y FROM (VALUES (1), (2)) AS v(x)"));
            assertEquals(List.of("SELECT 1"), r.run("CREATE TABLE ctas AS SELECT 1 AS y"));
            assertEquals(List.of("1"), r.run("SELECT y FROM ctas"));
        }
    }

    /** The SQLSTATE of running {@code sql} with one bound parameter (rows are drained). */
    private static String boundState(SqlRunner r, String sql, Object param) {
        Session s = r.session();
        Prepared p = s.prepare(s.parse(sql).get(0), List.of(io.epochdb.common.types.SqlType.INT8));
        return org.junit.jupiter.api.Assertions.assertThrows(io.epochdb.common.EpochException.class, () -> {
            try (QueryResult q = s.execute(p, List.of(param))) {
                io.epochdb.exec.batch.Batch b;
                while ((b = q.next()) != null) {
                    b.close();
                }
            }
        }).sqlState();
    }

    private static String state(SqlRunner r, String sql) {
        return org.junit.jupiter.api.Assertions.assertThrows(io.epochdb.common.EpochException.class, () -> r.run(sql)).sqlState();
    }

    @Test
    void negativeLimitAndOffsetHaveTheirOwnSqlStates() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals("2201W", boundState(r, "SELECT 1 LIMIT $1", -1L));
            assertEquals("2201X", boundState(r, "SELECT 1 OFFSET $1", -1L));
            assertEquals(List.of("1"), r.run("SELECT 1 LIMIT NULL"));
        }
    }

    @Test
    void untypedLiteralBesideANumberTakesItsType() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("3|2|3.5"), r.run("SELECT 1 + '2', '3' - 1, 2.5 + '1'"));
            assertEquals("22P02", state(r, "SELECT 1 + 'a'"));
        }
    }
}
