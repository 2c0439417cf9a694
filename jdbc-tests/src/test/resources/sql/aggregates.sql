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
SELECT count(*), count(cpu), count(mem), count(DISTINCT host), count(DISTINCT region) FROM metrics;
SELECT sum(cpu), avg(cpu), min(cpu), max(cpu) FROM metrics;
SELECT sum(mem), avg(mem), min(mem), max(mem) FROM metrics;
SELECT host, count(*), avg(cpu), max(mem) FROM metrics GROUP BY host ORDER BY host;
SELECT region, host, sum(mem) FROM metrics GROUP BY region, host ORDER BY region, host;
SELECT region, count(*) AS n FROM metrics GROUP BY region HAVING count(*) > 1 ORDER BY n DESC, region;
SELECT region, avg(cpu) FILTER (WHERE ok), count(*) FILTER (WHERE cpu > 25) FROM metrics GROUP BY region ORDER BY region;
SELECT bool_and(ok), bool_or(ok), every(cpu > 5) FROM metrics;
SELECT string_agg(host, ',' ORDER BY host) FROM (SELECT DISTINCT host FROM metrics) s;
SELECT region, string_agg(DISTINCT host, ';' ORDER BY host) FROM metrics GROUP BY region ORDER BY region;
SELECT array_agg(mem ORDER BY mem) FROM metrics WHERE mem IS NOT NULL;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY cpu), percentile_disc(0.5) WITHIN GROUP (ORDER BY cpu) FROM metrics;
SELECT count(*), sum(cpu), avg(cpu), max(ts) FROM metrics WHERE host = 'nope';
SELECT host FROM metrics GROUP BY host HAVING sum(cpu) IS NULL ORDER BY host;
SELECT DISTINCT region FROM metrics ORDER BY region;
SELECT DISTINCT ON (region) region, host, cpu FROM metrics ORDER BY region, cpu DESC NULLS LAST;
SELECT region, count(*) FROM metrics GROUP BY 1 ORDER BY 2 DESC, 1;
SELECT ok, count(*) FROM metrics GROUP BY ok ORDER BY ok NULLS FIRST;
SELECT min(ts), max(ts), max(ts) - min(ts) AS span FROM metrics;
SELECT min(host), max(host), min(region || host) FROM metrics;
SELECT sum(x), avg(x), count(x) FROM (VALUES (1::int), (2), (2147483647)) v(x);
SELECT sum(x)::text, avg(x) FROM (VALUES (1.10::numeric), (2.205), (NULL)) v(x);
SELECT region, round(avg(cpu)::numeric, 2) AS avg_cpu FROM metrics GROUP BY region HAVING avg(cpu) > 20 ORDER BY avg_cpu;
SELECT count(*) FROM (SELECT host FROM metrics GROUP BY host) s;
SELECT region, host, count(*) FROM metrics GROUP BY ROLLUP (region, host) ORDER BY region NULLS LAST, host NULLS LAST;
