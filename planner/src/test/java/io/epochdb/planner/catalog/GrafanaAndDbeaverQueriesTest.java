package io.epochdb.planner.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.epochdb.planner.SqlRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grafana's PostgreSQL data source meta queries (postgresMetaQuery.ts: version, TimescaleDB detection, schema,
 * table and column pickers) and the catalog queries DBeaver runs on connect and when browsing a table.
 */
class GrafanaAndDbeaverQueriesTest {
    @TempDir
    Path dir;

    private static final String SCHEMA_CONSTRAINT = "\n" + """
          quote_ident(table_schema) IN (
          SELECT
            CASE WHEN trim(s[i]) = '"$user"' THEN user ELSE trim(s[i]) END
          FROM
            generate_series(
              array_lower(string_to_array(current_setting('search_path'),','),1),
              array_upper(string_to_array(current_setting('search_path'),','),1)
            ) as i,
            string_to_array(current_setting('search_path'),',') s
          )""";

    @Test
    void grafanaMetaQueries() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE cpu (time timestamptz NOT NULL, host text, usage double precision)");
            r.run("CREATE SCHEMA other");
            r.run("CREATE TABLE other.\"Mem\" (time timestamptz, used bigint)");
            r.run("CREATE TABLE other.disk (time timestamptz, used bigint)");
            assertEquals("1500", r.one("SELECT current_setting('server_version_num')::int/100 as version"));
            assertEquals("2.28.3", r.one("SELECT extversion FROM pg_extension WHERE extname = 'timescaledb'"));
            assertEquals(List.of("other", "public"), r.run("""
                SELECT schema_name AS "name"
                    FROM information_schema.schemata
                    WHERE schema_name NOT IN ('information_schema',
                                              'pg_catalog',
                                              'pg_toast',
                                              '_timescaledb_cache',
                                              '_timescaledb_catalog',
                                              '_timescaledb_internal',
                                              '_timescaledb_config',
                                              'timescaledb_information',
                                              'timescaledb_experimental')
                    ORDER BY schema_name"""));
            assertEquals(List.of("\"Mem\"", "disk"), r.run("""
                SELECT quote_ident(table_name) AS "table"
                      FROM information_schema.tables
                      WHERE quote_ident(table_schema) = 'other'
                      ORDER BY 1"""));
            assertEquals(List.of("cpu", "other.\"Mem\"", "other.disk"), r.run("SELECT\n    CASE WHEN " + SCHEMA_CONSTRAINT + """

                      THEN quote_ident(table_name)
                      ELSE quote_ident(table_schema) || '.' || quote_ident(table_name)
                    END AS "table"
                    FROM information_schema.tables
                    WHERE quote_ident(table_schema) NOT IN ('information_schema',
                                             'pg_catalog',
                                             '_timescaledb_cache',
                                             '_timescaledb_catalog',
                                             '_timescaledb_internal',
                                             '_timescaledb_config',
                                             'timescaledb_information',
                                             'timescaledb_experimental')
                    ORDER BY CASE WHEN""" + SCHEMA_CONSTRAINT + " THEN 0 ELSE 1 END, 1"));
            assertEquals(List.of("\"time\"|timestamp with time zone", "host|text", "usage|double precision"), r.run("""
                SELECT quote_ident(column_name) AS "column", data_type AS "type"
                    FROM information_schema.columns
                    WHERE
                      CASE WHEN array_length(parse_ident('cpu'),1) = 2
                        THEN quote_ident(table_schema) = (parse_ident('cpu'))[1]
                          AND quote_ident(table_name) = (parse_ident('cpu'))[2]
                        ELSE quote_ident(table_name) = 'cpu'
                          AND""" + SCHEMA_CONSTRAINT + "\n      END"));
            assertEquals(List.of("used|bigint"), r.run("""
                SELECT quote_ident(column_name) AS "column", data_type AS "type"
                    FROM information_schema.columns
                    WHERE
                      CASE WHEN array_length(parse_ident('other.disk'),1) = 2
                        THEN quote_ident(table_schema) = (parse_ident('other.disk'))[1]
                          AND quote_ident(table_name) = (parse_ident('other.disk'))[2]
                        ELSE false
                      END AND column_name = 'used'"""));
        }
    }

    @Test
    void dbeaverBrowseQueries() {
        try (SqlRunner r = new SqlRunner(dir)) {
            r.run("CREATE TABLE cpu (time timestamptz NOT NULL, host text DEFAULT 'x', usage double precision)");
            assertEquals("public|postgres", r.one("SELECT current_schema(), session_user"));
            assertEquals("5|postgres", r.one("SELECT db.oid, db.datname FROM pg_catalog.pg_database db WHERE datname = 'postgres'"));
            assertEquals("on", r.one("select setting from pg_catalog.pg_settings where name='standard_conforming_strings'"));
            // TimescaleDB's schemas are listed as in a database with the extension
            assertEquals(List.of("_timescaledb_cache|NULL", "_timescaledb_catalog|NULL", "_timescaledb_config|NULL", "_timescaledb_debug|NULL", "_timescaledb_functions|NULL", "_timescaledb_internal|NULL",
                "information_schema|NULL", "pg_catalog|system catalog schema", "public|standard public schema", "timescaledb_experimental|NULL", "timescaledb_information|NULL"),
                r.run("SELECT n.nspname, d.description FROM pg_catalog.pg_namespace n "
                    + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = n.oid AND d.objsubid = 0 "
                    + "AND d.classoid = 'pg_namespace'::regclass ORDER BY nspname"));
            assertEquals(List.of("cpu|r|NULL|NULL"), r.run("SELECT c.relname, c.relkind, d.description, "
                + "pg_catalog.pg_get_partkeydef(c.oid) as partition_key FROM pg_catalog.pg_class c "
                + "LEFT OUTER JOIN pg_catalog.pg_description d ON d.objoid = c.oid AND d.objsubid = 0 "
                + "AND d.classoid = 'pg_class'::regclass WHERE c.relnamespace = 2200 AND c.relkind not in ('i','I','c')"));
            assertEquals(List.of("time|1|NULL", "host|2|'x'", "usage|3|NULL"), r.run("SELECT a.attname, a.attnum, "
                + "pg_catalog.pg_get_expr(ad.adbin, ad.adrelid, true) as def_value FROM pg_catalog.pg_attribute a "
                + "INNER JOIN pg_catalog.pg_class c ON (a.attrelid = c.oid) "
                + "LEFT OUTER JOIN pg_catalog.pg_attrdef ad ON (a.attrelid = ad.adrelid AND a.attnum = ad.adnum) "
                + "LEFT OUTER JOIN pg_catalog.pg_description dsc ON (c.oid = dsc.objoid AND a.attnum = dsc.objsubid) "
                + "WHERE NOT a.attisdropped AND c.relkind not in ('i','I','c') AND c.oid = 'cpu'::regclass ORDER BY a.attnum"));
            List<String> types = r.run("SELECT t.oid, t.typname, format_type(nullif(t.typbasetype, 0), t.typtypmod) "
                + "FROM pg_catalog.pg_type t LEFT OUTER JOIN pg_catalog.pg_type et ON et.oid = t.typelem "
                + "LEFT OUTER JOIN pg_catalog.pg_class c ON c.oid = t.typrelid "
                + "WHERE t.typname IS NOT NULL AND (c.relkind IS NULL OR c.relkind = 'c') "
                + "AND (et.typcategory IS NULL OR et.typcategory <> 'C')");
            assertTrue(types.contains("1184|timestamptz|NULL"), types.toString());
            assertEquals("postgres|t|t", r.one("SELECT rolname, rolsuper, rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = current_user"));
            assertEquals("1", r.one("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE pid = pg_backend_pid()"));
            assertEquals("pg_default", r.one("SELECT spcname FROM pg_catalog.pg_tablespace WHERE oid = 1663"));
        }
    }
}
