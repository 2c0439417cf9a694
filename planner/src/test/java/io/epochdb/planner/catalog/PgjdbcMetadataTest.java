package io.epochdb.planner.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.planner.SqlRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pgjdbc 42.7's DatabaseMetaData and type-loading queries, exactly as the driver sends them. */
class PgjdbcMetadataTest {
    @TempDir
    Path dir;

    @Test
    void databaseMetaDataQueriesRunUnchanged() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE cpu (time timestamptz NOT NULL, host text DEFAULT 'h1', usage double precision, id int PRIMARY KEY)");
            r.run("CREATE INDEX cpu_host_idx ON cpu (host)");
            r.run("COMMENT ON TABLE cpu IS 'the cpu table'");
            int oid = Integer.parseInt(r.one("SELECT 'cpu'::regclass::oid"));
            Map<String, String> q = ClientQueries.load("/catalog/pgjdbc-metadata.sql", oid);

            assertEquals(List.of("postgres|public|cpu|TABLE|the cpu table|||||"), r.run(q.get("pgjdbc 42.7 getTables")));
            assertEquals(List.of(
                "postgres|public|cpu|time|1184|t|-1|8|-1|1|NULL|NULL|NULL|NULL|0|b",
                "postgres|public|cpu|host|25|f|-1|-1|-1|2|NULL|NULL|'h1'|NULL|0|b",
                "postgres|public|cpu|usage|701|f|-1|8|-1|3|NULL|NULL|NULL|NULL|0|b",
                "postgres|public|cpu|id|23|t|-1|4|-1|4|NULL|NULL|NULL|NULL|0|b"), r.run(q.get("pgjdbc 42.7 getColumns")));
            assertEquals(List.of("postgres|public|cpu|id|1|cpu_pkey"), r.run(q.get("pgjdbc 42.7 getPrimaryKeys")));
            assertEquals(List.of("postgres|public|cpu|f|NULL|cpu_pkey|3|1|id|A|0|1|NULL|NULL",
                "postgres|public|cpu|t|NULL|cpu_host_idx|3|1|host|A|0|1|NULL|NULL"), r.run(q.get("pgjdbc 42.7 getIndexInfo")));
            assertEquals(List.of("_timescaledb_cache|postgres", "_timescaledb_catalog|postgres", "_timescaledb_config|postgres", "_timescaledb_debug|postgres", "_timescaledb_functions|postgres", "_timescaledb_internal|postgres",
                "information_schema|postgres", "pg_catalog|postgres", "public|postgres", "timescaledb_experimental|postgres", "timescaledb_information|postgres"),
                r.run(q.get("pgjdbc 42.7 getSchemas")));
            List<String> types = r.run(q.get("pgjdbc 42.7 getTypeInfo"));
            assertTrue(types.contains("int4|23") && types.contains("_text|1009") && types.contains("timestamptz|1184"), types.toString());
            List<String> arrays = r.run(q.get("pgjdbc 42.7 getTypeInfo #2"));
            assertTrue(arrays.contains("t|b|_int4|1007") && arrays.contains("f|b|int4|23"), arrays.toString());
            assertTrue(r.run(q.get("pgjdbc 42.7 getFunctions")).contains("postgres|public|time_bucket|NULL|1|time_bucket_17001"));
            assertEquals(List.of("postgres", "template1"), r.run(q.get("pgjdbc 42.7 getCatalogs")));
            assertEquals(4, r.run(q.get("pgjdbc 42.7 ResultSetMetaData")).size());
        }
    }

    @Test
    void typeInfoCacheQueries() {
        try (SqlRunner r = new SqlRunner(dir)) {
            // TypeInfoCache.getPGType(oid) and getTypeForAlias / array delimiter lookups
            assertEquals(List.of("t|pg_catalog|_int4"), r.run("SELECT n.nspname = ANY(current_schemas(true)), n.nspname, t.typname "
                + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid WHERE t.oid = 1007"));
            assertEquals(List.of("23"), r.run("SELECT pg_type.oid FROM pg_catalog.pg_type WHERE typname = 'int4'"));
            assertEquals(List.of(","), r.run("SELECT e.typdelim FROM pg_catalog.pg_type t, pg_catalog.pg_type e "
                + "WHERE t.oid = 1009 and t.typelem = e.oid"));
            assertEquals(List.of("25"), r.run("SELECT e.oid, n.nspname = ANY(current_schemas(true)), n.nspname, e.typname "
                + "FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON t.typnamespace = n.oid "
                + "JOIN pg_catalog.pg_type e ON t.typelem = e.oid WHERE t.oid = 1009").stream().map(s -> s.split("\\|")[0]).toList());
        }
    }
}
