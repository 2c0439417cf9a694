package io.epochdb.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.epochdb.common.EpochException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL behaviour the planner adds on top of Calcite, each checked against PostgreSQL 15's output. */
class SqlFeaturesTest {
    @TempDir
    Path dir;
    private SqlRunner r;

    @BeforeEach
    void open() {
        r = new SqlRunner(dir);
        r.run("CREATE TABLE cpu (time timestamptz NOT NULL, host text, v double precision)");
        r.run("INSERT INTO cpu VALUES ('2024-01-01 00:00:00+00', 'a', 1), ('2024-01-01 00:07:00+00', 'a', 3), "
            + "('2024-01-01 00:03:00+00', 'b', 5)");
    }

    @AfterEach
    void close() {
        r.close();
    }

    private String sqlState(String sql) {
        return assertThrows(EpochException.class, () -> r.run(sql)).sqlState();
    }

    @Test
    void distinctOnKeepsTheFirstRowOfEachKey() {
        assertEquals(List.of("a|2024-01-01 00:07:00+00|3", "b|2024-01-01 00:03:00+00|5"),
            r.run("SELECT DISTINCT ON (host) host, time, v FROM cpu ORDER BY host, time DESC"));
        assertEquals(List.of("2024-01-01 00:00:00+00|a|1"), r.run("SELECT DISTINCT ON (host) * FROM cpu ORDER BY host, time LIMIT 1"));
    }

    @Test
    void dateAndTimestampArithmeticAsPostgres() {
        assertEquals(List.of("2024-01-02|4"), r.run("SELECT '2024-01-01'::date + 1, '2024-01-05'::date - '2024-01-01'::date"));
        assertEquals(List.of("00:07:00"), r.run("SELECT max(time) - min(time) FROM cpu"));
        assertEquals(List.of("23:00:00"), r.run("SELECT timestamptz '2024-01-02' - timestamptz '2024-01-01 01:00'"));
    }

    @Test
    void castBindsTighterThanOperators() {
        assertEquals(List.of("-2|10|xy"), r.run("SELECT -2::int, '5'::int4 * 2, 'x'::text || 'y'"));
    }

    @Test
    void insertValuesTakeTheColumnTypes() {
        assertEquals(List.of("INSERT 0 2"), r.run("INSERT INTO cpu VALUES ('2024-01-02 00:00:00+00', 'c', 1), (now(), 'c', 2)"));
        assertEquals(List.of("2"), r.run("SELECT count(*) FROM cpu WHERE host = 'c'"));
    }

    @Test
    void caseAndCoalesceOnText() {
        assertEquals(List.of("lo|a", "hi|b", "hi|a"),
            r.run("SELECT CASE WHEN v > 2 THEN 'hi' ELSE 'lo' END, coalesce(NULL, host) FROM cpu ORDER BY time"));
    }

    @Test
    void columnNamesFollowPostgres() {
        try (var unused = new AutoCloseable() {
            @Override
            public void close() {
            }
        }) {
            Prepared p = r.session().prepare(r.session().parse("SELECT coalesce(v, 0), count(*), v::int, 1, avg(v) AS m FROM cpu GROUP BY v").get(0), List.of());
            assertEquals(List.of("coalesce", "count", "v", "?column?", "m"), p.columns().stream().map(ResultColumn::name).toList());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void windowRangeWithIntervalOffset() {
        assertEquals(List.of("1", "5", "3"),
            r.run("SELECT avg(v) OVER (ORDER BY time RANGE BETWEEN interval '2 minutes' PRECEDING AND CURRENT ROW) FROM cpu ORDER BY time"));
    }

    @Test
    void returningAndOnConflict() {
        r.run("CREATE TABLE kv (k int PRIMARY KEY, val text)");
        assertEquals(List.of("1|one"), r.run("INSERT INTO kv VALUES (1, 'one') RETURNING k, val"));
        assertEquals(List.of("INSERT 0 0"), r.run("INSERT INTO kv VALUES (1, 'uno') ON CONFLICT DO NOTHING"));
        assertEquals(List.of("INSERT 0 1"), r.run("INSERT INTO kv VALUES (1, 'uno') ON CONFLICT (k) DO UPDATE SET val = excluded.val || '!'"));
        assertEquals(List.of("uno!"), r.run("SELECT val FROM kv WHERE k = 1"));
        assertEquals(List.of("1|UNO!"), r.run("UPDATE kv SET val = upper(val) WHERE k = 1 RETURNING k, val"));
        assertEquals("23505", sqlState("INSERT INTO kv VALUES (1, 'again')"));
    }

    @Test
    void transactionsAbortAfterAnError() {
        r.run("BEGIN");
        assertEquals("42703", sqlState("SELECT nosuch FROM cpu"));
        assertEquals("25P02", sqlState("SELECT 1"));
        assertEquals(List.of("ROLLBACK"), r.run("COMMIT"));
        assertEquals(List.of("1"), r.run("SELECT 1"));
    }

    @Test
    void errorsCarryPostgresSqlStates() {
        assertEquals("42P01", sqlState("SELECT * FROM nosuch"));
        assertEquals("42703", sqlState("SELECT nosuch FROM cpu"));
        assertEquals("42601", sqlState("SELEC 1"));
        assertEquals("42601", sqlState("SELECT DISTINCT FROM"));
        assertEquals("22P02", sqlState("SELECT 'abc'::int"));
    }

    @Test
    void cursorsFetchInSteps() {
        r.run("BEGIN");
        r.run("DECLARE c CURSOR FOR SELECT host FROM cpu ORDER BY time");
        assertEquals(List.of("a", "b"), r.run("FETCH 2 FROM c"));
        assertEquals(List.of("a"), r.run("FETCH ALL FROM c"));
        r.run("CLOSE c");
        r.run("COMMIT");
    }

    @Test
    void settingsShowAndReset() {
        r.run("SET TimeZone = 'Europe/Berlin'");
        assertEquals(List.of("Europe/Berlin"), r.run("SHOW TimeZone"));
        assertEquals(List.of("2024-01-01 01:00:00+01"), r.run("SELECT min(time) FROM cpu"));
        r.run("RESET TimeZone");
        assertEquals(List.of("UTC"), r.run("SHOW timezone"));
    }
}
