-- Window functions
CREATE TABLE temps (ts timestamptz, sensor text, v double precision);
INSERT INTO temps VALUES
  ('2024-01-01 00:00:00+00', 's1', 10), ('2024-01-01 01:00:00+00', 's1', 12), ('2024-01-01 02:00:00+00', 's1', 11),
  ('2024-01-01 03:00:00+00', 's1', 15), ('2024-01-01 00:00:00+00', 's2', 20), ('2024-01-01 01:00:00+00', 's2', 18),
  ('2024-01-01 02:00:00+00', 's2', 18), ('2024-01-01 03:00:00+00', 's2', NULL);
SELECT sensor, ts, v, row_number() OVER (PARTITION BY sensor ORDER BY ts) FROM temps ORDER BY sensor, ts;
SELECT sensor, v, rank() OVER (ORDER BY v DESC NULLS LAST), dense_rank() OVER (ORDER BY v DESC NULLS LAST) FROM temps ORDER BY 3, 1, 2;
SELECT sensor, ts, v, lag(v) OVER w, lead(v) OVER w, v - lag(v) OVER w AS delta FROM temps WINDOW w AS (PARTITION BY sensor ORDER BY ts) ORDER BY sensor, ts;
SELECT sensor, ts, lag(v, 2, -1) OVER (PARTITION BY sensor ORDER BY ts) FROM temps ORDER BY sensor, ts;
SELECT sensor, ts, sum(v) OVER (PARTITION BY sensor ORDER BY ts) AS running FROM temps ORDER BY sensor, ts;
SELECT sensor, ts, avg(v) OVER (PARTITION BY sensor ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS moving FROM temps ORDER BY sensor, ts;
SELECT sensor, ts, count(*) OVER (PARTITION BY sensor), max(v) OVER (PARTITION BY sensor) FROM temps ORDER BY sensor, ts;
SELECT sensor, ts, first_value(v) OVER w, last_value(v) OVER w FROM temps
  WINDOW w AS (PARTITION BY sensor ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY sensor, ts;
SELECT ts, v, sum(v) OVER (ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM temps WHERE sensor = 's2' ORDER BY v, ts;
SELECT sensor, ts, ntile(2) OVER (PARTITION BY sensor ORDER BY ts) FROM temps ORDER BY sensor, ts;
SELECT sensor, ts, percent_rank() OVER (PARTITION BY sensor ORDER BY v), cume_dist() OVER (PARTITION BY sensor ORDER BY v) FROM temps WHERE v IS NOT NULL ORDER BY sensor, v, ts;
SELECT sensor, v FROM (SELECT sensor, v, row_number() OVER (PARTITION BY sensor ORDER BY v DESC) AS rn FROM temps WHERE v IS NOT NULL) t WHERE rn = 1 ORDER BY sensor;
SELECT sensor, avg(v), rank() OVER (ORDER BY avg(v) DESC) FROM temps GROUP BY sensor ORDER BY sensor;
SELECT ts, sum(v) OVER (ORDER BY ts ROWS 2 PRECEDING) FROM temps WHERE sensor = 's1' ORDER BY ts;
SELECT sensor, ts, nth_value(v, 2) OVER (PARTITION BY sensor ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM temps ORDER BY sensor, ts;
SELECT sensor, row_number() OVER () IS NOT NULL FROM temps ORDER BY sensor LIMIT 1;
