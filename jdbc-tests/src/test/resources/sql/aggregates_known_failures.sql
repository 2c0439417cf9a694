-- Statements where EpochDB differs from PostgreSQL 15 (known bugs), with the statements that set up their state.
-- Skipped unless -Dslt.all=true; when one is fixed, move it back to aggregates.sql and record again.
-- Aggregates, GROUP BY, HAVING, DISTINCT
CREATE TABLE metrics (ts timestamptz, host text, region text, cpu double precision, mem bigint, ok boolean);
INSERT INTO metrics VALUES
  ('2024-01-01 00:00:00+00', 'h1', 'eu', 10.0, 100, true),
  ('2024-01-01 00:01:00+00', 'h1', 'eu', 20.0, 200, true),
  ('2024-01-01 00:02:00+00', 'h2', 'eu', 30.0, 300, false),
  ('2024-01-01 00:03:00+00', 'h2', 'eu', NULL, 400, true),
  ('2024-01-01 00:04:00+00', 'h3', 'us', 50.0, NULL, true),
  ('2024-01-01 00:05:00+00', 'h3', 'us', 60.0, 600, NULL),
  ('2024-01-01 00:06:00+00', 'h4', 'ap', 70.5, 700, false);
SELECT pg_typeof(sum(mem)), pg_typeof(avg(mem)), pg_typeof(count(*)), pg_typeof(sum(cpu)) FROM metrics;
SELECT stddev(cpu)::numeric(10,4), variance(cpu)::numeric(10,4), stddev_pop(cpu)::numeric(10,4) FROM metrics;
SELECT host, sum(cpu) FROM metrics;
SELECT sum(host) FROM metrics;
