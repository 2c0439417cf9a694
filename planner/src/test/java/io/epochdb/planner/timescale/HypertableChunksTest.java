package io.epochdb.planner.timescale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.epochdb.planner.SqlRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** show_chunks, drop_chunks and timescaledb_information.chunks over a hypertable with rows in several chunks. */
class HypertableChunksTest {
    @TempDir
    Path dir;

    /** Three 1-day chunks: 2024-01-01, 2024-01-02 and 2024-01-05 (UTC). */
    private static void load(SqlRunner r) {
        r.run("SET TimeZone = 'UTC'");
        r.run("CREATE TABLE conditions (time timestamptz NOT NULL, device int, temp float8)");
        r.run("SELECT create_hypertable('conditions', by_range('time', INTERVAL '1 day'))");
        r.run("INSERT INTO conditions VALUES ('2024-01-01 10:00+00', 1, 1.0), ('2024-01-01 11:00+00', 2, 2.0), "
            + "('2024-01-02 10:00+00', 1, 3.0), ('2024-01-05 00:00+00', 1, 4.0)");
    }

    @Test
    void showChunksInBothForms() {
        try (SqlRunner r = new SqlRunner(dir)) {
            load(r);
            List<String> all = List.of("_timescaledb_internal._hyper_1_1_chunk", "_timescaledb_internal._hyper_1_2_chunk",
                "_timescaledb_internal._hyper_1_3_chunk");
            assertEquals(all, r.run("SELECT show_chunks('conditions')"));
            assertEquals(all, r.run("SELECT * FROM show_chunks('conditions')"));
            assertEquals(List.of("3"), r.run("SELECT count(*) FROM show_chunks('conditions')"));
            assertEquals(all.subList(0, 2), r.run("SELECT show_chunks('conditions', older_than => '2024-01-03'::timestamptz)"));
            assertEquals(all.subList(1, 3), r.run("SELECT show_chunks('conditions', newer_than => DATE '2024-01-02')"));
            assertEquals(all.subList(1, 2), r.run("SELECT show_chunks('conditions', older_than => '2024-01-04'::timestamptz, "
                + "newer_than => '2024-01-02'::timestamptz)"));
            assertEquals(all, r.run("SELECT show_chunks('conditions', older_than => INTERVAL '1 day')"));
            assertEquals(List.of(), r.run("SELECT show_chunks('conditions', newer_than => now() - INTERVAL '1 hour')"));
            assertEquals(List.of(all.get(2), all.get(1)), r.run("SELECT show_chunks('conditions') AS c ORDER BY c DESC LIMIT 2"));
            assertEquals(all.subList(0, 1), r.run("SELECT * FROM show_chunks('conditions') c ORDER BY c LIMIT 1"));
        }
    }

    @Test
    void chunksView() {
        try (SqlRunner r = new SqlRunner(dir)) {
            load(r);
            assertEquals(List.of(
                "conditions|_timescaledb_internal|_hyper_1_1_chunk|time|timestamp with time zone|2024-01-01 00:00:00+00|2024-01-02 00:00:00+00|NULL|NULL|f",
                "conditions|_timescaledb_internal|_hyper_1_2_chunk|time|timestamp with time zone|2024-01-02 00:00:00+00|2024-01-03 00:00:00+00|NULL|NULL|f",
                "conditions|_timescaledb_internal|_hyper_1_3_chunk|time|timestamp with time zone|2024-01-05 00:00:00+00|2024-01-06 00:00:00+00|NULL|NULL|f"),
                r.run("SELECT hypertable_name, chunk_schema, chunk_name, primary_dimension, primary_dimension_type, "
                    + "range_start, range_end, range_start_integer, range_end_integer, is_compressed "
                    + "FROM timescaledb_information.chunks ORDER BY range_start"));
            assertEquals(List.of("conditions|3"), r.run("SELECT hypertable_name, num_chunks FROM timescaledb_information.hypertables"));
            assertEquals(List.of("3"), r.run("SELECT count(*) FROM chunks_detailed_size('conditions')"));
            assertEquals(List.of("4"), r.run("SELECT approximate_row_count('conditions')"));
        }
    }

    @Test
    void dropChunks() {
        try (SqlRunner r = new SqlRunner(dir)) {
            load(r);
            assertEquals(List.of("_timescaledb_internal._hyper_1_1_chunk"),
                r.run("SELECT drop_chunks('conditions', older_than => '2024-01-02'::timestamptz)"));
            assertEquals(List.of("2"), r.run("SELECT count(*) FROM conditions"));
            assertEquals(List.of("_timescaledb_internal._hyper_1_3_chunk"),
                r.run("SELECT * FROM drop_chunks('conditions', newer_than => '2024-01-04'::timestamptz)"));
            assertEquals(List.of("1"), r.run("SELECT count(*) FROM conditions"));
            assertEquals(List.of(), r.run("SELECT drop_chunks('conditions', older_than => '2023-01-01'::timestamptz)"));
            assertEquals(List.of("_timescaledb_internal._hyper_1_2_chunk"),
                r.run("SELECT drop_chunks('conditions', INTERVAL '1 day')"));
            assertEquals(List.of("0"), r.run("SELECT count(*) FROM timescaledb_information.chunks"));
        }
    }

    @Test
    void integerHypertable() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE m (t bigint NOT NULL, v int)");
            r.run("SELECT create_hypertable('m', 't', chunk_time_interval => 10)");
            r.run("INSERT INTO m VALUES (1, 1), (15, 2), (25, 3)");
            assertEquals(List.of("_hyper_1_1_chunk|NULL|NULL|0|10", "_hyper_1_2_chunk|NULL|NULL|10|20",
                "_hyper_1_3_chunk|NULL|NULL|20|30"), r.run("SELECT chunk_name, range_start, range_end, range_start_integer, "
                    + "range_end_integer FROM timescaledb_information.chunks ORDER BY chunk_name"));
            assertEquals(List.of("_timescaledb_internal._hyper_1_1_chunk"), r.run("SELECT show_chunks('m', older_than => 10)"));
            assertEquals(List.of("_timescaledb_internal._hyper_1_1_chunk", "_timescaledb_internal._hyper_1_2_chunk"),
                r.run("SELECT drop_chunks('m', older_than => 20)"));
            assertEquals(List.of("25|3"), r.run("SELECT * FROM m"));
        }
    }
}
