-- TimescaleDB gap filling: time_bucket_gapfill, locf and interpolate. There is no TimescaleDB here: the expected
-- output follows TimescaleDB's gapfill node (tsl/src/nodes/gapfill: gapfill_exec.c, locf.c, interpolate.c) and its
-- docs, every line worked out by hand.
CREATE TABLE conditions (time timestamptz NOT NULL, device text, temp float8, hum int);
INSERT INTO conditions VALUES ('2024-01-01 00:15:00+00', 'a', 10, 40), ('2024-01-01 00:45:00+00', 'a', 12, 42), ('2024-01-01 03:30:00+00', 'a', 18, 50), ('2024-01-01 01:10:00+00', 'b', 20, 60), ('2024-01-01 02:20:00+00', 'b', NULL, 61), ('2024-01-01 05:50:00+00', 'b', 30, 70);
-- each device gets every hour of [start, finish); gaps have NULL aggregates, locf carries the last value (a NULL
-- too), interpolate needs a real value on both sides
SELECT time_bucket_gapfill('1 hour', time) AS hour, device, avg(temp), locf(avg(temp)), interpolate(avg(temp)) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-01 06:00' GROUP BY hour, device ORDER BY hour, device;
SELECT time_bucket_gapfill('1 hour', time) AS hour, device, avg(temp), locf(avg(temp), treat_null_as_missing => true) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-01 06:00' GROUP BY hour, device ORDER BY device, hour;
-- integers interpolate in exact arithmetic, rounded half away from zero
SELECT time_bucket_gapfill('1 hour', time) AS hour, device, max(hum), interpolate(max(hum)), interpolate(max(hum)::int8) AS i8, interpolate(max(hum)::int2) AS i2, interpolate(max(temp)::real) AS r FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-01 06:00' GROUP BY hour, device ORDER BY device, hour;
-- aggregates are NULL in inserted rows, count(*) too; expressions over them are computed on the NULLs
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*), coalesce(count(*), 0) AS n, max(hum) + 1 AS h1, 'x' AS c FROM conditions WHERE device = 'a' AND time >= '2024-01-01' AND time < '2024-01-01 05:00' GROUP BY hour ORDER BY hour;
-- locf/interpolate inside expressions (TimescaleDB rejects these with "locf must be toplevel function call"; EpochDB
-- computes the marker, then the expression around it)
SELECT time_bucket_gapfill('1 hour', time) AS hour, round(interpolate(avg(temp))::numeric, 2) AS t, locf(avg(temp))::int AS l, locf(max(device)) AS d FROM conditions WHERE device = 'a' AND time >= '2024-01-01' AND time < '2024-01-01 05:00' GROUP BY hour ORDER BY hour;
-- start and finish as arguments (positional and named): rows outside the range pass through unchanged
SELECT time_bucket_gapfill('1 hour', time, '2024-01-01 01:00+00'::timestamptz, '2024-01-01 04:00+00'::timestamptz) AS hour, device, max(hum) FROM conditions GROUP BY hour, device ORDER BY device, hour;
SELECT time_bucket_gapfill('1 hour', time, start => '2024-01-01 01:30', finish => '2024-01-01 03:00') AS hour, max(hum) FROM conditions WHERE device = 'b' GROUP BY hour ORDER BY hour;
SELECT time_bucket_gapfill('90 minutes', time, finish => '2024-01-01 06:00') AS t, count(*) FROM conditions WHERE time > '2024-01-01 00:15' GROUP BY t ORDER BY t;
-- bounds from the WHERE clause: > moves the start and <= the finish by a microsecond; the tightest bounds win
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*) FROM conditions WHERE time > '2024-01-01 00:59:59.999999' AND time <= '2024-01-01 03:00' GROUP BY hour ORDER BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*) FROM conditions WHERE time BETWEEN '2024-01-01 01:00' AND '2024-01-01 02:59:59.999999' GROUP BY hour ORDER BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*) FROM conditions WHERE time >= '2023-12-31' AND time >= '2024-01-01 04:00' AND time < '2024-01-02' AND time < '2024-01-01 06:00' GROUP BY hour ORDER BY hour;
SELECT time_bucket_gapfill('2 hours', time) AS h, count(*) FROM conditions WHERE '2024-01-01 01:00' <= time AND '2024-01-01 05:00' > time GROUP BY h ORDER BY h;
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*) FROM conditions WHERE time >= '2024-01-01 04:00' AND time < '2024-01-01 04:00'::timestamptz + interval '2 hours' GROUP BY hour ORDER BY hour;
-- HAVING filters before gaps are filled, so the filtered buckets come back as gaps
SELECT time_bucket_gapfill('1 hour', time) AS hour, max(hum) FROM conditions WHERE device = 'a' AND time >= '2024-01-01' AND time < '2024-01-01 04:00' GROUP BY hour HAVING max(hum) > 45 ORDER BY hour;
-- ORDER BY, LIMIT, subqueries and CTEs see the filled rows
SELECT time_bucket_gapfill('1 hour', time) AS hour, device, locf(max(hum)) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-01 06:00' GROUP BY hour, device ORDER BY hour DESC, device DESC LIMIT 4;
SELECT * FROM (SELECT time_bucket_gapfill('1 hour', time) AS hour, max(hum) AS m FROM conditions WHERE device = 'b' AND time >= '2024-01-01' AND time < '2024-01-01 06:00' GROUP BY hour) s WHERE hour >= '2024-01-01 03:00' ORDER BY hour;
WITH filled AS (SELECT time_bucket_gapfill('1 hour', time) AS hour, device, interpolate(max(hum)) AS h FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-01 06:00' GROUP BY hour, device) SELECT device, count(*), count(h), sum(h) FROM filled GROUP BY device ORDER BY device;
-- no rows: the whole grid without other group columns, nothing with them
SELECT time_bucket_gapfill('1 hour', time) AS hour, avg(temp), count(*), locf(avg(temp)) FROM conditions WHERE time >= '2025-01-01' AND time < '2025-01-01 03:00' GROUP BY hour ORDER BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, device, avg(temp) FROM conditions WHERE time >= '2025-01-01' AND time < '2025-01-01 03:00' GROUP BY hour, device ORDER BY hour;
-- NULL is a group of its own
INSERT INTO conditions VALUES ('2024-01-01 01:05:00+00', NULL, 5, 1);
SELECT time_bucket_gapfill('1 hour', time) AS hour, device, max(hum) FROM conditions WHERE device IS NULL AND time >= '2024-01-01' AND time < '2024-01-01 03:00' GROUP BY hour, device ORDER BY hour;
SELECT time_bucket_gapfill('2 hours', time) AS hour, device, count(*) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-01 04:00' GROUP BY device, hour ORDER BY device NULLS FIRST, hour;
DELETE FROM conditions WHERE device IS NULL;
-- prev and next lookups: used only for a gap at the start (prev) or after the group's last row (next)
SELECT time_bucket_gapfill('1 hour', time) AS hour, device, locf(max(hum), (SELECT 0)) AS l0, locf(max(hum), (SELECT max(hum) FROM conditions c2 WHERE c2.device = conditions.device AND c2.time < '2024-01-01 01:00')) AS lp FROM conditions WHERE time >= '2024-01-01 01:00' AND time < '2024-01-01 04:00' GROUP BY hour, device ORDER BY device, hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, interpolate(avg(temp), (SELECT ('2023-12-31 22:00+00'::timestamptz, 0::float8)), (SELECT ('2024-01-01 08:00+00'::timestamptz, 28::float8))) AS t FROM conditions WHERE device = 'a' AND time >= '2023-12-31 23:00' AND time < '2024-01-01 06:00' GROUP BY hour ORDER BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, device, interpolate(max(hum), prev => (SELECT (time_bucket('1 hour', c2.time), c2.hum) FROM conditions c2 WHERE c2.device = conditions.device AND c2.time < '2024-01-01 01:00' ORDER BY c2.time DESC LIMIT 1), next => (SELECT ('2024-01-01 08:00+00'::timestamptz, 100) FROM conditions c3 WHERE c3.device = conditions.device LIMIT 1)) AS h FROM conditions WHERE time >= '2024-01-01 01:00' AND time < '2024-01-01 07:00' GROUP BY hour, device ORDER BY device, hour;
-- no rows in the range and no other group columns: the lookups still give the values around it
SELECT time_bucket_gapfill('1 hour', time) AS hour, avg(temp), locf(avg(temp), (SELECT temp FROM conditions c2 WHERE c2.time < '2024-01-01 06:00' AND c2.temp IS NOT NULL ORDER BY c2.time DESC LIMIT 1)) AS l, interpolate(avg(temp), (SELECT ('2024-01-01 05:00+00'::timestamptz, 30::float8)), (SELECT ('2024-01-01 10:00+00'::timestamptz, 40::float8))) AS i FROM conditions WHERE time >= '2024-01-01 06:00' AND time < '2024-01-01 09:00' GROUP BY hour ORDER BY hour;
-- several other group columns (text and int): each combination gets its own grid
CREATE TABLE racks (time timestamptz, site text, rack int, v int);
INSERT INTO racks VALUES ('2024-01-01 00:05+00', 's1', 1, 1), ('2024-01-01 01:05+00', 's1', 2, 2), ('2024-01-01 00:35+00', 's2', 1, 3), (NULL, 's3', 1, 4);
SELECT time_bucket_gapfill('1 hour', time) AS h, site, rack, sum(v), locf(sum(v)) FROM racks WHERE site <> 's3' AND time >= '2024-01-01' AND time < '2024-01-01 02:00' GROUP BY h, site, rack ORDER BY site, rack, h;
-- a NULL bucket (time is NULL) is an error once the range is known
SELECT time_bucket_gapfill('1 hour', time, '2024-01-01'::timestamptz, '2024-01-01 01:00'::timestamptz) AS h, site, sum(v) FROM racks GROUP BY h, site;
-- integer time
CREATE TABLE readings (t int NOT NULL, sensor int, v int, f float8);
INSERT INTO readings VALUES (1, 1, 10, 1.5), (4, 1, 20, 3), (2, 2, 5, 2), (9, 1, 40, 4.5), (-3, 1, 7, 0);
SELECT time_bucket_gapfill(2, t) AS tb, avg(v), locf(max(v)), interpolate(max(v)), interpolate(max(f)) FROM readings WHERE t >= 0 AND t < 12 GROUP BY tb ORDER BY tb;
SELECT time_bucket_gapfill(3, t, 0, 9) AS tb, sensor, max(v) FROM readings GROUP BY tb, sensor ORDER BY sensor, tb;
SELECT time_bucket_gapfill(5::int8, t::int8, start => -5, finish => 10) AS tb, sum(v) FROM readings GROUP BY tb ORDER BY tb;
SELECT time_bucket_gapfill(2::int2, t::int2, 0::int2, 6::int2) AS tb, max(v) FROM readings GROUP BY tb ORDER BY tb;
SELECT time_bucket_gapfill(4, t) AS tb, count(*) FROM readings WHERE t > -1 AND t <= 7 GROUP BY tb ORDER BY tb;
-- date and timestamp columns, month widths
CREATE TABLE daily (day date NOT NULL, ts timestamp NOT NULL, v int);
INSERT INTO daily VALUES ('2024-01-02', '2024-01-31 12:00', 1), ('2024-01-05', '2024-03-15 00:00', 5);
SELECT time_bucket_gapfill('1 day', day) AS d, sum(v), interpolate(max(v)) FROM daily WHERE day >= '2024-01-01' AND day <= '2024-01-06' GROUP BY d ORDER BY d;
SELECT time_bucket_gapfill('1 month', ts) AS m, max(v), locf(max(v)) FROM daily WHERE ts >= '2023-12-10' AND ts < '2024-05-01' GROUP BY m ORDER BY m;
SELECT time_bucket_gapfill('1 month', time) AS m, count(*) FROM conditions WHERE time >= '2023-10-20' AND time < '2024-03-01' GROUP BY m ORDER BY m;
SELECT time_bucket_gapfill('1 week', day) AS w, sum(v) FROM daily WHERE day >= '2023-12-25' AND day < '2024-01-22' GROUP BY w ORDER BY w;
-- with a time zone the grid follows the zone's calendar: the days of the DST changes have 23 and 25 hours
CREATE TABLE berlin (time timestamptz NOT NULL, v float8);
INSERT INTO berlin VALUES ('2024-03-30 12:00+00', 1), ('2024-04-02 12:00+00', 4), ('2024-10-26 12:00+00', 10), ('2024-10-28 12:00+00', 30);
SELECT time_bucket_gapfill('1 day', time, 'Europe/Berlin') AS day, avg(v), interpolate(avg(v)) FROM berlin WHERE time >= '2024-03-29 23:00+00' AND time < '2024-04-02 22:00+00' GROUP BY day ORDER BY day;
SELECT time_bucket_gapfill('1 day', time, timezone => 'Europe/Berlin', start => '2024-10-25 22:00+00', finish => '2024-10-29 00:00+00') AS day, avg(v), locf(avg(v)) FROM berlin GROUP BY day ORDER BY day;
SELECT time_bucket_gapfill('6 hours', time, 'Europe/Berlin') AS t, count(*) FROM berlin WHERE time >= '2024-10-26 22:00+00' AND time < '2024-10-27 23:00+00' GROUP BY t ORDER BY t;
SELECT time_bucket_gapfill('1 month', time, 'Europe/Berlin') AS m, count(*) FROM berlin WHERE time >= '2024-02-15' AND time < '2024-05-01' GROUP BY m ORDER BY m;
-- without GROUP BY, time_bucket_gapfill is time_bucket and the markers return their argument
SELECT time_bucket_gapfill('1 hour', time) AS hour, locf(temp), interpolate(hum) FROM conditions WHERE device = 'a' ORDER BY time;
SELECT locf(1), interpolate(2.5::float8), locf('x'::text);
-- errors
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*) FROM conditions GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*) FROM conditions WHERE time >= '2024-01-01' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*) FROM conditions WHERE time = '2024-01-01' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, count(*) FROM conditions WHERE time > '2024-01-01' OR time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time + interval '1 minute') AS hour, count(*) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time + interval '1 minute', '2024-01-01'::timestamptz, '2024-01-01 02:00'::timestamptz) AS hour, count(*) FROM conditions WHERE device = 'a' GROUP BY hour ORDER BY hour;
SELECT time_bucket_gapfill('1 hour', time) + interval '1 minute' AS hour, count(*) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS a, time_bucket_gapfill('2 hours', time) AS b, count(*) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY a, b;
SELECT time_bucket_gapfill('0 hours', time) AS hour, count(*) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill(0, t) AS tb, count(*) FROM readings WHERE t >= 0 AND t < 10 GROUP BY tb;
SELECT time_bucket_gapfill('1 hour', time, start => NULL::timestamptz, finish => '2024-01-02') AS hour, count(*) FROM conditions GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, locf(avg(temp)) + interpolate(avg(temp)) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, interpolate(avg(hum)) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, locf(avg(temp), treat_null_as_missing => max(hum) > 0) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, interpolate(avg(temp), (SELECT (1, 2.0::float8))) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, interpolate(avg(temp), (SELECT ('2024-01-01'::timestamptz, 2))) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
SELECT time_bucket_gapfill('1 hour', time) AS hour, interpolate(avg(temp), (SELECT ('2024-01-01'::timestamptz, 2.0::float8, 3))) FROM conditions WHERE time >= '2024-01-01' AND time < '2024-01-02' GROUP BY hour;
