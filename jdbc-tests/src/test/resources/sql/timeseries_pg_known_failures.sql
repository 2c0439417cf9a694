-- Statements where EpochDB differs from PostgreSQL 15 (known bugs), with the statements that set up their state.
-- Skipped unless -Dslt.all=true; when one is fixed, move it back to timeseries_pg.sql and record again.
CREATE TABLE readings (time timestamptz NOT NULL, sensor text, v double precision, n integer, b bigint, d numeric, ts timestamp, day date, dur interval);
INSERT INTO readings VALUES
  ('2024-03-01 00:00:00+00', 's1', 10.5, 10, 100, 1.5, '2024-03-01 00:00:00', '2024-03-01', '1 hour'),
  ('2024-03-01 00:10:00+00', 's1', 12.0, 12, 120, 2.25, '2024-03-01 00:10:00', '2024-03-02', '30 minutes'),
  ('2024-03-01 00:20:00+00', 's1', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  ('2024-03-01 00:30:00+00', 's1', 11.0, 11, 110, 3.125, '2024-03-01 00:30:00', '2024-02-28', '2 days'),
  ('2024-03-01 00:40:00+00', 's1', 15.25, 15, 150, 0.5, '2024-03-01 00:40:00', '2024-03-05', '-1 hour'),
  ('2024-03-01 01:00:00+00', 's1', 14.0, 14, 140, 7, '2024-03-01 01:00:00', '2024-03-01', '1 day 2 hours'),
  ('2024-03-01 00:00:00+00', 's2', 20.0, 20, 200, 10, '2024-03-01 00:00:00', '2023-12-31', '1 mon'),
  ('2024-03-01 00:15:00+00', 's2', 18.0, 18, 180, 12.5, '2024-03-01 00:15:00', '2024-01-01', '25 hours'),
  ('2024-03-01 00:45:00+00', 's2', 18.0, 18, 180, 12.5, '2024-03-01 00:45:00', '2024-01-01', '00:00:01'),
  ('2024-03-01 01:30:00+00', 's2', 25.5, 25, 250, -4, '2024-03-01 01:30:00', '2024-06-30', '3 days'),
  ('2024-03-01 00:05:00+00', 's3', 5.0, 5, 50, 5, '1969-12-31 23:59:59', '1960-01-01', '1 microsecond');
-- DISTINCT over a row value: Calcite's RecordType has no exec key type yet
SELECT count(DISTINCT (sensor, n > 12)) FROM readings;
-- ordered-set aggregate as a window function: PostgreSQL says 0A000 "OVER is not supported for ordered-set aggregate
-- percentile_cont", EpochDB reports Calcite's 42601 "OVER must be applied to aggregate function"
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) OVER () FROM readings;
