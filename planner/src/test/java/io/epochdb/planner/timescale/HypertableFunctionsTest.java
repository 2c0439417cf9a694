package io.epochdb.planner.timescale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.common.EpochException;
import io.epochdb.planner.SqlRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TimescaleDB hypertable API through a real engine and session (chunk contents: see HypertableChunksTest). */
class HypertableFunctionsTest {
    @TempDir
    Path dir;

    private static final String CONDITIONS = "CREATE TABLE conditions (time timestamptz NOT NULL, device int, temp float8)";

    private static String sqlState(Runnable r) {
        return assertThrows(EpochException.class, r::run).sqlState();
    }

    @Test
    void createHypertableClassicSignature() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run(CONDITIONS);
            assertEquals(List.of("(1,public,conditions,t)"), r.run("SELECT create_hypertable('conditions', 'time')"));
            assertEquals(List.of("1|public|conditions|f"),
                r.run("SELECT * FROM create_hypertable('conditions', 'time', if_not_exists => true)"));
            assertEquals(List.of("conditions|time|timestamp with time zone|Time|7 days"),
                r.run("SELECT hypertable_name, column_name, column_type, dimension_type, time_interval "
                    + "FROM timescaledb_information.dimensions"));
            assertEquals("TS110", sqlState(() -> r.run("SELECT create_hypertable('conditions', 'time')")));
        }
    }

    @Test
    void createHypertableNamedArgumentsAndIntervals() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE a (ts timestamptz, v int)");
            assertEquals(List.of("(1,public,a,t)"), r.run("SELECT create_hypertable(relation => 'a', "
                + "time_column_name => 'ts', chunk_time_interval => INTERVAL '1 day')"));
            assertEquals(List.of("1 day"), r.run("SELECT time_interval FROM timescaledb_information.dimensions"));
            // the time column became NOT NULL
            assertEquals(List.of("t"), r.run("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'a'::regclass "
                + "AND attname = 'ts'"));
            r.run("CREATE TABLE b (ts timestamptz NOT NULL)");
            assertEquals(List.of("(2,public,b,t)"), r.run("SELECT create_hypertable('b', 'ts', chunk_time_interval => 3600000000)"));
            assertEquals(List.of("b|01:00:00"), r.run("SELECT hypertable_name, time_interval FROM "
                + "timescaledb_information.dimensions WHERE hypertable_name = 'b'"));
        }
    }

    @Test
    void createHypertableByRange() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run(CONDITIONS);
            assertEquals(List.of("(1,t)"), r.run("SELECT create_hypertable('conditions', by_range('time', INTERVAL '1 day'))"));
            assertEquals(List.of("1|f"), r.run("SELECT * FROM create_hypertable('conditions', by_range('time'), "
                + "if_not_exists => true)"));
            r.run("CREATE TABLE m (t bigint NOT NULL, v int)");
            assertEquals(List.of("2|t"), r.run("SELECT * FROM create_hypertable('m', by_range('t', 1000))"));
            assertEquals(List.of("m|bigint|NULL|1000"), r.run("SELECT hypertable_name, column_type, time_interval, "
                + "integer_interval FROM timescaledb_information.dimensions WHERE hypertable_name = 'm'"));
        }
    }

    @Test
    void integerTimeNeedsAnInterval() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE m (t int NOT NULL)");
            assertEquals("22023", sqlState(() -> r.run("SELECT create_hypertable('m', 't')")));
            assertEquals("22023", sqlState(() -> r.run("SELECT create_hypertable('m', 't', chunk_time_interval => INTERVAL '1 day')")));
            assertEquals(List.of("(1,public,m,t)"), r.run("SELECT create_hypertable('m', 't', chunk_time_interval => 100)"));
        }
    }

    @Test
    void createTableWithTsdbOptions() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE c (time timestamptz NOT NULL, v float8) WITH (tsdb.hypertable, "
                + "tsdb.partition_column = 'time', tsdb.chunk_interval = '1 day')");
            assertEquals(List.of("public|c|postgres|1|0|f|NULL|time|timestamp with time zone"),
                r.run("SELECT * FROM timescaledb_information.hypertables"));
            assertEquals(List.of("1 day"), r.run("SELECT time_interval FROM timescaledb_information.dimensions"));
            r.run("CREATE TABLE d (ts timestamptz NOT NULL, v float8) WITH (timescaledb.hypertable)");
            assertEquals(List.of("d|ts|7 days"), r.run("SELECT hypertable_name, column_name, time_interval FROM "
                + "timescaledb_information.dimensions WHERE hypertable_name = 'd'"));
            r.run("CREATE TABLE e (x int) WITH (fillfactor = 70)");
            assertEquals(List.of("2"), r.run("SELECT count(*) FROM timescaledb_information.hypertables"));
            assertEquals("22023", sqlState(() -> r.run("CREATE TABLE f (x int) WITH (tsdb.hypertable)")));
            assertEquals(List.of("0"), r.run("SELECT count(*) FROM pg_class WHERE relname = 'f'"));
        }
    }

    @Test
    void setChunkTimeInterval() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run(CONDITIONS);
            r.run("SELECT create_hypertable('conditions', 'time')");
            assertEquals(List.of(""), r.run("SELECT set_chunk_time_interval('conditions', INTERVAL '24 hours')"));
            assertEquals(List.of("1 day"), r.run("SELECT time_interval FROM timescaledb_information.dimensions"));
            r.run("SELECT set_chunk_time_interval(hypertable => 'conditions', chunk_time_interval => 7200000000)");
            assertEquals(List.of("02:00:00"), r.run("SELECT time_interval FROM timescaledb_information.dimensions"));
            r.run("CREATE TABLE plain (x int)");
            assertEquals("TS001", sqlState(() -> r.run("SELECT set_chunk_time_interval('plain', INTERVAL '1 day')")));
        }
    }

    @Test
    void plainTablesAreNotHypertables() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE plain (time timestamptz, x int)");
            r.run("INSERT INTO plain VALUES (now(), 1), (now(), 2)");
            EpochException e = assertThrows(EpochException.class, () -> r.run("SELECT show_chunks('plain')"));
            assertEquals("TS001", e.sqlState());
            assertEquals("table \"plain\" is not a hypertable", e.getMessage());
            assertEquals("TS001", sqlState(() -> r.run("SELECT drop_chunks('plain', INTERVAL '1 day')")));
            assertEquals(List.of("NULL"), r.run("SELECT hypertable_size('plain')"));
            assertEquals(List.of(), r.run("SELECT * FROM hypertable_detailed_size('plain')"));
            assertEquals(List.of("2"), r.run("SELECT approximate_row_count('plain')"));
            assertEquals("42P01", sqlState(() -> r.run("SELECT show_chunks('missing')")));
        }
    }

    @Test
    void sizesAndRowCounts() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run(CONDITIONS);
            r.run("SELECT create_hypertable('conditions', 'time')");
            r.run("INSERT INTO conditions VALUES ('2024-01-01', 1, 1.5), ('2024-01-09', 2, 2.5)");
            assertEquals(List.of("2"), r.run("SELECT approximate_row_count('conditions')"));
            long size = Long.parseLong(r.one("SELECT hypertable_size('conditions')"));
            assertTrue(size >= 0);
            assertEquals(List.of("t"), r.run("SELECT hypertable_size('conditions') = total_bytes FROM "
                + "hypertable_detailed_size('conditions')"));
            String detailed = r.one("SELECT hypertable_detailed_size('conditions')");
            assertTrue(detailed.matches("\\(\\d+,\\d+,0,\\d+,\\)"), detailed);
            assertEquals(List.of("t"), r.run("SELECT pg_size_pretty(hypertable_size('conditions')) IS NOT NULL"));
        }
    }

    @Test
    void dropChunksNeedsABound() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run(CONDITIONS);
            r.run("SELECT create_hypertable('conditions', 'time')");
            assertEquals("22023", sqlState(() -> r.run("SELECT drop_chunks('conditions')")));
            assertEquals("22023", sqlState(() -> r.run("SELECT drop_chunks('conditions', older_than => 5)")));
            assertEquals("22023", sqlState(() -> r.run("SELECT drop_chunks('conditions', older_than => INTERVAL '2 days', "
                + "newer_than => INTERVAL '1 day')")));
            assertEquals("42883", sqlState(() -> r.run("SELECT drop_chunks('conditions', older => INTERVAL '2 days')")));
            r.run("CREATE TABLE local (ts timestamp NOT NULL)");
            r.run("SELECT create_hypertable('local', 'ts')");
            EpochException e = assertThrows(EpochException.class,
                () -> r.run("SELECT show_chunks('local', older_than => '2024-01-01'::timestamptz)"));
            assertEquals("invalid time argument type \"timestamp with time zone\"", e.getMessage());
            assertEquals("Try casting the argument to \"timestamp without time zone\".", e.hint());
            assertEquals(List.of(), r.run("SELECT show_chunks('local', older_than => '2024-01-01'::timestamp)"));
            assertEquals(List.of(), r.run("SELECT show_chunks('local', older_than => INTERVAL '1 day')"));
            r.run("CREATE TABLE ints (t int NOT NULL)");
            r.run("SELECT create_hypertable('ints', 't', chunk_time_interval => 10)");
            assertEquals("22023", sqlState(() -> r.run("SELECT show_chunks('ints', older_than => INTERVAL '1 day')")));
            assertEquals("22023", sqlState(() -> r.run("SELECT show_chunks('ints', older_than => 5::bigint)")));
        }
    }

    @Test
    void functionsAsTablesInsideQueries() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run(CONDITIONS);
            r.run("SELECT create_hypertable('conditions', 'time')");
            assertEquals(List.of("0"), r.run("SELECT count(*) FROM show_chunks('conditions')"));
            assertEquals(List.of(), r.run("SELECT * FROM show_chunks('conditions', older_than => now()) ORDER BY 1"));
            assertEquals(List.of(), r.run("SELECT c FROM show_chunks('conditions') AS c WHERE c LIKE '%hyper%'"));
            assertEquals(List.of("0"), r.run("SELECT count(*) FROM chunks_detailed_size('conditions') s "
                + "WHERE s.total_bytes > 0"));
            assertEquals(List.of("t"), r.run("SELECT d.total_bytes >= 0 FROM hypertable_detailed_size('conditions') AS d"));
            assertEquals(List.of("t"), r.run("SELECT x.b >= 0 FROM hypertable_detailed_size('conditions') AS x(a, b)"));
        }
    }

    @Test
    void parametersInArguments() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run(CONDITIONS);
            r.run("SELECT create_hypertable('conditions', 'time')");
            io.epochdb.planner.Session s = r.session();
            io.epochdb.planner.Statement st = s.parse("SELECT drop_chunks($1, older_than => $2::timestamptz)").get(0);
            io.epochdb.planner.Prepared p = s.prepare(st, List.of(io.epochdb.common.types.SqlType.VARCHAR,
                io.epochdb.common.types.SqlType.VARCHAR));
            assertEquals(List.of(io.epochdb.common.types.SqlType.VARCHAR, io.epochdb.common.types.SqlType.VARCHAR),
                p.parameterTypes());
            try (io.epochdb.planner.QueryResult q = s.execute(p, List.of("conditions", "2024-01-02 00:00:00+00"))) {
                assertEquals(null, q.next());
            }
        }
    }

    @Test
    void extensionSchemasAreVisible() {
        try (SqlRunner r = new SqlRunner(dir)) {
            assertEquals(List.of("_timescaledb_internal", "timescaledb_information"), r.run("SELECT nspname FROM "
                + "pg_namespace WHERE nspname IN ('_timescaledb_internal', 'timescaledb_information') ORDER BY 1"));
            assertEquals(List.of("CREATE EXTENSION"), r.run("CREATE EXTENSION IF NOT EXISTS timescaledb"));
            assertEquals(List.of("3"), r.run("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'timescaledb_information'"));
        }
    }
}
