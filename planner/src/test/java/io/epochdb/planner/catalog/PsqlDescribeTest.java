package io.epochdb.planner.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.planner.SqlRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** psql 15's \l, \dn, \dt, \d, \d TABLE, \d+ TABLE, \di, \dv, \df and \du queries, exactly as psql sends them. */
class PsqlDescribeTest {
    @TempDir
    Path dir;

    @Test
    void describeCommandsRunUnchanged() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE cpu (time timestamptz NOT NULL, host text DEFAULT 'h1', usage double precision, id int PRIMARY KEY)");
            r.run("CREATE INDEX cpu_host_idx ON cpu (host)");
            r.run("CREATE VIEW cpu_v AS SELECT host, usage FROM cpu");
            r.run("COMMENT ON COLUMN cpu.usage IS 'percent'");
            int oid = Integer.parseInt(r.one("SELECT 'cpu'::regclass::oid"));
            Map<String, String> q = ClientQueries.load("/catalog/psql15-describe.sql", oid);

            assertEquals(List.of("postgres|postgres|UTF8|C.UTF-8|C.UTF-8|NULL|libc|NULL"),
                r.run(q.get("psql 15 \\l, query 1")).subList(0, 1));
            assertEquals(List.of("_timescaledb_cache|postgres", "_timescaledb_catalog|postgres", "_timescaledb_config|postgres", "_timescaledb_debug|postgres", "_timescaledb_functions|postgres", "_timescaledb_internal|postgres",
                "public|postgres", "timescaledb_experimental|postgres", "timescaledb_information|postgres"), r.run(q.get("psql 15 \\dn, query 1")));
            assertEquals(List.of("public|cpu|table|postgres"), r.run(q.get("psql 15 \\dt, query 1")));
            assertEquals(List.of("public|cpu|table|postgres", "public|cpu_v|view|postgres"), r.run(q.get("psql 15 \\d, query 1")));
            assertEquals(List.of("public|cpu_host_idx|index|postgres|cpu", "public|cpu_pkey|index|postgres|cpu"),
                r.run(q.get("psql 15 \\di, query 1")));
            assertEquals(List.of("public|cpu_v|view|postgres"), r.run(q.get("psql 15 \\dv, query 1")));
            assertTrue(r.run(q.get("psql 15 \\df, query 1")).contains("public|time_bucket|timestamp with time zone|interval, timestamp with time zone|func"));
            assertEquals(List.of("postgres|t|t|t|t|t|-1|NULL|{}|t|t"), r.run(q.get("psql 15 \\du, query 1")));

            // \d cpu: lookup, table flags, columns, indexes, then the (empty) policies, statistics, publications, inheritance
            assertEquals(List.of(oid + "|public|cpu"), r.run(q.get("psql 15 \\d cpu, query 1")));
            assertEquals(List.of("0|r|t|f|f|f|f|f|f||0||p|d|heap"), r.run(q.get("psql 15 \\d cpu, query 2")));
            assertEquals(List.of("time|timestamp with time zone|NULL|t|NULL||", "host|text|'h1'|f|NULL||",
                "usage|double precision|NULL|f|NULL||", "id|integer|NULL|t|NULL||"), r.run(q.get("psql 15 \\d cpu, query 3")));
            assertEquals(List.of(
                "cpu_pkey|t|t|f|t|CREATE UNIQUE INDEX cpu_pkey ON public.cpu USING btree (id)|PRIMARY KEY (id)|p|f|f|f|0",
                "cpu_host_idx|f|f|f|t|CREATE INDEX cpu_host_idx ON public.cpu USING btree (host)|NULL|NULL|NULL|NULL|f|0"),
                r.run(q.get("psql 15 \\d cpu, query 4")));
            for (int i = 5; i <= 9; i++) {
                assertEquals(List.of(), r.run(q.get("psql 15 \\d cpu, query " + i)), "\\d query " + i);
            }
            // \d+ cpu: the same with storage and descriptions
            assertEquals(List.of("0|r|t|f|f|f|f|f|f|NULL|0||p|d|heap"), r.run(q.get("psql 15 \\d+ cpu, query 2")));
            assertEquals("usage|double precision|NULL|f|NULL|||p||NULL|percent", r.run(q.get("psql 15 \\d+ cpu, query 3")).get(2));
            for (int i = 5; i <= 9; i++) {
                assertEquals(List.of(), r.run(q.get("psql 15 \\d+ cpu, query " + i)), "\\d+ query " + i);
            }
        }
    }
}
