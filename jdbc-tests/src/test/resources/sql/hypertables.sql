-- TimescaleDB's hypertable API: create_hypertable, chunks, drop_chunks, sizes and the information views
CREATE EXTENSION IF NOT EXISTS timescaledb;
CREATE TABLE conditions (time timestamptz NOT NULL, device int, temperature float8);
SELECT create_hypertable('conditions', 'time', chunk_time_interval => INTERVAL '1 day');
SELECT create_hypertable('conditions', 'time');
SELECT * FROM create_hypertable('conditions', 'time', if_not_exists => TRUE);
SELECT hypertable_schema, hypertable_name, owner, num_dimensions, num_chunks, compression_enabled, tablespaces, primary_dimension, primary_dimension_type FROM timescaledb_information.hypertables;
SELECT * FROM timescaledb_information.dimensions;
INSERT INTO conditions VALUES ('2024-01-01 10:00:00+00', 1, 20.5), ('2024-01-01 11:00:00+00', 2, 21.5), ('2024-01-02 09:30:00+00', 1, 19.0), ('2024-01-05 00:00:00+00', 2, 18.0);
SELECT show_chunks('conditions');
SELECT * FROM show_chunks('conditions', older_than => '2024-01-03'::timestamptz);
SELECT show_chunks('conditions', newer_than => '2024-01-02'::timestamptz);
SELECT count(*) FROM show_chunks('conditions');
SELECT show_chunks('conditions') AS chunk ORDER BY chunk DESC LIMIT 2;
SELECT c.chunk_name, c.range_end FROM show_chunks('conditions') s JOIN timescaledb_information.chunks c ON s.s::text = c.chunk_schema || '.' || c.chunk_name ORDER BY 1;
SELECT hypertable_name, pg_size_pretty(hypertable_size(format('%I.%I', hypertable_schema, hypertable_name)::regclass)) IS NOT NULL AS sized FROM timescaledb_information.hypertables;
SELECT hypertable_name, chunk_schema, chunk_name, primary_dimension, primary_dimension_type, range_start, range_end, range_start_integer, range_end_integer, is_compressed, chunk_tablespace FROM timescaledb_information.chunks ORDER BY range_start;
SELECT num_chunks FROM timescaledb_information.hypertables WHERE hypertable_name = 'conditions';
SELECT approximate_row_count('conditions');
SELECT hypertable_size('conditions') > 0 AS has_size;
SELECT table_bytes >= 0 AS t, toast_bytes, total_bytes = hypertable_size('conditions') AS same, node_name FROM hypertable_detailed_size('conditions');
SELECT chunk_schema, chunk_name, node_name FROM chunks_detailed_size('conditions') ORDER BY chunk_name;
SELECT drop_chunks('conditions', older_than => '2024-01-02'::timestamptz);
SELECT count(*) FROM conditions;
SELECT drop_chunks('conditions', older_than => '2024-01-01'::timestamptz);
SELECT drop_chunks('conditions');
SELECT drop_chunks('conditions', newer_than => '2024-01-04'::timestamptz);
SELECT show_chunks('conditions');
SELECT set_chunk_time_interval('conditions', INTERVAL '12 hours');
SELECT time_interval FROM timescaledb_information.dimensions WHERE hypertable_name = 'conditions';
-- the newer signature with a dimension builder
CREATE TABLE metrics (ts timestamptz, value float8);
SELECT create_hypertable('metrics', by_range('ts', INTERVAL '7 days'));
SELECT * FROM create_hypertable('metrics', by_range('ts'), if_not_exists => true);
SELECT attname, attnotnull FROM pg_attribute WHERE attrelid = 'metrics'::regclass AND attnum > 0 ORDER BY attnum;
-- integer time needs an explicit interval
CREATE TABLE readings (t bigint NOT NULL, v int);
SELECT create_hypertable('readings', 't');
SELECT create_hypertable('readings', 't', chunk_time_interval => 100);
SELECT hypertable_name, column_name, column_type, dimension_type, time_interval, integer_interval FROM timescaledb_information.dimensions WHERE hypertable_name = 'readings';
INSERT INTO readings VALUES (5, 1), (150, 2), (250, 3);
SELECT chunk_name, range_start, range_end, range_start_integer, range_end_integer FROM timescaledb_information.chunks WHERE hypertable_name = 'readings' ORDER BY range_start_integer;
SELECT show_chunks('readings', older_than => 200);
SELECT drop_chunks('readings', older_than => 100);
SELECT * FROM readings ORDER BY t;
-- declarative hypertables
CREATE TABLE events (time timestamptz NOT NULL, name text) WITH (tsdb.hypertable, tsdb.partition_column = 'time', tsdb.chunk_interval = '1 day');
SELECT hypertable_name, column_name, time_interval FROM timescaledb_information.dimensions WHERE hypertable_name = 'events';
-- errors on plain tables
CREATE TABLE plain (time timestamptz, x int);
SELECT show_chunks('plain');
SELECT drop_chunks('plain', older_than => INTERVAL '1 day');
SELECT set_chunk_time_interval('plain', INTERVAL '1 day');
SELECT hypertable_size('plain');
SELECT * FROM hypertable_detailed_size('plain');
SELECT show_chunks('missing');
SELECT create_hypertable('plain', 'nope');
SELECT nspname FROM pg_namespace WHERE nspname IN ('_timescaledb_internal', 'timescaledb_information') ORDER BY 1;
