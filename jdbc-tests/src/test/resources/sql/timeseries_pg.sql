-- PostgreSQL's time-series functions: date_bin, statistical and ordered-set aggregates, window queries
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
-- date_bin
SELECT date_bin('15 minutes', timestamp '2024-03-01 10:37:12', timestamp '2000-01-01');
SELECT date_bin('15 minutes', timestamptz '2024-03-01 10:37:12+00', timestamptz '2000-01-01 00:00:00+00');
SELECT date_bin('15 minutes', timestamp '2024-03-01 10:37:12', timestamp '2000-01-01 00:02:30');
SELECT date_bin('1 day', timestamp '1960-05-17 13:00:00', timestamp '2000-01-01');
SELECT date_bin('1 hour', timestamp '1969-12-31 23:59:59.999999', timestamp '1970-01-01');
SELECT date_bin('1 microsecond', timestamp '2024-03-01 10:37:12.123456', timestamp '2000-01-01');
SELECT date_bin('7 days', timestamp '2024-03-01 10:37:12', timestamp '2024-02-26');
SELECT date_bin('2 hours 30 minutes', timestamp '2024-03-01 10:37:12', timestamp '2024-03-01');
SELECT date_bin('1 day', timestamptz '2024-03-31 12:00:00+00', timestamptz '2024-01-01 00:00:00+00');
SELECT date_bin('10 minutes', time, timestamptz '2024-01-01') AS bin, count(*), avg(v) FROM readings GROUP BY 1 ORDER BY 1;
SELECT date_bin('20 minutes', ts, timestamp '2000-01-01 00:05:00') AS bin, count(*) FROM readings GROUP BY 1 ORDER BY 1;
SELECT date_bin('1 month', timestamp '2024-03-01 10:37:12', timestamp '2000-01-01');
SELECT date_bin('1 year', timestamp '2024-03-01 10:37:12', timestamp '2000-01-01');
SELECT date_bin('0 minutes', timestamp '2024-03-01 10:37:12', timestamp '2000-01-01');
SELECT date_bin('-5 minutes', timestamp '2024-03-01 10:37:12', timestamp '2000-01-01');
SELECT date_bin('5 minutes', NULL::timestamp, timestamp '2000-01-01');
SELECT pg_typeof(date_bin('5 minutes', ts, timestamp '2000-01-01')), pg_typeof(date_bin('5 minutes', time, timestamptz '2000-01-01')) FROM readings LIMIT 1;
-- percentiles and mode
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v), percentile_disc(0.5) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT percentile_cont(0) WITHIN GROUP (ORDER BY v), percentile_cont(1) WITHIN GROUP (ORDER BY v), percentile_disc(0) WITHIN GROUP (ORDER BY v), percentile_disc(1) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY v), percentile_cont(0.25) WITHIN GROUP (ORDER BY v DESC) FROM readings;
SELECT sensor, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) AS median, percentile_disc(0.5) WITHIN GROUP (ORDER BY v) AS disc FROM readings GROUP BY sensor ORDER BY sensor;
SELECT percentile_cont(ARRAY[0, 0.25, 0.5, 0.75, 1]) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT percentile_disc(ARRAY[0, 0.25, 0.5, 0.75, 1]) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT percentile_disc(ARRAY[0.1, 0.9]) WITHIN GROUP (ORDER BY n), percentile_disc(ARRAY[0.5]) WITHIN GROUP (ORDER BY time) FROM readings;
SELECT sensor, percentile_cont(ARRAY[0.1, 0.5, 0.9]) WITHIN GROUP (ORDER BY v) FROM readings GROUP BY sensor ORDER BY sensor;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n), percentile_disc(0.5) WITHIN GROUP (ORDER BY n) FROM readings;
SELECT pg_typeof(percentile_cont(0.5) WITHIN GROUP (ORDER BY n)), pg_typeof(percentile_disc(0.5) WITHIN GROUP (ORDER BY n)), pg_typeof(percentile_disc(0.5) WITHIN GROUP (ORDER BY d)) FROM readings;
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY d), percentile_disc(0.5) WITHIN GROUP (ORDER BY time), percentile_disc(0.5) WITHIN GROUP (ORDER BY sensor) FROM readings;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY dur), percentile_cont(ARRAY[0, 0.3, 1]) WITHIN GROUP (ORDER BY dur), percentile_disc(0.5) WITHIN GROUP (ORDER BY dur) FROM readings;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY time) FROM readings;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FROM readings WHERE false;
SELECT percentile_cont(ARRAY[0.5, NULL]) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT percentile_cont(NULL) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT percentile_cont(1.5) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT percentile_disc(-0.1) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT percentile_cont(ARRAY[0.5, 2]) WITHIN GROUP (ORDER BY v) FROM readings;
SELECT sensor, percentile_cont(0.5) WITHIN GROUP (ORDER BY v) FILTER (WHERE v > 11) FROM readings GROUP BY sensor ORDER BY sensor;
SELECT mode() WITHIN GROUP (ORDER BY v), mode() WITHIN GROUP (ORDER BY sensor), mode() WITHIN GROUP (ORDER BY n) FROM readings;
SELECT sensor, mode() WITHIN GROUP (ORDER BY v) FROM readings GROUP BY sensor ORDER BY sensor;
-- statistics on float8, integer and numeric inputs
SELECT stddev(v), stddev_samp(v), stddev_pop(v), variance(v), var_samp(v), var_pop(v) FROM readings;
SELECT stddev(n), stddev_samp(n), stddev_pop(n), variance(n), var_samp(n), var_pop(n) FROM readings;
SELECT stddev(b), stddev_pop(b), variance(b), var_pop(b) FROM readings;
SELECT stddev(d), stddev_pop(d), variance(d), var_pop(d) FROM readings;
SELECT pg_typeof(stddev(v)), pg_typeof(stddev(n)), pg_typeof(variance(b)), pg_typeof(var_pop(d)), pg_typeof(stddev(n::smallint)), pg_typeof(stddev(v::real)) FROM readings LIMIT 1;
SELECT sensor, stddev(v), variance(n), stddev_pop(d) FROM readings GROUP BY sensor ORDER BY sensor;
SELECT stddev(v), variance(n), stddev_pop(v), var_pop(n) FROM readings WHERE sensor = 's3';
SELECT stddev(v), variance(n) FROM readings WHERE false;
SELECT stddev(x), variance(x), var_pop(x) FROM (VALUES (1e300::float8), (-1e300)) t(x);
SELECT stddev(x), var_samp(x) FROM (VALUES (1.1::numeric), (2.2), (3.3)) t(x);
SELECT corr(v, n), covar_pop(v, n), covar_samp(v, n) FROM readings;
SELECT corr(b, n), covar_pop(b, n), covar_samp(b, d) FROM readings;
SELECT regr_count(v, n), regr_slope(v, n), regr_intercept(v, n), regr_r2(v, n), regr_avgx(v, n), regr_avgy(v, n) FROM readings;
SELECT regr_sxx(v, n), regr_syy(v, n), regr_sxy(v, n) FROM readings;
SELECT sensor, corr(v, extract(epoch from time)), regr_slope(v, extract(epoch from time)) FROM readings GROUP BY sensor ORDER BY sensor;
SELECT corr(v, n), regr_slope(v, n), regr_r2(v, n), covar_samp(v, n) FROM readings WHERE sensor = 's3';
SELECT corr(x, y), regr_slope(x, y), regr_r2(x, y), regr_intercept(x, y) FROM (VALUES (1, 5), (2, 5), (3, 5)) t(x, y);
SELECT pg_typeof(corr(n, n)), pg_typeof(regr_count(v, v)), pg_typeof(covar_pop(d, d)) FROM readings LIMIT 1;
-- min/max on time, text and interval types; DISTINCT aggregates
SELECT min(time), max(time), min(ts), max(ts), min(day), max(day) FROM readings;
SELECT min(dur), max(dur), min(sensor), max(sensor), min(d), max(d) FROM readings;
SELECT sensor, min(dur), max(dur), min(day), max(ts) FROM readings GROUP BY sensor ORDER BY sensor;
SELECT pg_typeof(min(time)), pg_typeof(max(ts)), pg_typeof(min(day)), pg_typeof(max(dur)) FROM readings;
SELECT count(DISTINCT v), count(DISTINCT n), count(DISTINCT sensor), count(DISTINCT time), count(DISTINCT d) FROM readings;
SELECT sum(DISTINCT v), avg(DISTINCT v), sum(DISTINCT n), avg(DISTINCT n), sum(DISTINCT d), avg(DISTINCT d) FROM readings;
SELECT sensor, count(DISTINCT v), sum(DISTINCT n), avg(DISTINCT b) FROM readings GROUP BY sensor ORDER BY sensor;
SELECT sum(dur), avg(dur), sum(DISTINCT dur) FROM readings;
-- window queries over time series
SELECT sensor, time, v, avg(v) OVER (PARTITION BY sensor ORDER BY time ROWS 2 PRECEDING) FROM readings ORDER BY sensor, time;
SELECT sensor, time, v, avg(v) OVER (PARTITION BY sensor ORDER BY time ROWS 6 PRECEDING) AS ma7 FROM readings ORDER BY sensor, time;
SELECT sensor, time, sum(v) OVER (PARTITION BY sensor ORDER BY time ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), count(v) OVER (PARTITION BY sensor ORDER BY time ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM readings ORDER BY sensor, time;
SELECT sensor, time, v, sum(v) OVER (PARTITION BY sensor ORDER BY time RANGE BETWEEN INTERVAL '20 minutes' PRECEDING AND CURRENT ROW) AS s20 FROM readings ORDER BY sensor, time;
SELECT sensor, time, count(*) OVER (PARTITION BY sensor ORDER BY time RANGE BETWEEN INTERVAL '1 hour' PRECEDING AND CURRENT ROW), max(v) OVER (ORDER BY time RANGE BETWEEN INTERVAL '10 minutes' PRECEDING AND INTERVAL '10 minutes' FOLLOWING) FROM readings ORDER BY sensor, time;
SELECT sensor, time, v, v - lag(v) OVER w AS delta, (v - lag(v) OVER w) / extract(epoch from time - lag(time) OVER w) AS rate FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY time) ORDER BY sensor, time;
SELECT sensor, time, lag(v, 2) OVER w, lead(v, 2) OVER w, lag(v, 1, 0) OVER w, lead(n, 1, -1) OVER w, lag(sensor, 1, 'none') OVER w FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY time) ORDER BY sensor, time;
SELECT sensor, time, lag(time) OVER (PARTITION BY sensor ORDER BY time), time - lag(time) OVER (PARTITION BY sensor ORDER BY time) AS gap FROM readings ORDER BY sensor, time;
SELECT sensor, time, v, round(((v - avg(v) OVER p) / stddev(v) OVER p)::numeric, 4) AS z FROM readings WHERE v IS NOT NULL WINDOW p AS (PARTITION BY sensor) ORDER BY sensor, time;
SELECT sensor, time, v, round(((v - avg(v) OVER w) / nullif(stddev(v) OVER w, 0))::numeric, 4) AS z FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY time ROWS BETWEEN 3 PRECEDING AND CURRENT ROW) ORDER BY sensor, time;
SELECT sensor, time, first_value(v) OVER w, last_value(v) OVER w, nth_value(v, 2) OVER w FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY time) ORDER BY sensor, time;
SELECT sensor, time, first_value(v) OVER w, last_value(v) OVER w, nth_value(v, 3) OVER w FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY time ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) ORDER BY sensor, time;
SELECT sensor, time, v, row_number() OVER w, rank() OVER w, dense_rank() OVER w, ntile(3) OVER w FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY v NULLS FIRST) ORDER BY sensor, v NULLS FIRST, time;
SELECT sensor, time, v, rank() OVER (ORDER BY v DESC NULLS LAST), ntile(4) OVER (ORDER BY time, sensor) FROM readings ORDER BY time, sensor;
SELECT sensor, time, sum(v) OVER w1, max(v) OVER w2 FROM readings WINDOW w1 AS (PARTITION BY sensor), w2 AS (w1 ORDER BY time) ORDER BY sensor, time;
SELECT sensor, time, v FROM (SELECT sensor, time, v, row_number() OVER (PARTITION BY sensor ORDER BY time DESC) AS rn FROM readings) t WHERE rn = 1 ORDER BY sensor;
SELECT date_trunc('hour', time) AS hour, sensor, avg(v), avg(avg(v)) OVER (PARTITION BY sensor ORDER BY date_trunc('hour', time) ROWS 1 PRECEDING) FROM readings GROUP BY 1, 2 ORDER BY 2, 1;
-- gap detection: every 10-minute slot, with the readings that fall in it
SELECT s.slot, count(r.v), avg(r.v)
  FROM generate_series(timestamptz '2024-03-01 00:00:00+00', timestamptz '2024-03-01 01:30:00+00', interval '10 minutes') AS s(slot)
  LEFT JOIN readings r ON date_bin('10 minutes', r.time, timestamptz '2024-03-01 00:00:00+00') = s.slot AND r.sensor = 's1'
  GROUP BY s.slot ORDER BY s.slot;
