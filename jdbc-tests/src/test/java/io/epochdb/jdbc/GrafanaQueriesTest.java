package io.epochdb.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The SQL Grafana's PostgreSQL datasource sends once its macros are expanded (simple protocol, text results):
 * $__timeFilter, $__timeGroupAlias (plain and with the TimescaleDB toggle, which uses time_bucket),
 * $__timeEpoch and $__unixEpochFilter, plus the meta queries of its query builder.
 */
class GrafanaQueriesTest {
    @RegisterExtension
    static final EpochServer server = new EpochServer();

    @BeforeAll
    static void load() throws Exception {
        try (Connection c = server.connect()) {
            Sql.exec(c, "CREATE TABLE cpu (time timestamptz NOT NULL, hostname text, usage_user double precision)",
                "INSERT INTO cpu SELECT timestamptz '2024-01-01 00:00:00+00' + x * interval '1 minute', 'h' || (x % 2), x "
                    + "FROM generate_series(0, 9) AS t(x)");
        }
    }

    private static Connection connect() throws Exception {
        return server.connect("preferQueryMode=simple");
    }

    @Test
    void timeSeriesPanelWithTimeGroupAlias() throws Exception {
        try (Connection c = connect()) {
            // $__timeGroupAlias(time, 5m) without TimescaleDB, $__timeFilter(time)
            assertEquals(List.of("1704067200|2", "1704067500|7"), Sql.rows(c,
                "SELECT floor(extract(epoch from time)/300)*300 AS \"time\", avg(usage_user) AS \"usage_user\" FROM cpu "
                    + "WHERE time BETWEEN '2024-01-01T00:00:00Z' AND '2024-01-01T01:00:00Z' GROUP BY 1 ORDER BY 1"));
        }
    }

    @Test
    void timescaleToggleUsesTimeBucket() throws Exception {
        try (Connection c = connect()) {
            // $__timeGroupAlias(time, 5m) with the TimescaleDB option, grouped by a tag as a series
            assertEquals(List.of("2024-01-01 00:00:00+00|h0|2", "2024-01-01 00:00:00+00|h1|2",
                    "2024-01-01 00:05:00+00|h0|7", "2024-01-01 00:05:00+00|h1|7"),
                Sql.rows(c, "SELECT time_bucket('300s', time) AS \"time\", hostname AS metric, avg(usage_user) FROM cpu "
                    + "WHERE time >= '2024-01-01T00:00:00Z' AND time <= '2024-01-01T01:00:00Z' GROUP BY 1, 2 ORDER BY 1, 2"));
        }
    }

    @Test
    void epochMacrosAndTablePanel() throws Exception {
        try (Connection c = connect()) {
            // $__timeEpoch(time) and $__unixEpochFilter on an integer column built from the time
            assertEquals(List.of("1704067740|9"), Sql.rows(c,
                "SELECT extract(epoch from time)::bigint AS \"time\", usage_user FROM cpu "
                    + "WHERE extract(epoch from time) >= 1704067740 AND extract(epoch from time) <= 1704067800 ORDER BY 1"));
            assertEquals(List.of("h0|5", "h1|5"), Sql.rows(c, "SELECT hostname, count(*) FROM cpu GROUP BY 1 ORDER BY 1 LIMIT 50"));
        }
    }

    @Test
    void queryBuilderMetaQueries() throws Exception {
        try (Connection c = connect()) {
            assertEquals("\"$user\", public", Sql.scalar(c, "SELECT current_setting('search_path')"));
            assertEquals(List.of("cpu"), Sql.rows(c, "SELECT quote_ident(table_name) AS \"table\" FROM information_schema.tables "
                + "WHERE quote_ident(table_schema) NOT IN ('information_schema', 'pg_catalog', '_timescaledb_cache', "
                + "'_timescaledb_catalog', '_timescaledb_internal', '_timescaledb_config', 'timescaledb_information', "
                + "'timescaledb_experimental') AND table_type = 'BASE TABLE' ORDER BY table_name"));
            assertEquals(List.of("time|timestamp with time zone", "hostname|text", "usage_user|double precision"),
                Sql.rows(c, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'cpu' ORDER BY ordinal_position"));
            assertEquals("1", Sql.scalar(c, "SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'"));
        }
    }
}