SELECT s.slot FROM generate_series(timestamptz '2024-03-01 00:00:00+00', timestamptz '2024-03-01 01:30:00+00', interval '15 minutes') AS s(slot)
  WHERE NOT EXISTS (SELECT 1 FROM readings r WHERE r.sensor = 's2' AND date_bin('15 minutes', r.time, timestamptz '2000-01-01 00:00:00+00') = s.slot) ORDER BY 1;
SELECT g::date FROM generate_series(date '2024-02-27', date '2024-03-02', interval '1 day') g ORDER BY 1;
-- more argument types
SELECT date_bin('1 day', date '2024-01-10', timestamp '2000-01-01 06:00:00'), date_bin('2 hours', timestamp '2024-01-10 05:00:00', date '2024-01-01');
SELECT date_bin('15 minutes', time, timestamptz '2024-03-01 00:07:30+00') AS bin, count(*) FROM readings WHERE sensor = 's1' GROUP BY 1 ORDER BY 1;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY v * 2), percentile_disc(0.5) WITHIN GROUP (ORDER BY day), percentile_disc(0.5) WITHIN GROUP (ORDER BY ts DESC) FROM readings;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY n::smallint), percentile_disc(0.5) WITHIN GROUP (ORDER BY b), percentile_cont(0.5) WITHIN GROUP (ORDER BY v::real), percentile_disc(0.75) WITHIN GROUP (ORDER BY v::real) FROM readings;
SELECT percentile_cont(0.3) WITHIN GROUP (ORDER BY d), percentile_disc(ARRAY[0.3, 0.6]) WITHIN GROUP (ORDER BY d), pg_typeof(percentile_cont(0.3) WITHIN GROUP (ORDER BY d)) FROM readings;
SELECT p, percentile_cont(p) WITHIN GROUP (ORDER BY v) FROM readings, (VALUES (0.1), (0.5), (0.9)) f(p) GROUP BY p ORDER BY p;
SELECT sensor, percentile_disc(0.5) WITHIN GROUP (ORDER BY v) FROM readings GROUP BY sensor HAVING percentile_cont(0.5) WITHIN GROUP (ORDER BY v) > 10 ORDER BY sensor;
SELECT mode() WITHIN GROUP (ORDER BY v DESC), mode() WITHIN GROUP (ORDER BY day), mode() WITHIN GROUP (ORDER BY dur) FROM readings;
SELECT stddev(v::real), var_pop(n::smallint), stddev_pop(b), variance(d::float8) FROM readings;
SELECT regr_slope(d, n), regr_intercept(b, d), corr(n, b), covar_pop(n::smallint, v::real) FROM readings;
SELECT min(x), max(x) FROM (VALUES (interval '1 mon'), (interval '30 days'), (interval '29 days 24 hours')) t(x);
SELECT max(x), min(x) FROM (VALUES (interval '30 days'), (interval '1 mon')) t(x);
SELECT count(DISTINCT date_trunc('hour', time)), sum(DISTINCT n) FILTER (WHERE sensor <> 's3') FROM readings;
SELECT sensor, time, n, sum(n) OVER (PARTITION BY sensor ORDER BY n RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM readings ORDER BY sensor, n NULLS FIRST, time;
SELECT sensor, time, v, avg(v) OVER w, count(v) OVER w FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY time RANGE BETWEEN INTERVAL '30 minutes' PRECEDING AND INTERVAL '10 minutes' PRECEDING) ORDER BY sensor, time;
SELECT sensor, time, v, lag(v, 1, -1.5) OVER w AS prev, lead(time, 1, timestamptz '2099-01-01') OVER w AS next_time, first_value(time) OVER w FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY time DESC) ORDER BY sensor, time;
SELECT sensor, time, v, percent_rank() OVER w, cume_dist() OVER w FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY v) ORDER BY sensor, v NULLS LAST, time;
-- float overflow and infinities in the statistics (float8_accum, float8_regr_accum)
SELECT corr(x, y) FROM (VALUES (1e300::float8, 1::float8), (-1e300, 2)) t(x, y);
SELECT covar_pop(x, y), regr_sxx(x, y), regr_syy(x, y), corr(x, y) FROM (VALUES ('infinity'::float8, 1::float8), (1, 2), (3, 4)) t(x, y);
SELECT variance(x), stddev_pop(x) FROM (VALUES ('infinity'::float8), (1), (2)) t(x);
SELECT variance(x), var_pop(x) FROM (VALUES ('NaN'::float8), (1)) t(x);
-- ordered-set aggregates need WITHIN GROUP
SELECT percentile_cont(0.5) FROM readings;
SELECT percentile_disc(ARRAY[0.5]) FROM readings;
SELECT mode() FROM readings;
-- statistics over a thousand generated rows
SELECT stddev(x), variance(x), stddev_pop(x::bigint), var_pop(x::numeric / 7), stddev_samp(x::smallint) FROM generate_series(1, 1000) x;
SELECT stddev((x * 37 % 101)::float8 / 7), corr((x * 37 % 101)::float8, x), regr_slope(x * 1.5 + (x * 37 % 101), x), regr_intercept(x * 1.5 + (x * 37 % 101), x), covar_samp(x % 13, x % 7) FROM generate_series(1, 1000) x;
SELECT percentile_cont(0.37) WITHIN GROUP (ORDER BY (x * 37 % 101)::float8 / 7), percentile_disc(0.37) WITHIN GROUP (ORDER BY x % 17), mode() WITHIN GROUP (ORDER BY x % 17 DESC) FROM generate_series(1, 1000) x;
SELECT x % 5 AS k, percentile_cont(ARRAY[0.1, 0.9]) WITHIN GROUP (ORDER BY x), percentile_disc(0.5) WITHIN GROUP (ORDER BY -x), stddev(x) FROM generate_series(1, 100) x GROUP BY 1 ORDER BY 1;
-- avg, stddev and variance as window functions keep PostgreSQL's types and scales
SELECT x, var_pop(x) OVER w, var_samp(x) OVER w, stddev_pop(x) OVER w, stddev(x::float8) OVER w, avg(x) OVER w, avg(x::float8) OVER w, avg(x::numeric) OVER w FROM (VALUES (5), (8), (8), (8)) t(x) WINDOW w AS (ORDER BY x ROWS 1 PRECEDING);
SELECT sensor, time, n, stddev(n) OVER w, variance(d) OVER w, avg(b) OVER w, stddev_pop(v) OVER w FROM readings WINDOW w AS (PARTITION BY sensor ORDER BY time ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY sensor, time;
SELECT sensor, avg(n) OVER (PARTITION BY sensor), pg_typeof(avg(n) OVER ()), pg_typeof(stddev(n) OVER ()), pg_typeof(var_pop(v) OVER ()) FROM readings ORDER BY sensor LIMIT 4;
